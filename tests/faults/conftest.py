"""The fault and abuse suite (issue #19): real PostgreSQL, Redis, Celery worker and subprocesses.

Every test here is marked `services` and skipped, with the reason, outside services mode (DATABASE_URL on
PostgreSQL and REDIS_URL set); in CI's services pass SHERLOC_REQUIRE_SERVICES=1 turns such a skip into
a failure. Faults are injected only into what the test itself started (a private redis-server, its own
Celery worker, its own import process): the shared Redis and database are never stopped.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379/15 \
     SHERLOC_REQUIRE_SERVICES=1 .venv/bin/python -m pytest -q tests/faults
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def services_mode() -> tuple[bool, str]:
    """(on, why not): PostgreSQL through DATABASE_URL and a Redis through REDIS_URL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://", "pgsql://")):
        return False, "needs DATABASE_URL on PostgreSQL (postgres://postgres@127.0.0.1:5432/test)"
    if not os.environ.get("REDIS_URL"):
        return False, "needs REDIS_URL (redis://127.0.0.1:6379/15)"
    return True, ""


_ON, _WHY = services_mode()

#: Every module of the suite: `pytestmark = [*SERVICES, ...]`.
SERVICES = [
    pytest.mark.services,
    pytest.mark.skipif(not _ON, reason=f"fault suite runs against real services only: {_WHY}"),
]


def wait_until(condition: Callable[[], bool], timeout: float, what: str, interval: float = 0.02) -> float:
    """Poll `condition()` until true; the seconds it took. Fails the test at `timeout`, naming `what`."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            pytest.fail(f"{what}: not within {timeout:.0f}s")
        time.sleep(interval)
    return time.monotonic() - started


def stop(proc: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 10.0) -> None:
    """End a process this test started (by its own id), escalating to SIGKILL."""
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PrivateRedis:
    proc: subprocess.Popen
    port: int

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def kill(self) -> None:
        """SIGKILL: no shutdown, no goodbye to connected clients, like a crashed or OOM-killed server."""
        self.proc.kill()
        self.proc.wait(timeout=5)


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[PrivateRedis]:
    """A redis-server of this test's own on a free 127.0.0.1 port, no persistence, killed at the end."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (bash scripts/services.sh installs it)")
    import redis

    port = free_port()
    command = [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    command += ["--daemonize", "no", "--dir", str(tmp_path), "--logfile", str(tmp_path / "redis.log")]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    instance = PrivateRedis(proc, port)

    def answers() -> bool:
        if proc.poll() is not None:
            pytest.fail(f"private redis-server exited with {proc.returncode}")
        try:
            return bool(redis.Redis(port=port, socket_connect_timeout=0.2).ping())
        except redis.RedisError:
            return False

    try:
        wait_until(answers, 10, f"private redis-server on port {port} answering")
        yield instance
    finally:
        stop(proc, signal.SIGKILL)


@contextmanager
def broker_at(url: str) -> Iterator[None]:
    """Send this process's Celery tasks through the broker at `url` (not eagerly), restoring after."""
    from kombu import pools
    from kombu.utils.collections import eqhash

    from config.celery import app

    conf = app.conf
    previous = conf.broker_url, conf.task_always_eager

    def point(broker: str, eager: bool) -> None:
        conf.broker_url, conf.task_always_eager = broker, eager
        # Drop the app's cached pools (not close them: kombu shares them process-wide by URL), so the next
        # send connects to `broker`.
        app._pool = None
        app.amqp._producer_pool = None

    point(url, False)
    try:
        yield
    finally:
        # Close and forget the pools kombu keeps for `url`, and only those: nothing else may reuse them.
        key = eqhash(app.connection_for_write())
        for group in (pools.producers, pools.connections):
            pool = dict.pop(group, key, None)
            if pool is not None:
                pool.force_close_all()
        point(*previous)
