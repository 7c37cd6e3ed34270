"""List filters for /api/v1/guidance/ (the search parameters' names)."""

from __future__ import annotations

import django_filters

from sherloc.api.filters import CharInFilter, StableOrderingFilter, UpdatedSinceFilter, lower, upper
from taxonomy.filters import VocabularyFilter
from taxonomy.models import Article, Instrument, Language

from .models import ArticleGuidance


class GuidanceFilterSet(django_filters.FilterSet):
    instrument = VocabularyFilter(paths=["article__instrument__code"], vocabulary=Instrument, normalise=upper)
    article = VocabularyFilter(paths=["article__code"], vocabulary=Article, normalise=upper)
    language = VocabularyFilter(
        paths=["language"],
        vocabulary=Language,
        normalise=lower,
        help_text="Language codes (ar, zh-hans, en, fr, ru, es), comma-separated.",
    )
    updated_since = UpdatedSinceFilter()
    external_id = CharInFilter(field_name="external_id", help_text="Comma-separated external ids.")
    ordering = StableOrderingFilter(fields=(("updated_at", "updated_at"),))

    class Meta:
        model = ArticleGuidance
        fields: list[str] = []
