"""Model signals -> indexing tasks, sent once per transaction after it commits.

Why this shape:
- Changes are collected per database connection and transaction in a `Pending` buffer and sent by
  one `transaction.on_commit` callback, so a form that saves a case, its people and its tags sends
  one task for the case, and a rolled-back transaction sends nothing.
- Anything a document is built from bumps its record's `updated_at` (the law's, for provisions,
  their tags and the law's attachments; the case's for people, charges, attachments and tags) with one
  UPDATE per record per transaction, so `search_index check` and the reconcile task see the change even if the task is
  lost (broker down, worker killed).
- Enqueueing never fails the user's save: the data is committed by then. A broker error is logged
  as a warning and the periodic reconcile repairs the index.
- Vocabulary edits (a country's name, a role's label, an article's code...) fan out to the records
  that embed the term, through one `reindex_vocabulary` task that enqueues chunked re-index tasks.
  Those records' `updated_at` is bumped in the same transaction (`stamp_records_using`), so this
  fan-out is repaired by reconcile too, and API clients see the records as changed.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from authorities.models import AuthorityArticle, CompetentAuthority
from caselaw.models import Case, CaseArticle, CaseAttachment, Charge, Court, Person
from legislation.models import Law, LawAttachment, Provision, ProvisionArticle
from strategies.models import (
    ExplanatoryMaterial,
    MaterialArticle,
    MaterialAttachment,
    Strategy,
    StrategyArticle,
    StrategyAttachment,
)
from taxonomy.models import Article, AuthorityRole, Country, CrimeSubType, CrimeType, Instrument, Issue, Region

from .engines import EngineError

logger = logging.getLogger(__name__)

CHUNK = 500
UID = "search.signals"

# Vocabularies (and courts) that documents embed, with the fields that can change a document: codes
# and numbers are indexed, labels are (or may become) indexed text. Saving a term with one of these
# changed fans out; anything else (sort order, an instrument's parent, legal basis) does not.
LABELS = ("label", "translations")
VOCABULARY_FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    Country: ("alpha3", "name", "translations", "region_id", "subregion_id", "intermediate_region_id"),
    Region: ("code", *LABELS),
    Instrument: ("code", "short_title", *LABELS),
    Article: ("code", "number", "title", "translations", "instrument_id"),
    CrimeType: ("code", *LABELS),
    CrimeSubType: ("code", *LABELS),
    Issue: ("code", *LABELS),
    AuthorityRole: ("code", *LABELS),
    Court: ("name", "level", "country_id"),
}
VOCABULARY_MODELS: tuple[type[models.Model], ...] = tuple(VOCABULARY_FIELDS)

RECORD_MODELS: dict[str, type[models.Model]] = {
    "case": Case,
    "authority": CompetentAuthority,
    "strategy": Strategy,
    "material": ExplanatoryMaterial,
}


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
    vocabulary: set[tuple[str, int]] = field(default_factory=set)
    touched: set[tuple[str, int]] = field(default_factory=set)  # (kind, pk) whose updated_at is already new
    provision_law: dict[int, int] = field(default_factory=dict)  # provision pk -> law pk (saves queries)
    flushed: bool = False

    def __post_init__(self) -> None:
        # One bound-method object, registered with on_commit and recognised there by identity.
        self.callback = self.flush

    def flush(self) -> None:
        """Send the tasks. Runs after commit; never raises (the data is committed already)."""
        if self.flushed:
            return
        self.flushed = True
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
        for label, pk in sorted(self.vocabulary):
            _send(tasks.reindex_vocabulary, label, pk)


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
    or `update` afterwards. Record timestamps are then not bumped either."""
    previous = getattr(_paused, "on", False)
    _paused.on = True
    try:
        yield
    finally:
        _paused.on = previous


def _collect(using: str | None, add: Callable[[Pending], None]) -> None:
    """Run `add` against the current transaction's buffer, creating and scheduling it if needed."""
    if getattr(_paused, "on", False):
        return
    using = using or "default"
    conn = transaction.get_connection(using)
    if not conn.in_atomic_block:  # autocommit: the change is committed already
        pending = Pending(using=using)
        add(pending)
        pending.flush()
        return
    pending: Pending | None = getattr(conn, "_search_pending", None)
    # The callback is gone from run_on_commit once it ran or its (savepoint) transaction rolled back.
    if pending is None or pending.flushed or not any(cb is pending.callback for _, cb, _ in conn.run_on_commit):
        pending = Pending(using=using)
        conn._search_pending = pending
        transaction.on_commit(pending.callback, using=using)
    add(pending)


# --------------------------------------------------------------------------- touching records


def _bump(pending: Pending, model: type[models.Model], kind: str, pk: int) -> None:
    """Move updated_at forward once per transaction so version checks notice the change."""
    if (kind, pk) in pending.touched:
        return
    pending.touched.add((kind, pk))
    model._default_manager.using(pending.using).filter(pk=pk).update(updated_at=timezone.now())


def _touch_laws(pending: Pending, law_ids: Iterable[int]) -> None:
    for law in law_ids:
        if law is not None:
            _bump(pending, Law, "law", law)
            pending.laws.add(law)


def _touch_provisions(pending: Pending, pks: Iterable[int]) -> None:
    pks = set(pks)
    unknown = pks - pending.provision_law.keys()
    if unknown:
        pending.provision_law.update(
            Provision.objects.using(pending.using).filter(pk__in=unknown).values_list("pk", "law_id")
        )
    _touch_laws(pending, {pending.provision_law[p] for p in pks if p in pending.provision_law})


def _touch(pending: Pending, kind: str, pks: Iterable[int]) -> None:
    if kind == "provision":
        _touch_provisions(pending, pks)
        return
    for pk in pks:
        _bump(pending, RECORD_MODELS[kind], kind, pk)
        pending.records[kind].add(pk)


def records_changed(kind: str, pks: Iterable[int], using: str | None = None) -> None:
    """For code that changes records without signals (`QuerySet.update()`, raw SQL, bulk_create):
    bump their versions and re-index them after commit, as a save would have. kind: provision|case|authority."""
    pks = list(pks)
    if pks:
        _collect(using, lambda p: _touch(p, kind, pks))


# --------------------------------------------------------------------------- receivers: records


def law_saved(sender, instance: Law, using: str | None = None, **kwargs) -> None:  # noqa: ANN001, ANN003
    def add(p: Pending) -> None:
        p.touched.add(("law", instance.pk))
        p.laws.add(instance.pk)

    _collect(using, add)


def law_deleting(sender, instance: Law, using: str | None = None, **kwargs) -> None:  # noqa: ANN001, ANN003
    _collect(using, lambda p: p.touched.add(("law", instance.pk)))  # no pointless bump of a doomed row


def provision_saved(sender, instance: Provision, using: str | None = None, **kwargs) -> None:  # noqa: ANN001, ANN003
    def add(p: Pending) -> None:
        p.provision_law[instance.pk] = instance.law_id
        _touch_laws(p, [instance.law_id])

    _collect(using, add)


def provision_deleting(sender, instance: Provision, using: str | None = None, **kwargs) -> None:  # noqa: ANN001, ANN003
    _collect(using, lambda p: p.provision_law.__setitem__(instance.pk, instance.law_id))


def provision_deleted(sender, instance: Provision, using: str | None = None, **kwargs) -> None:  # noqa: ANN001, ANN003
    def add(p: Pending) -> None:
        p.removed[instance.law_id].add(instance.pk)
        _touch_laws(p, [instance.law_id])

    _collect(using, add)


def provision_tag_changed(sender, instance: ProvisionArticle, using: str | None = None, **kwargs) -> None:  # noqa: ANN001, ANN003
    def add(p: Pending) -> None:
        cached = instance._state.fields_cache.get("provision")
        if cached is not None:
            p.provision_law.setdefault(cached.pk, cached.law_id)
        _touch_provisions(p, [instance.provision_id])

    _collect(using, add)


def law_attachment_changed(sender, instance: LawAttachment, using: str | None = None, **kwargs) -> None:  # noqa: ANN001, ANN003
    """A law's attachment text is indexed with the law's lead provision (search.documents)."""
    if instance.law_id is not None:
        _collect(using, lambda p: _touch_laws(p, [instance.law_id]))


def record_saved(kind: str) -> Callable:
    def receiver(sender, instance, using: str | None = None, **kwargs) -> None:  # noqa: ANN001, ANN003
        def add(p: Pending) -> None:
            p.touched.add((kind, instance.pk))
            p.records[kind].add(instance.pk)

        _collect(using, add)

    return receiver


def record_deleting(kind: str) -> Callable:
    def receiver(sender, instance, using: str | None = None, **kwargs) -> None:  # noqa: ANN001, ANN003
        _collect(using, lambda p: p.touched.add((kind, instance.pk)))

    return receiver


def child_changed(kind: str, fk_attname: str) -> Callable:
    """A row the record's document depends on (tag through row, person, charge, attachment)."""

    def receiver(sender, instance, using: str | None = None, **kwargs) -> None:  # noqa: ANN001, ANN003
        pk = getattr(instance, fk_attname)
        if pk is not None:
            _collect(using, lambda p: _touch(p, kind, [pk]))

    return receiver


def m2m_tags_changed(kind: str, record_model: type[models.Model], relation: str) -> Callable:
    """m2m_changed in both directions: record.crime_types.add(...) and crime_type.cases.add(...)."""

    def receiver(sender, instance, action: str, reverse: bool, pk_set, using: str | None = None, **kwargs) -> None:  # noqa: ANN001, ANN003
        if not reverse:
            if action in ("post_add", "post_remove", "post_clear"):
                _collect(using, lambda p: _touch(p, kind, [instance.pk]))
            return
        if action == "pre_clear":  # reverse clear: find the records while the links still exist
            pks = list(
                record_model._default_manager.using(using).filter(**{relation: instance}).values_list("pk", flat=True)
            )
        elif action in ("post_add", "post_remove"):
            pks = list(pk_set or ())
        else:
            return
        if pks:
            _collect(using, lambda p: _touch(p, kind, pks))

    return receiver


# --------------------------------------------------------------------------- receivers: vocabularies


def vocabulary_saving(sender, instance, raw: bool = False, using: str | None = None, **kwargs) -> None:  # noqa: ANN001, ANN003
    """Compare with the stored row: re-running the reference loader (same values) fans out nothing."""
    instance._search_changed = False
    if getattr(_paused, "on", False) or raw or instance._state.adding or instance.pk is None:
        return
    fields = VOCABULARY_FIELDS[sender]
    old = sender._default_manager.using(using).filter(pk=instance.pk).values(*fields).first()
    instance._search_changed = old is not None and any(old[f] != getattr(instance, f) for f in fields)


def vocabulary_saved(sender, instance, created: bool = False, using: str | None = None, **kwargs) -> None:  # noqa: ANN001, ANN003
    if getattr(instance, "_search_changed", False):
        instance._search_changed = False
        stamp_records_using(sender._meta.label, instance.pk, using)
        _collect(using, lambda p: p.vocabulary.add((sender._meta.label, instance.pk)))


STAMP_CHUNK = 500


def stamp_records_using(model_label: str, pk: int, using: str | None = None) -> None:
    """Give the published records that embed a changed term a new `updated_at`, in the saving transaction.

    Their representation changed (the term's label or code is in every API response and document), so:
    the API's ETag and Last-Modified change and `updated_since` hands them to mirrors again; and their
    documents' `version` no longer matches, so reconcile re-indexes them even if the fan-out task below
    is lost (a broker outage). A bulk UPDATE: no history rows, no per-record signals (the fan-out
    re-indexes)."""
    from .indexing import records_using

    now = timezone.now()
    targets = {
        "provision": (Law, "provisions__pk__in"),
        "case": (Case, "pk__in"),
        "authority": (CompetentAuthority, "pk__in"),
        "strategy": (Strategy, "pk__in"),
        "material": (ExplanatoryMaterial, "pk__in"),
    }
    for kind, ids in records_using(model_label, pk).items():
        model, lookup = targets[kind]
        for start in range(0, len(ids), STAMP_CHUNK):
            model._default_manager.using(using).filter(**{lookup: ids[start : start + STAMP_CHUNK]}).update(
                updated_at=now
            )


def vocabulary_deleting(sender, instance, using: str | None = None, **kwargs) -> None:  # noqa: ANN001, ANN003
    """Cascades drop m2m links without signals: capture the records that used the term now."""
    from .indexing import records_using

    if getattr(_paused, "on", False):
        return
    users = records_using(sender._meta.label, instance.pk)

    def add(p: Pending) -> None:
        for kind, pks in users.items():
            p.records[kind].update(pks)

    if any(users.values()):
        _collect(using, add)


# --------------------------------------------------------------------------- wiring


SAVE_AND_DELETE = (("post_save", post_save), ("post_delete", post_delete))


def connect() -> None:
    """Connect every receiver (called from SearchConfig.ready). Idempotent thanks to dispatch_uid."""
    post_save.connect(law_saved, sender=Law, dispatch_uid=f"{UID}.law_saved")
    post_delete.connect(law_saved, sender=Law, dispatch_uid=f"{UID}.law_deleted")
    pre_delete.connect(law_deleting, sender=Law, dispatch_uid=f"{UID}.law_deleting")
    post_save.connect(provision_saved, sender=Provision, dispatch_uid=f"{UID}.provision_saved")
    pre_delete.connect(provision_deleting, sender=Provision, dispatch_uid=f"{UID}.provision_deleting")
    post_delete.connect(provision_deleted, sender=Provision, dispatch_uid=f"{UID}.provision_deleted")
    for name, signal in SAVE_AND_DELETE:
        signal.connect(provision_tag_changed, sender=ProvisionArticle, dispatch_uid=f"{UID}.{name}.provision_tag")
        signal.connect(law_attachment_changed, sender=LawAttachment, dispatch_uid=f"{UID}.{name}.law_attachment")

    for kind, model in RECORD_MODELS.items():
        for name, signal in SAVE_AND_DELETE:
            signal.connect(record_saved(kind), sender=model, weak=False, dispatch_uid=f"{UID}.{name}.{kind}")
        pre_delete.connect(record_deleting(kind), sender=model, weak=False, dispatch_uid=f"{UID}.{kind}.deleting")

    children = (
        ("case", CaseArticle, "case_id"),
        ("case", Person, "case_id"),
        ("case", Charge, "case_id"),
        ("case", CaseAttachment, "case_id"),
        ("authority", AuthorityArticle, "authority_id"),
        ("strategy", StrategyArticle, "strategy_id"),
        ("strategy", StrategyAttachment, "strategy_id"),
        ("material", MaterialArticle, "material_id"),
        ("material", MaterialAttachment, "material_id"),
    )
    for kind, model, fk in children:
        receiver = child_changed(kind, fk)
        for name, signal in SAVE_AND_DELETE:
            signal.connect(receiver, sender=model, weak=False, dispatch_uid=f"{UID}.{name}.{model.__name__}")

    relations = (
        ("provision", Provision, ("articles", "crime_types", "crime_subtypes", "issues")),
        ("case", Case, ("articles", "crime_types", "crime_subtypes", "issues")),
        ("authority", CompetentAuthority, ("articles", "roles", "crime_types")),
        ("strategy", Strategy, ("articles", "crime_types", "issues", "covered_countries")),
        ("material", ExplanatoryMaterial, ("articles", "crime_types", "issues")),
    )
    for kind, model, names in relations:
        for name in names:
            through = model._meta.get_field(name).remote_field.through
            m2m_changed.connect(
                m2m_tags_changed(kind, model, name),
                sender=through,
                weak=False,
                dispatch_uid=f"{UID}.m2m.{kind}.{name}",
            )

    for model in VOCABULARY_MODELS:
        label = model._meta.label
        pre_save.connect(vocabulary_saving, sender=model, dispatch_uid=f"{UID}.vocab_saving.{label}")
        post_save.connect(vocabulary_saved, sender=model, dispatch_uid=f"{UID}.vocab_saved.{label}")
        pre_delete.connect(vocabulary_deleting, sender=model, dispatch_uid=f"{UID}.vocab_deleting.{label}")
