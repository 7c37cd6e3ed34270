"""Pending revisions of published records, and restoring a published version.

An update to a published record must not change what the public sees until a reviewer approves it. So
a focal point who updates a published law (case, authority) edits a *working copy*: a row of the same
model with `revision_of` pointing at the record, status draft, never public (a database check forbids
a published revision, and unique rules like "one law per country, title and number" apply to records
proper only). The copy goes through the ordinary workflow (submit, return, resubmit...). Approval
(`workflow.publish`) copies its content onto the record through the interchange format's writer
(`snapshots.write`); the copy's transition log moves to the record and the copy is deleted.

Every publication stores a `PublishedVersion` snapshot (`snapshots`), so the history page can show what
the public saw at each point and a reviewer can restore any earlier version (`restore`).

This module builds on the workflow (it logs through it and raises its errors); the workflow never
imports it.
"""

from __future__ import annotations

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interchange.jsonl_format import WORKFLOW_FIELDS, iso_datetime
from sherloc import access
from sherloc.models import PublicationStatus

from . import record_access, snapshots, workflow
from .models import PublishedVersion, Transition


def open_revision(record: models.Model) -> models.Model | None:
    """The record's pending revision, if one is being prepared or reviewed."""
    return (
        type(record)
        ._default_manager.filter(
            revision_of=record,
            status__in=(
                PublicationStatus.DRAFT,
                PublicationStatus.SUBMITTED,
                PublicationStatus.IN_REVIEW,
                PublicationStatus.RETURNED,
            ),
        )
        .first()
    )


def may_revise(user, record: models.Model) -> bool:  # noqa: ANN001
    """Focal points of the record's country and editors may propose an update of a published record."""
    if record.status != PublicationStatus.PUBLISHED or record.revision_of_id is not None:
        return False
    return access.is_editor(user) or (
        access.is_focal_point(user) and record_access.countries_for(user).filter(pk=record.country_id).exists()
    )


class RevisionError(Exception):
    """Why a revision cannot be started; `str()` is fit for the user."""


def start_revision(record: models.Model, user) -> models.Model:  # noqa: ANN001
    """Return the record's open revision, creating a working copy of the published version if there is none."""
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
    with transaction.atomic():
        type(record)._default_manager.select_for_update().filter(pk=record.pk).first()  # one copy at a time
        existing = open_revision(record)
        if existing is not None:
            return existing
        data = snapshots.as_format(record)
        data.update({key: None for key in WORKFLOW_FIELDS})
        data.update(status=PublicationStatus.DRAFT, created_at=None, updated_at=None)
        copy = type(record)._default_manager.get(pk=record.pk)
        copy.pk = copy.id = None
        copy._state.adding = True
        copy.external_id = uuid.uuid4().hex
        copy.revision_of = record
        copy.status = PublicationStatus.DRAFT
        copy.assigned_to = None
        for name in ("submitted_by", "reviewed_by"):
            setattr(copy, name, None)
        for name in ("submitted_at", "reviewed_at", "published_at"):
            setattr(copy, name, None)
        copy.save()
        data["external_id"] = copy.external_id
        snapshots.write(copy, data, "revision started")
        workflow.record_created(copy, user, _("Update of the published version started."))
    return copy


# --------------------------------------------------------------------------- restore


def restore(record: models.Model, version: PublishedVersion, user, comment: str = "") -> Transition:  # noqa: ANN001
    """Put an earlier published version back as the public one (a reviewer's decision, logged)."""
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
            status=PublicationStatus.PUBLISHED,
            reviewed_by=getattr(user, "username", None),
            reviewed_at=iso_datetime(now),
            published_at=iso_datetime(now),
            created_at=iso_datetime(locked.created_at),
            updated_at=None,
        )
        source = locked.status
        snapshots.write(locked, data, f"restored version {version.number}")
        locked.refresh_from_db()
        note = _("Version %(number)s restored.") % {"number": version.number}
        entry = workflow.log(locked, user, source, PublicationStatus.PUBLISHED, f"{note} {comment}".strip())
        snapshots.snapshot(locked, user, note=f"restored v{version.number}")
    record.refresh_from_db()
    return entry
