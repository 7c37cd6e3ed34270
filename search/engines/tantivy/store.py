"""The on-disk index: generations, the cross-process write lock, and reader freshness.

Layout of the index directory (settings.SEARCH_INDEX_DIR)::

    write.lock        flock(2) target: held around every writer use, by every process
    CURRENT           name of the live generation, replaced atomically (write + rename)
    gen-000007/       a tantivy index
    gen-000006/       the previous generation, kept for searches that were running during a swap

Why a lock of our own: tantivy allows one IndexWriter per index and fails (LockBusy) rather than
waits when another process holds it. Web workers, Celery workers and management commands all write,
so each takes `write.lock` first (blocking, with a timeout), then creates the writer, commits, waits
for merges and drops the writer before releasing the lock. A crashed process releases its flock.

Why generations: rebuild writes a complete new index next to the live one while searches and
upserts keep using the live one, then publishes it by renaming a new CURRENT over the old (atomic
on POSIX). The write lock is held for the whole rebuild, so upserts that arrive meanwhile wait and
then land in the new generation instead of being lost with the old one.

Freshness: before each search a reader stats CURRENT and the generation's meta.json (tantivy
replaces meta.json on every commit); if either changed it reopens or reloads. Two stat() calls cost
microseconds and make other processes' commits visible immediately.
"""

import errno
import fcntl
import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import tantivy

from ..base import EngineError
from .analysis import register_analyzers
from .fields import build_schema
from .titlekeys import TitleTable

GEN_PREFIX = "gen-"
LOCK_POLL_SECONDS = 0.05


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


class IndexStore:
    def __init__(self, root: Path, lock_timeout: float = 900.0) -> None:
        self.root = Path(root)
        self.lock_timeout = lock_timeout
        self.schema = build_schema()
        self._current_file = self.root / "CURRENT"
        self._lock_file = self.root / "write.lock"
        self._mutex = threading.RLock()
        self._index: tantivy.Index | None = None
        self._generation: str | None = None
        self._current_stamp: tuple | None = None
        self._meta_stamp: tuple | None = None
        self._titles: tuple[str | None, TitleTable] = (None, TitleTable())
        self.root.mkdir(parents=True, exist_ok=True)
        if not self._current_file.exists():
            with self.write_lock():
                if not self._current_file.exists():
                    name = self._next_generation()
                    self._create(self.root / name)
                    self._publish(name)

    # --- locking ------------------------------------------------------------------------------
    @contextmanager
    def write_lock(self) -> Iterator[None]:
        """Exclusive across processes (flock) and threads (each call opens its own descriptor)."""
        fd = os.open(self._lock_file, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            deadline = time.monotonic() + self.lock_timeout
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError as exc:
                    if exc.errno not in (errno.EAGAIN, errno.EACCES):
                        raise
                    if time.monotonic() >= deadline:
                        raise EngineError(f"Search index is locked by another writer: {self._lock_file}") from None
                    time.sleep(LOCK_POLL_SECONDS)
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the lock

    # --- generations --------------------------------------------------------------------------
    def _generations(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and p.name.startswith(GEN_PREFIX))

    def _next_generation(self) -> str:
        existing = [int(name[len(GEN_PREFIX) :]) for name in self._generations() if name[len(GEN_PREFIX) :].isdigit()]
        return f"{GEN_PREFIX}{max(existing, default=0) + 1:06d}"

    def _create(self, path: Path) -> tantivy.Index:
        path.mkdir(parents=True, exist_ok=False)
        index = tantivy.Index(self.schema, path=str(path), reuse=False)
        register_analyzers(index)
        return index

    def _open(self, name: str) -> tantivy.Index:
        try:
            index = tantivy.Index(self.schema, path=str(self.root / name), reuse=True)
        except ValueError as exc:
            raise EngineError(
                f"Cannot open search index {self.root / name} ({exc}). If the schema changed, rebuild the index."
            ) from exc
        register_analyzers(index)
        index.config_reader(reload_policy="Manual")
        return index

    def _publish(self, name: str) -> None:
        tmp = self.root / f"CURRENT.{os.getpid()}.tmp"
        with open(tmp, "w") as fh:
            fh.write(name)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self._current_file)
        dir_fd = os.open(self.root, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    def _drop_old_generations(self, keep: set[str]) -> None:
        for name in self._generations():
            if name not in keep:
                shutil.rmtree(self.root / name, ignore_errors=True)

    # --- readers ------------------------------------------------------------------------------
    def index(self) -> tantivy.Index:
        """The live index, reopened or reloaded if another process published or committed."""
        current = _stamp(self._current_file)
        if current != self._current_stamp or self._index is None:
            with self._mutex:
                current = _stamp(self._current_file)
                if current != self._current_stamp or self._index is None:
                    name = self._current_file.read_text().strip()
                    if name != self._generation or self._index is None:
                        self._index, self._generation, self._meta_stamp = self._open(name), name, None
                    self._current_stamp = current
        meta = _stamp(self.root / self._generation / "meta.json")
        if meta != self._meta_stamp:
            with self._mutex:
                if meta != self._meta_stamp:
                    self._index.reload()
                    self._meta_stamp = meta
        return self._index

    def titles(self, generation: str | None = None) -> TitleTable:
        """A generation's table of title keys (titlekeys.py; default: the live one), read once per generation."""
        if generation is None:
            self.index()
            generation = self._generation
        known, table = self._titles
        if known != generation:
            table = TitleTable.load(self.root / generation)
            self._titles = (generation, table)
        return table

    def searcher(self) -> tantivy.Searcher:
        return self.index().searcher()

    def snapshot(self) -> tuple[tuple, tantivy.Searcher]:
        """(version, searcher). The version changes with every commit or generation; it is read
        before the searcher, so a searcher can only be newer than its version, never older."""
        index = self.index()
        version = (self._generation, self._meta_stamp)
        return version, index.searcher()

    # --- writers ------------------------------------------------------------------------------
    @contextmanager
    def writer(self, heap_size: int, threads: int) -> Iterator[tantivy.IndexWriter]:
        """A writer on the live generation, under the write lock; committed when the block succeeds."""
        with self.write_lock(), self.locked_writer(heap_size, threads) as writer:
            yield writer

    @contextmanager
    def locked_writer(self, heap_size: int, threads: int) -> Iterator[tantivy.IndexWriter]:
        """Like writer(), for a caller that already holds write_lock()."""
        index = self.index()
        writer = index.writer(heap_size=heap_size, num_threads=threads)
        try:
            yield writer
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()  # merges must end before another process may write
        self._meta_stamp = None
        self.index()

    @contextmanager
    def new_generation(
        self, heap_size: int, threads: int, files: dict[str, bytes] | None = None
    ) -> Iterator[tantivy.IndexWriter]:
        """A writer on a fresh generation, published (and the older ones pruned) when the block succeeds.
        `files`: {name: content} written into the generation's directory (the title-key table)."""
        with self.write_lock():
            previous = self._current_file.read_text().strip()
            name = self._next_generation()
            path = self.root / name
            index = self._create(path)
            for file_name, content in (files or {}).items():
                (path / file_name).write_bytes(content)
            writer = index.writer(heap_size=heap_size, num_threads=threads)
            try:
                yield writer
                writer.commit()
                writer.wait_merging_threads()
            except BaseException:
                writer.rollback()
                writer.wait_merging_threads()
                del writer, index
                shutil.rmtree(path, ignore_errors=True)
                raise
            del writer, index
            self._publish(name)
            self._drop_old_generations(keep={name, previous})
        self.index()

    def close(self) -> None:
        with self._mutex:
            self._index = None
            self._generation = None
            self._current_stamp = None
            self._meta_stamp = None
