"""The guidance an article page shows: the family says which text belongs there, `portal` only renders it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max

from sherloc.language_codes import base_language

from .models import FALLBACK_LANGUAGE, ArticleGuidance, GuidanceLanguage


@dataclass(frozen=True)
class ShownGuidance:
    guidance: ArticleGuidance
    fallback: bool  # English shown because the page's language has none: the page says so

    @property
    def direction(self) -> str:
        return "rtl" if self.guidance.language == GuidanceLanguage.ARABIC else "ltr"


def _language(lang: str | None) -> str:
    """The guidance language of a page language ('zh-hans', 'fr-ca' -> 'fr'); English when not a UN language."""
    base = base_language(lang)
    return base if base in GuidanceLanguage.values else FALLBACK_LANGUAGE


def for_article(article: object, lang: str | None) -> ShownGuidance | None:
    """The published guidance on `article` in the page's language, else in English (marked); None when
    neither is published. One query."""
    wanted = _language(lang)
    rows = {
        g.language: g
        for g in ArticleGuidance.objects.published()
        .originals()
        .filter(article=article, language__in={wanted, FALLBACK_LANGUAGE})
    }
    if wanted in rows:
        return ShownGuidance(rows[wanted], fallback=False)
    if FALLBACK_LANGUAGE in rows:
        return ShownGuidance(rows[FALLBACK_LANGUAGE], fallback=True)
    return None


def last_changes() -> dict[int, dt.datetime]:
    """{article pk: when its published guidance (any language) last changed}: the article page's lastmod
    in the sitemap. One GROUP BY."""
    rows = (
        ArticleGuidance.objects.published().originals().order_by().values("article_id").annotate(last=Max("updated_at"))
    )
    return {row["article_id"]: row["last"] for row in rows}
