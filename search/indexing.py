"""Indexing services: the only code that writes documents to the engine.

Tasks, signals, the `search_index` command and tests all go through these functions. Each one
re-reads the database by id and upserts what exists and is published, deletes what does not: so a
call can be repeated, reordered or retried without harm, and the index converges on the database.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field

from legislation.models import Law, Provision

from .documents import Vocab, builders, documents_for, expected_versions, iter_documents
from .engines import SearchEngine, get_engine
from .schema import doc_id, parse_doc_id

logger = logging.getLogger(__name__)

CHUNK = 500  # records per upsert batch / per fan-out task
RECONCILE_CHUNK = 2000  # a large repair: fewer, bigger engine commits


@dataclass
class IndexResult:
    upserted: int = 0
    deleted: int = 0

    def __iadd__(self, other: IndexResult) -> IndexResult:
        self.upserted += other.upserted
        self.deleted += other.deleted
        return self

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass
class IndexDiff:
    """Difference between the database and the index, as sorted document ids."""

    missing: list[str] = field(default_factory=list)  # should be indexed, are not
    stale: list[str] = field(default_factory=list)  # indexed with an older/other version
    orphaned: list[str] = field(default_factory=list)  # indexed, should not be (deleted, unpublished)
    db_count: int = 0
    index_count: int = 0

    @property
    def in_sync(self) -> bool:
        return not (self.missing or self.stale or self.orphaned)

    def as_dict(self) -> dict:
        return {**asdict(self), "in_sync": self.in_sync}


def _chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def index_ids(
    kind: str,
    pks: Iterable[int],
    engine: SearchEngine | None = None,
    vocab: Vocab | None = None,
    chunk_size: int = CHUNK,
) -> IndexResult:
    """Re-read records by pk; upsert the published ones, delete the documents of the others."""
    engine = engine or get_engine()
    result = IndexResult()
    vocab = vocab or Vocab.load()
    for chunk in _chunks(sorted({int(pk) for pk in pks}), chunk_size):
        docs, missing = documents_for(kind, chunk, vocab=vocab)
        if docs:
            result.upserted += engine.upsert(docs)
        if missing:
            engine.delete(missing)
            result.deleted += len(missing)
    return result


def index_law(pk: int, removed: Iterable[int] = (), engine: SearchEngine | None = None) -> IndexResult:
    """Re-index every provision of a law (they share the law's title, status and version).

    Provisions deleted since the last indexing are not in the database any more: search.signals
    passes their pks as `removed` (and enqueues them on their own); `reconcile()` catches the rest.
    """
    return index_laws([pk], removed=removed, engine=engine)


def index_laws(pks: Iterable[int], removed: Iterable[int] = (), engine: SearchEngine | None = None) -> IndexResult:
    """`index_law` for many laws at once: one engine write (one commit) instead of one per law,
    which is what keeps an import of thousands of laws from spending its time in index commits."""
    engine = engine or get_engine()
    pks = list(pks)
    current = list(Provision.objects.filter(law_id__in=pks).values_list("pk", flat=True))
    result = index_ids("provision", current, engine=engine)
    gone = sorted({int(p) for p in removed} - set(current))
    if gone:
        engine.delete([doc_id("provision", p) for p in gone])
        result.deleted += len(gone)
    # Other documents shown on the law's page (its declared `parent`: explanatory materials) show its title
    # and country and are public only while it is.
    for kind, builder in builders().items():
        if kind == "provision" or builder.spec.parent is None:
            continue
        if builder.model._meta.get_field(builder.spec.parent).related_model is not Law:
            continue
        children = list(
            builder.model._default_manager.filter(**{f"{builder.spec.parent}__in": pks}).values_list("pk", flat=True)
        )
        if children:
            more = index_ids(kind, children, engine=engine)
            result.upserted += more.upserted
            result.deleted += more.deleted
    return result


def rebuild(progress: Callable[[int], None] | None = None, engine: SearchEngine | None = None) -> int:
    """Replace the whole index with fresh documents; the engine keeps serving the old one meanwhile.

    `progress(n)` is called with the number of documents produced since the last call (tqdm.update).
    """
    engine = engine or get_engine()

    def stream() -> Iterator[dict]:
        pending = 0
        for doc in iter_documents():
            yield doc
            pending += 1
            if progress and pending >= 500:
                progress(pending)
                pending = 0
        if progress and pending:
            progress(pending)

    return engine.rebuild(stream())


def diff(engine: SearchEngine | None = None) -> IndexDiff:
    """Compare expected versions (database) with indexed versions: no documents are loaded."""
    engine = engine or get_engine()
    expected = expected_versions()
    indexed = engine.versions()
    return IndexDiff(
        missing=sorted(expected.keys() - indexed.keys(), key=_sort_key),
        stale=sorted((k for k, v in expected.items() if k in indexed and indexed[k] != v), key=_sort_key),
        orphaned=sorted(indexed.keys() - expected.keys(), key=_sort_key),
        db_count=len(expected),
        index_count=len(indexed),
    )


def reconcile(engine: SearchEngine | None = None) -> IndexDiff:
    """Repair drift (missed signals, a dead worker, a broker that was down). Returns what it found."""
    engine = engine or get_engine()
    found = diff(engine)
    if found.in_sync:
        return found
    by_kind: dict[str, list[int]] = defaultdict(list)
    for value in found.missing + found.stale:
        kind, pk = parse_doc_id(value)
        by_kind[kind].append(pk)
    vocab = Vocab.load()
    for kind, pks in by_kind.items():
        index_ids(kind, pks, engine=engine, vocab=vocab, chunk_size=RECONCILE_CHUNK)
    for chunk in _chunks(found.orphaned, RECONCILE_CHUNK):
        engine.delete(chunk)
    logger.info(
        "search reconcile: %d missing, %d stale indexed; %d orphaned deleted",
        len(found.missing),
        len(found.stale),
        len(found.orphaned),
    )
    return found


def _sort_key(value: str) -> tuple[str, int]:
    try:
        return parse_doc_id(value)
    except ValueError:
        return value, 0


__all__ = [
    "IndexDiff",
    "IndexResult",
    "diff",
    "index_ids",
    "index_law",
    "rebuild",
    "reconcile",
]
