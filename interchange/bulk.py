"""Context managers for bulk jobs (import, export, demo seeding) run from management commands."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from django.conf import settings


def paused_indexing() -> contextlib.AbstractContextManager:
    """`search.signals.paused()`: no indexing tasks are sent inside the block, so the caller must rebuild
    or update the index afterwards (`manage.py search_index rebuild`)."""
    from search import signals

    return signals.paused()


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
