"""List filters for /api/v1/laws/ and /api/v1/provisions/ (same names as the search parameters).

Tags live on provisions, so a law matches a tag filter when any of its provisions does.
"""

from __future__ import annotations

import django_filters

from sherloc.api.filters import (
    CharInFilter,
    ChoiceInFilter,
    DateFilter,
    IdInFilter,
    StableOrderingFilter,
    UpdatedSinceFilter,
    YearFilter,
    lower,
    upper,
)
from taxonomy.filters import VocabularyFilter, country_filter, region_filter
from taxonomy.models import Article, CrimeSubType, CrimeType, Instrument, Issue, Language

from .models import Law, LawType, LegalStatus, Provision


def tag_filters(prefix: str) -> type[django_filters.FilterSet]:
    """A FilterSet base with instrument/article/crime_type/crime_subtype/issue filters on the provision
    tags reached via `prefix` ('' from a provision, 'provisions__' from a law)."""
    declared = {
        "instrument": VocabularyFilter(
            paths=[f"{prefix}articles__instrument__code"], vocabulary=Instrument, normalise=upper, through_many=True
        ),
        "article": VocabularyFilter(
            paths=[f"{prefix}articles__code"], vocabulary=Article, normalise=upper, through_many=True
        ),
        "crime_type": VocabularyFilter(
            paths=[f"{prefix}crime_types__code"], vocabulary=CrimeType, normalise=lower, through_many=True
        ),
        "crime_subtype": VocabularyFilter(
            paths=[f"{prefix}crime_subtypes__code"],
            vocabulary=CrimeSubType,
            normalise=lower,
            through_many=True,
            descendants=True,  # a family (trafficking-in-persons.means) filters as a whole
        ),
        "issue": VocabularyFilter(
            paths=[f"{prefix}issues__code"],
            vocabulary=Issue,
            normalise=lower,
            descendants=True,
            through_many=True,
            help_text="Cross-cutting issue codes; an issue also matches everything below it in the tree.",
        ),
    }
    return type(f"TagFilters_{prefix or 'self'}", (django_filters.FilterSet,), declared)


LAW_YEAR_FIELDS = ("adoption_date", "entry_into_force_date")


class LawFilterSet(tag_filters("provisions__")):
    country = country_filter()
    region = region_filter()
    language = VocabularyFilter(
        paths=["original_language__code"], vocabulary=Language, normalise=lower, help_text="Original language codes."
    )
    law_type = ChoiceInFilter(field_name="law_type", choices=LawType.choices)
    legal_status = ChoiceInFilter(field_name="legal_status", choices=LegalStatus.choices)
    year_from = YearFilter(fields=LAW_YEAR_FIELDS, bound="from", help_text="Adopted (else in force) in or after.")
    year_to = YearFilter(fields=LAW_YEAR_FIELDS, bound="to", help_text="Adopted (else in force) in or before.")
    adopted_from = DateFilter(field_name="adoption_date", lookup_expr="gte", help_text="Adopted on or after.")
    adopted_to = DateFilter(field_name="adoption_date", lookup_expr="lte", help_text="Adopted on or before.")
    updated_since = UpdatedSinceFilter()
    external_id = CharInFilter(field_name="external_id", help_text="Comma-separated external ids.")
    ordering = StableOrderingFilter(
        fields=(
            ("title", "title"),
            ("adoption_date", "adoption_date"),
            ("updated_at", "updated_at"),
            ("country__name", "country"),
        )
    )

    class Meta:
        model = Law
        fields: list[str] = []


class ProvisionFilterSet(tag_filters("")):
    law = IdInFilter(field_name="law_id", help_text="Comma-separated law ids.")
    country = country_filter("law__country")
    region = region_filter("law__country")
    language = VocabularyFilter(
        paths=["language__code"], vocabulary=Language, normalise=lower, help_text="Language of the provision text."
    )
    law_type = ChoiceInFilter(field_name="law__law_type", choices=LawType.choices)
    legal_status = ChoiceInFilter(field_name="law__legal_status", choices=LegalStatus.choices)
    year_from = YearFilter(fields=[f"law__{f}" for f in LAW_YEAR_FIELDS], bound="from")
    year_to = YearFilter(fields=[f"law__{f}" for f in LAW_YEAR_FIELDS], bound="to")
    updated_since = UpdatedSinceFilter("law__updated_at", help_text="Provisions whose law changed at or after this.")
    ordering = StableOrderingFilter(fields=(("law", "law"), ("order", "order"), ("law__updated_at", "updated_at")))

    class Meta:
        model = Provision
        fields: list[str] = []
