"""Rate limits per anonymous IP and per token, answered with 429 + Retry-After."""

import pytest
from rest_framework.test import APIClient

from apikeys.scopes import Scope

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_rates(settings):  # noqa: ANN001, ANN201
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "token": "5/min", "user": "4/min"},
    }


def test_anonymous_ip_throttled(api, small_rates):
    for _ in range(3):
        assert api.get("/api/v1/languages/").status_code == 200
    response = api.get("/api/v1/languages/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert response.json()["status"] == 429
    # Another IP has its own budget.
    assert api.get("/api/v1/languages/", REMOTE_ADDR="10.0.0.9").status_code == 200


def test_forged_forwarded_for_does_not_reset_budget(api, small_rates):
    for i in range(3):
        api.get("/api/v1/languages/", HTTP_X_FORWARDED_FOR=f"1.2.3.{i}")
    assert api.get("/api/v1/languages/", HTTP_X_FORWARDED_FOR="9.9.9.9").status_code == 429


def test_token_has_its_own_larger_budget(api, issue_token, small_rates):
    for _ in range(3):
        api.get("/api/v1/languages/")
    assert api.get("/api/v1/languages/").status_code == 429
    _, key = issue_token([Scope.READ_CONTACTS])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    statuses = [client.get("/api/v1/languages/").status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]


def test_search_and_export_are_throttled_too(api, small_rates):
    for _ in range(3):
        api.get("/api/v1/languages/")
    assert api.get("/api/v1/search/?q=x").status_code == 429
    assert api.get("/api/v1/export/?format=csv").status_code == 429


def test_counter_is_one_cache_entry_with_an_expiry(db):
    """Whatever the cache (LocMem embedded, Redis in the services CI pass): the counter starts at 1,
    counts up and reads back through Django's cache API."""
    from django.core.cache import cache

    from sherloc.api.throttling import increment

    assert [increment("throttle:test", timeout=30) for _ in range(3)] == [1, 2, 3]
    assert cache.get("throttle:test") == 3


@pytest.mark.services
def test_redis_counter_takes_one_round_trip(settings):
    """With Redis, INCR and EXPIRE run as one script (Django's incr asks EXISTS first)."""
    import redis
    from django.core.cache import caches

    from sherloc.api.throttling import increment

    url = "redis://127.0.0.1:6379/14"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        pytest.skip("no Redis at 127.0.0.1:6379 (the services CI pass has one)")
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}
    backend = caches["default"]
    backend.delete("throttle:rt")
    client = backend._cache.get_client(write=True)
    sent: list[str] = []
    original = client.connection_pool.get_connection

    def counting(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        sent.append("connection")
        return original(*args, **kwargs)

    assert increment("throttle:rt", timeout=30) == 1  # may load the script into the server first
    client.connection_pool.get_connection = counting
    try:
        assert increment("throttle:rt", timeout=30) == 2
        assert increment("throttle:rt", timeout=30) == 3
    finally:
        client.connection_pool.get_connection = original
    assert len(sent) == 2  # one connection checkout, i.e. one round trip, per count
    assert backend.get("throttle:rt") == 3
    client.script_flush()  # a restarted server forgets scripts: loaded again
    assert increment("throttle:rt", timeout=30) == 4
    full_key = backend.make_and_validate_key("throttle:rt")
    assert 0 < client.ttl(full_key) <= 30
    backend.delete("throttle:rt")
