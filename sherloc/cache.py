"""The shared cache (Redis in services mode) as an optimisation the site survives without.

Nothing the portal stores in the default cache is the only copy of anything: page statistics, coverage
cells, throttle counters. So when Redis is away, a read builds its value afresh and the API throttles
count in this process (`local_counter`) rather than answer 500. Each degraded call logs a warning, at
most once a minute per kind, so an outage is visible without flooding the log; `/healthz` reports the
cache as degraded meanwhile.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import redis
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger("sherloc.cache")

#: What a cache backend raises when its server is away (connection refused, timeout, reset).
CACHE_ERRORS: tuple[type[BaseException], ...] = (redis.RedisError, OSError)
WARN_EVERY_SECONDS = 60.0

T = TypeVar("T")
_last_warning: dict[str, float] = {}
_warn_lock = threading.Lock()
_local = LocMemCache("sherloc-local-fallback", {"OPTIONS": {"MAX_ENTRIES": 100_000}})


def warn_degraded(kind: str, exc: BaseException) -> None:
    """Log that `kind` ran without the shared cache, once per WARN_EVERY_SECONDS."""
    now = time.monotonic()
    with _warn_lock:
        if now - _last_warning.get(kind, -WARN_EVERY_SECONDS) < WARN_EVERY_SECONDS:
            return
        _last_warning[kind] = now
    logger.warning("shared cache unavailable (%s): %s runs without it", exc.__class__.__name__, kind)


def get_or_build(key: str, build: Callable[[], T], timeout: int) -> T:
    """`cache.get_or_set(key, build, timeout)`, or `build()` when the cache cannot be reached."""
    try:
        return cache.get_or_set(key, build, timeout)
    except CACHE_ERRORS as exc:
        warn_degraded(f"cache read {key.split(':', 1)[0]!r}", exc)
        return build()


def local_counter() -> LocMemCache:
    """The per-process cache counters fall back to while the shared one is away."""
    return _local


def available() -> tuple[bool, str]:
    """(reachable, detail) of the default cache, for /healthz: one write and read of a probe key."""
    try:
        cache.set("healthz:probe", 1, 10)
        ok = cache.get("healthz:probe") == 1
    except CACHE_ERRORS as exc:
        return False, f"{exc.__class__.__name__}: {exc}"
    return ok, "ok" if ok else "probe not read back"


__all__ = ["CACHE_ERRORS", "available", "get_or_build", "local_counter", "warn_degraded"]
