"""Context managers for bulk jobs (import, export, demo seeding) run from management commands.

Both are defensive wrappers around things outside `records`: the search app's signal switch (imported
lazily, so `records` works whether or not the search app offers it) and Django's DEBUG query log.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from django.conf import settings


def paused_indexing() -> contextlib.AbstractContextManager:
    """`search.signals.paused()` when available: no indexing tasks are sent inside the block, so the
    caller must rebuild or update the index afterwards (`manage.py search_index rebuild`)."""
    try:
        from search import signals
    except ImportError:  # pragma: no cover - search app absent
        return contextlib.nullcontext()
    pause = getattr(signals, "paused", None) or getattr(signals, "suspended_indexing", None)
    return pause() if pause else contextlib.nullcontext()


@contextlib.contextmanager
def without_query_log() -> Iterator[None]:
    """Turn off DEBUG's query log for the block.

    With DEBUG on (the development default) Django keeps the SQL of the last 9000 queries, and on SQLite
    quotes every parameter with an extra round trip to build it. For bulk inserts of 500 rows that is
    hundreds of megabytes and a fifth of the run time, and nobody reads it in a management command.
    """
    previous = settings.DEBUG
    settings.DEBUG = False
    try:
        yield
    finally:
        settings.DEBUG = previous
