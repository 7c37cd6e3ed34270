"""/api/v1/search/ on the lean path (sherloc.api.lean): what it re-implements answers exactly like the DRF view.

Anonymous and token GETs without a session cookie take the lean view; a request with a session cookie
(even a stale one, which is still anonymous) goes through DRF's SearchView. Comparing the two on the same
requests checks that the lean path re-implements the DRF behaviour rather than approximating it.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import resolve
from rest_framework.test import APIClient

from apikeys.scopes import Scope
from search.api import SearchView, search_view

pytestmark = pytest.mark.django_db

SEARCH = "/api/v1/search/"
# Headers that legitimately differ: the size (took_ms varies) and Vary, where the session middleware
# adds Cookie on the DRF path because a session cookie was sent.
VOLATILE = {"Content-Length", "Vary"}


@pytest.fixture
def small_rates(settings):  # noqa: ANN001, ANN201
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "token": "5/min", "user": "4/min"},
    }


@pytest.fixture
def drf_client() -> APIClient:
    """Anonymous, but with a session cookie (no such session): served by the DRF view."""
    client = APIClient()
    client.cookies[settings.SESSION_COOKIE_NAME] = "no-such-session"
    return client


def comparable(response) -> tuple[int, dict, object]:  # noqa: ANN001
    headers = {k: v for k, v in response.headers.items() if k not in VOLATILE}
    body = response.json()
    if isinstance(body, dict):
        body.pop("took_ms", None)
    return response.status_code, headers, body


def test_url_is_served_by_the_lean_view_documented_as_the_drf_view():
    match = resolve(SEARCH)
    assert match.func is search_view
    assert search_view.cls is SearchView  # what drf-spectacular documents
    assert search_view.csrf_exempt


@pytest.mark.parametrize(
    ("query", "extra"),
    [
        ("q=trafficking", {}),
        ("page_size=2&page=2&sort=title&lang=fr", {}),
        ("country=BRA,FRA&facets=country&facets=type", {"HTTP_ACCEPT_LANGUAGE": "es"}),
        ("colour=red&q=a&q=b&lang=xx", {}),  # unknown, repeated and unsupported language at once
        ("country=ZZZ", {"HTTP_ACCEPT_LANGUAGE": "fr"}),  # the service's QueryError
        ("page=100000", {}),
        ("q=x", {"HTTP_ORIGIN": "https://example.org"}),  # CORS
        ("q=x", {"HTTP_AUTHORIZATION": "Token shl_bad_key"}),
        ("colour=red", {"HTTP_AUTHORIZATION": "Token a b"}),  # 401 comes before parameter checks
        ("q=x", {"HTTP_AUTHORIZATION": "Basic dXNlcjpwdw=="}),  # another scheme: anonymous
    ],
)
def test_lean_answers_like_the_drf_view(api, drf_client, indexed_corpus, query, extra):
    lean = api.get(f"{SEARCH}?{query}", **extra)
    drf = drf_client.get(f"{SEARCH}?{query}", **extra)
    assert comparable(lean) == comparable(drf)
    assert lean["Vary"] == "Accept-Language, Authorization, origin"  # origin: the CORS middleware


def test_headers(api, indexed_corpus):
    response = api.get(f"{SEARCH}?q=trafficking", HTTP_ACCEPT_LANGUAGE="fr", HTTP_ORIGIN="https://example.org")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response["Content-Language"] == "fr"
    assert {"Accept-Language", "Authorization"} <= {v.strip() for v in response["Vary"].split(",")}
    assert response["Access-Control-Allow-Origin"] == "*"
    assert not response.cookies


def test_head_has_the_headers_without_a_body(api, indexed_corpus):
    response = api.head(f"{SEARCH}?q=trafficking")
    assert response.status_code == 200 and response.content == b""
    assert int(response["Content-Length"]) > 100


def test_every_bad_parameter_in_one_400(api, db):
    response = api.get(f"{SEARCH}?colour=red&q=a&q=b&lang=xx", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400 and body["detail"] == "Invalid request parameters."
    assert body["errors"]["colour"] == ["Unknown parameter."]
    assert body["errors"]["q"] == ["Give this parameter once; separate several values with commas."]
    assert body["errors"]["lang"][0].startswith("Unsupported language")
    assert response["Content-Language"] == "en"  # `lang` could not be negotiated


def test_content_language_follows_the_request_on_errors(api, indexed_corpus):
    response = api.get(f"{SEARCH}?country=ZZZ", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400 and response["Content-Language"] == "fr"
    assert response.json()["errors"] == {"country": ["unknown value 'ZZZ'"]}


def test_valid_token_is_served(api, issue_token, indexed_corpus):
    token, key = issue_token([Scope.READ_CONTACTS])
    for scheme in ("Token", "Bearer"):
        response = api.get(f"{SEARCH}?q=trafficking", HTTP_AUTHORIZATION=f"{scheme} {key}")
        assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None  # the same authentication as the DRF views


@pytest.mark.parametrize(
    ("header", "detail"),
    [
        ("Token shl_bad_key", "Invalid token."),
        ("Token a b", "Invalid token header: expected 'Token <key>' or 'Bearer <key>'."),
    ],
)
def test_bad_token_is_401(api, db, header, detail):
    response = api.get(f"{SEARCH}?colour=red", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json() == {"status": 401, "detail": detail, "errors": {}}


def test_revoked_token_is_401(api, issue_token, db):
    token, key = issue_token([])
    token.revoke()
    response = api.get(SEARCH, HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 401 and response.json()["detail"] == "Token revoked or expired."


def test_anonymous_throttle_per_ip(api, db, small_rates):
    assert [api.get(f"{SEARCH}?colour={i}").status_code for i in range(3)] == [400] * 3  # 400s count too
    response = api.get(SEARCH)
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    body = response.json()
    assert body["status"] == 429 and body["errors"] == {} and body["detail"].startswith("Request was throttled.")
    assert response["Allow"] == "GET, HEAD, OPTIONS" and response["Content-Language"] == "en"
    assert api.get(SEARCH, REMOTE_ADDR="10.0.0.9").status_code == 200  # another IP, another budget
    assert api.get(SEARCH, HTTP_X_FORWARDED_FOR="9.9.9.9").status_code == 429  # not trusted by default


def test_forwarded_for_trusted_behind_proxies(api, db, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1, "DEFAULT_THROTTLE_RATES": {"anon": "1/min"}}
    assert api.get(SEARCH, HTTP_X_FORWARDED_FOR="1.1.1.1").status_code == 200
    assert api.get(SEARCH, HTTP_X_FORWARDED_FOR="1.1.1.2").status_code == 200
    assert api.get(SEARCH, HTTP_X_FORWARDED_FOR="1.1.1.1").status_code == 429


def test_token_throttle_is_per_token(api, issue_token, db, small_rates):
    _, key = issue_token([])
    _, other = issue_token([])
    statuses = [api.get(SEARCH, HTTP_AUTHORIZATION=f"Token {key}").status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    assert api.get(SEARCH, HTTP_AUTHORIZATION=f"Token {other}").status_code == 200
    assert api.get(SEARCH).status_code == 200  # the anonymous budget of this IP is untouched


def test_rejected_tokens_do_not_spend_the_budget(api, db, small_rates):
    for _ in range(5):
        assert api.get(SEARCH, HTTP_AUTHORIZATION="Token shl_bad_key").status_code == 401
    assert api.get(SEARCH).status_code == 200


def test_lean_and_drf_paths_share_the_budget(api, drf_client, db, small_rates):
    assert api.get(SEARCH).status_code == 200
    assert drf_client.get(SEARCH).status_code == 200
    assert api.get("/api/v1/languages/").status_code == 200
    assert api.get(SEARCH).status_code == 429
    assert drf_client.get(SEARCH).status_code == 429


def test_engine_failure_is_503_with_retry_after(api, indexed_corpus, monkeypatch):
    from search import service
    from search.engines import EngineError

    def broken(query):  # noqa: ANN001, ANN202
        raise EngineError("index unavailable")

    monkeypatch.setattr(service, "search", broken)
    response = api.get(f"{SEARCH}?q=x&lang=fr")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert response["Content-Language"] == "fr"
    assert response.json()["detail"] == "Search is temporarily unavailable; try again shortly."


def test_unexpected_errors_stay_500(api, indexed_corpus, monkeypatch):
    from search import service

    def broken(query):  # noqa: ANN001, ANN202
        raise RuntimeError("bug")

    monkeypatch.setattr(service, "search", broken)
    api.raise_request_exception = False
    assert api.get(f"{SEARCH}?q=x").status_code == 500


def test_other_methods_and_sessions_go_through_drf(api, indexed_corpus, practitioner):
    response = api.post(SEARCH, {})
    assert response.status_code == 401 and response.json()["detail"] == "Authentication credentials were not provided."
    options = api.options(SEARCH)
    assert options.status_code == 200 and options.json()["name"] == "Search"
    api.force_login(practitioner)
    response = api.get(f"{SEARCH}?q=trafficking")
    assert response.status_code == 200 and response.json()["count"] >= 1
    assert response.wsgi_request.user == practitioner  # session authentication ran
    assert api.post(SEARCH, {}).status_code == 403  # CSRF-exempt like DRF views: the permission answers


@pytest.mark.parametrize(
    "query",
    [
        "q=trafficking",
        "country=BRA&country=ARG&q=a+b&page=2",
        "q=%C3%A9gypte%20%26%20co&lang=fr",
        "q=&type=case",
        "z=1&a=2&a=1",
    ],
)
def test_page_links_match_drfs_replace_query_param(query) -> None:  # noqa: ANN001
    """The cheap link builder gives the URL DRF's helper gives from the full URL (sorted, same quoting)."""
    from django.http import QueryDict
    from rest_framework.utils.urls import remove_query_param, replace_query_param

    from search.api import _page_link

    base = "http://testserver/api/v1/search/"
    params = QueryDict(query)
    assert _page_link(base, params, "page", 3) == replace_query_param(f"{base}?{query}", "page", 3)
    assert _page_link(base, params, "cursor", "abc=", drop="page") == replace_query_param(
        remove_query_param(f"{base}?{query}", "page"), "cursor", "abc="
    )
