"""A saved search's digest sent by a REAL Celery worker process (Redis broker, PostgreSQL), as in CI's
services pass: the worker runs alerts.tasks.send_digests against the test database and the same tantivy
index, and writes the e-mail with Django's file backend into a folder this test reads.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379/0 \
     .venv/bin/python -m pytest -q tests/alerts/test_digest_worker.py
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from alerts import tasks
from config.celery import app as celery_app
from search.engines import reset_engine
from search.indexing import rebuild
from tests.factories import CaseFactory, SavedSearchFactory, UserFactory, country
from tests.search.test_celery_worker import CELERY, ROOT, WORKER_START_TIMEOUT, _delete_queue, database_url, wait_for

pytestmark = [
    pytest.mark.services,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a Redis broker: set REDIS_URL"),
    pytest.mark.django_db(transaction=True),
]


@contextmanager
def routed_to(queue: str) -> Iterator[None]:
    """Send this process's alerts tasks to `queue`, through the broker (not eagerly): only inside the block,
    so the records' indexing tasks run in this process and leave nothing on the default queue."""
    previous_routes, previous_eager = celery_app.conf.task_routes, celery_app.conf.task_always_eager

    def apply(routes: object, eager: bool) -> None:
        celery_app.conf.task_routes, celery_app.conf.task_always_eager = routes, eager
        celery_app.amqp.flush_routes()
        celery_app.amqp.__dict__.pop("router", None)

    apply({"alerts.tasks.*": {"queue": queue}}, False)
    try:
        yield
    finally:
        apply(previous_routes, previous_eager)


@pytest.fixture
def mail_dir(tmp_path: Path) -> Path:
    return tmp_path / "mail"


@pytest.fixture
def worker(reference_data, settings, tmp_path: Path, mail_dir: Path) -> Iterator[str]:  # noqa: ANN001
    """A real `celery worker` on a queue of its own, sharing this test's database and index."""
    if connection.vendor == "sqlite":
        pytest.skip("the worker is another process and cannot see SQLite's in-memory test database")
    queue = f"alerts-test-{uuid.uuid4().hex[:10]}"
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "SEARCH_ENGINE": "tantivy",
        "SEARCH_INDEX_DIR": str(settings.SEARCH_INDEX_DIR),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "SITE_URL": "https://sherloc.example.org",
        "SHERLOC_VAR_DIR": str(tmp_path / "var"),
        "PYTHONUNBUFFERED": "1",
    }
    command = [str(CELERY), "-A", "config", "worker", "-P", "solo", "-c", "1", "--without-heartbeat"]
    command += ["--without-gossip", "--without-mingle", "-Q", queue, "-n", f"{queue}@%h", "--loglevel", "INFO"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: b"ready." in log.read_bytes() or proc.poll() is not None, WORKER_START_TIMEOUT)
        if proc.poll() is not None:
            pytest.fail(f"celery worker exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        settings.SEARCH_ENGINE = "tantivy"  # the worker's engine, whatever the services pass chose for others
        reset_engine()
        yield queue
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        _delete_queue(queue)
        print(f"\n--- alerts worker log (tail) ---\n{log.read_text()[-2000:]}")


def test_digest_is_sent_through_the_real_worker(worker: str, mail_dir: Path) -> None:
    now = timezone.now()
    user = UserFactory(username="worker-reader", email="reader@example.org")
    fresh = CaseFactory(country=country("BRA"), title="Worker smuggling case", published_at=now - dt.timedelta(hours=2))
    CaseFactory(country=country("BRA"), title="Draft smuggling case", status="draft", published_at=now)
    rebuild()
    saved = SavedSearchFactory(user=user, query="country=BRA")

    # The records were indexed in this process (eager tasks); only the digest goes through Redis.
    with routed_to(worker):
        tasks.send_digests.delay()

    def written() -> str:
        return "".join(path.read_text(encoding="utf-8") for path in mail_dir.iterdir()) if mail_dir.exists() else ""

    wait_for(lambda: "Stop these e-mails:" in written())  # the body's last line: the whole message is there
    headers, _, body = written().partition("\n\n")
    message = re.sub(r"[ \t]*\r?\n[ \t]+", " ", headers) + "\n\n" + body  # long headers unfolded (RFC 5322)
    assert "To: reader@example.org" in message
    assert "Worker smuggling case" in message and "Draft smuggling case" not in message
    assert f"https://sherloc.example.org/en/cases/{fresh.pk}/" in message
    assert "List-Unsubscribe: <https://sherloc.example.org/en/alerts/unsubscribe/" in message
    saved.refresh_from_db()
    assert saved.last_digest_at > now - dt.timedelta(minutes=5)
