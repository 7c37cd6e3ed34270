"""Celery tasks of the alerts: the digests, run by celery beat (CELERY_BEAT_SCHEDULE in settings)."""

from __future__ import annotations

from celery import shared_task

from . import digests


@shared_task(name="alerts.tasks.send_digests", acks_late=True)
def send_digests() -> dict[str, object]:
    """Send the daily and weekly digests that are due. Safe to run at any time and more than once."""
    return digests.send_due_digests().as_dict()
