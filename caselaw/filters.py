"""List filters for /api/v1/cases/ (same names as the search parameters)."""

from __future__ import annotations

import django_filters
from django.db.models import F, OrderBy

from sherloc.api.filters import (
    CharInFilter,
    ChoiceInFilter,
    DateFilter,
    StableOrderingFilter,
    UpdatedSinceFilter,
    YearFilter,
    lower,
    upper,
)
from taxonomy.filters import VocabularyFilter, country_filter, region_filter
from taxonomy.models import Article, CrimeSubType, CrimeType, Instrument, Issue, Language

from .models import Case, CourtLevel, ProceduralStage


class CaseOrderingFilter(StableOrderingFilter):
    """Unknown decision dates sort last both ways, in every database (PostgreSQL puts NULLs first when
    descending, SQLite when ascending)."""

    def get_ordering_value(self, param: str) -> str | OrderBy:
        value = super().get_ordering_value(param)
        if isinstance(value, str) and value.lstrip("-") == "decision_date":
            field = F("decision_date")
            return field.desc(nulls_last=True) if value.startswith("-") else field.asc(nulls_last=True)
        return value


class CaseFilterSet(django_filters.FilterSet):
    country = country_filter()
    region = region_filter()
    instrument = VocabularyFilter(
        paths=["articles__instrument__code"], vocabulary=Instrument, normalise=upper, through_many=True
    )
    article = VocabularyFilter(paths=["articles__code"], vocabulary=Article, normalise=upper, through_many=True)
    crime_type = VocabularyFilter(paths=["crime_types__code"], vocabulary=CrimeType, normalise=lower, through_many=True)
    crime_subtype = VocabularyFilter(
        paths=["crime_subtypes__code"],
        vocabulary=CrimeSubType,
        normalise=lower,
        through_many=True,
        descendants=True,  # a family (trafficking-in-persons.means) filters as a whole
    )
    issue = VocabularyFilter(
        paths=["issues__code"],
        vocabulary=Issue,
        normalise=lower,
        descendants=True,
        through_many=True,
        help_text="Cross-cutting issue codes; an issue also matches everything below it in the tree.",
    )
    language = VocabularyFilter(
        paths=["original_language__code"], vocabulary=Language, normalise=lower, help_text="Original language codes."
    )
    court_level = ChoiceInFilter(field_name="court__level", choices=CourtLevel.choices)
    procedural_stage = ChoiceInFilter(field_name="procedural_stage", choices=ProceduralStage.choices)
    year_from = YearFilter(fields=["decision_date"], bound="from", help_text="Decided in or after this year.")
    year_to = YearFilter(fields=["decision_date"], bound="to", help_text="Decided in or before this year.")
    decided_from = DateFilter(field_name="decision_date", lookup_expr="gte", help_text="Decided on or after.")
    decided_to = DateFilter(field_name="decision_date", lookup_expr="lte", help_text="Decided on or before.")
    updated_since = UpdatedSinceFilter()
    source_number = CharInFilter(field_name="source_number", help_text="Comma-separated source numbers (BRA016).")
    portal_number = CharInFilter(field_name="portal_number", help_text="Comma-separated portal numbers (BRA042).")
    external_id = CharInFilter(field_name="external_id", help_text="Comma-separated external ids.")
    ordering = CaseOrderingFilter(
        fields=(
            ("decision_date", "decision_date"),
            ("title", "title"),
            ("portal_number", "portal_number"),
            ("updated_at", "updated_at"),
        )
    )

    class Meta:
        model = Case
        fields: list[str] = []
