"""Shared abstract bases for the three record families.

Every record (law, case, authority) carries the same publication workflow fields and provenance so
that the search index, the API and the review queue can treat them alike. Only `published` records
are visible to the public anywhere.
"""

import re
import uuid
from pathlib import Path
from typing import ClassVar

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import Storage
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    RETURNED = "returned", _("Returned")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def new_external_id() -> str:
    """A stable identifier that survives export/import; imports may supply their own."""
    return uuid.uuid4().hex


def attachment_path(instance: models.Model, filename: str) -> str:
    """Store uploads under a generated name: the uploader's file name never reaches the file system
    (no path tricks, no clashes, nothing guessable); it is kept in `original_name` for display."""
    ext = Path(filename).suffix.lower()
    ext = ext if re.fullmatch(r"\.[a-z0-9]{1,8}", ext) else ""
    today = timezone.now()
    return f"attachments/{today:%Y/%m}/{uuid.uuid4().hex}{ext}"


OPEN_STATUSES = ("draft", "submitted", "in_review", "returned")


class PublishedQuerySet(models.QuerySet):
    def published(self) -> "PublishedQuerySet":
        return self.filter(status=PublicationStatus.PUBLISHED)

    def originals(self) -> "PublishedQuerySet":
        """Records proper, without the pending revisions (working copies) of published records."""
        return self.filter(revision_of__isnull=True)


class PublishableRecord(models.Model):
    """Workflow, provenance and timestamps shared by laws, cases and authorities.

    Each concrete family names its `record_kind` ("law", "case", "authority"): the kind in the removals
    log, in search document ids and in the API. sherloc.publishable finds the families through it.
    """

    record_kind: ClassVar[str]
    # The rows and vocabulary terms the record's representation (pages, API, search documents) is made of:
    # relation paths to its parts, and {vocabulary model label: lookups to the term}. See sherloc.versions.
    version_parts: ClassVar[tuple[str, ...]] = ()
    embedded_terms: ClassVar[dict[str, tuple[str, ...]]] = {}

    external_id = models.CharField(
        max_length=64,
        unique=True,
        default=new_external_id,
        help_text="Stable identifier used by import/export and outside systems; never reused.",
    )
    status = models.CharField(
        max_length=16,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        db_index=True,
        help_text="Publication status. Only published records are visible to the public.",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Account that submitted the record for review.",
    )
    submitted_at = models.DateTimeField(null=True, blank=True, help_text="When the record was submitted.")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Secretariat reviewer who last decided on the record.",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True, help_text="When the record was last reviewed.")
    published_at = models.DateTimeField(null=True, blank=True, help_text="When the record was (last) published.")
    original_language = models.ForeignKey(
        "taxonomy.Language",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Language the record was originally written in.",
    )
    source = models.CharField(
        max_length=255,
        blank=True,
        help_text="Who supplied the record (e.g. 'Permanent Mission of Brazil', 'UNODC field office').",
    )
    provenance = models.TextField(
        blank=True, help_text="How the record reached the portal: documents, e-mails, import batches."
    )
    revision_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="revisions",
        help_text="Set on a pending revision: the published record this working copy will replace when approved. "
        "Revisions are never public; approval copies them onto the record and deletes them.",
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Secretariat reviewer the submission is assigned to (review queue filter).",
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the record was created.")
    updated_at = models.DateTimeField(auto_now=True, db_index=True, help_text="When the record last changed.")

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True

    @staticmethod
    def one_open_revision(name: str) -> models.UniqueConstraint:
        """At most one pending revision per published record."""
        return models.UniqueConstraint(fields=["revision_of"], condition=Q(status__in=OPEN_STATUSES), name=name)

    @staticmethod
    def revision_never_published(name: str) -> models.CheckConstraint:
        """A pending revision is a working copy: it can never be public itself (approval copies it)."""
        return models.CheckConstraint(condition=~Q(status="published") | Q(revision_of__isnull=True), name=name)

    def clean(self) -> None:
        super().clean()
        if self.revision_of_id is not None and self.status == PublicationStatus.PUBLISHED:
            raise ValidationError(
                {
                    "status": _(
                        "This is a pending update of a published record: approve it in the review queue, which "
                        "copies it onto the record."
                    )
                }
            )

    @property
    def is_revision(self) -> bool:
        return self.revision_of_id is not None

    @property
    def is_published(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED


class Attachment(models.Model):
    """A file attached to a record (a law's gazette PDF, a full judgment)."""

    title = models.CharField(max_length=255, blank=True, help_text="Human title of the file.")
    file = models.FileField(upload_to=attachment_path, help_text="The stored file (outside static files).")
    language = models.ForeignKey(
        "taxonomy.Language",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Language of the document, if known.",
    )
    original_name = models.CharField(
        max_length=255, blank=True, help_text="File name as uploaded (display only; the stored name is generated)."
    )
    size = models.PositiveBigIntegerField(null=True, blank=True, help_text="Size of the stored file in bytes.")
    content_type = models.CharField(max_length=100, blank=True, help_text="MIME type detected from the content.")
    extracted_text = models.TextField(blank=True, help_text="Text extracted from the file, used for search.")
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the file was attached.")

    # "law" / "case": names the concrete kind in the download URL (sherloc/downloads.py).
    download_kind = ""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title or self.original_name or self.file.name

    def get_download_url(self) -> str:
        """The permission-checked download view: the only way to the stored file (nothing serves
        MEDIA_ROOT), so pages and the API link here, never to `file.url`."""
        return reverse("attachment-download", kwargs={"kind": self.download_kind, "pk": self.pk})

    def detach(self) -> None:
        """Delete this row, and its stored file after commit unless another attachment row still points at
        it: a pending update's working copy shares its published record's files, so removing a file from
        the update must not remove it from the public record (or from a restore)."""
        name, storage = self.file.name, self.file.storage
        self.delete()
        if name:
            transaction.on_commit(lambda: release_file(name, storage))


def attachment_models() -> list[type[Attachment]]:
    """Every concrete attachment model (laws', cases', and any family added later)."""
    return [model for model in apps.get_models() if issubclass(model, Attachment)]


def release_file(name: str, storage: Storage) -> bool:
    """Delete the stored file `name` if no attachment row references it any more; True if deleted."""
    if any(model._default_manager.filter(file=name).exists() for model in attachment_models()):
        return False
    storage.delete(name)
    return True


class RemovalKind(models.TextChoices):
    LAW = "law", _("Law")
    PROVISION = "provision", _("Provision")
    CASE = "case", _("Case")
    AUTHORITY = "authority", _("Authority")
    STRATEGY = "strategy", _("Strategy")
    MATERIAL = "material", _("Explanatory material")
    PUBLICATION = "publication", _("Publication")
    GUIDANCE = "guidance", _("Article guidance")


class RemovalReason(models.TextChoices):
    UNPUBLISHED = "unpublished", _("Unpublished")
    DELETED = "deleted", _("Deleted")


class Removal(models.Model):
    """A record that left the public set: the API's removals feed (/api/v1/removals/).

    A mirror that syncs with `updated_since` sees every record that is published or changed, but a
    record that is unpublished or deleted simply stops appearing; without this log the mirror would keep
    it forever. Written by `sherloc.removal_log` signal handlers, never edited.
    """

    kind = models.CharField(max_length=16, choices=RemovalKind.choices, help_text="What left the public set.")
    record_id = models.PositiveBigIntegerField(help_text="The `id` the API gave the record (or provision).")
    external_id = models.CharField(
        max_length=80,
        blank=True,
        help_text="The record's external_id; for a provision, its law's external_id and '#' and its order.",
    )
    reason = models.CharField(max_length=16, choices=RemovalReason.choices, help_text="Unpublished or deleted.")
    removed_at = models.DateTimeField(default=timezone.now, help_text="When it left the public set.")

    class Meta:
        ordering = ["removed_at", "pk"]
        indexes = [models.Index(fields=["removed_at", "id"], name="removal_sync_order")]

    def __str__(self) -> str:
        return f"{self.kind} {self.record_id} {self.reason} at {self.removed_at:%Y-%m-%d %H:%M}"
