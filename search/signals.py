"""Model signals -> indexing tasks, sent once per transaction after it commits.

Why this shape:
- Changes are collected per database connection and transaction in a `Pending` buffer
  (sherloc.per_transaction) and sent by one `transaction.on_commit` callback, so a form that saves a
  case, its people and its tags sends one task for the case, and a rolled-back transaction sends nothing.
- What a record is made of (children, tags, the vocabulary terms it shows) is declared on its model and
  watched by sherloc.versions, which stamps the record's `updated_at` and sends `records_touched`: this
  module only listens to that and to the family models' own saves and deletes. So a vocabulary relabel
  re-indexes every published record showing the term, and a lost task is repaired by reconcile (the
  stamps are in the data).
- Enqueueing never fails the user's save: the data is committed by then. A broker error is logged
  as a warning and the periodic reconcile repairs the index.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db.models.signals import post_delete, post_save

from legislation.models import Law, Provision
from sherloc.per_transaction import buffer
from sherloc.publishable import families
from sherloc.versions import records_touched

from .engines import EngineError

logger = logging.getLogger(__name__)

CHUNK = 500
UID = "search.signals"


def _broker_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [ConnectionError, OSError, TimeoutError]
    try:
        from kombu.exceptions import OperationalError

        errors.append(OperationalError)
    except ImportError:  # pragma: no cover - kombu ships with celery
        pass
    try:
        from redis.exceptions import RedisError

        errors.append(RedisError)
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


BROKER_ERRORS = _broker_errors()


# --------------------------------------------------------------------------- the per-transaction buffer


@dataclass
class Pending:
    """What one transaction changed. Sets deduplicate repeated changes of the same record."""

    using: str = "default"
    laws: set[int] = field(default_factory=set)
    removed: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))  # law -> deleted provisions
    records: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))  # kind -> pks

    def on_commit(self) -> None:
        """Send the tasks. Runs once, after commit; never raises (the data is committed already)."""
        from . import tasks

        laws = sorted(self.laws)
        if len(laws) == 1:
            _send(tasks.index_law, laws[0], sorted(self.removed.get(laws[0], ())))
        else:  # bulk changes (imports, admin actions): one task per chunk of laws, not one per law
            for start in range(0, len(laws), CHUNK):
                chunk = laws[start : start + CHUNK]
                removed = sorted(p for law in chunk for p in self.removed.get(law, ()))
                _send(tasks.index_laws, chunk, removed)
        for kind, pks in sorted(self.records.items()):
            ordered = sorted(pks)
            for start in range(0, len(ordered), CHUNK):
                _send(tasks.index_records, kind, ordered[start : start + CHUNK])


def _send(task, *args: object) -> None:  # noqa: ANN001 - a Celery task
    try:
        task.delay(*args)
    except BROKER_ERRORS as exc:
        logger.warning(
            "search: could not enqueue %s%s (%s); the periodic reconcile will repair it", task.name, _brief(args), exc
        )
    except EngineError as exc:  # eager mode: the task ran here and the engine failed
        logger.warning("search: %s%s failed (%s); the periodic reconcile will repair it", task.name, _brief(args), exc)
    except Exception:  # the save is committed: never turn an indexing problem into a failed request
        logger.exception("search: %s%s failed; the periodic reconcile will repair it", task.name, _brief(args))


def _brief(args: tuple) -> str:
    """Task arguments for a log line: long id lists are summarised."""
    shown = [f"[{len(a)} ids: {a[0]}..{a[-1]}]" if isinstance(a, list) and len(a) > 10 else repr(a) for a in args]
    return f"({', '.join(shown)})"


_paused = threading.local()


@contextmanager
def paused() -> Iterator[None]:
    """Send no indexing tasks in this block (bulk imports, demo seeding); run `search_index rebuild`
    or `update` afterwards. Record versions are still stamped (sherloc.versions): a domain rule, not indexing."""
    previous = getattr(_paused, "on", False)
    _paused.on = True
    try:
        yield
    finally:
        _paused.on = previous


def _collect(using: str | None, add: Callable[[Pending], None]) -> None:
    """Run `add` against the current transaction's buffer; outside a transaction, send at once."""
    if getattr(_paused, "on", False):
        return
    pending, in_transaction = buffer(using, "_search_pending", lambda: Pending(using=using or "default"))
    add(pending)
    if not in_transaction:  # autocommit: the change is committed already
        pending.on_commit()


# --------------------------------------------------------------------------- receivers


def _reindex(family: type, pks: list[int], using: str | None) -> None:
    """Collect records of one family for re-indexing (a law's documents are its provisions: the law)."""
    if family is Law:
        _collect(using, lambda p: p.laws.update(pks))
    else:
        _collect(using, lambda p: p.records[family.record_kind].update(pks))


def record_saved(sender: type, instance, using: str | None = None, **kwargs) -> None:  # noqa: ANN001, ANN003
    """A record's own save or delete."""
    _reindex(sender, [instance.pk], using)


def touched(sender: type, pks: list[int], using: str | None = None, **kwargs) -> None:  # noqa: ANN003
    """sherloc.versions stamped records whose parts or shown terms changed: re-index them."""
    _reindex(sender, pks, using)


def provision_deleted(sender, instance: Provision, using: str | None = None, **kwargs) -> None:  # noqa: ANN001, ANN003
    """A deleted provision's document must go: re-indexing its law alone would not find it."""

    def add(p: Pending) -> None:
        p.removed[instance.law_id].add(instance.pk)
        p.laws.add(instance.law_id)

    _collect(using, add)


# --------------------------------------------------------------------------- wiring


def connect() -> None:
    """Connect every receiver (called from SearchConfig.ready). Idempotent thanks to dispatch_uid."""
    for model in families():
        label = model._meta.label
        post_save.connect(record_saved, sender=model, dispatch_uid=f"{UID}.saved.{label}")
        post_delete.connect(record_saved, sender=model, dispatch_uid=f"{UID}.deleted.{label}")
    post_delete.connect(provision_deleted, sender=Provision, dispatch_uid=f"{UID}.provision_deleted")
    records_touched.connect(touched, dispatch_uid=f"{UID}.touched")
