"""API filters over vocabularies, shared by the record apps' FilterSets and the vocabulary endpoints.

Every vocabulary filter takes a comma list of CODES (never pks), checks them against the vocabulary
registry and answers 400 naming the parameter for an unknown code: a typo must not silently return
everything. Country codes resolve alpha-3 or alpha-2 to alpha-3; regions match a record's country's
region, sub-region or intermediate region (UN M49).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import django_filters
from django import forms
from django.db.models import Model, Q, QuerySet
from django_filters.fields import BaseCSVField

from sherloc.api.filters import MAX_VALUES, SchemaHintMixin, upper

from . import registry
from .models import Region


def resolve_countries(codes: list[str]) -> dict[str, str]:
    """Alpha-3 or alpha-2 -> alpha-3."""
    countries = registry.vocabulary("country")
    return {c: code for c in codes if (code := countries.resolve(c)) is not None}


class VocabularyCSVField(BaseCSVField):
    """Comma list of codes of one vocabulary, validated against the registry, returned canonical."""

    def __init__(
        self,
        *args: object,
        vocabulary: type[Model] | None = None,
        normalise: Callable[[str], str] = str,
        resolve: Callable[[list[str]], dict[str, str]] | None = None,
        **kwargs: object,
    ) -> None:
        self.vocabulary, self.normalise, self.resolve = vocabulary, normalise, resolve
        super().__init__(*args, **kwargs)

    def clean(self, value: object) -> list[str] | None:
        values = super().clean(value)
        if not values:
            return None
        codes = list(dict.fromkeys(self.normalise(v.strip()) for v in values if v and v.strip()))
        if not codes:  # "instrument=," is "instrument=": an empty filter is an absent one, as in search
            return None
        if len(codes) > MAX_VALUES:
            raise forms.ValidationError(f"At most {MAX_VALUES} values.")
        found = self.resolve(codes) if self.resolve else self._lookup(codes)
        missing = [c for c in codes if c not in found]
        if missing:
            raise forms.ValidationError(f"Unknown code(s): {', '.join(missing)}.")
        return list(dict.fromkeys(found[c] for c in codes))

    def _lookup(self, codes: list[str]) -> dict[str, str]:
        vocabulary = registry.vocabulary(registry.name_for_model(self.vocabulary))
        return {c: code for c in codes if (code := vocabulary.resolve(c)) is not None}


class VocabularyFilter(SchemaHintMixin, django_filters.BaseInFilter, django_filters.CharFilter):
    """`?article=UNTOC-18,TIP-5`: OR within the parameter, AND with the other parameters.

    paths: lookups (without `__in`) that hold the code; several paths are ORed (region: region,
    sub-region or intermediate region). `descendants`: also match codes below in a dotted tree
    (issue `investigation` matches `investigation.sit.undercover`). `through_many`: the path crosses
    a to-many relation, filter with a subquery.
    """

    base_field_class = VocabularyCSVField

    def __init__(
        self,
        *,
        paths: Sequence[str],
        vocabulary: type[Model] | None = None,
        normalise: Callable[[str], str] = str,
        resolve: Callable[[list[str]], dict[str, str]] | None = None,
        descendants: bool = False,
        through_many: bool = False,
        **kwargs: object,
    ) -> None:
        self.paths, self.descendants, self.through_many = tuple(paths), descendants, through_many
        noun = vocabulary._meta.verbose_name if vocabulary is not None else "vocabulary"
        kwargs.setdefault("help_text", f"Comma-separated {noun} codes; a record matching any of them is returned.")
        super().__init__(
            field_name=self.paths[0], vocabulary=vocabulary, normalise=normalise, resolve=resolve, **kwargs
        )

    def condition(self, codes: list[str]) -> Q:
        q = Q()
        for path in self.paths:
            q |= Q(**{f"{path}__in": codes})
            if self.descendants:
                for code in codes:
                    q |= Q(**{f"{path}__startswith": f"{code}."})
        return q

    def filter(self, qs: QuerySet, value: list[str] | None) -> QuerySet:
        if not value:
            return qs
        condition = self.condition(value)
        if self.through_many:
            return qs.filter(pk__in=qs.model._base_manager.filter(condition).values("pk"))
        return qs.filter(condition)


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
