"""What digests and feeds list: published records matching a search, one entry per record (a law once,
however many of its provisions or explanatory materials match), checked against the database.

Every declared search document kind takes part (search.documents.builders(), read from the models'
`search_document`): a hit maps to the record whose page it leads to (its own, or its `parent`'s), titled
by the declaration's `entry_title` field, at the hit's URL without its anchor. No family is named here.

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
import functools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from django.db.models import Model

from search import service
from search.documents import Builder, builders
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
    ('law:7', 'case:3', 'authority:5', 'strategy:2', 'publication:4', 'guidance:1') for feed ids."""

    key: str
    type: str  # the `type` facet value of the record's documents (a law's: legislation)
    title: str
    subtitle: str
    path: str
    country: str
    published_at: dt.datetime | None
    updated_at: dt.datetime


# --------------------------------------------------------------------------- database side


@dataclass(frozen=True)
class Family:
    """How hits of one document kind map to the record whose page they lead to, read from its declaration
    (sherloc.families.SearchDocument): the document's own record, or its `parent` (a provision's or an
    explanatory material's law), knowing no family by name."""

    builder: Builder
    record: type[Model]  # the model of the record an entry is
    prefix: str  # lookup path from the document's model to that record: "" or "law__"
    key: str  # entry keys' prefix: the kind, or the parent model's name ("law")
    type: str  # entries' type: the kind's, or that of the first kind leading to the same parent

    @property
    def published(self) -> dict:
        """Lookups keeping a document whose record is published now (not a pending revision), and the
        document itself where it has a status of its own (an explanatory material)."""
        condition: dict = {}
        models = [(self.builder.model, "")]
        if self.prefix:
            models.append((self.record, self.prefix))
        for model, prefix in models:
            names = {f.name for f in model._meta.concrete_fields}
            if "status" in names:
                condition[f"{prefix}status"] = PUBLISHED
            if "revision_of" in names:
                condition[f"{prefix}revision_of__isnull"] = True
        return condition

    @property
    def country(self) -> str | None:
        """Lookup of the document's country code; None when its build finds the countries (no narrowing)."""
        country = self.builder.spec.country
        return f"{country}__alpha3" if country else None


@functools.cache
def families() -> dict[str, Family]:
    """{document kind: Family} for every declared search document kind."""
    found: dict[str, Family] = {}
    parent_types: dict[type[Model], str] = {}
    for kind, builder in builders().items():
        parent = builder.spec.parent
        if parent:
            record = builder.model._meta.get_field(parent).related_model
            entry_type = parent_types.setdefault(record, builder.spec.type)
            found[kind] = Family(builder, record, f"{parent}__", record._meta.model_name, entry_type)
        else:
            found[kind] = Family(builder, builder.model, "", kind, builder.spec.type)
    return found


def _kind(hit: Hit) -> str:
    return hit.id.partition(":")[0]


def _published_rows(hits: Iterable[Hit]) -> dict[str, tuple]:
    """{document id: (family, key, title or None, published_at, updated_at)} for hits whose record is
    published now; one query per document kind. A document with a parent maps to the parent record."""
    by_kind: dict[str, set[int]] = {}
    for hit in hits:
        by_kind.setdefault(_kind(hit), set()).add(hit.record_id)
    rows: dict[str, tuple] = {}
    known = families()
    for kind, ids in by_kind.items():
        family = known.get(kind)
        if family is None:  # a kind the index still has but no model declares any more
            continue
        spec, prefix = family.builder.spec, family.prefix
        fields = ["pk", spec.parent or "pk", f"{prefix}published_at", f"{prefix}updated_at"]
        if spec.entry_title:
            fields.append(f"{prefix}{spec.entry_title}")
        records = family.builder.model._default_manager.filter(pk__in=ids, **family.published)
        for pk, record_pk, published, updated, *title in records.values_list(*fields):
            name = title[0] if title else None
            rows[f"{kind}:{pk}"] = (family, f"{family.key}:{record_pk}", name, published, updated)
    return rows


def localized_subtitle(source: dict, language: str) -> str:
    """The indexed subtitle opens with the English country name: the reader's UN name instead."""
    subtitle, code = source.get("subtitle", ""), source.get("country")
    if isinstance(code, str) and code and language != "en":
        english, local = (
            service.facet_labels("country", "en").get(code),
            service.facet_labels("country", language).get(code),
        )
        if english and local and subtitle.startswith(english):
            return local + subtitle[len(english) :]
    return subtitle


def entries_for(hits: list[Hit], language: str = "en") -> list[Entry]:
    """Entries for hits in their order: published records only, a record once (a law at its first
    provision or explanatory material)."""
    rows = _published_rows(hits)
    seen: set[str] = set()
    entries = []
    for hit in hits:
        row = rows.get(hit.id)
        if row is None or row[1] in seen:
            continue
        family, key, title, published, updated = row
        seen.add(key)
        # A provision's subtitle is its law's (country, law number): right for the law's entry too.
        subtitle = localized_subtitle(hit.source, language)
        country = hit.source.get("country") or ""
        if not isinstance(country, str):  # a record covering several countries (a study, a regional strategy)
            country = " ".join(country)
        path = hit.url.partition("#")[0]  # the page the hit leads to, without the anchor of a part of it
        entries.append(Entry(key, family.type, title or hit.title, subtitle, path, country, published, updated))
    return entries


@dataclass(frozen=True)
class Fresh:
    """Records published in a period as their documents: ids ('provision:4'), types and countries.
    `countries` is None when some of them are not filed under a declared country (a study, guidance):
    the search is then not narrowed by country."""

    keys: set[str]
    types: set[str]
    countries: set[str] | None


def published_between(since: dt.datetime, until: dt.datetime) -> Fresh:
    """Documents whose record (a provision's or a material's law) was published in (since, until], from
    the database: one query per document kind."""
    keys: set[str] = set()
    types: set[str] = set()
    countries: set[str] | None = set()
    for kind, family in families().items():
        prefix = family.prefix
        window = {f"{prefix}published_at__gt": since, f"{prefix}published_at__lte": until}
        records = family.builder.model._default_manager.filter(**family.published, **window)
        country = family.country
        for pk, code in records.values_list("pk", country or "pk"):
            keys.add(f"{kind}:{pk}")
            types.add(family.builder.spec.type)
            if country is None:
                countries = None
            elif countries is not None:
                countries.add(code)
    return Fresh(keys, types, countries)


# --------------------------------------------------------------------------- search side


def _narrowed(query: SearchQuery, fresh: Fresh) -> SearchQuery | None:
    """The query AND (type in the fresh records' types) AND (country in theirs); None when that is empty."""
    filters = dict(query.filters)
    for name, wanted in (("type", fresh.types), ("country", fresh.countries)):
        if wanted is None:  # not every fresh document has a declared country: the type narrows alone
            continue
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
            if hit.id in wanted:
                wanted.discard(hit.id)
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
