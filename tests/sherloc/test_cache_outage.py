"""With the shared cache (Redis) away, the site keeps answering (issue #19 item 4: every API request and
the home page were an HTML 500 while /healthz said ok). Redis is simulated by a closed port: the same
connection refused a stopped server gives, with no server needed."""

from __future__ import annotations

import logging

import pytest
from rest_framework.test import APIClient

from sherloc import cache as shared_cache
from tests.factories import LawFactory, ProvisionFactory

pytestmark = pytest.mark.django_db

DEAD_REDIS = "redis://127.0.0.1:9/0"  # discard port: nothing listens, connections are refused


@pytest.fixture
def redis_down(settings):  # noqa: ANN001, ANN201
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": DEAD_REDIS,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }
    shared_cache._last_warning.clear()
    shared_cache.local_counter().clear()


@pytest.fixture
def law(db):  # noqa: ANN001, ANN201
    return ProvisionFactory(law=LawFactory(title="Act on trafficking in persons"), text="Trafficking offence.").law


def test_api_reads_keep_working_and_the_outage_is_logged(redis_down, law, caplog) -> None:  # noqa: ANN001
    api = APIClient()
    with caplog.at_level(logging.WARNING, logger="sherloc.cache"):
        for url in ("/api/v1/search/?q=trafficking", "/api/v1/laws/", f"/api/v1/laws/{law.pk}/", "/api/v1/languages/"):
            response = api.get(url)
            assert response.status_code == 200, (url, response.content[:200])
            assert response["Content-Type"].startswith("application/json")
    warnings = [r for r in caplog.records if "shared cache unavailable" in r.getMessage()]
    assert len(warnings) == 1, "one warning a minute, not one per request"


def test_throttles_still_limit_with_a_local_count(redis_down, settings, db) -> None:  # noqa: ANN001
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "anon": "3/min"},
    }
    api = APIClient()
    statuses = [api.get("/api/v1/languages/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_home_page_renders_uncached(redis_down, client, law) -> None:  # noqa: ANN001
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Act on trafficking in persons" in response.content.decode()


def test_healthz_reports_the_cache_as_degraded(redis_down, client) -> None:  # noqa: ANN001
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["database"] == "ok" and body["checks"]["cache"].startswith("degraded")
