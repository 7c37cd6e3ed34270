"""Freshness through a REAL Celery worker process, Redis broker and PostgreSQL, for each engine.

The worker is a separate process, so it must see what the test commits: the test is transactional
and the worker gets DATABASE_URL pointing at pytest-django's test database ("test_<name>"). Each test
runs once per engine the worker indexes into:

- tantivy: the worker gets the same SEARCH_INDEX_DIR (the index on disk is shared across processes
  with file locks);
- opensearch (when OPENSEARCH_URL is set, as in CI's services pass): the worker gets SEARCH_ENGINE,
  OPENSEARCH_URL and an index prefix of its own, so it never touches another run's indices; they are
  deleted at the end.

One worker per engine serves both tests (a worker start costs seconds); each test starts from an
empty index. Tasks go to a queue of their own, so stale messages of other runs never reach this worker.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379/0 \
     OPENSEARCH_URL=http://127.0.0.1:9200 .venv/bin/python -m pytest -q tests/search/test_celery_worker.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest import mock
from urllib.parse import quote

import pytest
from django.core.management.base import CommandError
from django.db import connection

from config.celery import app as celery_app
from search import tasks
from search.documents import expected_versions
from search.engines import EngineError, get_engine, reset_engine
from tests.factories import CaseFactory, ProvisionFactory

pytestmark = [
    pytest.mark.services,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a Redis broker: set REDIS_URL"),
    pytest.mark.django_db(transaction=True),
]

ROOT = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).with_name("celery")
DEADLINE = 20.0  # seconds a change may take to reach the index before the test fails
WORKER_START_TIMEOUT = 30.0
ENGINES = ("tantivy", "opensearch")


def database_url() -> str:
    """pytest-django's test database (e.g. 'test_test'), as a URL the worker process can use."""
    db = connection.settings_dict
    user = quote(db.get("USER") or "")
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user or password else ""
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}{db.get('HOST') or '127.0.0.1'}{port}/{db['NAME']}"


@dataclass(frozen=True)
class WorkerEngine:
    """The engine settings the worker process and this process share."""

    name: str
    settings: dict  # Django settings to apply in this process
    env: dict  # the same, as the worker's environment


@pytest.fixture(scope="module", params=ENGINES)
def worker_engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkerEngine]:
    name = request.param
    if name == "tantivy":
        index_dir = tmp_path_factory.mktemp("worker-index")
        yield WorkerEngine(
            name,
            {"SEARCH_ENGINE": name, "SEARCH_INDEX_DIR": index_dir},
            {"SEARCH_ENGINE": name, "SEARCH_INDEX_DIR": str(index_dir)},
        )
        return
    url = os.environ.get("OPENSEARCH_URL", "")
    if not url:
        pytest.skip("OPENSEARCH_URL not set: the worker's OpenSearch run is skipped (make opensearch)")
    prefix = f"test-worker-{uuid.uuid4().hex[:10]}"
    yield WorkerEngine(
        name,
        {"SEARCH_ENGINE": name, "OPENSEARCH_URL": url, "SEARCH_INDEX_PREFIX": prefix},
        {"SEARCH_ENGINE": name, "OPENSEARCH_URL": url, "SEARCH_INDEX_PREFIX": prefix},
    )
    from search.engines.opensearch_engine import OpenSearchEngine

    cleanup = OpenSearchEngine(url, prefix=prefix)  # drop this run's indices
    cleanup.clear()
    cleanup.close()


@pytest.fixture(scope="module")
def queue(worker_engine: WorkerEngine) -> str:
    return f"search-test-{worker_engine.name}-{uuid.uuid4().hex[:10]}"


@contextmanager
def routed_to(queue: str) -> Iterator[None]:
    """Send this process's search tasks to `queue` (the router is cached: rebuild it around the change)."""
    previous_routes, previous_eager = celery_app.conf.task_routes, celery_app.conf.task_always_eager

    def apply(routes: object, eager: bool) -> None:
        celery_app.conf.task_routes, celery_app.conf.task_always_eager = routes, eager
        celery_app.amqp.flush_routes()
        celery_app.amqp.__dict__.pop("router", None)

    apply({"search.tasks.*": {"queue": queue}}, False)
    try:
        yield
    finally:
        apply(previous_routes, previous_eager)


def _delete_queue(queue: str) -> None:
    """Leave nothing behind in Redis: the queue and kombu's binding keys all contain its unique name."""
    import redis

    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    keys = list(client.scan_iter(match=f"*{queue}*"))
    if keys:
        client.delete(*keys)


@pytest.fixture(scope="module")
def worker_process(
    django_db_setup,  # noqa: ANN001
    worker_engine: WorkerEngine,
    queue: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[subprocess.Popen]:
    """A real `celery worker` consuming `queue`, against the test database and `worker_engine`."""
    if connection.vendor == "sqlite":
        pytest.skip(
            "the worker is another process and cannot see SQLite's in-memory test database: "
            "set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test"
        )
    home = tmp_path_factory.mktemp(f"worker-{worker_engine.name}")
    log = home / "worker.log"
    env = {
        **os.environ,
        **worker_engine.env,
        "DATABASE_URL": database_url(),
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "SHERLOC_VAR_DIR": str(home / "var"),
        "PYTHONUNBUFFERED": "1",
    }
    command = [
        str(CELERY),
        "-A",
        "config",
        "worker",
        "-P",
        "solo",
        "-c",
        "1",
        "--without-heartbeat",
        "--without-gossip",
        "--without-mingle",
        "-Q",
        queue,
        "-n",
        f"{queue}@%h",
        "--loglevel",
        "INFO",
    ]
    with open(log, "wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: b"ready." in log.read_bytes() or proc.poll() is not None, WORKER_START_TIMEOUT)
        if proc.poll() is not None:
            pytest.fail(f"celery worker exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        _delete_queue(queue)
        print(f"\n--- {worker_engine.name} worker log (tail) ---\n{log.read_text()[-2000:]}")


@pytest.fixture
def worker(worker_process, worker_engine: WorkerEngine, queue: str, reference_data, settings):  # noqa: ANN001, ANN201
    """This test's side of the worker: same engine settings, an empty index, tasks routed to its queue."""
    if worker_process.poll() is not None:
        pytest.fail(f"the {worker_engine.name} celery worker died (exit {worker_process.returncode})")
    for name, value in worker_engine.settings.items():
        setattr(settings, name, value)
    reset_engine()
    engine = get_engine()
    # The previous test's database was flushed (no signals): start empty. Deleting documents (not
    # the index) keeps the worker's open engine valid on every engine.
    engine.delete(list(engine.versions()))
    with routed_to(queue):
        yield worker_process
    reset_engine()


def wait_for(condition: Callable[[], bool], timeout: float = DEADLINE, interval: float = 0.05) -> float:
    """Poll until `condition()`; return the seconds it took. Fails the test at the deadline.

    An EngineError counts as "not yet": on OpenSearch the worker's first write creates the index, and
    until its primary shard has started (a fraction of a second) reading it answers 503 "all shards
    failed". A failure that lasts until the deadline is reported with the test failure.
    """
    started = time.monotonic()
    error: EngineError | None = None
    while True:
        try:
            if condition():
                return time.monotonic() - started
            error = None
        except EngineError as exc:
            error = exc
        if time.monotonic() - started > timeout:
            detail = f" (last engine error: {error})" if error else ""
            pytest.fail(f"condition not met within {timeout:.0f}s{detail}")
        time.sleep(interval)


def indexed() -> dict[str, str]:
    return get_engine().versions()


def test_saved_record_becomes_searchable_and_deleted_one_disappears(worker, record_property):  # noqa: ANN001
    case = CaseFactory(fact_summary="Migrants were smuggled in a container.")
    key = f"case:{case.pk}"
    latency = wait_for(lambda: key in indexed())
    record_property("index_latency_s", round(latency, 3))
    print(f"\nsave -> searchable through the worker: {latency * 1000:.0f} ms")
    assert indexed()[key] == expected_versions("case")[key]

    prov = ProvisionFactory(text="Whoever smuggles a migrant by sea.")
    latency = wait_for(lambda: f"provision:{prov.pk}" in indexed())
    print(f"provision save -> searchable: {latency * 1000:.0f} ms")

    case.delete()
    latency = wait_for(lambda: key not in indexed())
    record_property("delete_latency_s", round(latency, 3))
    print(f"delete -> gone from the index: {latency * 1000:.0f} ms")


def test_change_while_broker_down_is_found_by_check_and_repaired_by_reconcile(worker, run_command):  # noqa: ANN001
    first = CaseFactory()
    wait_for(lambda: f"case:{first.pk}" in indexed())

    # The producer talks to a dead broker: kombu raises OperationalError, the save must still succeed.
    dead = celery_app.connection_for_write("redis://127.0.0.1:1/0")

    def via_dead_broker(*args: object) -> None:
        tasks.index_records.apply_async(args, connection=dead)

    with mock.patch.object(tasks.index_records, "delay", side_effect=via_dead_broker):
        lost = CaseFactory(title="Saved while the broker was down")
    assert type(lost).objects.filter(pk=lost.pk).exists()
    time.sleep(1.0)
    assert f"case:{lost.pk}" not in indexed()

    with pytest.raises(CommandError) as excinfo:
        run_command("search_index", "check")
    assert excinfo.value.returncode == 1

    tasks.reconcile_index.delay()  # through the broker, run by the worker
    latency = wait_for(lambda: indexed() == expected_versions())
    print(f"\nreconcile through the worker repaired the index in {latency * 1000:.0f} ms")
    out, _ = run_command("search_index", "check")
    assert "in sync" in out
