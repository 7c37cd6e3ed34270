"""Several processes (web, Celery worker, management command) write one tantivy index at once.

Each child process opens its own TantivyEngine on the same directory and commits many small
batches, so the writers interleave; the index's file lock must serialise them without errors,
deadlocks or lost documents, while a reader in the parent keeps searching.
"""

import multiprocessing
import time
from pathlib import Path

from search.engines.tantivy_engine import TantivyEngine
from search.query import SearchQuery
from tests.search.test_engine_contract import make_doc

DOCS_PER_WORKER = 60
BATCH = 5
TIMEOUT_SECONDS = 120


def _docs(worker: int) -> list[dict]:
    return [
        make_doc(
            f"case:{worker * 1000 + i}",
            f"Worker {worker} record {i}",
            {"en": {"title": f"Worker {worker} record {i}", "body": f"concurrent writer{worker} document"}},
            language="en",
            country="KEN",
            year=2000 + i % 20,
        )
        for i in range(DOCS_PER_WORKER)
    ]


def _write(path: str, worker: int) -> int:
    """Runs in a child process: many small upserts, so the two writers interleave."""
    engine = TantivyEngine(Path(path), lock_timeout=TIMEOUT_SECONDS)
    docs = _docs(worker)
    written = 0
    try:
        for start in range(0, len(docs), BATCH):
            written += engine.upsert(docs[start : start + BATCH])
        engine.delete([docs[0]["id"]])  # deletes take the same lock
        written += engine.upsert(docs[:1])
    finally:
        engine.close()
    return written


def test_two_processes_write_the_same_index(tmp_path: Path) -> None:
    path = tmp_path / "shared-index"  # created by whichever process gets the lock first
    context = multiprocessing.get_context("spawn")
    started = time.monotonic()
    with context.Pool(2) as pool:
        pending = pool.starmap_async(_write, [(str(path), 1), (str(path), 2)])
        reader = TantivyEngine(path)
        searches = 0
        while not pending.ready():
            result = reader.search(SearchQuery(text="concurrent", page_size=5))  # never fails mid-write
            assert result.total <= 2 * DOCS_PER_WORKER
            searches += 1
            time.sleep(0.02)
        written = pending.get(timeout=TIMEOUT_SECONDS)
    assert time.monotonic() - started < TIMEOUT_SECONDS
    assert written == [DOCS_PER_WORKER + 1, DOCS_PER_WORKER + 1]
    assert searches > 0

    assert reader.count() == 2 * DOCS_PER_WORKER  # the reader sees the other processes' commits
    expected = {doc["id"] for worker in (1, 2) for doc in _docs(worker)}
    assert set(reader.versions()) == expected
    assert reader.search(SearchQuery(text="writer1")).total == DOCS_PER_WORKER
    assert reader.search(SearchQuery(text="writer2")).total == DOCS_PER_WORKER
    reader.close()


def test_rebuild_in_another_process_swaps_generations_under_a_reader(tmp_path: Path) -> None:
    path = tmp_path / "index"
    reader = TantivyEngine(path)
    reader.upsert(_docs(1))
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        pool.apply_async(_rebuild, (str(path), 2)).get(timeout=TIMEOUT_SECONDS)
    # The reader notices the new generation on its next search: only worker 2's documents remain.
    assert reader.search(SearchQuery(text="writer1")).total == 0
    assert reader.search(SearchQuery(text="writer2")).total == DOCS_PER_WORKER
    assert reader.count() == DOCS_PER_WORKER
    reader.upsert(_docs(1)[:3])  # and writes to it
    assert reader.count() == DOCS_PER_WORKER + 3
    generations = sorted(p.name for p in path.iterdir() if p.name.startswith("gen-"))
    assert len(generations) <= 2
    reader.close()


def _rebuild(path: str, worker: int) -> int:
    engine = TantivyEngine(Path(path), lock_timeout=TIMEOUT_SECONDS)
    try:
        return engine.rebuild(_docs(worker))
    finally:
        engine.close()
