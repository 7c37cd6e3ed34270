"""List filters for /api/v1/treaty-status/ (the search parameters' names: country, region, instrument)."""

from __future__ import annotations

import django_filters

from sherloc.api.filters import ChoiceInFilter, UpdatedSinceFilter, upper
from taxonomy.filters import VocabularyFilter, country_filter, region_filter
from taxonomy.models import Instrument

from .models import ConsentKind, TreatyStatus


class TreatyStatusFilterSet(django_filters.FilterSet):
    country = country_filter()
    region = region_filter()
    instrument = VocabularyFilter(
        paths=["instrument__code"],
        vocabulary=Instrument,
        normalise=upper,
        help_text="Instrument codes (UNTOC, TIP, SOM, FIREARMS), comma-separated.",
    )
    consent_kind = ChoiceInFilter(choices=ConsentKind.choices, help_text="Kinds of consent, comma-separated.")
    is_party = django_filters.BooleanFilter(
        field_name="consent_date", lookup_expr="isnull", exclude=True, help_text="true: parties only; false: others."
    )
    updated_since = UpdatedSinceFilter()

    class Meta:
        model = TreatyStatus
        fields: list[str] = []
