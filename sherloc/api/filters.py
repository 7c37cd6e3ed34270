"""Reusable django-filter pieces for the record FilterSets (legislation, caselaw, authorities).

Vocabulary filters (codes checked against the vocabulary registry) are in taxonomy.filters.

Every vocabulary filter takes a comma list of CODES (never pks), checks them against the vocabulary
registry (taxonomy.registry, no query) and answers 400 naming the parameter for an unknown code: a
typo must not silently return everything. Filters that cross a many-to-many relation filter with
`pk IN (subquery)` so rows are never duplicated and no DISTINCT is needed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from drf_spectacular.drainage import set_override

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
