"""API filters over the geography vocabulary, shared by the record apps' FilterSets.

Country codes resolve alpha-3 or alpha-2 to alpha-3; regions match a record's country's region,
sub-region or intermediate region (UN M49).
"""

from __future__ import annotations

from django.db.models import Q

from sherloc.api.filters import VocabularyFilter, upper

from .models import Country, Region


def resolve_countries(codes: list[str]) -> dict[str, str]:
    """Alpha-3 or alpha-2 -> alpha-3."""
    rows = Country.objects.filter(Q(alpha3__in=codes) | Q(alpha2__in=codes)).values_list("alpha3", "alpha2")
    out: dict[str, str] = {}
    for alpha3, alpha2 in rows:
        out[alpha3] = out[alpha2] = alpha3
    return out


def country_filter(path: str = "country", **kwargs: object) -> VocabularyFilter:
    return VocabularyFilter(
        paths=[f"{path}__alpha3"],
        resolve=resolve_countries,
        normalise=upper,
        help_text="Countries by ISO alpha-3 or alpha-2 code, comma-separated (XIR: international bodies).",
        **kwargs,
    )


def region_filter(path: str = "country", **kwargs: object) -> VocabularyFilter:
    return VocabularyFilter(
        paths=[f"{path}__region__code", f"{path}__subregion__code", f"{path}__intermediate_region__code"],
        vocabulary=Region,
        help_text="UN M49 region, sub-region or intermediate region codes (e.g. 419), comma-separated.",
        **kwargs,
    )
