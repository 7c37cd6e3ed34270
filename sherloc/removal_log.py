"""Log records leaving the public set (unpublished, withdrawn, deleted) for the API's removals feed.

Signals rather than calls in the workflow, because records leave publication by several paths: the
workflow's unpublish, the admin's actions and change form, deletion (one record or a cascade), an import
that sets another status. `pre_save` reads the stored status (one query, only for existing records);
`post_save` logs a removal when a published record is saved with another status. Deleting a published
record, or a provision of a published law, logs a deletion. Bulk `QuerySet.update()` bypasses signals,
as it does for record versions and the search index (see sherloc.versions.records_changed). Families come
from the registry (sherloc.publishable); a family's public children log their own deletions
(legislation.provision_removals).
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save, pre_save

from .models import PublicationStatus, Removal, RemovalReason
from .publishable import families

_WAS = "_sherloc_was_published"


def _remember_status(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw or instance.pk is None or instance.revision_of_id is not None:
        return
    stored = sender._default_manager.filter(pk=instance.pk).values_list("status", flat=True).first()
    setattr(instance, _WAS, stored == PublicationStatus.PUBLISHED)


def _log_unpublished(sender: type, instance: Any, created: bool = False, raw: bool = False, **kwargs: Any) -> None:
    if raw or not getattr(instance, _WAS, False):
        return
    setattr(instance, _WAS, instance.status == PublicationStatus.PUBLISHED)
    if instance.status != PublicationStatus.PUBLISHED:
        Removal.objects.create(
            kind=sender.record_kind,
            record_id=instance.pk,
            external_id=instance.external_id,
            reason=RemovalReason.UNPUBLISHED,
        )


def _log_deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    if instance.status == PublicationStatus.PUBLISHED and instance.revision_of_id is None:
        log_removal(sender, instance, RemovalReason.DELETED)


def log_removal(sender: type, instance: Any, reason: str) -> None:
    """Log that a record of family `sender` left the public set."""
    Removal.objects.create(
        kind=sender.record_kind, record_id=instance.pk, external_id=instance.external_id, reason=reason
    )


def connect() -> None:
    for model in families():
        pre_save.connect(_remember_status, sender=model, dispatch_uid=f"removals-pre-{model.__name__}")
        post_save.connect(_log_unpublished, sender=model, dispatch_uid=f"removals-post-{model.__name__}")
        post_delete.connect(_log_deleted, sender=model, dispatch_uid=f"removals-del-{model.__name__}")
