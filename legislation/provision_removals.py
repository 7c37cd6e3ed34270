"""Save-side effects of legislation beyond the ones every family shares (sherloc.publishable).

A provision is public with its law but is not a family of its own: deleting one from a published law
logs its removal here, so the API's removals feed tells sync clients to drop it.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete

from sherloc.models import PublicationStatus, Removal, RemovalKind, RemovalReason

from .models import Law, Provision


def _log_provision_deleted(sender: type, instance: Provision, **kwargs: Any) -> None:
    law = Law.objects.filter(pk=instance.law_id).values_list("status", "external_id", "revision_of_id").first()
    if law is not None and law[0] == PublicationStatus.PUBLISHED and law[2] is None:
        Removal.objects.create(
            kind=RemovalKind.PROVISION,
            record_id=instance.pk,
            external_id=f"{law[1]}#{instance.order}",
            reason=RemovalReason.DELETED,
        )


def connect() -> None:
    post_delete.connect(_log_provision_deleted, sender=Provision, dispatch_uid="removals-del-provision")
