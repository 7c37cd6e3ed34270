"""What digests and feeds list: published records matching a search, one entry per record (a law once,
however many of its provisions match), checked against the database.

Why two checks: the search service indexes only published records, but a record unpublished a moment
ago may still be in the index until its task runs, so every entry is re-read from the database and
dropped unless it is published (and not a pending revision) right now.

Newly published matches (digests): the records published in the period come from the database
(`published_at`); the search then only has to say which of them match. It is narrowed to their record
types and countries (AND with the saved filters, which the engine applies), and walked with its cursor
until every candidate is found or MAX_SCAN hits were read. Matching means all the words: the search
page's fallback to records with most of them (a "relaxed" result) is never a match for an alert or a feed.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from authorities.models import CompetentAuthority
from caselaw.models import Case
from legislation.models import Law, Provision
from search import service
from search.query import SearchQuery, Sort
from search.results import Hit
from sherloc.models import PublicationStatus

logger = logging.getLogger(__name__)

PUBLISHED = PublicationStatus.PUBLISHED
MAX_SCAN = 20_000  # hits read at most when looking for a period's new records among a search's matches
FEED_SIZE = 30


@dataclass(frozen=True)
class Entry:
    """One record of a digest or feed. `path` is language-neutral ('/laws/7/'); `key` is stable
    ('law:7', 'case:3', 'authority:5') for feed ids."""

    key: str
    type: str  # legislation | case | authority
    title: str
    subtitle: str
    path: str
    country: str
    published_at: dt.datetime | None
    updated_at: dt.datetime


# --------------------------------------------------------------------------- database side


def _published_rows(hits: Iterable[Hit]) -> dict[str, dict[int, tuple]]:
    """{type: {record id: (key, path, title, published_at, updated_at)}} for hits whose record is published
    now. A provision maps to its law (key, path and title of the law)."""
    by_type: dict[str, set[int]] = {}
    for hit in hits:
        by_type.setdefault(hit.type, set()).add(hit.record_id)
    rows: dict[str, dict[int, tuple]] = {"legislation": {}, "case": {}, "authority": {}}
    if ids := by_type.get("legislation"):
        provisions = Provision.objects.filter(pk__in=ids, law__status=PUBLISHED, law__revision_of__isnull=True)
        for pk, law_id, title, published, updated in provisions.values_list(
            "pk", "law_id", "law__title", "law__published_at", "law__updated_at"
        ):
            rows["legislation"][pk] = (f"law:{law_id}", f"/laws/{law_id}/", title, published, updated)
    for hit_type, model, prefix, name in (
        ("case", Case, "cases", "title"),
        ("authority", CompetentAuthority, "authorities", "name"),
    ):
        if ids := by_type.get(hit_type):
            records = model.objects.filter(pk__in=ids, status=PUBLISHED, revision_of__isnull=True)
            for pk, title, published, updated in records.values_list("pk", name, "published_at", "updated_at"):
                rows[hit_type][pk] = (f"{hit_type}:{pk}", f"/{prefix}/{pk}/", title, published, updated)
    return rows


def localized_subtitle(source: dict, language: str) -> str:
    """The indexed subtitle opens with the English country name: the reader's UN name instead."""
    subtitle, code = source.get("subtitle", ""), source.get("country")
    if code and language != "en":
        english, local = (
            service.facet_labels("country", "en").get(code),
            service.facet_labels("country", language).get(code),
        )
        if english and local and subtitle.startswith(english):
            return local + subtitle[len(english) :]
    return subtitle


def entries_for(hits: list[Hit], language: str = "en") -> list[Entry]:
    """Entries for hits in their order: published records only, a law once (at its first provision)."""
    rows = _published_rows(hits)
    seen: set[str] = set()
    entries = []
    for hit in hits:
        row = rows.get(hit.type, {}).get(hit.record_id)
        if row is None or row[0] in seen:
            continue
        seen.add(row[0])
        key, path, title, published, updated = row
        # A provision's subtitle is its law's (country, law number): right for the law's entry too.
        subtitle = localized_subtitle(hit.source, language)
        entries.append(Entry(key, hit.type, title, subtitle, path, hit.source.get("country", ""), published, updated))
    return entries


@dataclass(frozen=True)
class Fresh:
    """Records published in a period: document keys ('provision:4') with their type and country."""

    keys: set[tuple[str, int]]  # (hit type, record id)
    types: set[str]
    countries: set[str]


def published_between(since: dt.datetime, until: dt.datetime) -> Fresh:
    """Records (a law's provisions) published in (since, until], from the database: three queries."""
    window = {"published_at__gt": since, "published_at__lte": until}
    keys: set[tuple[str, int]] = set()
    types: set[str] = set()
    countries: set[str] = set()
    law_ids = Law.objects.filter(status=PUBLISHED, revision_of__isnull=True, **window).values("pk")
    for pk, country in Provision.objects.filter(law__in=law_ids).values_list("pk", "law__country__alpha3"):
        keys.add(("legislation", pk))
        types.add("legislation")
        countries.add(country)
    for hit_type, model in (("case", Case), ("authority", CompetentAuthority)):
        records = model.objects.filter(status=PUBLISHED, revision_of__isnull=True, **window)
        for pk, country in records.values_list("pk", "country__alpha3"):
            keys.add((hit_type, pk))
            types.add(hit_type)
            countries.add(country)
    return Fresh(keys, types, countries)


# --------------------------------------------------------------------------- search side


def _narrowed(query: SearchQuery, fresh: Fresh) -> SearchQuery | None:
    """The query AND (type in the fresh records' types) AND (country in theirs); None when that is empty."""
    filters = dict(query.filters)
    for name, wanted in (("type", fresh.types), ("country", fresh.countries)):
        values = set(filters[name]) & wanted if name in filters else wanted
        if not values:
            return None
        filters[name] = tuple(sorted(values))
    return replace(query, filters=filters, cursor=None, page=1, facets=(), highlight=False)


def _walk(query: SearchQuery, limit: int) -> Iterator[list[Hit]]:
    """Pages of hits following the cursor, at most `limit` hits in all."""
    read = 0
    while True:
        result = service.search(query)
        if result.relaxed:  # records with only most of the words: the search page's fallback, not a match
            return
        if result.hits:
            yield result.hits
        read += len(result.hits)
        if not result.next_cursor or not result.hits or read >= limit:
            if result.next_cursor and read >= limit:
                logger.warning("alerts: stopped after %d hits of %r", read, query.text or query.filters)
            return
        query = replace(query, cursor=result.next_cursor)


def new_matches(query: SearchQuery, since: dt.datetime, until: dt.datetime) -> list[Entry]:
    """Published records matching `query` whose publication falls in (since, until], newest first."""
    fresh = published_between(since, until)
    if not fresh.keys:
        return []
    narrowed = _narrowed(query, fresh)
    if narrowed is None:
        return []
    found: list[Hit] = []
    wanted = set(fresh.keys)
    for hits in _walk(narrowed, MAX_SCAN):
        for hit in hits:
            if (hit.type, hit.record_id) in wanted:
                wanted.discard((hit.type, hit.record_id))
                found.append(hit)
        if not wanted:
            break
    entries = entries_for(found, query.language)
    # Published in the period by the database's account now, not only when the period was read.
    entries = [e for e in entries if e.published_at and since < e.published_at <= until]
    entries.sort(key=lambda e: (e.published_at, e.key), reverse=True)
    return entries


def newest(query: SearchQuery, size: int = FEED_SIZE) -> list[Entry]:
    """The newest records matching `query` (by their date: a case's decision, a law's adoption), for feeds."""
    query = replace(query, sort=Sort.NEWEST, page=1, page_size=min(100, size * 3), facets=(), highlight=False)
    result = service.search(query)
    return [] if result.relaxed else entries_for(result.hits, query.language)[:size]
