"""A record as one object of the interchange format: published-version snapshots, and writing such an
object back onto a record.

Every publication stores a `PublishedVersion` snapshot in the format, so the history page can show what
the public saw at each point and a reviewer can restore any earlier version. Writing goes through the
interchange format's writer (`interchange.writer`), which already knows how to make a record's
provisions, people, charges, tags and attachment rows match a format object; approving a revision and
restoring a version both use it.

The workflow (which snapshots on publication) and the revisions (which copy records) both build on this
module; it imports neither, so the dependency goes one way.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Max
from django.utils import timezone

from interchange.codes import Codes
from interchange.jsonl_format import MODELS, serialise
from interchange.writer import RecordWriter

from .models import PublishedVersion

KIND_OF: dict[type, str] = {model: kind for kind, model in MODELS.items()}


def kind_of(record: models.Model) -> str:
    return KIND_OF[type(record)._meta.concrete_model]


def as_format(record: models.Model) -> dict[str, Any]:
    """The record (with its children) as one object of the interchange format."""
    return serialise(kind_of(record), [record], Codes.load())[0]


def write(record: models.Model, data: dict[str, Any], reason: str) -> None:
    """Make the record (with its children) match `data`, one object of the interchange format."""
    writer = RecordWriter(Codes.load(), change_reason=reason)
    writer.write_chunk(kind_of(record), [(data, record)])  # an existing record: updated in place


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
