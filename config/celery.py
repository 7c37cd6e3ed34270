"""Celery application.

With no broker configured (`REDIS_URL` unset) settings turn on `task_always_eager`, so the embedded
run needs no worker: indexing tasks run in-process after the transaction commits.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("sherloc")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
