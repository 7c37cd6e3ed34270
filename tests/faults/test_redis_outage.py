"""Redis stopped while the site reads and writes (issue #19 item 4: every API request and the home page
answered an HTML 500 while /healthz said ok).

The shared Redis is never touched: each test starts a private redis-server (tests/faults/conftest.py),
points the default cache (and, for writes, the Celery broker) at it, and SIGKILLs it mid-run, so the
pooled connections the site already holds break, as in a real crash. Documented answers
(sherloc/cache.py, docs/search.md): API reads keep answering 200 JSON, the home page 200, /healthz 200
"degraded"; a save still commits (the task cannot be sent: a warning, not an error), and the reconcile
(`search_index update`) brings the index back to zero drift.
"""

from __future__ import annotations

import logging
import time

import pytest
import redis
from django.core.management.base import CommandError
from django.test import Client
from rest_framework.test import APIClient

from legislation.models import Law
from sherloc import cache as shared_cache
from sherloc.access import REVIEWERS
from sherloc.models import PublicationStatus
from tests.factories import ApiTokenFactory, CaseFactory, FocalPointFactory, LawFactory, ProvisionFactory, UserFactory
from tests.faults.conftest import SERVICES, PrivateRedis, broker_at

pytestmark = [*SERVICES, pytest.mark.django_db(transaction=True)]

SLOW = 5.0  # seconds: any single request slower than this with Redis away counts as a hang


@pytest.fixture
def cache_on_private_redis(private_redis: PrivateRedis, settings, reference_data) -> PrivateRedis:  # noqa: ANN001
    """The default cache on the private server, configured as production configures it (settings.py)."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": private_redis.url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
    shared_cache._last_warning.clear()
    shared_cache.local_counter().clear()
    return private_redis


def timed(call, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN201
    started = time.monotonic()
    response = call(*args, **kwargs)
    elapsed = time.monotonic() - started
    assert elapsed < SLOW, f"{args[0]} took {elapsed:.1f}s"
    return response


def hits(body: dict) -> set[tuple[str, int]]:
    return {(hit["type"], hit["record_id"]) for hit in body["results"]}


def read_everything(api: APIClient, web: Client, law: Law, case) -> dict:  # noqa: ANN001
    """One pass over the public reads; asserts the documented answer of each, returns /healthz."""
    expected_hits = {("legislation", law.provisions.get().pk), ("case", case.pk)}
    for url in (
        "/api/v1/search/?q=smuggling",
        "/api/v1/laws/",
        f"/api/v1/laws/{law.pk}/",
        "/api/v1/cases/",
        f"/api/v1/cases/{case.pk}/",
        "/api/v1/languages/",
    ):
        response = timed(api.get, url)
        assert response.status_code == 200, (url, response.status_code, response.content[:200])
        assert response["Content-Type"].startswith("application/json"), url
        body = response.json()
        if url.startswith("/api/v1/search/"):
            assert hits(body) == expected_hits, body
        elif url == f"/api/v1/laws/{law.pk}/":
            assert body["title"] == law.title
        elif url == f"/api/v1/cases/{case.pk}/":
            assert body["title"] == case.title
    home = timed(web.get, "/en/")
    assert home.status_code == 200 and law.title in home.content.decode()
    health = timed(web.get, "/healthz")
    assert health.status_code == 200
    return health.json()


def test_reads_keep_answering_when_redis_dies_mid_run(cache_on_private_redis: PrivateRedis, caplog) -> None:  # noqa: ANN001
    law = ProvisionFactory(
        law=LawFactory(title="Outage-proof act against the smuggling of migrants"), text="Smuggling of migrants by sea."
    ).law
    case = CaseFactory(title="Prosecutor v. K.L. (smuggling)")
    api, web = APIClient(), Client(raise_request_exception=False)

    health = read_everything(api, web, law, case)
    assert health == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "search": "ok"}}
    server = redis.Redis(port=cache_on_private_redis.port)
    assert server.dbsize() > 0, "the site really used the private Redis (throttle counters, home page)"

    cache_on_private_redis.kill()  # the site holds pooled connections to it: they break mid-use

    with caplog.at_level(logging.WARNING, logger="sherloc.cache"):
        for _ in range(3):
            health = read_everything(api, web, law, case)
            assert health["status"] == "degraded", health
            assert health["checks"]["database"] == "ok" and health["checks"]["search"] == "ok"
            assert health["checks"]["cache"].startswith("degraded:"), health
    assert any("shared cache unavailable" in r.getMessage() for r in caplog.records), "the outage is logged"


def test_writes_while_redis_is_down_are_kept_and_reconcile_indexes_them(
    cache_on_private_redis: PrivateRedis,
    run_command,  # noqa: ANN001
    caplog,  # noqa: ANN001
) -> None:
    """Cache and Celery broker on the dying Redis, no eager tasks: what the web processes see in production."""
    focal_point = FocalPointFactory(username="fp-bra-outage", countries=["BRA"])
    reviewer = UserFactory(username="reviewer-outage", groups=[REVIEWERS])
    token = ApiTokenFactory(user=focal_point, scopes=["submit"])
    submitter = APIClient()
    submitter.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    review = Client(raise_request_exception=False)
    review.force_login(reviewer)

    with broker_at(cache_on_private_redis.url):
        # Sent while Redis is up, to a broker no worker reads: lost with the server, like a dead worker's queue.
        before = LawFactory(title="Act published just before the outage on migrant smuggling")
        ProvisionFactory(law=before, text="Smuggling provision saved before the outage.")

        cache_on_private_redis.kill()

        with caplog.at_level(logging.WARNING):
            response = timed(
                submitter.post,
                "/api/v1/submissions/",
                {
                    "type": "law",
                    "country": "BRA",
                    "title": "Act submitted during the outage on migrant smuggling",
                    "number": "77/2024",
                    "adoption_date": "2024-03-01",
                    "original_language": "en",
                    "provisions": [
                        {"label": "Art. 1", "text": "Smuggling of migrants by land.", "language": "en"},
                        {"label": "Art. 2", "text": "Aggravated smuggling.", "language": "en"},
                    ],
                },
                format="json",
            )
            assert response.status_code == 201, response.content[:300]
            during = Law.objects.get(pk=response.json()["id"])
            assert during.status == PublicationStatus.SUBMITTED and during.provisions.count() == 2

            decided = timed(review.post, f"/en/review/law/{during.pk}/approve/", {"comment": "ok"})
            assert decided.status_code == 302, decided.content[:300]
        assert any("reconcile will repair" in r.getMessage() for r in caplog.records), "the lost task is logged"

    # Nothing lost in the database: both records whole and published.
    during.refresh_from_db()
    assert during.status == PublicationStatus.PUBLISHED and during.provisions.count() == 2
    assert Law.objects.get(pk=before.pk).provisions.count() == 1

    # The index missed both; `check` says so, the reconcile repairs it to zero drift.
    with pytest.raises(CommandError) as drift:
        run_command("search_index", "check")
    assert drift.value.returncode == 1
    out, _ = run_command("search_index", "update")
    out, _ = run_command("search_index", "check")
    assert "in sync" in out, out

    # Both findable again (the cache is still away: the API answers all the same).
    body = APIClient().get("/api/v1/search/?q=smuggling&page_size=100").json()
    provisions = {("legislation", pk) for law in (before, during) for pk in law.provisions.values_list("pk", flat=True)}
    assert hits(body) == provisions, body
