"""Who may submit for which countries, and the log of every workflow transition."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from sherloc.models import PublicationStatus


class FocalPointScope(models.Model):
    """Ties a national focal point's account to the countries it may submit records for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="focal_point_scope",
        help_text="The focal point's account (it must also be in the 'focal_points' group).",
    )
    countries = models.ManyToManyField(
        "taxonomy.Country",
        blank=True,
        related_name="focal_point_scopes",
        help_text="Countries (or jurisdictions) whose records this focal point may create, edit and submit.",
    )
    note = models.CharField(
        max_length=255, blank=True, help_text="Secretariat note, e.g. the nomination letter's reference."
    )

    class Meta:
        verbose_name = "focal point scope"

    def __str__(self) -> str:
        return f"Focal point scope of {self.user}"


class Transition(models.Model):
    """One workflow step of one record: who moved it from which status to which, when and why."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, help_text="Kind of record (law, case, authority)."
    )
    object_id = models.PositiveBigIntegerField(help_text="Primary key of the record.")
    record = GenericForeignKey("content_type", "object_id")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submission_transitions",
        help_text="Account that made the transition (kept empty if the account is deleted).",
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True, help_text="When the transition happened.")
    from_status = models.CharField(
        max_length=16,
        blank=True,
        choices=PublicationStatus.choices,
        help_text="Status before the transition (empty when the record was created).",
    )
    to_status = models.CharField(
        max_length=16, choices=PublicationStatus.choices, help_text="Status after the transition."
    )
    comment = models.TextField(blank=True, help_text="Why: the reviewer's comment or reason, the submitter's note.")

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id}: {self.from_status or '-'} -> {self.to_status}"


class PublishedVersion(models.Model):
    """A snapshot of a record as it was published, in the interchange format (docs/import-format.md).

    Taken at every publication (first publication, approved revision, restore), so the history page can
    show what the public saw at each point and a reviewer can put any earlier version back: the snapshot
    holds the whole record (provisions, people, charges, tags, attachment rows), which row-level history of
    the record table alone cannot restore.
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, help_text="Kind of record (law, case, authority)."
    )
    object_id = models.PositiveBigIntegerField(help_text="Primary key of the record.")
    record = GenericForeignKey("content_type", "object_id")
    number = models.PositiveIntegerField(help_text="1 for the first publication, then 2, 3... per record.")
    data = models.JSONField(help_text="The record in the interchange format, as published.")
    published_at = models.DateTimeField(help_text="When this version was published.")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Reviewer who published (or restored) this version.",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Focal point or editor who submitted the content of this version.",
    )
    note = models.CharField(
        max_length=255, blank=True, help_text="How the version came about, e.g. 'revision approved', 'restored v2'."
    )

    class Meta:
        ordering = ["content_type", "object_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "number"], name="published_version_unique"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="published_version_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} v{self.number}"
