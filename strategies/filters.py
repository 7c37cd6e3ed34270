"""List filters for /api/v1/strategies/ and /api/v1/explanatory-materials/ (the search parameters' names)."""

from __future__ import annotations

import django_filters

from sherloc.api.filters import (
    CharInFilter,
    ChoiceInFilter,
    StableOrderingFilter,
    UpdatedSinceFilter,
    YearFilter,
    lower,
    upper,
)
from taxonomy.filters import VocabularyFilter, country_filter, region_filter, resolve_countries
from taxonomy.models import Article, CrimeType, Instrument, Issue, Language, Region

from .models import ExplanatoryMaterial, MaterialKind, Strategy, StrategyType


class _Tags(django_filters.FilterSet):
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
        paths=["original_language__code"], vocabulary=Language, normalise=lower, help_text="Original language codes."
    )
    updated_since = UpdatedSinceFilter()
    external_id = CharInFilter(field_name="external_id", help_text="Comma-separated external ids.")


class StrategyFilterSet(_Tags):
    # A regional document is found under its issuer and under every State it covers, as in the search.
    country = VocabularyFilter(
        paths=["country__alpha3", "covered_countries__alpha3"],
        resolve=resolve_countries,
        normalise=upper,
        through_many=True,
        help_text="Countries by ISO alpha-3 or alpha-2 code, comma-separated: the issuer or a covered State.",
    )
    region = VocabularyFilter(
        paths=[
            f"{path}__{level}__code"
            for path in ("country", "covered_countries")
            for level in ("region", "subregion", "intermediate_region")
        ],
        vocabulary=Region,
        through_many=True,
        help_text="UN M49 region, sub-region or intermediate region codes (e.g. 419), comma-separated.",
    )
    strategy_type = ChoiceInFilter(field_name="strategy_type", choices=StrategyType.choices)
    year_from = YearFilter(fields=["adoption_date"], bound="from", help_text="Adopted in or after this year.")
    year_to = YearFilter(fields=["adoption_date"], bound="to", help_text="Adopted in or before this year.")
    ordering = StableOrderingFilter(
        fields=(("title", "title"), ("adoption_date", "adoption_date"), ("updated_at", "updated_at"))
    )

    class Meta:
        model = Strategy
        fields: list[str] = []


class MaterialFilterSet(_Tags):
    country = country_filter("law__country")
    region = region_filter("law__country")
    law = CharInFilter(field_name="law__external_id", help_text="The law's external ids, comma-separated.")
    kind = ChoiceInFilter(field_name="kind", choices=MaterialKind.choices)
    year_from = YearFilter(fields=["date"], bound="from", help_text="Dated in or after this year.")
    year_to = YearFilter(fields=["date"], bound="to", help_text="Dated in or before this year.")
    ordering = StableOrderingFilter(fields=(("title", "title"), ("date", "date"), ("updated_at", "updated_at")))

    class Meta:
        model = ExplanatoryMaterial
        fields: list[str] = []
