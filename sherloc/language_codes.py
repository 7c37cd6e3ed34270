"""Language codes: the one rule mapping Django's language codes to the keys of label translations."""

from __future__ import annotations


def base_language(lang: str | None) -> str:
    """Normalise a Django language code ('fr-ch', 'zh-hans') to the key used in label translations."""
    if not lang:
        return "en"
    lang = lang.lower()
    return "zh-hans" if lang.startswith("zh") else lang.split("-")[0]
