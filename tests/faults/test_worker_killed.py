"""The Celery worker SIGKILLed during a bulk publish, then the reconcile brings the index to zero drift.

A real `celery worker` (own queue on the shared Redis broker, the test database, this test's tantivy
index directory, as tests/search/test_celery_worker.py starts it) indexes what a reviewer publishes with
the review queue's bulk publish. As soon as the worker has indexed the first record, it is SIGKILLed: the
task it was running is never acknowledged and the rest of the batch waits in a queue nobody reads.
Documented outcome (docs/search.md "Reconcile", docs/submissions.md): the publish request completes
(every record published, one transition and one snapshot each); `search_index check` reports the drift
(exit 1); `search.tasks.reconcile_index` repairs it, `check` then says "in sync" and every published
record is found by the API search.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from django.core.management.base import CommandError
from django.test import Client
from rest_framework.test import APIClient

from legislation.models import Law
from search import tasks
from search.documents import expected_versions
from search.engines import get_engine
from sherloc.access import REVIEWERS
from sherloc.models import PublicationStatus
from submissions.models import PublishedVersion, Transition
from tests.factories import LawFactory, ProvisionFactory, UserFactory
from tests.faults.conftest import ROOT, SERVICES, stop, wait_until
from tests.search.test_celery_worker import CELERY, database_url, routed_to

pytestmark = [*SERVICES, pytest.mark.django_db(transaction=True)]

LAWS = 40
WORD = "quokkafault"  # in every provision of the batch, nowhere else
INDEXED = b"succeeded in"  # a task finished (the only tasks on this queue are the batch's)


def purge_queue(queue: str) -> None:
    """Leave nothing of this queue in the shared Redis: its list and bindings, and the unacknowledged
    message the killed worker held (kombu keeps it in the `unacked` hash, to restore it later)."""
    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    keys = list(client.scan_iter(match=f"*{queue}*"))
    if keys:
        client.delete(*keys)
    for tag, payload in client.hscan_iter("unacked"):
        if queue.encode() in payload:
            client.hdel("unacked", tag)
            client.zrem("unacked_index", tag)


@pytest.fixture
def worker(settings, tmp_path: Path) -> Iterator[tuple[subprocess.Popen, Path, str]]:
    """A real worker on a queue of its own, indexing into this test's SEARCH_INDEX_DIR; (process, log, queue)."""
    queue = f"fault-worker-{uuid.uuid4().hex[:10]}"
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "SEARCH_ENGINE": "tantivy",
        "SEARCH_INDEX_DIR": str(settings.SEARCH_INDEX_DIR),
        "SHERLOC_VAR_DIR": str(tmp_path / "var"),
        "PYTHONUNBUFFERED": "1",
    }
    settings.SEARCH_ENGINE = "tantivy"
    command = [str(CELERY), "-A", "config", "worker", "-P", "solo", "-c", "1", "--without-heartbeat"]
    command += ["--without-gossip", "--without-mingle", "-Q", queue, "-n", f"{queue}@%h", "--loglevel", "INFO"]
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: b"ready." in log.read_bytes() or proc.poll() is not None, 30, "the worker starting")
        if proc.poll() is not None:
            pytest.fail(f"celery worker exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        yield proc, log, queue
    finally:
        stop(proc, signal.SIGKILL)
        purge_queue(queue)
        print(f"\n--- worker log (tail) ---\n{log.read_text()[-1500:]}")


def kill_after_first_indexed(proc: subprocess.Popen, log: Path, timeout: float) -> threading.Thread:
    """SIGKILL the worker the moment its log shows it indexed a record: mid-batch, by construction."""

    def watch() -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None:
            if INDEXED in log.read_bytes():
                proc.send_signal(signal.SIGKILL)
                return
            time.sleep(0.005)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def test_worker_killed_mid_bulk_publish_then_reconcile_to_zero_drift(worker, reference_data, run_command) -> None:  # noqa: ANN001
    proc, log, queue = worker
    reviewer = UserFactory(username="reviewer-bulk", groups=[REVIEWERS])
    laws = []
    for n in range(LAWS):
        law = LawFactory(title=f"Bulk act {n} on organized crime", status=PublicationStatus.SUBMITTED)
        ProvisionFactory(law=law, order=1, text=f"Provision {n}: {WORD} participation in an organized group.")
        laws.append(law)
    assert INDEXED not in log.read_bytes(), "set-up ran eagerly: the worker has seen nothing yet"

    client = Client(raise_request_exception=False)
    client.force_login(reviewer)
    with routed_to(queue):  # from here on, indexing goes through the broker to the worker
        watcher = kill_after_first_indexed(proc, log, timeout=60)
        response = client.post("/en/review/publish/", {"pick": [f"law:{law.pk}" for law in laws]}, follow=True)
        watcher.join(timeout=60)

    assert proc.poll() == -signal.SIGKILL, "the worker was killed during the bulk publish"
    assert response.redirect_chain and response.redirect_chain[0][1] == 302
    assert f"{LAWS} submissions published." in response.content.decode()

    # Nothing lost in the database: every record published once, with its transition and snapshot.
    ids = [law.pk for law in laws]
    assert Law.objects.filter(pk__in=ids, status=PublicationStatus.PUBLISHED).count() == LAWS
    published = Transition.objects.filter(
        object_id__in=ids, to_status=PublicationStatus.PUBLISHED, content_type__model="law"
    )
    assert published.count() == LAWS
    assert PublishedVersion.objects.filter(object_id__in=ids, content_type__model="law").count() == LAWS

    # The index lags behind: the dead worker indexed only the first few.
    expected = expected_versions()
    indexed = get_engine().versions()
    missing = set(expected) - set(indexed)
    print(f"\nworker killed with {len(indexed)} of {len(expected)} documents indexed")
    assert indexed, "the worker indexed the start of the batch"
    assert missing, "the worker indexed everything before the kill: nothing was tested"
    with pytest.raises(CommandError) as drift:
        run_command("search_index", "check")
    assert drift.value.returncode == 1

    repaired = tasks.reconcile_index.apply()  # the periodic task, run here: no worker is left
    assert repaired.successful(), repaired.traceback
    out, _ = run_command("search_index", "check")
    assert "in sync" in out, out
    assert get_engine().versions() == expected_versions()

    body = APIClient().get(f"/api/v1/search/?q={WORD}&page_size=100").json()
    provisions = {("legislation", pk) for law in laws for pk in law.provisions.values_list("pk", flat=True)}
    assert {(hit["type"], hit["record_id"]) for hit in body["results"]} == provisions
    assert body["count"] == LAWS
