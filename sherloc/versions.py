"""A record's version (`updated_at`) moves whenever its representation changes, whoever changed it.

`updated_at` drives the API's ETag and Last-Modified, `updated_since` sync for mirrors, and the search
index's staleness check (a document carries the version it was built from). A record's representation
is more than its own row: its children (a law's provisions and their tags, a case's people and
charges, attachments) and the vocabulary terms it shows (a country's name, an article's title). Each
family declares both on its model, and this module, knowing no family by name, stamps the record once
per transaction:

- `version_parts`: relation paths from the record to rows that are part of it (reverse foreign keys,
  optionally ending in a many-to-many field), e.g. Law: ("provisions", "provisions__crime_types").
- `embedded_terms`: vocabulary model label -> lookups from the record to the term, e.g.
  {"taxonomy.Country": ("country",), "taxonomy.Region": ("country__region", ...)}.
  A vocabulary model says which of its fields show (`representation_fields`) and, for a tree, which
  terms show a term (`terms_showing(pk)`: itself and its descendants).

Listeners (the search index) learn which records changed from one signal, `records_touched`
(sender=record model, pks, using), so they need no declarations of their own. A record's own save or
delete is not announced here: listeners watch the family models (see sherloc.publishable).
Stamping is a domain rule: it is never paused (indexing can be, see search.signals.paused).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import Signal
from django.utils import timezone

from .models import PublicationStatus, PublishableRecord
from .per_transaction import buffer
from .publishable import families

UID = "sherloc.versions"
CHUNK = 500

# sender=<record model>, pks=<list of pks>, using=<alias>: those records were stamped because a part of
# them or a term they show changed (sent in the transaction; act on it after commit).
records_touched = Signal()


# --------------------------------------------------------------------------- declarations, resolved


@dataclass(frozen=True)
class Part:
    """Rows of `model` belong to records of `record`; `to_record` is the lookup from a row to its record."""

    record: type[PublishableRecord]
    model: type[models.Model]
    to_record: str  # e.g. "law" or "provision__law"
    m2m: str | None = None  # the many-to-many field on `model` whose links are part of the record


def _resolve(record: type[PublishableRecord], path: str) -> Part:
    """Walk a declared relation path from the record through reverse foreign keys (and a last m2m)."""
    model: type[models.Model] = record
    back: list[str] = []
    names = path.split("__")
    for i, name in enumerate(names):
        rel = model._meta.get_field(name)
        if rel.many_to_many and rel.concrete and i == len(names) - 1:
            return Part(record, model, "__".join(back), m2m=name)
        if not (rel.one_to_many and rel.auto_created):
            raise ValueError(f"{record.__name__}.version_parts: {path!r} is not a reverse foreign key path")
        back.insert(0, rel.field.name)
        model = rel.related_model
    return Part(record, model, "__".join(back))


@functools.cache
def parts() -> tuple[Part, ...]:
    return tuple(_resolve(record, path) for record in families() for path in getattr(record, "version_parts", ()))


@functools.cache
def vocabularies() -> dict[type[models.Model], dict[type[PublishableRecord], tuple[str, ...]]]:
    """Vocabulary model -> the families that embed it, with their lookups."""
    out: dict[type[models.Model], dict[type[PublishableRecord], tuple[str, ...]]] = defaultdict(dict)
    for record in families():
        for label, lookups in getattr(record, "embedded_terms", {}).items():
            out[apps.get_model(label)][record] = tuple(lookups)
    return dict(out)


def records_embedding(model: type[models.Model], pk: int) -> dict[type[PublishableRecord], models.QuerySet]:
    """Per family, the records whose representation shows the term `pk` of vocabulary `model`."""
    showing = getattr(model, "terms_showing", None)
    term_pks = list(showing(pk)) if showing else [pk]
    out = {}
    for record, lookups in vocabularies().get(model, {}).items():
        condition = Q()
        for lookup in lookups:
            condition |= Q(**{f"{lookup}__in": term_pks})
        out[record] = record._default_manager.filter(pk__in=record._default_manager.filter(condition).values("pk"))
    return out


# --------------------------------------------------------------------------- stamping, once per transaction


@dataclass
class Stamped:
    """Records of this transaction whose updated_at is new already (saved, stamped, or being deleted)."""

    done: set[tuple[type, int]] = field(default_factory=set)
    owner: dict[tuple[type, int], int | None] = field(default_factory=dict)  # (part model, pk) -> record pk

    def on_commit(self) -> None:
        """Nothing to send: the stamps are part of the transaction itself."""


def _state(using: str | None) -> Stamped:
    return buffer(using, "_sherloc_stamped", Stamped)[0]


def _stamped(using: str | None) -> set[tuple[type, int]]:
    return _state(using).done


def stamp(
    record: type[PublishableRecord], pks: Iterable[int], using: str | None = None, *, again: bool = False
) -> list[int]:
    """Move the records' updated_at forward (once per transaction, unless `again`) and tell listeners.

    `again` is for bulk stamps (a relabel: one UPDATE per chunk whatever the count), which stay right
    even when a long transaction saved the record earlier. Returns the pks."""
    pks = sorted({pk for pk in pks if pk is not None})
    if not pks:
        return pks
    done = _stamped(using)
    fresh = pks if again else [pk for pk in pks if (record, pk) not in done]
    done.update((record, pk) for pk in fresh)
    now = timezone.now()
    for start in range(0, len(fresh), CHUNK):
        record._default_manager.using(using).filter(pk__in=fresh[start : start + CHUNK]).update(updated_at=now)
    records_touched.send(sender=record, pks=pks, using=using)
    return pks


def records_changed(record: type[PublishableRecord], pks: Iterable[int], using: str | None = None) -> None:
    """For code that changes records without signals (`QuerySet.update()`, raw SQL, bulk_create): stamp them
    and let listeners (the index) pick them up, as a save would have."""
    stamp(record, pks, using)


def _records_of(part: Part, rows: Iterable[Any], using: str | None) -> list[int]:
    """The record pks that rows of `part.model` (instances) belong to.

    A row two hops away (a provision's tag) asks its parent for the record, once per parent per
    transaction: parents saved in this transaction, or loaded on the row, answer without a query."""
    first, _, rest = part.to_record.partition("__")
    fk = part.model._meta.get_field(first)
    if not rest:
        return sorted({getattr(row, fk.attname) for row in rows} - {None})
    owners = _state(using).owner
    parent_model = fk.related_model
    found: set[int | None] = set()
    unknown: set[int] = set()
    for row in rows:
        parent_pk = getattr(row, fk.attname)
        cached = row._state.fields_cache.get(first)
        if parent_pk is None:
            continue
        if (parent_model, parent_pk) not in owners and cached is not None and "__" not in rest:
            owners[(parent_model, parent_pk)] = getattr(cached, parent_model._meta.get_field(rest).attname)
        if (parent_model, parent_pk) in owners:
            found.add(owners[(parent_model, parent_pk)])
        else:
            unknown.add(parent_pk)
    if unknown:
        rows_found = parent_model._default_manager.using(using).filter(pk__in=unknown).values_list("pk", rest)
        for parent_pk, record_pk in rows_found:
            owners[(parent_model, parent_pk)] = record_pk
            found.add(record_pk)
    found.discard(None)
    return sorted(found)


def _owners_to_records(part: Part, owner_pks: Iterable[int], using: str | None) -> list[int]:
    owner_pks = list(owner_pks)
    if not part.to_record:
        return owner_pks
    return sorted(
        set(part.model._default_manager.using(using).filter(pk__in=owner_pks).values_list(part.to_record, flat=True))
    )


# --------------------------------------------------------------------------- receivers


def _record_saved(sender: type, instance: Any, using: str | None = None, **kwargs: Any) -> None:
    """The record's own save set updated_at (auto_now); a later part change in this transaction needn't."""
    _stamped(using).add((sender, instance.pk))


def _part_changed(part: Part) -> Callable[..., None]:
    def receiver(sender: type, instance: Any, using: str | None = None, raw: bool = False, **kwargs: Any) -> None:
        if raw:  # loaddata: the fixture carries its own timestamps
            return
        if "__" not in part.to_record:  # remember the owner: this row's own parts will ask for it
            _state(using).owner[(part.model, instance.pk)] = getattr(
                instance, part.model._meta.get_field(part.to_record).attname
            )
        stamp(part.record, _records_of(part, [instance], using), using)

    return receiver


def _links_changed(part: Part) -> Callable[..., None]:
    """m2m_changed in both directions: provision.crime_types.add(...) and crime_type.provision_set.add(...)."""

    def receiver(
        sender: type, instance: Any, action: str, reverse: bool, pk_set: set | None, using: str | None = None, **kw: Any
    ) -> None:
        if not reverse:
            if action in ("post_add", "post_remove", "post_clear"):
                stamp(part.record, _owners_to_records(part, [instance.pk], using), using)
            return
        if action == "pre_clear":  # reverse clear: find the owners while the links still exist
            owners = (
                part.model._default_manager.using(using).filter(**{part.m2m: instance}).values_list("pk", flat=True)
            )
        elif action in ("post_add", "post_remove"):
            owners = pk_set or ()
        else:
            return
        stamp(part.record, _owners_to_records(part, owners, using), using)

    return receiver


def _term_saving(sender: type, instance: Any, raw: bool = False, using: str | None = None, **kwargs: Any) -> None:
    """Compare with the stored row: re-running the reference loader (same values) changes nothing."""
    instance._versions_changed = False
    if raw or instance._state.adding or instance.pk is None:
        return
    fields = sender.representation_fields
    old = sender._default_manager.using(using).filter(pk=instance.pk).values(*fields).first()
    instance._versions_changed = old is not None and any(old[f] != getattr(instance, f) for f in fields)


def _published_pks(qs: models.QuerySet, using: str | None) -> list[int]:
    return list(qs.using(using).filter(status=PublicationStatus.PUBLISHED).values_list("pk", flat=True))


def _stamp_showing(model: type[models.Model], pk: int, using: str | None) -> None:
    """A term's relabel or deletion changes what every published record showing it looks like: stamp them
    in this transaction. Drafts are stamped by their next edit; they are not served publicly or indexed."""
    for record, qs in records_embedding(model, pk).items():
        stamp(record, _published_pks(qs, using), using, again=True)


def _term_saved(sender: type, instance: Any, using: str | None = None, **kwargs: Any) -> None:
    if getattr(instance, "_versions_changed", False):
        instance._versions_changed = False
        _stamp_showing(sender, instance.pk, using)


def _term_deleting(sender: type, instance: Any, using: str | None = None, **kwargs: Any) -> None:
    """Before the cascade drops the m2m links (without m2m_changed), while they still say who showed it."""
    _stamp_showing(sender, instance.pk, using)


def connect() -> None:
    """Connect every receiver (called from SherlocConfig.ready). Idempotent thanks to dispatch_uid."""
    for record in families():
        label = record._meta.label
        post_save.connect(_record_saved, sender=record, dispatch_uid=f"{UID}.saved.{label}")
        pre_delete.connect(_record_saved, sender=record, dispatch_uid=f"{UID}.deleting.{label}")
    for part in parts():
        where = f"{part.record._meta.label}.{part.model._meta.label}.{part.m2m}"
        if part.m2m:
            through = part.model._meta.get_field(part.m2m).remote_field.through
            m2m_changed.connect(_links_changed(part), sender=through, weak=False, dispatch_uid=f"{UID}.m2m.{where}")
        else:
            for name, signal in (("saved", post_save), ("deleted", post_delete)):
                signal.connect(_part_changed(part), sender=part.model, weak=False, dispatch_uid=f"{UID}.{name}.{where}")
    for model in vocabularies():
        label = model._meta.label
        pre_save.connect(_term_saving, sender=model, dispatch_uid=f"{UID}.term_saving.{label}")
        post_save.connect(_term_saved, sender=model, dispatch_uid=f"{UID}.term_saved.{label}")
        pre_delete.connect(_term_deleting, sender=model, dispatch_uid=f"{UID}.term_deleting.{label}")
