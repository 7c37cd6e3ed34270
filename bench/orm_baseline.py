"""The search a typical Django site would write with the ORM alone: the benchmark's baseline.

Same query model (search.query.SearchQuery) and same multi-select facet semantics as the search
service (each facet's counts apply every other filter but not its own), implemented with
`icontains` over the title/text columns of each record family, `__in` filters across joins (with
`.distinct()`), and one
`values(...).annotate(Count(...))` query per facet and record family. Results are ordered by date
(an ORM has no relevance) and paged by merging each family's first `offset + page_size` rows.

Deliberate simplifications (each makes the baseline cheaper, not dearer): issue counts are per
directly tagged issue (no roll-up to ancestors), words are matched as substrings (no stemming,
phrases are substrings too, exclusions and OR groups are honoured).
"""

from __future__ import annotations

import operator
from collections import Counter
from dataclasses import dataclass
from functools import reduce

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce, ExtractYear

from authorities.models import CompetentAuthority
from caselaw.models import Case
from legislation.models import Provision
from search.query import SearchQuery
from search.textquery import parse_text
from sherloc.models import PublicationStatus

PUBLISHED = PublicationStatus.PUBLISHED


@dataclass(frozen=True)
class Family:
    """How one record family maps onto the search document's fields."""

    type: str
    country: str  # path to the Country FK
    text_fields: tuple[str, ...]
    title: str
    language: str
    relations: frozenset[str]  # which tag filters/facets exist for this family
    dated: bool = True

    def base(self) -> QuerySet:
        if self.type == "legislation":
            return Provision.objects.filter(law__status=PUBLISHED).annotate(
                day=Coalesce("law__adoption_date", "law__entry_into_force_date")
            )
        if self.type == "case":
            return Case.objects.filter(status=PUBLISHED).annotate(day=F("decision_date"))
        return CompetentAuthority.objects.filter(status=PUBLISHED)


FAMILIES: tuple[Family, ...] = (
    Family(
        "legislation",
        "law__country",
        ("law__title", "heading", "text", "text_en"),
        "law__title",
        "language__code",
        frozenset({"instrument", "article", "crime_type", "issue"}),
    ),
    Family(
        "case",
        "country",
        ("title", "fact_summary", "legal_reasoning", "commentary", "sentence"),
        "title",
        "original_language__code",
        frozenset({"instrument", "article", "crime_type", "issue"}),
    ),
    Family(
        "authority",
        "country",
        ("name",),
        "name",
        "original_language__code",
        frozenset({"instrument", "article", "crime_type"}),
        dated=False,
    ),
)
TAG_LOOKUPS = {
    "instrument": "articles__instrument__code",
    "article": "articles__code",
    "crime_type": "crime_types__code",
    "issue": "issues__code",
}


def _text_q(family: Family, term: str) -> Q:
    return reduce(operator.or_, (Q(**{f"{f}__icontains": term}) for f in family.text_fields))


def filtered(family: Family, query: SearchQuery, skip: str | None = None) -> QuerySet | None:
    """The family's queryset under the query, minus the filter `skip`; None if the family is excluded."""
    filters = {k: v for k, v in query.filters.items() if k != skip and v}
    if "type" in filters and family.type not in filters["type"]:
        return None
    qs = family.base()
    distinct = False  # joins over tag tables repeat rows: the usual `.distinct()` then
    parsed = parse_text(query.text)
    for term in (*parsed.must, *parsed.phrases):
        qs = qs.filter(_text_q(family, term))
    for group in parsed.any_of:
        qs = qs.filter(reduce(operator.or_, (_text_q(family, t) for t in group)))
    for term in parsed.excluded:
        qs = qs.exclude(_text_q(family, term))
    for name, values in filters.items():
        if name == "country":
            qs = qs.filter(**{f"{family.country}__alpha3__in": values})
        elif name == "region":
            c = family.country
            qs = qs.filter(
                Q(**{f"{c}__region__code__in": values})
                | Q(**{f"{c}__subregion__code__in": values})
                | Q(**{f"{c}__intermediate_region__code__in": values})
            )
        elif name in TAG_LOOKUPS:
            if name not in family.relations:
                return None
            if name == "issue":
                qs = qs.filter(
                    reduce(operator.or_, (Q(issues__code=v) | Q(issues__code__startswith=f"{v}.") for v in values))
                )
            else:
                qs = qs.filter(**{f"{TAG_LOOKUPS[name]}__in": values})
            distinct = True
        elif name == "year":
            if not family.dated:
                return None
            qs = qs.filter(day__year__in=[int(v) for v in values])
        elif name == "language":
            qs = qs.filter(**{f"{family.language}__in": values})
    if query.year_from is not None or query.year_to is not None:
        if not family.dated:
            return None
        if query.year_from is not None:
            qs = qs.filter(day__year__gte=query.year_from)
        if query.year_to is not None:
            qs = qs.filter(day__year__lte=query.year_to)
    return qs.distinct() if distinct else qs


def _grouped(qs: QuerySet, path: str) -> Counter:
    """{value: records} with one GROUP BY query (order_by() keeps Meta.ordering out of the grouping)."""
    counts: Counter = Counter()
    for row in qs.order_by().values(path).annotate(n=Count("pk", distinct=True)):
        if row[path] is not None and row[path] != "":
            counts[str(row[path])] += row["n"]
    return counts


def _facet_counts(family: Family, qs: QuerySet, facet: str) -> Counter:
    counts: Counter = Counter()
    if facet == "type":
        counts[family.type] = qs.count()
        return counts
    if facet == "year":
        if not family.dated:
            return counts
        return _grouped(qs.annotate(y=ExtractYear("day")), "y")
    if facet == "region":
        for level in ("region", "subregion", "intermediate_region"):
            counts.update(_grouped(qs, f"{family.country}__{level}__code"))
        return counts
    if facet in TAG_LOOKUPS:
        if facet not in family.relations:
            return counts
        path = TAG_LOOKUPS[facet]
    elif facet == "country":
        path = f"{family.country}__alpha3"
    elif facet == "language":
        path = family.language
    else:
        return counts
    return _grouped(qs, path)


def search(query: SearchQuery) -> dict:
    """{total, hits: [(type, pk, title)], facets: {name: {value: count}}} for the query."""
    total = 0
    candidates: list[tuple] = []
    limit = query.offset + query.page_size
    for family in FAMILIES:
        qs = filtered(family, query)
        if qs is None:
            continue
        total += qs.count()
        order = ("-day", "pk") if family.dated else ("pk",)
        fields = ("pk", family.title, "day") if family.dated else ("pk", family.title)
        for row in qs.order_by(*order).values_list(*fields)[:limit]:
            day = row[2] if family.dated else None
            candidates.append((day.toordinal() if day else 0, family.type, row[0], row[1]))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    hits = [(t, pk, title) for _, t, pk, title in candidates[query.offset : limit]]

    facets: dict[str, dict[str, int]] = {}
    for facet in query.facets:
        counts: Counter = Counter()
        for family in FAMILIES:
            qs = filtered(family, query, skip=facet)
            if qs is not None:
                counts.update(_facet_counts(family, qs, facet))
        facets[facet] = dict(counts.most_common())
    return {"total": total, "hits": hits, "facets": facets}
