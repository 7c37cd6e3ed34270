"""Which language the labels of a response are in: `?lang=` first, then Accept-Language.

Vocabulary labels come in the six UN languages (`label_in()`); record texts are returned as stored.
"""

from __future__ import annotations

import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import translation
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from sherloc.language_codes import base_language

LANG_PARAM = "lang"


def supported_languages() -> tuple[str, ...]:
    return tuple(code for code, _ in settings.LANGUAGES)


@functools.lru_cache(maxsize=128)
def normalise(value: str) -> str | None:
    """'FR', 'fr-CA', 'zh', 'zh-Hans-CN' -> a code of settings.LANGUAGES, or None. Remembered: every
    API call asks it (about the request's language), and the answers depend only on LANGUAGES."""
    code = base_language(value.strip())
    return code if code in supported_languages() else None


@receiver(setting_changed)
def _forget(*, setting: str, **kwargs: object) -> None:
    if setting == "LANGUAGES":
        normalise.cache_clear()


def negotiate(request: Request) -> str:
    """`?lang=` (a 400 naming it when unsupported), else the request's language."""
    raw = request.query_params.get(LANG_PARAM)
    if raw is not None and raw.strip():  # an empty value is an absent one, as for every parameter
        code = normalise(raw)
        if code is None:
            raise ValidationError(
                {LANG_PARAM: [f"Unsupported language; use one of: {', '.join(supported_languages())}."]}
            )
        return code
    # LocaleMiddleware has already read Accept-Language (and the language cookie) into LANGUAGE_CODE.
    return (
        normalise(getattr(request, "LANGUAGE_CODE", "") or translation.get_language() or "") or settings.LANGUAGE_CODE
    )
