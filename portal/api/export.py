"""Bulk export streams: every published record matching a search, as JSON Lines or CSV.

Why it works this way:
- The set of records is the set /api/v1/search/ would return for the same parameters. Two ways to
  walk it, both yielding batches of search hits:
  * with text (`q`): the search engine's cursor, in batches of settings.SEARCH_MAX_PAGE_SIZE hits
    without facets or highlighting (no ORM filter can reproduce full-text matching);
  * without text: the database, in primary-key batches, because the engine's cursor costs grow with
    the position (a full export through it is quadratic). Each batch is narrowed with the records'
    FilterSets, turned into the very documents the index holds (search.documents.documents_for), and
    those are matched with the engine's filter semantics (OR within a parameter, AND across, year
    range; `matches`), so the result is the search result by construction.
- Each batch is re-checked against the database (published only), so a record unpublished a moment
  ago and not yet removed from the index never leaks out.
- Memory stays flat: one batch of hits and records at a time. JSON Lines writes a law once even when
  several of its provisions match; walking the database, provisions come grouped by law, so only the
  previous batch's law ids are remembered. Walking the engine (search order) remembers every law id
  written, a few bytes per law.
- JSON Lines uses records/jsonl_format.py, so an export can be imported elsewhere. One line per
  RECORD (a law carries all its provisions). Public exports drop what the API does not show:
  authority contact details (unless the caller may see them) and the usernames of submitters and
  reviewers.
- CSV has one row per search unit (provision, case, authority) with flat columns; multi-valued
  columns are joined with "; ".
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from alerts.entries import localized_subtitle
from authorities.models import CompetentAuthority
from bibliography.models import Publication
from caselaw.dates import iso_partial
from caselaw.models import Case, CourtLevel
from guidance.models import ArticleGuidance
from interchange.codes import Codes
from interchange.jsonl_format import AUTHORITY, CASE, GUIDANCE, LAW, MATERIAL, PUBLICATION, STRATEGY, dumps, serialise
from legislation.models import Law, LegalStatus, Provision
from portal.templatetags.portal import instrument_name_for
from search.documents import BUILDERS, Vocab, documents_for
from search.facets import DOC_TYPES, FACETS
from search.query import SearchQuery
from search.results import Hit, SearchResult
from search.schema import DOC_KINDS
from search.service import facet_labels
from strategies.models import ExplanatoryMaterial, Strategy
from taxonomy import registry

logger = logging.getLogger(__name__)

SearchFn = Callable[[SearchQuery], SearchResult]
MULTI_SEPARATOR = "; "
PRIVATE_WORKFLOW_FIELDS = ("submitted_by", "reviewed_by")
# CSV: the columns people read first, headed and filled in the page's language (`lang`), then the
# codes under fixed machine names (the search documents' fields), so a script reading by name keeps working
# whatever the language. Dates are ISO (2016-10-06, or 2018 for a year-only decision): spreadsheets read
# them as dates in every locale; numbers are written without grouping.
READABLE_COLUMNS = (
    ("type", _("Record type")),
    ("title", _("Title")),
    ("subtitle", _("Details")),
    ("country", _("Country")),
    ("region", _("Region")),
    ("year", _("Year")),
    ("date", _("Date")),
    ("language", _("Original language")),
    ("instrument", _("Convention and Protocols")),
    ("article_ref", _("Articles")),
    ("crime_type", _("Crime type")),
    ("crime_subtype", _("Crime sub-type")),
    ("issue", _("Cross-cutting issue")),
    ("court_level", _("Court level")),
    ("legal_status", _("Legal status")),
    ("role", _("Designation")),
    ("text", _("Text")),
)
# An authority's contact details, for callers who may see them (sherloc.api.permissions.can_view_contacts).
CONTACT_COLUMNS = (
    ("address", _("Address")),
    ("phone", _("Telephone")),
    ("fax", _("Fax")),
    ("email", _("E-mail")),
    ("website", _("Website")),
    ("contact_person", _("Contact person")),
    ("office_hours", _("Office hours")),
    ("last_confirmed", _("Last confirmed")),
)
CODE_COLUMNS = (
    "type",
    "id",
    "record_id",
    "external_id",
    "parent_id",
    "country",
    "region",
    "language",
    "instrument",
    "article",
    "crime_type",
    "crime_subtype",
    "issue",
    "court_level",
    "legal_status",
    "role",
    "url",
    "api_url",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: hits per engine request; None = settings.SEARCH_MAX_PAGE_SIZE (the largest page the query model allows)
BATCH_SIZE: int | None = None


def export_query(query: SearchQuery) -> SearchQuery:
    """The user's query, reshaped for walking: largest pages, cursor from the start, no extras."""
    return replace(query, page=1, page_size=settings.SEARCH_MAX_PAGE_SIZE, cursor=None, facets=(), highlight=False)


def iter_batches(query: SearchQuery, run: SearchFn, first: SearchResult | None = None) -> Iterator[list[Hit]]:
    """Hits of every page, following next_cursor. `first` is the already-fetched first page."""
    result = first if first is not None else run(query)
    while True:
        if result.hits:
            yield result.hits
        if not result.next_cursor or not result.hits:
            return
        result = run(replace(query, cursor=result.next_cursor))


# --------------------------------------------------------------------------- walking the database

DB_BATCH_SIZE = 500
KINDS = {doc_type: kind for kind, doc_type in DOC_KINDS.items()}  # hit type -> document kind
# Document fields a kind never fills (see the builders in search/documents.py): a filter on one of them
# excludes the whole kind, so it is not walked at all. `year` covers year, year_from and year_to.
EMPTY_FIELDS = {
    "provision": {"court_level", "role"},
    "case": {"legal_status", "role"},
    "authority": {"court_level", "legal_status", "crime_subtype", "issue", "year"},
    "strategy": {"court_level", "legal_status", "crime_subtype", "role"},
    "material": {"court_level", "legal_status", "crime_subtype", "role"},
    "publication": {"court_level", "legal_status", "crime_subtype", "role"},
    "guidance": {
        "country",
        "region",
        "court_level",
        "legal_status",
        "crime_type",
        "crime_subtype",
        "issue",
        "role",
        "year",
    },
}
# Only bibliography entries have a publication type or a research method.
for _kind, _empty in EMPTY_FIELDS.items():
    if _kind != "publication":
        _empty.update({"publication_type", "research_method"})


def _filtersets() -> dict[str, type]:
    from authorities.filters import AuthorityFilterSet
    from bibliography.filters import PublicationFilterSet
    from caselaw.filters import CaseFilterSet
    from guidance.filters import GuidanceFilterSet
    from legislation.filters import ProvisionFilterSet
    from strategies.filters import MaterialFilterSet, StrategyFilterSet

    return {
        "provision": ProvisionFilterSet,
        "case": CaseFilterSet,
        "authority": AuthorityFilterSet,
        "strategy": StrategyFilterSet,
        "material": MaterialFilterSet,
        "publication": PublicationFilterSet,
        "guidance": GuidanceFilterSet,
    }


def _records(kind: str) -> Any:
    """Every record of a kind. Publication is checked later, by documents_for (published only) and
    published_ids, not here: walking `status = 'published' AND id > n ORDER BY id` makes SQLite's
    planner (without ANALYZE) read the status index and sort everything, on every batch."""
    return BUILDERS[kind].model._default_manager.order_by()


def _possible(kind: str, query: SearchQuery) -> bool:
    used = {FACETS[name].field if name in FACETS else name for name in query.filters}
    if query.year_from is not None or query.year_to is not None:
        used.add("year")
    return not used & EMPTY_FIELDS[kind]


def _narrowed(kind: str, query: SearchQuery) -> Any:
    """Records of `kind`, narrowed by the filters its FilterSet shares with search: a superset of the
    matches (the exact test is `matches`), there only to avoid building needless documents."""
    filterset_class = _filtersets()[kind]
    data = {name: ",".join(values) for name, values in query.filters.items() if name in filterset_class.base_filters}
    for name in ("year_from", "year_to"):
        value = getattr(query, name)
        if value is not None and name in filterset_class.base_filters:
            data[name] = str(value)
    if not data:
        return _records(kind)
    filterset = filterset_class(data, queryset=_records(kind))
    if not filterset.is_valid():  # cannot happen with the service's canonical codes; fall back to all
        logger.warning("export prefilter rejected %s: %s", data, filterset.errors)
        return _records(kind)
    return filterset.filter_queryset(_records(kind))


def matches(doc: dict[str, Any], query: SearchQuery) -> bool:
    """Does a search document pass the query's filters? The engine's semantics, in Python."""
    for name, wanted in query.filters.items():
        value = doc.get(FACETS[name].field if name in FACETS else name)
        values = value if isinstance(value, list) else ([] if value in (None, "") else [value])
        if not {str(v) for v in values} & set(wanted):
            return False
    if query.year_from is not None or query.year_to is not None:
        year = doc.get("year")
        if year is None:
            return False
        if query.year_from is not None and year < query.year_from:
            return False
        if query.year_to is not None and year > query.year_to:
            return False
    return True


def doc_hit(doc: dict[str, Any]) -> Hit:
    source = {k: v for k, v in doc.items() if k != "texts"}
    return Hit(
        id=doc["id"], type=doc["type"], record_id=doc["record_id"], url=doc["url"], title=doc["title"], source=source
    )


def _keyset_ids(queryset: Any, group: str | None, size: int) -> Iterator[list[int]]:
    """Primary keys in batches, ordered by (group, pk) when grouped (provisions by law), else by pk."""
    if group is None:
        last = 0
        while ids := list(queryset.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:size]):
            yield ids
            last = ids[-1]
        return
    position: tuple[int, int] | None = None
    ordered = queryset.order_by(group, "pk")
    while True:
        page = ordered
        if position is not None:
            page = ordered.filter(Q(**{f"{group}__gt": position[0]}) | Q(**{group: position[0], "pk__gt": position[1]}))
        rows = list(page.values_list(group, "pk")[:size])
        if not rows:
            return
        yield [pk for _, pk in rows]
        position = rows[-1]


def database_batches(query: SearchQuery, batch_size: int | None = None) -> Iterator[list[Hit]]:
    """Hits for a query without text, from the database: type by type; provisions grouped by law (so a
    law's provisions are never more than two batches apart), other records in id order."""
    size = batch_size or DB_BATCH_SIZE
    vocab = Vocab.load()
    types = query.filters.get("type") or DOC_TYPES
    for doc_type in DOC_TYPES:
        kind = KINDS[doc_type]
        if doc_type not in types or not _possible(kind, query):
            continue
        group = "law_id" if kind == "provision" else None
        for ids in _keyset_ids(_narrowed(kind, query), group, size):
            docs, _ = documents_for(kind, ids, vocab)
            hits = [doc_hit(doc) for doc in docs if matches(doc, query)]
            if hits:
                yield hits


def batches_for(query: SearchQuery, run: SearchFn, first: SearchResult) -> tuple[Iterator[list[Hit]], bool]:
    """The export's hits (the engine cursor for text queries, the database otherwise), and whether they
    come grouped by law (a law's provisions in the same or adjacent batches)."""
    if query.text.strip():
        return iter_batches(query, run, first), False
    return database_batches(query), True


# --------------------------------------------------------------------------- publication check


def published_ids(hits: Iterable[Hit]) -> dict[str, dict[int, dict[str, Any]]]:
    """{type: {record_id: db row}} for the hits whose record is published right now (one query per record type).

    Rows are looked up by primary key only and publication is checked in Python: a `status` condition
    in SQL lets SQLite (without ANALYZE statistics) walk the status index over every record instead.
    """
    by_type: dict[str, list[int]] = {}
    for hit in hits:
        by_type.setdefault(hit.type, []).append(hit.record_id)
    rows: dict[str, dict[int, dict[str, Any]]] = {doc_type: {} for doc_type in DOC_TYPES}
    published = "published"
    if by_type.get("legislation"):
        query = Provision.objects.filter(pk__in=by_type["legislation"]).order_by()
        for pk, law_id, external_id, status, text in query.values_list(
            "pk", "law_id", "law__external_id", "law__status", "text"
        ):
            if status == published:
                rows["legislation"][pk] = {"external_id": external_id, "law_id": law_id, "text": text}
    if by_type.get("case"):
        query = Case.objects.filter(pk__in=by_type["case"]).order_by()
        fields = ("pk", "external_id", "status", "fact_summary", "decision_date", "decision_date_precision")
        for pk, external_id, status, text, decided, precision in query.values_list(*fields):
            if status == published:
                # The date as far as it is known ("2018"), not the index's sort key ("2018-01-01").
                rows["case"][pk] = {"external_id": external_id, "text": text, "date": iso_partial(decided, precision)}
    if by_type.get("authority"):
        query = CompetentAuthority.objects.filter(pk__in=by_type["authority"]).order_by()
        contact_names = [name for name, _label in CONTACT_COLUMNS]
        for pk, external_id, status, *contacts in query.values_list("pk", "external_id", "status", *contact_names):
            if status == published:
                rows["authority"][pk] = {
                    "external_id": external_id,
                    "text": "",
                    "contacts": dict(zip(contact_names, contacts, strict=True)),
                }
    if by_type.get("strategy"):
        query = Strategy.objects.filter(pk__in=by_type["strategy"]).order_by()
        for pk, external_id, status, text in query.values_list("pk", "external_id", "status", "summary"):
            if status == published:
                rows["strategy"][pk] = {"external_id": external_id, "text": text}
    if by_type.get("material"):  # public while its law is
        query = ExplanatoryMaterial.objects.filter(pk__in=by_type["material"]).order_by()
        for pk, external_id, status, law_status, text in query.values_list(
            "pk", "external_id", "status", "law__status", "summary"
        ):
            if status == published and law_status == published:
                rows["material"][pk] = {"external_id": external_id, "text": text}
    if by_type.get("publication"):
        query = Publication.objects.filter(pk__in=by_type["publication"]).order_by()
        for pk, external_id, status, text in query.values_list("pk", "external_id", "status", "synopsis"):
            if status == published:
                rows["publication"][pk] = {"external_id": external_id, "text": text}
    if by_type.get("guidance"):
        query = ArticleGuidance.objects.filter(pk__in=by_type["guidance"]).order_by()
        for pk, external_id, status, text in query.values_list("pk", "external_id", "status", "requirements"):
            if status == published:
                rows["guidance"][pk] = {"external_id": external_id, "text": text}
    return rows


# --------------------------------------------------------------------------- JSON Lines


def _redact(record: dict[str, Any], include_contacts: bool) -> dict[str, Any]:
    for name in PRIVATE_WORKFLOW_FIELDS:
        if name in record:
            record[name] = None
    if record.get("type") == AUTHORITY and not include_contacts:
        for name in CompetentAuthority.CONTACT_FIELDS:
            record.pop(name, None)
    return record


def jsonl_stream(
    batches: Iterable[list[Hit]], *, include_contacts: bool, grouped_by_law: bool = False
) -> Iterator[bytes]:
    """One line per record. A law is written once however many of its provisions match: remembered
    across the whole stream in search order, or only from the previous batch when `grouped_by_law`
    (then memory does not grow with the number of laws)."""
    codes = Codes.load()
    seen_laws: set[int] = set()
    for hits in batches:
        rows = published_ids(hits)
        law_ids: list[int] = []
        batch_laws: set[int] = set()
        for hit in hits:
            row = rows.get(hit.type, {}).get(hit.record_id)
            if hit.type == "legislation" and row:
                batch_laws.add(row["law_id"])
                if row["law_id"] not in seen_laws:
                    seen_laws.add(row["law_id"])
                    law_ids.append(row["law_id"])
        records: dict[tuple[str, int], dict[str, Any]] = {}
        if law_ids:
            laws = list(Law.objects.filter(pk__in=law_ids))
            for law, record in zip(laws, serialise(LAW, laws, codes), strict=True):
                records[(LAW, law.pk)] = record
        for kind, model, hit_type in (
            (CASE, Case, "case"),
            (AUTHORITY, CompetentAuthority, "authority"),
            (STRATEGY, Strategy, "strategy"),
            (MATERIAL, ExplanatoryMaterial, "material"),
            (PUBLICATION, Publication, "publication"),
            (GUIDANCE, ArticleGuidance, "guidance"),
        ):
            ids = list(rows[hit_type])
            if ids:
                objects = list(model.objects.filter(pk__in=ids))
                for obj, record in zip(objects, serialise(kind, objects, codes), strict=True):
                    records[(kind, obj.pk)] = record
        out = io.StringIO()
        for hit in hits:  # in search order
            row = rows.get(hit.type, {}).get(hit.record_id)
            if row is None:
                continue
            key = (LAW, row["law_id"]) if hit.type == "legislation" else (hit.type, hit.record_id)
            record = records.pop(key, None)  # pop: a law is written once per batch as well
            if record is not None:
                out.write(dumps(_redact(record, include_contacts)) + "\n")
        if grouped_by_law:
            seen_laws = batch_laws
        yield out.getvalue().encode("utf-8")


# --------------------------------------------------------------------------- CSV


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return MULTI_SEPARATOR.join(str(v) for v in value)
    text = str(value)
    # Spreadsheet formula injection: a cell starting with these is evaluated by Excel/LibreOffice.
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class Labels:
    """Readable values of the document fields in one language: vocabulary labels from the registry,
    choices (court level, legal status) and instrument names from the translations."""

    VOCABULARIES = ("type", "country", "region", "language", "crime_type", "issue", "role")

    def __init__(self, language: str, include_contacts: bool = False) -> None:
        self.language = language
        self.contacts = CONTACT_COLUMNS if include_contacts else ()
        self.maps = {name: facet_labels(name, language) for name in self.VOCABULARIES}
        with translation.override(language):
            self.maps["court_level"] = {value: str(label) for value, label in CourtLevel.choices}
            self.maps["legal_status"] = {value: str(label) for value, label in LegalStatus.choices}
            self.headers = [str(header) for _name, header in (*READABLE_COLUMNS, *self.contacts)]
        self._instruments: dict[str, str] = {}

    def instrument(self, code: str) -> str:
        if code not in self._instruments:
            with translation.override(self.language):
                self._instruments[code] = instrument_name_for(code)
        return self._instruments[code]

    def value(self, name: str, value: Any) -> Any:
        """The readable form of a document field (lists stay lists; unknown codes stay as they are)."""
        values = value if isinstance(value, list) else None
        if name == "instrument":
            return [self.instrument(v) for v in values or []]
        if name == "crime_subtype":
            return [registry.subtype_label(v, self.language) for v in values or []]
        labels = self.maps.get(name)
        if labels is None:
            return value
        if values is not None:
            return [labels.get(v, v) for v in values]
        return labels.get(value, value) if value else value


def csv_stream(
    batches: Iterable[list[Hit]],
    *,
    absolute_url: Callable[[str], str],
    api_url: Callable[[Hit], str],
    language: str = "en",
    include_contacts: bool = False,
) -> Iterator[bytes]:
    """One row per search unit: readable columns in `language` (with an authority's contact details when
    `include_contacts`), then the codes (see READABLE_COLUMNS)."""
    labels = Labels(language, include_contacts)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*labels.headers, *CODE_COLUMNS])
    # A UTF-8 byte-order mark so spreadsheets open non-Latin titles correctly.
    yield ("\ufeff" + out.getvalue()).encode("utf-8")
    for hits in batches:
        out.seek(0)
        out.truncate()
        rows = published_ids(hits)
        for hit in hits:
            row = rows.get(hit.type, {}).get(hit.record_id)
            if row is None:
                continue
            source = hit.source
            codes = {
                **{name: source.get(name) for name in CODE_COLUMNS},
                "type": hit.type,
                "id": hit.id,
                "record_id": hit.record_id,
                "external_id": row["external_id"],
                "url": absolute_url(hit.url),
                "api_url": api_url(hit),
            }
            readable = {name: labels.value(name, source.get(name)) for name, _label in READABLE_COLUMNS}
            readable["type"] = labels.value("type", hit.type)
            readable["title"] = hit.title
            readable["subtitle"] = localized_subtitle(source, language)
            readable["text"] = row["text"]
            if "date" in row:
                readable["date"] = row["date"]
            contacts = row.get("contacts", {})
            writer.writerow(
                [
                    *(_cell(readable[name]) for name, _label in READABLE_COLUMNS),
                    *(_cell(contacts.get(name)) for name, _label in labels.contacts),
                    *(_cell(codes[name]) for name in CODE_COLUMNS),
                ]
            )
        yield out.getvalue().encode("utf-8")
