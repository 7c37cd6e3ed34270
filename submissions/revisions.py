"""Pending revisions of published records, published-version snapshots and restore.

An update to a published record must not change what the public sees until a reviewer approves it. So
a focal point who updates a published law (case, authority) edits a *working copy*: a row of the same
model with `revision_of` pointing at the record, status draft, never public (a database check forbids
a published revision, and unique rules like "one law per country, title and number" apply to records
proper only). The copy goes through the ordinary workflow (submit, return, resubmit...). Approval copies
its content onto the record through the interchange format's writer (`interchange.writer`), which already
knows how to make a record's provisions, people, charges, tags and attachment rows match a format
object; the copy's transition log moves to the record and the copy is deleted.

Every publication stores a `PublishedVersion` snapshot in the same format, so the history page can
show what the public saw at each point and a reviewer can restore any earlier version.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from interchange.codes import Codes
from interchange.jsonl_format import MODELS, WORKFLOW_FIELDS, iso_datetime, serialise
from interchange.writer import RecordWriter
from sherloc import access
from sherloc.models import PublicationStatus as S

from . import roles
from .models import PublishedVersion, Transition

KIND_OF: dict[type, str] = {model: kind for kind, model in MODELS.items()}


def kind_of(record: models.Model) -> str:
    return KIND_OF[type(record)._meta.concrete_model]


def as_format(record: models.Model) -> dict[str, Any]:
    """The record (with its children) as one object of the interchange format."""
    return serialise(kind_of(record), [record], Codes.load())[0]


def _update(record: models.Model, data: dict[str, Any], reason: str) -> None:
    writer = RecordWriter(Codes.load(), change_reason=reason)
    {"law": writer.update_law, "case": writer.update_case, "authority": writer.update_authority}[kind_of(record)](
        data, record
    )


def open_revision(record: models.Model) -> models.Model | None:
    """The record's pending revision, if one is being prepared or reviewed."""
    return (
        type(record)
        ._default_manager.filter(revision_of=record, status__in=(S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.RETURNED))
        .first()
    )


def may_revise(user, record: models.Model) -> bool:  # noqa: ANN001
    """Focal points of the record's country and editors may propose an update of a published record."""
    if record.status != S.PUBLISHED or record.revision_of_id is not None:
        return False
    return access.is_editor(user) or (
        access.is_focal_point(user) and roles.countries_for(user).filter(pk=record.country_id).exists()
    )


class RevisionError(Exception):
    """Why a revision cannot be started; `str()` is fit for the user."""


def start_revision(record: models.Model, user) -> models.Model:  # noqa: ANN001
    """Return the record's open revision, creating a working copy of the published version if there is none."""
    from . import workflow

    if not may_revise(user, record):
        raise workflow.NotAllowed(_("Only focal points of the record's country and editors can update it."))
    try:
        return _start_revision(record, user)
    except IntegrityError:  # another request made the copy first (the one-open-revision index): use it
        existing = open_revision(record)
        if existing is None:
            raise
        return existing


def _start_revision(record: models.Model, user) -> models.Model:  # noqa: ANN001
    from . import workflow

    with transaction.atomic():
        type(record)._default_manager.select_for_update().filter(pk=record.pk).first()  # one copy at a time
        existing = open_revision(record)
        if existing is not None:
            return existing
        data = as_format(record)
        data.update({key: None for key in WORKFLOW_FIELDS})
        data.update(status=S.DRAFT, created_at=None, updated_at=None)
        copy = type(record)._default_manager.get(pk=record.pk)
        copy.pk = copy.id = None
        copy._state.adding = True
        copy.external_id = uuid.uuid4().hex
        copy.revision_of = record
        copy.status = S.DRAFT
        copy.assigned_to = None
        for name in ("submitted_by", "reviewed_by"):
            setattr(copy, name, None)
        for name in ("submitted_at", "reviewed_at", "published_at"):
            setattr(copy, name, None)
        copy.save()
        data["external_id"] = copy.external_id
        _update(copy, data, "revision started")
        workflow.record_created(copy, user, _("Update of the published version started."))
    return copy


# --------------------------------------------------------------------------- snapshots


def versions(record: models.Model) -> models.QuerySet[PublishedVersion]:
    ct = ContentType.objects.get_for_model(record, for_concrete_model=True)
    return PublishedVersion.objects.filter(content_type=ct, object_id=record.pk).select_related(
        "published_by", "submitted_by"
    )


def snapshot(record: models.Model, user, note: str = "") -> PublishedVersion:  # noqa: ANN001
    """Store the record as now published; called inside the publishing transaction."""
    ct = ContentType.objects.get_for_model(record, for_concrete_model=True)
    last = PublishedVersion.objects.filter(content_type=ct, object_id=record.pk).aggregate(n=Max("number"))["n"]
    return PublishedVersion.objects.create(
        content_type=ct,
        object_id=record.pk,
        number=(last or 0) + 1,
        data=as_format(record),
        published_at=record.published_at or timezone.now(),
        published_by=user if getattr(user, "is_authenticated", False) else None,
        submitted_by_id=record.submitted_by_id,
        note=note[:255],
    )


# --------------------------------------------------------------------------- approval and restore


def apply_revision(revision: models.Model, user) -> models.Model:  # noqa: ANN001
    """Copy an approved revision onto its record (inside the caller's transaction) and delete the copy.

    The caller (workflow.publish) has checked the reviewer's role and the revision's status under a lock.
    """
    from . import workflow

    record = type(revision)._default_manager.select_for_update().get(pk=revision.revision_of_id)
    if record.status != S.PUBLISHED:
        raise workflow.InvalidTransition(
            _("The record this revision updates is no longer published; unpublished records are edited directly.")
        )
    now = timezone.now()
    data = as_format(revision)
    data.update(
        external_id=record.external_id,
        status=S.PUBLISHED,
        submitted_by=data.get("submitted_by"),
        reviewed_by=getattr(user, "username", None),
        reviewed_at=iso_datetime(now),
        published_at=iso_datetime(now),
        created_at=iso_datetime(record.created_at),
        updated_at=None,
    )
    _update(record, data, "revision approved")
    ct = ContentType.objects.get_for_model(record, for_concrete_model=True)
    Transition.objects.filter(content_type=ct, object_id=revision.pk).update(object_id=record.pk)
    revision.delete()
    record.refresh_from_db()
    return record


def restore(record: models.Model, version: PublishedVersion, user, comment: str = "") -> Transition:  # noqa: ANN001
    """Put an earlier published version back as the public one (a reviewer's decision, logged)."""
    from . import workflow

    if not access.is_reviewer(user):
        raise workflow.NotAllowed(_("Only secretariat reviewers can restore a published version."))
    if version.object_id != record.pk or version.content_type != ContentType.objects.get_for_model(
        record, for_concrete_model=True
    ):
        raise workflow.InvalidTransition(_("This version belongs to another record."))
    with transaction.atomic():
        locked = type(record)._default_manager.select_for_update().get(pk=record.pk)
        if locked.revision_of_id is not None:
            raise workflow.InvalidTransition(_("A pending revision has no published versions to restore."))
        if open_revision(locked) is not None:
            raise workflow.InvalidTransition(
                _("An update of this record is pending review: decide on it before restoring a version.")
            )
        now = timezone.now()
        data = dict(version.data)
        data.update(
            external_id=locked.external_id,
            status=S.PUBLISHED,
            reviewed_by=getattr(user, "username", None),
            reviewed_at=iso_datetime(now),
            published_at=iso_datetime(now),
            created_at=iso_datetime(locked.created_at),
            updated_at=None,
        )
        source = locked.status
        _update(locked, data, f"restored version {version.number}")
        locked.refresh_from_db()
        note = _("Version %(number)s restored.") % {"number": version.number}
        entry = workflow.log(locked, user, source, S.PUBLISHED, f"{note} {comment}".strip())
        snapshot(locked, user, note=f"restored v{version.number}")
    record.refresh_from_db()
    return entry
