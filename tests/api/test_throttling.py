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


@pytest.mark.parametrize("num_proxies", [None, 0, 1, 2])
@pytest.mark.parametrize("forwarded", [None, "", "1.1.1.1", "1.1.1.1, 2.2.2.2", " 3.3.3.3 ,4.4.4.4 , 5.5.5.5"])
def test_client_ident_is_drfs(settings, num_proxies, forwarded):
    """throttling.client_ident reads META directly; it must pick the address DRF's get_ident picks."""
    from django.test import RequestFactory
    from rest_framework.throttling import BaseThrottle

    from sherloc.api.throttling import client_ident

    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": num_proxies}
    extra = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    request = RequestFactory().get("/api/v1/search/", REMOTE_ADDR="10.9.8.7", **extra)
    assert client_ident(request) == BaseThrottle().get_ident(request)
