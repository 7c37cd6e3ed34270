"""Indexing services: the only code that writes documents to the engine.

Tasks, signals, the `search_index` command and tests all go through these functions. Each one
re-reads the database by id and upserts what exists and is published, deletes what does not: so a
call can be repeated, reordered or retried without harm, and the index converges on the database.
"""

from __future__ import annotations

import gc
import itertools
import logging
import multiprocessing
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.db import connections

from legislation.models import Law, Provision

from .documents import Vocab, builders, documents_for, expected_versions, iter_documents, published_pks
from .engines import SearchEngine, get_engine
from .schema import doc_id, parse_doc_id

logger = logging.getLogger(__name__)

CHUNK = 500  # records per upsert batch / per fan-out task
RECONCILE_CHUNK = 2000  # a large repair: fewer, bigger engine commits
SLICE = 2000  # records per task of a parallel rebuild (one document batch)
PARALLEL_MIN = 4 * SLICE  # fewer documents: a rebuild builds them in its own process
IN_FLIGHT = 2  # slices per worker built or waiting to be written
SAMPLE_EVERY = 32  # records per sampled document (the engine's sort-key layout)


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


def rebuild(
    progress: Callable[[int], None] | None = None,
    engine: SearchEngine | None = None,
    workers: int | None = None,
) -> int:
    """Replace the whole index with fresh documents; the engine keeps serving the old one meanwhile.

    `progress(n)` is called with the number of documents produced since the last call (tqdm.update).
    `workers` (default settings.SEARCH_INDEX_WORKERS): processes that build and convert documents
    while this one writes them; a corpus below PARALLEL_MIN documents is built here (forking costs
    more than it saves), and so is any rebuild run inside a daemon process (a Celery prefork child may
    not start processes) or inside a transaction (the workers' own connections would not see its rows, and
    closing the connection before forking would end it).
    """
    engine = engine or get_engine()
    workers = settings.SEARCH_INDEX_WORKERS if workers is None else workers
    vocab = Vocab.load()
    slices = _slices()
    sample = _sample(slices, vocab)
    parallel = (
        workers > 1
        and sum(n for _, _, _, n in slices) >= PARALLEL_MIN
        and not multiprocessing.current_process().daemon
        and not any(conn.in_atomic_block for conn in connections.all(initialized_only=True))
    )

    # Fork the workers before the engine starts its writer threads (a forked child has none of them).
    pool = _Workers(slices, workers, engine.preparer(sample), vocab) if parallel else None

    def stream() -> Iterator:
        pending = 0
        for doc in pool if pool is not None else iter_documents(vocab=vocab):
            yield doc
            pending += 1
            if progress and pending >= 500:
                progress(pending)
                pending = 0
        if progress and pending:
            progress(pending)

    try:
        return engine.rebuild(stream(), sample=sample)
    finally:
        if pool is not None:
            pool.close()


def _slices(size: int = SLICE) -> list[tuple[str, int, int, int]]:
    """(kind, first pk, last pk, records) of up to `size` published records each, in kind and pk order."""
    slices = []
    for kind in builders():
        pks = published_pks(kind)
        for start in range(0, len(pks), size):
            part = pks[start : start + size]
            slices.append((kind, part[0], part[-1], len(part)))
    return slices


def _sample(slices: list[tuple[str, int, int, int]], vocab: Vocab) -> list[dict]:
    """Documents spread evenly over the corpus (one per SAMPLE_EVERY records of each slice, at least
    one per slice): what an engine lays its sort keys out by (search.engines.tantivy.titlekeys)."""
    wanted: dict[str, list[int]] = defaultdict(list)
    for kind, first, last, count in slices:
        step = max(1, (last - first + 1) * SAMPLE_EVERY // max(count, 1))
        wanted[kind].extend(range(first, last + 1, step))
    docs: list[dict] = []
    for kind, pks in wanted.items():
        docs.extend(documents_for(kind, pks, vocab=vocab)[0])
    return docs


# --- parallel rebuild: worker processes build and convert slices, this process writes ----------------
_worker_state: dict = {}


def _start_worker(prepare: Callable[[dict], object] | None, vocab: Vocab) -> None:
    _worker_state.update(prepare=prepare, vocab=vocab)


def _build_slice(kind: str, first: int, last: int) -> list:
    """One slice's documents, converted by the engine's preparer (runs in a worker process)."""
    prepare = _worker_state["prepare"]
    docs = iter_documents(kind, pks=(first, last), vocab=_worker_state["vocab"])
    return [prepare(doc) for doc in docs] if prepare else list(docs)


class _Workers:
    """Worker processes building the slices' documents; iterating yields them in slice order.

    At most IN_FLIGHT slices per worker are built or waiting at a time, which bounds the memory a slow
    writer lets pile up. The processes are forked when this is created."""

    def __init__(
        self,
        slices: list[tuple[str, int, int, int]],
        workers: int,
        prepare: Callable[[dict], object] | None,
        vocab: Vocab,
    ) -> None:
        connections.close_all()  # forked children open their own database connections
        gc.freeze()  # the children's collections leave the inherited objects (and their pages) alone
        self._pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker,
            initargs=(prepare, vocab),
        )
        self._todo = iter(slices)
        self._running: deque = deque()
        try:
            self._submit(workers * IN_FLIGHT)  # forks the workers
        finally:
            gc.unfreeze()

    def _submit(self, count: int) -> None:
        for kind, first, last, _ in itertools.islice(self._todo, count):
            self._running.append(self._pool.submit(_build_slice, kind, first, last))

    def __iter__(self) -> Iterator:
        while self._running:
            batch = self._running.popleft().result()
            self._submit(1)
            yield from batch

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


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
