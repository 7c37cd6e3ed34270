"""List filters for /api/v1/publications/ (the search parameters' names)."""

from __future__ import annotations

import django_filters

from sherloc.api.filters import CharInFilter, ChoiceInFilter, StableOrderingFilter, UpdatedSinceFilter, lower, upper
from taxonomy.filters import VocabularyFilter, resolve_countries
from taxonomy.models import Article, CrimeType, Instrument, Issue, Language, Region

from .identifiers import normalise_doi
from .models import YEAR_MAX, YEAR_MIN, Publication, PublicationType, ResearchMethod


class PublicationFilterSet(django_filters.FilterSet):
    country = VocabularyFilter(
        paths=["countries__alpha3"],
        resolve=resolve_countries,
        normalise=upper,
        through_many=True,
        help_text="Countries covered, by ISO alpha-3 or alpha-2 code, comma-separated.",
    )
    region = VocabularyFilter(
        paths=[f"countries__{level}__code" for level in ("region", "subregion", "intermediate_region")],
        vocabulary=Region,
        through_many=True,
        help_text="UN M49 region, sub-region or intermediate region codes of the countries covered (e.g. 419).",
    )
    instrument = VocabularyFilter(
        paths=["articles__instrument__code"], vocabulary=Instrument, normalise=upper, through_many=True
    )
    article = VocabularyFilter(paths=["articles__code"], vocabulary=Article, normalise=upper, through_many=True)
    crime_type = VocabularyFilter(paths=["crime_types__code"], vocabulary=CrimeType, normalise=lower, through_many=True)
    issue = VocabularyFilter(
        paths=["issues__code"],
        vocabulary=Issue,
        normalise=lower,
        descendants=True,
        through_many=True,
        help_text="Cross-cutting issue codes; an issue also matches everything below it in the tree.",
    )
    language = VocabularyFilter(
        paths=["original_language__code"], vocabulary=Language, normalise=lower, help_text="Language codes."
    )
    publication_type = ChoiceInFilter(field_name="publication_type", choices=PublicationType.choices)
    research_method = ChoiceInFilter(field_name="research_method", choices=ResearchMethod.choices)
    doi = django_filters.CharFilter(method="filter_doi", help_text="A DOI, with or without https://doi.org/.")
    year_from = django_filters.NumberFilter(
        field_name="year",
        lookup_expr="gte",
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        help_text="Published in or after.",
    )
    year_to = django_filters.NumberFilter(
        field_name="year",
        lookup_expr="lte",
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        help_text="Published in or before.",
    )
    updated_since = UpdatedSinceFilter()
    external_id = CharInFilter(field_name="external_id", help_text="Comma-separated external ids.")
    ordering = StableOrderingFilter(fields=(("title", "title"), ("year", "year"), ("updated_at", "updated_at")))

    class Meta:
        model = Publication
        fields: list[str] = []

    def filter_doi(self, queryset: object, name: str, value: str) -> object:
        return queryset.filter(doi=normalise_doi(value)) if value else queryset
