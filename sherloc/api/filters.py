"""Reusable django-filter pieces for the record FilterSets (legislation, caselaw, authorities).

Every vocabulary filter takes a comma list of CODES (never pks), checks them against the vocabulary
registry (taxonomy.registry, no query) and answers 400 naming the parameter for an unknown code: a
typo must not silently return everything. Filters that cross a many-to-many relation filter with
`pk IN (subquery)` so rows are never duplicated and no DISTINCT is needed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import django_filters
from django import forms
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django_filters.fields import BaseCSVField
from drf_spectacular.drainage import set_override

from taxonomy import registry

MAX_VALUES = 50


class SchemaHintMixin:
    """Tells drf-spectacular the parameter's schema (and keeps its help_text as the description):
    custom filters are otherwise guessed from model fields, and class-level hints drop descriptions."""

    schema_hint: dict = {"type": "string"}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        hint = dict(self.schema_hint)
        if self.extra.get("help_text"):
            hint["description"] = str(self.extra["help_text"])
        set_override(self, "field", hint)


def upper(value: str) -> str:
    return value.upper()


def lower(value: str) -> str:
    return value.lower()


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


def resolve_countries(codes: list[str]) -> dict[str, str]:
    """Alpha-3 or alpha-2 -> alpha-3."""
    countries = registry.vocabulary("country")
    return {c: code for c in codes if (code := countries.resolve(c)) is not None}


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
    from taxonomy.models import Region

    return VocabularyFilter(
        paths=[f"{path}__region__code", f"{path}__subregion__code", f"{path}__intermediate_region__code"],
        vocabulary=Region,
        help_text="UN M49 region, sub-region or intermediate region codes (e.g. 419), comma-separated.",
        **kwargs,
    )


class ChoiceInFilter(django_filters.BaseInFilter, django_filters.ChoiceFilter):
    """Comma list of fixed choices (legal_status, court_level...)."""


class YearFilter(SchemaHintMixin, django_filters.Filter):
    """Year bound. `fields`: date fields tried in order (a law's year is its adoption year, else its
    entry-into-force year, as in the search index)."""

    field_class = forms.IntegerField
    schema_hint = {"type": "integer", "minimum": 1, "maximum": 9999}

    def __init__(self, *, fields: Sequence[str], bound: str, **kwargs: object) -> None:
        self.fields, self.bound = tuple(fields), bound
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 9999)
        super().__init__(field_name=self.fields[0], **kwargs)

    def filter(self, qs: QuerySet, value: int | None) -> QuerySet:
        if value is None:
            return qs
        lookup = "gte" if self.bound == "from" else "lte"
        q, earlier_null = Q(), Q()
        for name in self.fields:
            q |= earlier_null & Q(**{f"{name}__year__{lookup}": value})
            earlier_null &= Q(**{f"{name}__isnull": True})
        return qs.filter(q)


class SafeDateField(forms.DateField):
    """ISO date (YYYY-MM-DD) only; anything else is a 400, never an overflow deeper down."""

    def to_python(self, value: object) -> dt.date | None:
        if value in self.empty_values:
            return None
        try:
            parsed = parse_date(str(value).strip())
        except ValueError:
            parsed = None
        if parsed is None:
            raise forms.ValidationError("Enter a date as YYYY-MM-DD.")
        return parsed


class DateFilter(SchemaHintMixin, django_filters.DateFilter):
    field_class = SafeDateField
    schema_hint = {"type": "string", "format": "date"}


class SinceField(forms.Field):
    """An ISO 8601 datetime ('2025-01-31T12:00:00Z') or date ('2025-01-31', midnight UTC)."""

    def to_python(self, value: object) -> dt.datetime | None:
        if value in self.empty_values:
            return None
        text = str(value).strip()
        try:
            parsed = parse_datetime(text)
            if parsed is None:
                day = parse_date(text)
                parsed = dt.datetime(day.year, day.month, day.day) if day else None
            if parsed is None:
                raise ValueError
            if timezone.is_naive(parsed):
                parsed = parsed.replace(tzinfo=dt.UTC)
            return parsed.astimezone(dt.UTC)
        except (ValueError, OverflowError):
            raise forms.ValidationError("Enter an ISO 8601 date-time (2025-01-31T12:00:00Z) or date.") from None


class UpdatedSinceFilter(SchemaHintMixin, django_filters.Filter):
    """Records changed at or after the instant: the incremental-sync filter."""

    field_class = SinceField
    schema_hint = {"type": "string", "format": "date-time"}

    def __init__(self, field_name: str = "updated_at", **kwargs: object) -> None:
        kwargs.setdefault("help_text", "Only records changed at or after this ISO 8601 date-time (UTC if no offset).")
        super().__init__(field_name=field_name, lookup_expr="gte", **kwargs)


class StableOrderingFilter(django_filters.OrderingFilter):
    """OrderingFilter that always ends with the primary key, so pages never overlap or skip."""

    def filter(self, qs: QuerySet, value: list[str] | None) -> QuerySet:
        ordering = [self.get_ordering_value(param) for param in value or () if param]
        return qs.order_by(*ordering, "pk") if ordering else qs


class IdInFilter(SchemaHintMixin, django_filters.BaseInFilter, django_filters.NumberFilter):
    """Comma list of integer ids."""

    field_class = forms.IntegerField
    schema_hint = {"type": "integer", "minimum": 1}

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2**63 - 1)
        super().__init__(*args, **kwargs)


class CharInFilter(SchemaHintMixin, django_filters.BaseInFilter, django_filters.CharFilter):
    """Comma list of exact strings (external ids, portal numbers)."""
