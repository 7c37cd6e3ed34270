"""Rate limits: per client IP for anonymous calls, per token, per signed-in session user.

Exactly one of the three applies to a request. Rates come from settings.REST_FRAMEWORK
["DEFAULT_THROTTLE_RATES"] (env API_THROTTLE_ANON / _TOKEN / _USER) and are read on every request, so
a settings override takes effect at once. A throttled call gets 429 with Retry-After
(errors.exception_handler).

Fixed-window counters rather than DRF's SimpleRateThrottle: DRF stores every request time of the
window in one cache entry and rewrites it on each call (read-modify-write, so concurrent workers
sharing Redis lose updates, and the cost grows with the rate). Here each window is one counter
incremented atomically (`increment`: one INCR + EXPIRE script on Redis). A client can burst up to twice the rate
across a window boundary, which is the usual trade-off for O(1) accounting.
"""

from __future__ import annotations

import functools
import time
from typing import TYPE_CHECKING

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.redis import RedisCache
from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from sherloc.cache import CACHE_ERRORS, local_counter, warn_degraded

from .permissions import request_token

if TYPE_CHECKING:  # rest_framework.views imports the throttle settings: no cycle at runtime
    from rest_framework.views import APIView


PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@functools.lru_cache(maxsize=64)  # rates are read on every request; parse each distinct string once
def parse_rate(rate: str) -> tuple[int, int]:
    """'120/min' -> (120, 60). Same syntax as DRF: the period's first letter counts."""
    number, _, period = rate.partition("/")
    return int(number), PERIODS[period.strip()[0].lower()]


def count_request(scope: str, ident: str) -> float | None:
    """Count one request of `ident` in `scope`'s current window: None if within the rate (or the scope
    has none), else the seconds until the window ends."""
    rate = api_settings.DEFAULT_THROTTLE_RATES.get(scope)
    if not rate:
        return None
    limit, duration = parse_rate(rate)
    now = time.time()
    window = int(now // duration)
    count = increment(f"throttle:{scope}:{ident}:{duration}:{window}", timeout=duration + 1)
    if count > limit:
        return (window + 1) * duration - now
    return None


class _WindowThrottle(BaseThrottle):
    scope = ""

    def ident_for(self, request: Request) -> str | None:
        raise NotImplementedError

    def allow_request(self, request: Request, view: APIView) -> bool:
        ident = self.ident_for(request)
        self.wait_seconds = None if ident is None else count_request(self.scope, ident)
        return self.wait_seconds is None

    def wait(self) -> float | None:
        return self.wait_seconds


class AnonIPThrottle(_WindowThrottle):
    scope = "anon"

    def ident_for(self, request: Request) -> str | None:
        if request_token(request) is not None or request.user.is_authenticated:
            return None
        return self.get_ident(request)  # X-Forwarded-For is only trusted behind API_NUM_PROXIES proxies


class TokenThrottle(_WindowThrottle):
    scope = "token"

    def ident_for(self, request: Request) -> str | None:
        token = request_token(request)
        return None if token is None else str(token.pk)


class SessionUserThrottle(_WindowThrottle):
    scope = "user"

    def ident_for(self, request: Request) -> str | None:
        if request_token(request) is not None or not request.user.is_authenticated:
            return None
        return str(request.user.pk)


def increment(key: str, timeout: int) -> int:
    """Add one to the counter `key` of the default cache, creating it (with `timeout`) at 1.

    With the shared cache away (Redis down), the count goes on in this process: clients keep being
    served and limited, per worker rather than site-wide, until Redis is back (sherloc.cache)."""
    backend = caches[DEFAULT_CACHE_ALIAS]
    try:
        if isinstance(backend, RedisCache):
            return _redis_increment(backend, key, timeout)
        return _cache_increment(backend, key, timeout)
    except CACHE_ERRORS as exc:
        warn_degraded("API throttle counters", exc)
        return _cache_increment(local_counter(), key, timeout)


def _cache_increment(backend: BaseCache, key: str, timeout: int) -> int:
    try:
        return backend.incr(key)  # the common case: one atomic cache operation
    except ValueError:  # first request of the window
        return 1 if backend.add(key, 1, timeout=timeout) else backend.incr(key)


# INCR creates a missing counter at 1 by itself; EXPIRE then (re)sets its lifetime. As a script both run
# atomically in one command: one round trip and one reply to parse (a pipeline of the two cost 3x more
# client time here, Django's RedisCache.incr asks EXISTS first: two round trips and a race).
INCREMENT_LUA = "local n = redis.call('INCR', KEYS[1]) redis.call('EXPIRE', KEYS[1], ARGV[1]) return n"
_increment_script = None


def _redis_increment(backend: RedisCache, key: str, timeout: int) -> int:
    """INCR + EXPIRE as one server-side script (EVALSHA; redis-py loads it again after a server restart).
    Refreshing the expiry on each call only lets a finished window's counter live `timeout` seconds past
    its last request. The key is the one Django's cache API uses (prefix, version), and Redis keeps the
    integer as Django's serializer would, so cache.get() reads it."""
    global _increment_script
    full_key = backend.make_and_validate_key(key)
    client = backend._cache.get_client(full_key, write=True)  # the backend's own connection pool
    if _increment_script is None:
        _increment_script = client.register_script(INCREMENT_LUA)
    return int(_increment_script(keys=[full_key], args=[timeout], client=client))
