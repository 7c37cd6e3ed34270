"""The registry of publishable record families and the save-side effects every family shares.

A family is any concrete model deriving from `PublishableRecord`; none is named here, so the base layer
imports no record app and a new family gets these effects by existing. `record_changed` is sent after a
record of any family is saved or deleted: caches of pages built from records (sitemaps, the home page's
counts) listen to it instead of to each model.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from .models import PublishableRecord

# Sent with sender=<model>, instance=<record>, deleted=<bool>.
record_changed = Signal()


def families() -> list[type[PublishableRecord]]:
    """Concrete publishable models, in app registry order."""
    return [m for m in apps.get_models() if issubclass(m, PublishableRecord)]


def family(kind: str) -> type[PublishableRecord]:
    """The model whose `record_kind` is `kind`; KeyError for an unknown kind."""
    for model in families():
        if model.record_kind == kind:
            return model
    raise KeyError(kind)


def _saved(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        record_changed.send(sender=sender, instance=instance, deleted=False)


def _deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    record_changed.send(sender=sender, instance=instance, deleted=True)


def connect() -> None:
    for model in families():
        post_save.connect(_saved, sender=model, dispatch_uid=f"publishable.saved.{model._meta.label}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"publishable.deleted.{model._meta.label}")
