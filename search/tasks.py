"""Celery tasks that keep the index fresh. All are idempotent: they re-read by id and converge.

With no broker (embedded run) settings make Celery eager, so these run in-process after commit.
Engine and database hiccups are retried with exponential backoff; anything still missed is repaired
by the periodic `reconcile_index` (beat schedule in settings).
"""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import InterfaceError
from django.db import OperationalError as DatabaseOperationalError

from . import indexing
from .engines import EngineError

logger = logging.getLogger(__name__)

RETRYING = {
    "autoretry_for": (EngineError, DatabaseOperationalError, InterfaceError),
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": 5,
    "acks_late": True,
}


@shared_task(name="search.tasks.index_records", **RETRYING)
def index_records(kind: str, ids: list[int]) -> dict[str, int]:
    """Upsert/delete the documents of some records of one kind."""
    return indexing.index_ids(kind, ids).as_dict()


@shared_task(name="search.tasks.index_law", **RETRYING)
def index_law(pk: int, removed: list[int] | None = None) -> dict[str, int]:
    """Re-index all provisions of a law; `removed` are provisions deleted since (their docs go)."""
    return indexing.index_law(pk, removed=removed or ()).as_dict()


@shared_task(name="search.tasks.index_laws", **RETRYING)
def index_laws(pks: list[int], removed: list[int] | None = None) -> dict[str, int]:
    """Re-index all provisions of several laws in one engine write; `removed` as in index_law."""
    return indexing.index_laws(pks, removed=removed or ()).as_dict()


@shared_task(name="search.tasks.reconcile_index", acks_late=True)
def reconcile_index() -> dict[str, int]:
    """Periodic repair: index missing and stale documents, delete orphaned ones."""
    found = indexing.reconcile()
    return {
        "missing": len(found.missing),
        "stale": len(found.stale),
        "orphaned": len(found.orphaned),
        "db_count": found.db_count,
        "index_count": found.index_count,
    }
