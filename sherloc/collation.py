"""Sorting names the way readers of each language expect (Unicode collation, CLDR tailorings).

With PyICU installed (the `icu` extra: `pip install -e ".[icu]"`, needs the ICU library) lists follow each
language's collation: Chinese by pinyin, Spanish with "ñ" after "n", French ignoring accents on the first
pass. Without it the key folds case and accents, which is right for the Latin, Cyrillic and Arabic
scripts but leaves Chinese in code point order; `ICU_AVAILABLE` says which one is in use.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

from .language_codes import base_language

try:  # PyICU is optional: a compiled extension that needs the ICU library on the machine
    import icu
except ImportError:  # pragma: no cover - depends on the installation
    icu = None

ICU_AVAILABLE = icu is not None
T = TypeVar("T")

# Django language codes -> ICU locales ("zh-hans" is simplified Chinese, whose default order is pinyin).
_ICU_LOCALES = {"zh-hans": "zh_Hans", "ar": "ar", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}


def _fallback_key(text: str) -> tuple[str, str]:
    """Accents and case ignored first ("Équateur" beside "Egypte"), then used to break ties."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return folded.casefold(), text


@lru_cache(maxsize=16)
def sort_key(language: str | None) -> Callable[[str], object]:
    """A key function ordering strings as readers of `language` (a Django code: 'fr', 'zh-hans') expect."""
    if icu is None:
        return _fallback_key
    lang = base_language(language)
    collator = icu.Collator.createInstance(icu.Locale(_ICU_LOCALES.get(lang, lang.replace("-", "_"))))
    return collator.getSortKey


def sort_by_label(items: Iterable[T], label: Callable[[T], str], language: str | None) -> list[T]:
    """`items` sorted by their label in the language's collation (a stable sort: ties keep their order)."""
    key = sort_key(language)
    return sorted(items, key=lambda item: key(label(item) or ""))
