"""Build search documents (search/schema.py) from the database.

Why it looks like this: a full rebuild streams ~100k documents, so builders read `values()` rows in
keyset-paginated batches and fetch tags from the through tables with one query per tag relation per
batch (no model instances, no N+1). Vocabularies come from the cached registry (taxonomy.registry).

Which kinds exist and how each is built is not written here: a model declares it (`search_document`, a
sherloc.families.SearchDocument: its row fields, tag relations, page, parent, and the dotted path of the
family's function building its own fields, e.g. strategies/documents.py), and `builders()` reads every
declaration once the apps are loaded. This module adds what every document has: id, type, url, version,
country and region, the tag facets, the empty people fields of non-cases.

Only published records produce documents; a document shown on its parent's page (a provision, an
explanatory material) only while the parent is published too. `version` is the record's `updated_at` (the
law's for provisions); search.signals bumps it whenever something the document is built from changes, so
comparing versions finds every stale document.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model, QuerySet
from django.utils.module_loading import import_string

from sherloc.families import SEPARATOR, SearchDocument, declared, neutral_url  # noqa: F401 - SEPARATOR: portal's subtitles
from sherloc.models import Attachment, PublicationStatus
from taxonomy import registry
from taxonomy.registry import Term, Vocabulary
from taxonomy.tagging import ArticleTagBase, format_paragraph

from .schema import CASE_PEOPLE_FIELDS, DOC_KINDS, MULTI_VALUED, doc_id

PUBLISHED = PublicationStatus.PUBLISHED
DEFAULT_BATCH_SIZE = 2000
IN_CHUNK = 500  # ids per `pk__in` query: far below every backend's parameter limit


# --------------------------------------------------------------------------- vocabularies


@dataclass(frozen=True)
class Vocab:
    """The vocabularies a document needs, from the registry (taxonomy.registry), looked up by pk.

    Taken once per batch or rebuild so that one run sees one version of every vocabulary."""

    countries: Vocabulary
    articles: Vocabulary
    crime_types: Vocabulary
    crime_subtypes: Vocabulary
    issues: Vocabulary
    roles: Vocabulary
    languages: Vocabulary

    @classmethod
    def load(cls) -> Vocab:
        return cls(
            countries=registry.vocabulary("country"),
            articles=registry.vocabulary("article"),
            crime_types=registry.vocabulary("crime_type"),
            crime_subtypes=registry.vocabulary("crime_subtype"),
            issues=registry.vocabulary("issue"),
            roles=registry.vocabulary("role"),
            languages=registry.vocabulary("language"),
        )

    def language(self, pk: int | None, default: str = "") -> str:
        term = self.languages.by_pk(pk)
        return term.code if term is not None else default


NO_COUNTRY = Term(code="", label="")


# --------------------------------------------------------------------------- tags


@dataclass(slots=True)
class Tags:
    """Tag values of one record, as document fields. (Built for every document: kept lean.)"""

    article_refs: list[tuple[int, str]] = field(default_factory=list)  # (article pk, paragraph)
    crime_types: list[int] = field(default_factory=list)
    crime_subtypes: list[int] = field(default_factory=list)
    issues: list[int] = field(default_factory=list)
    roles: list[int] = field(default_factory=list)
    attachment_texts: list[str] = field(default_factory=list)
    law_files: list[tuple[int | None, str]] = field(default_factory=list)  # (language pk, text), lead provision
    people: list[tuple] = field(default_factory=list)  # a case's Person rows (PEOPLE_COLUMNS)
    charges: list[tuple] = field(default_factory=list)  # a case's Charge rows (CHARGE_COLUMNS)
    countries: list[int] = field(default_factory=list)  # the States a regional strategy or a study covers
    authors: list[tuple[int, str]] = field(default_factory=list)  # a bibliography entry's (position, name)

    def fields(self, vocab: Vocab) -> dict:
        instruments: set[str] = set()
        codes: set[str] = set()
        refs: set[str] = set()
        for pk, paragraph in self.article_refs:
            info = vocab.articles.by_pk(pk)
            if info is not None:
                instruments.add(info.instrument)  # only the article's own instrument: TIP-3 is not UNTOC
                codes.add(info.code)
                refs.add(article_ref(info.instrument, info.number, paragraph))
        return {
            "instrument": sorted(instruments),
            "article": sorted(codes),
            "article_ref": sorted(refs),
            "crime_type": _codes(self.crime_types, vocab.crime_types),
            # a sub-type with its family ('trafficking-in-persons.means'), so a family filters as a whole
            "crime_subtype": _codes(self.crime_subtypes, vocab.crime_subtypes),
            "issue": _codes(self.issues, vocab.issues),  # each issue with its ancestors
            "role": _codes(self.roles, vocab.roles),
        }


@lru_cache(maxsize=4096)
def article_ref(instrument: str, number: int, paragraph: str) -> str:
    """'UNTOC 18(13)' / 'UNTOC 5(1)(a)' from a tag's paragraph ('13', '1(a)', '(1)(a)')."""
    return f"{instrument} {number}{format_paragraph(paragraph or '')}"


def _codes(pks: list[int], vocabulary: Vocabulary) -> list[str]:
    """The terms' codes with their ancestors (registry `Term.ancestors`), sorted, without duplicates."""
    if not pks:
        return []
    return sorted({code for pk in pks if (term := vocabulary.by_pk(pk)) is not None for code in term.ancestors})


@dataclass(frozen=True)
class TagSource:
    """One tag relation: rows of (record fk, value[, paragraph]) from a through table."""

    model: type[Model]
    record_field: str
    value_field: str
    target: str  # attribute of Tags
    extra: str | None = None  # paragraph column of article tags

    def load(self, tags: dict[int, Tags], pk_filter: dict) -> None:
        columns = [self.record_field, self.value_field] + ([self.extra] if self.extra else [])
        qs = self.model._default_manager.filter(**{f"{self.record_field}__{k}": v for k, v in pk_filter.items()})
        if self.target == "attachment_texts":
            qs = qs.exclude(extracted_text="").order_by("pk")
        for row in qs.values_list(*columns):
            bucket = getattr(tags[row[0]], self.target)
            bucket.append((row[1], row[2]) if self.extra else row[1])


def _m2m(model: type[Model], relation: str, target: str) -> TagSource:
    through = model._meta.get_field(relation).remote_field.through
    record_fk = model._meta.model_name
    value_fk = model._meta.get_field(relation).related_model._meta.model_name
    return TagSource(through, f"{record_fk}_id", f"{value_fk}_id", target)


# --------------------------------------------------------------------------- builders


def _url_pattern(viewname: str) -> str:
    """The detail URL with a `{pk}` placeholder: one reverse() per batch instead of one per document.
    Language-neutral ("/laws/7/", as in search/schema.py): the UI adds the reader's prefix. "" for a kind
    whose builder makes its URL itself (guidance: its article's page)."""
    return neutral_url(viewname, pk=987654321).replace("987654321", "{pk}") if viewname else ""


# The Tags attribute a many-to-many relation to each vocabulary fills (a family's tag relations).
VOCABULARY_TAGS: dict[str, str] = {
    "taxonomy.CrimeType": "crime_types",
    "taxonomy.CrimeSubType": "crime_subtypes",
    "taxonomy.Issue": "issues",
    "taxonomy.AuthorityRole": "roles",
    "taxonomy.Country": "countries",  # the States a regional record covers
}


def tag_source(model: type[Model], relation: str) -> TagSource:
    """The TagSource of a declared tag relation, found from what the relation points at: a vocabulary
    (many-to-many), article tags (with their paragraph) or attachments (their extracted text)."""
    field = model._meta.get_field(relation)
    if field.many_to_many and field.concrete and field.related_model._meta.label in VOCABULARY_TAGS:
        through = field.remote_field.through
        target = VOCABULARY_TAGS[field.related_model._meta.label]
        return TagSource(through, f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id", target)
    if field.one_to_many and field.auto_created:
        related, record_field = field.related_model, field.field.attname
        if issubclass(related, ArticleTagBase):
            return TagSource(related, record_field, "article_id", "article_refs", extra="paragraph")
        if issubclass(related, Attachment):
            return TagSource(related, record_field, "extracted_text", "attachment_texts")
    raise ImproperlyConfigured(
        f"{model.__name__}.search_document.tags: {relation!r} is neither a vocabulary many-to-many "
        f"({', '.join(VOCABULARY_TAGS)}), nor article tags, nor attachments"
    )


@dataclass
class Builder:
    """How one document kind is read from the database and turned into documents (from a model's
    `search_document` declaration, sherloc.families.SearchDocument)."""

    model: type[Model]
    spec: SearchDocument
    tag_sources: tuple[TagSource, ...]
    content: Callable[[dict, Tags, Vocab], dict]  # the family's own fields
    annotations: Callable[[], dict] | None = None  # extra row values computed by the database
    loaders: tuple[Callable[[list[dict], dict[int, Tags]], None], ...] = ()  # extra per-batch data from rows
    type_facets: tuple[str, ...] = ()  # every declared type's own facets (builders() fills it in)

    @classmethod
    def declared(cls, model: type[Model], spec: SearchDocument) -> Builder:
        return cls(
            model=model,
            spec=spec,
            tag_sources=tuple(tag_source(model, relation) for relation in spec.tags),
            content=import_string(spec.build),
            annotations=import_string(spec.annotations) if spec.annotations else None,
            loaders=tuple(import_string(path) for path in spec.loaders),
        )

    @property
    def kind(self) -> str:
        return self.spec.kind

    @property
    def viewname(self) -> str:
        return self.spec.viewname

    @property
    def version_field(self) -> str:
        return self.spec.version_field

    def published(self) -> QuerySet:
        """Only published records have documents; a record shown on its parent's page (a provision, an
        explanatory material) only while the parent is published too."""
        condition = {}
        if any(f.name == "status" for f in self.model._meta.concrete_fields):
            condition["status"] = PUBLISHED
        if self.spec.parent:
            condition[f"{self.spec.parent}__status"] = PUBLISHED
        return self.model._default_manager.filter(**condition)

    def rows(self, qs: QuerySet) -> list[dict]:
        if self.annotations is None:
            return list(qs.values(*self.spec.fields))
        extra = self.annotations()
        return list(qs.annotate(**extra).values(*self.spec.fields, *extra))

    def documents(self, rows: list[dict], pk_filter: dict, vocab: Vocab, url: str) -> list[dict]:
        tags: dict[int, Tags] = defaultdict(Tags)
        if rows:
            for source in self.tag_sources:
                source.load(tags, pk_filter)
            for loader in self.loaders:
                loader(rows, tags)
        return [self.document(row, tags[row["pk"]], vocab, url) for row in rows]

    def document(self, row: dict, tags: Tags, vocab: Vocab, url: str) -> dict:
        """What every document has, then the family's fields, then the tag facets."""
        spec = self.spec
        doc = _base(spec, row, vocab, url, self.type_facets)
        doc.update(self.content(row, tags, vocab))
        doc.update(tags.fields(vocab))
        return doc


def _base(spec: SearchDocument, row: dict, vocab: Vocab, url: str, type_facets: tuple[str, ...] = ()) -> dict:
    country = (vocab.countries.by_pk(row[spec.country]) if spec.country else None) or NO_COUNTRY
    if spec.parent:  # an anchor on the parent's page
        url = url.format(pk=row[spec.parent]) + f"#{spec.kind}-{{pk}}"
    doc = {
        "id": doc_id(spec.kind, row["pk"]),
        "type": spec.type,
        "record_id": row["pk"],
        "parent_id": row[spec.parent] if spec.parent else None,
        "version": row[spec.version_field].isoformat(),
        "url": url.format(pk=row["pk"]),
        "country": country.code,
        "region": list(country.regions),
        "court_level": "",
        "legal_status": "",
        **{name: [] if name in MULTI_VALUED else "" for name in CASE_PEOPLE_FIELDS},
        "year": None,
        "date": None,
        "numbers": [],
    }
    for name in type_facets:  # the types' own facets, empty unless `build` fills them (every document has every field)
        doc.setdefault(name, [] if name in MULTI_VALUED else "")
    return doc


@functools.cache
def builders() -> dict[str, Builder]:
    """Every declared document kind, in app registry order (INSTALLED_APPS, then models in their module)."""
    found: dict[str, Builder] = {}
    for model, spec in declared("search_document", apps.get_models()):
        if spec.kind in found:
            raise ImproperlyConfigured(f"Two models declare the search document kind {spec.kind!r}")
        if DOC_KINDS.get(spec.kind) != spec.type:
            raise ImproperlyConfigured(
                f"{model.__name__}.search_document: add {spec.kind!r}: {spec.type!r} to search.schema.DOC_KINDS "
                "(the index format's kinds) and rebuild the index"
            )
        found[spec.kind] = Builder.declared(model, spec)
    every = tuple(dict.fromkeys(name for builder in found.values() for name in builder.spec.type_facets))
    for builder in found.values():
        builder.type_facets = every
    return found


def __getattr__(name: str) -> object:
    """`BUILDERS` and `KINDS` for callers that read them as constants (read once the apps are loaded)."""
    if name == "BUILDERS":
        return builders()
    if name == "KINDS":
        return tuple(builders())
    raise AttributeError(name)


def _kinds(kind: str | None) -> tuple[str, ...]:
    kinds = tuple(builders())
    if kind is None:
        return kinds
    if kind not in kinds:
        raise ValueError(f"Unknown document kind {kind!r}: use one of {', '.join(kinds)}.")
    return (kind,)


# --------------------------------------------------------------------------- public API


def iter_documents(
    kind: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    pks: tuple[int, int] | None = None,
    vocab: Vocab | None = None,
) -> Iterator[dict]:
    """Stream every document (of one kind, or all) for a rebuild; `pks`: only records whose pk is in
    this inclusive range (one slice of a parallel rebuild, search.indexing).

    Keyset pagination on pk keeps each batch query cheap at any depth; tags are read with a pk
    range rather than an id list so no batch size hits a backend's parameter limit. Queries: 7 for
    the vocabularies, then per batch 1 for the rows and 1 per tag relation.
    """
    vocab = vocab or Vocab.load()
    for name in _kinds(kind):
        builder = builders()[name]
        url = _url_pattern(builder.viewname)
        last = pks[0] - 1 if pks else 0
        published = builder.published().filter(pk__lte=pks[1]) if pks else builder.published()
        while True:
            rows = builder.rows(published.filter(pk__gt=last).order_by("pk")[:batch_size])
            if not rows:
                break
            pk_range = {"gte": rows[0]["pk"], "lte": rows[-1]["pk"]}
            yield from builder.documents(rows, pk_range, vocab, url)
            last = rows[-1]["pk"]
            if len(rows) < batch_size:
                break


def documents_for(kind: str, pks: Iterable[int], vocab: Vocab | None = None) -> tuple[list[dict], list[str]]:
    """Documents for the given records, and the document ids of those that have none.

    A record has no document when it does not exist (deleted) or is not published (for provisions:
    its law is not); callers delete those ids from the index, which makes re-indexing idempotent.
    """
    builder = builders()[_kinds(kind)[0]]
    wanted = sorted({int(pk) for pk in pks})
    if not wanted:
        return [], []
    vocab = vocab or Vocab.load()
    url = _url_pattern(builder.viewname)
    docs: list[dict] = []
    for start in range(0, len(wanted), IN_CHUNK):
        chunk = wanted[start : start + IN_CHUNK]
        rows = builder.rows(builder.published().filter(pk__in=chunk).order_by("pk"))
        docs.extend(builder.documents(rows, {"in": [r["pk"] for r in rows]}, vocab, url))
    found = {d["record_id"] for d in docs}
    return docs, [doc_id(builder.kind, pk) for pk in wanted if pk not in found]


def published_pks(kind: str) -> list[int]:
    """The sorted pks of the records of `kind` that have documents: how a parallel rebuild splits its work."""
    return list(builders()[_kinds(kind)[0]].published().order_by("pk").values_list("pk", flat=True))


def expected_versions(kind: str | None = None) -> dict[str, str]:
    """{document id: version} of everything that should be in the index: one values query per kind."""
    versions: dict[str, str] = {}
    for name in _kinds(kind):
        builder = builders()[name]
        rows = builder.published().order_by().values_list("pk", builder.version_field)
        versions.update((doc_id(name, pk), updated.isoformat()) for pk, updated in rows.iterator(chunk_size=10_000))
    return versions


def expected_count(kind: str | None = None) -> int:
    """How many documents the database should produce (one COUNT per kind): for progress bars."""
    return sum(builders()[name].published().count() for name in _kinds(kind))
