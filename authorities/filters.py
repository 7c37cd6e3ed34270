"""List filters for /api/v1/authorities/. Only public fields are filterable: filtering on a contact
field would let anyone probe values they may not read."""

from __future__ import annotations

import django_filters

from sherloc.api.filters import (
    CharInFilter,
    StableOrderingFilter,
    UpdatedSinceFilter,
    lower,
    upper,
)
from taxonomy.filters import VocabularyFilter, country_filter, region_filter
from taxonomy.models import Article, AuthorityRole, CrimeType, Instrument, Language

from .models import CompetentAuthority


class AuthorityFilterSet(django_filters.FilterSet):
    country = country_filter()
    region = region_filter()
    role = VocabularyFilter(
        paths=["roles__code"], vocabulary=AuthorityRole, normalise=lower, through_many=True, help_text="Role codes."
    )
    instrument = VocabularyFilter(
        paths=["articles__instrument__code"], vocabulary=Instrument, normalise=upper, through_many=True
    )
    article = VocabularyFilter(paths=["articles__code"], vocabulary=Article, normalise=upper, through_many=True)
    crime_type = VocabularyFilter(paths=["crime_types__code"], vocabulary=CrimeType, normalise=lower, through_many=True)
    language = VocabularyFilter(
        paths=["original_language__code"], vocabulary=Language, normalise=lower, help_text="Original language codes."
    )
    updated_since = UpdatedSinceFilter()
    external_id = CharInFilter(field_name="external_id", help_text="Comma-separated external ids.")
    ordering = StableOrderingFilter(
        fields=(("name", "name"), ("country__name", "country"), ("updated_at", "updated_at"))
    )

    class Meta:
        model = CompetentAuthority
        fields: list[str] = []
