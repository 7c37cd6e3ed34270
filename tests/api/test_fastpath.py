"""The WSGI fast path (sherloc.fastpath) answers exactly like Django's handler, and only what it may.

Each request is served twice through WSGI, as a server would call the application: once by
sherloc.wsgi's FastReads around a Django handler, once by the Django handler alone. Status, headers and
body must be identical (the body's `took_ms` and the Content-Length that follows from it aside).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from sherloc import fastpath
from sherloc.fastpath import FastReads, Plan

pytestmark = pytest.mark.django_db

SEARCH = "/api/v1/search/"


class Served:
    def __init__(self, status: str, headers: list[tuple[str, str]], body: bytes) -> None:
        self.status, self.headers, self.body = status, dict(headers), body
        assert len(headers) == len(self.headers), "a header sent twice"

    def comparable(self) -> tuple[str, dict, object]:
        headers = {k: v for k, v in self.headers.items() if k != "Content-Length"}
        body: object = self.body
        if self.headers.get("Content-Type") == "application/json" and self.body:
            body = json.loads(self.body)
            if isinstance(body, dict):
                body.pop("took_ms", None)
        return self.status, headers, body


class Apps:
    """Django's handler, and the fast path around it; records which requests reached Django."""

    def __init__(self) -> None:
        self.django = WSGIHandler()
        self.reached_django: list[str] = []

        def inner(environ: dict, start_response: Callable) -> object:
            self.reached_django.append(environ["PATH_INFO"])
            return self.django(environ, start_response)

        self.fast = FastReads(inner)

    def serve(self, app: Callable, query: str = "", method: str = "GET", path: str = SEARCH, **extra: str) -> Served:
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "testserver",
            "HTTP_HOST": "testserver",
            "REMOTE_ADDR": "127.0.0.1",
            **extra,
        }
        setup_testing_defaults(environ)  # the rest of what a WSGI server sends (wsgi.input, ...)
        started: list = []

        def start_response(status: str, headers: list, exc_info: object = None) -> None:
            started.append((status, headers))

        result = app(environ, start_response)
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        status, headers = started[0]
        served = Served(status, headers, body)
        if "Content-Length" in served.headers:
            assert int(served.headers["Content-Length"]) == len(body)
        return served

    def both(self, *args: str, **kwargs: str) -> tuple[Served, Served]:
        return self.serve(self.fast, *args, **kwargs), self.serve(self.django, *args, **kwargs)


@pytest.fixture
def closed(monkeypatch) -> list[int]:  # noqa: ANN001
    """As Django's test client does, keep request signals from closing the test's database connection
    (it lives inside the test transaction); the fast path's direct call is recorded instead."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    calls: list[int] = []
    monkeypatch.setattr(fastpath, "close_old_connections", lambda: calls.append(1))
    yield calls
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def apps(closed) -> Apps:  # noqa: ANN001
    return Apps()


@pytest.fixture
def small_rates(settings):  # noqa: ANN001, ANN201
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/min"}}


def test_on_with_the_project_settings(apps):
    plan = apps.fast.plan
    assert plan.enabled, plan.reason
    assert list(plan.views) == [SEARCH]
    assert plan.quiet_signals  # only Django's own receivers, DEBUG off
    call_command("check")  # no sherloc.W001


@pytest.mark.parametrize(
    ("query", "extra"),
    [
        ("", {}),
        ("q=trafficking", {}),
        ("q=trafficking&page_size=1", {}),  # next link
        ("page_size=1&page=2&sort=title&lang=fr", {}),  # previous and next links, labels in French
        ("country=BRA,FRA&facets=country&facets=type", {"HTTP_ACCEPT_LANGUAGE": "es"}),
        ("q=%C3%A9gypte%20%26%20co&lang=zh-hans", {}),
        ("colour=red&q=a&q=b&lang=xx", {}),  # 400: every bad parameter named
        ("country=ZZZ", {"HTTP_ACCEPT_LANGUAGE": "fr"}),  # 400 from the service, in French
        ("page=100000", {}),
        ("q=x", {"HTTP_ORIGIN": "https://example.org"}),  # CORS headers
        ("q=x", {"HTTP_X_FORWARDED_FOR": "203.0.113.9", "HTTP_USER_AGENT": "curl/8"}),
    ],
)
def test_answers_like_django(apps, indexed_corpus, query, extra):
    fast, django = apps.both(query, **extra)
    assert apps.reached_django == []  # the fast path served it
    assert fast.comparable() == django.comparable()
    assert "origin" in fast.headers["Vary"] and fast.headers["X-Frame-Options"] == "DENY"


def test_head(apps, indexed_corpus):
    fast, django = apps.both("q=trafficking", method="HEAD")
    assert apps.reached_django == []
    assert fast.comparable() == django.comparable()


def test_https_behind_a_proxy_gets_hsts(apps, indexed_corpus, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 3600
    apps = Apps()  # the middleware read their settings when built
    fast, django = apps.both("q=trafficking", HTTP_X_FORWARDED_PROTO="https")
    assert apps.reached_django == []
    assert fast.comparable() == django.comparable()
    assert fast.headers["Strict-Transport-Security"] == "max-age=3600"
    assert json.loads(fast.body)["results"][0]["url"].startswith("https://testserver/en/")


@pytest.mark.parametrize(
    ("method", "path", "extra"),
    [
        ("GET", SEARCH, {"HTTP_COOKIE": "sessionid=abc"}),  # a browser session: DRF's session auth
        ("GET", SEARCH, {"HTTP_COOKIE": "django_language=fr"}),  # the language cookie counts
        ("GET", SEARCH, {"HTTP_AUTHORIZATION": "Token shl_bad_key"}),  # tokens: database look-up
        ("POST", SEARCH, {}),
        ("OPTIONS", SEARCH, {}),
        ("GET", "/api/v1/laws/", {}),
        ("GET", SEARCH, {"HTTP_HOST": "evil.example"}),  # Django's 400 for a host outside ALLOWED_HOSTS
    ],
)
def test_everything_else_reaches_django(apps, indexed_corpus, method, path, extra):
    fast, django = apps.both("q=x", method=method, path=path, **extra)
    assert apps.reached_django == [path]
    assert fast.comparable() == django.comparable()


def test_ssl_redirect_is_djangos(apps, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    apps = Apps()
    fast, django = apps.both("q=x")
    assert fast.status.startswith("301") and fast.comparable() == django.comparable()
    assert apps.reached_django == [SEARCH]


def test_throttle_counts_each_request_once(apps, db, small_rates):
    for _ in range(3):
        assert apps.serve(apps.fast, "q=x").status == "200 OK"
    throttled = apps.serve(apps.fast, "q=x")
    assert throttled.status == "429 Too Many Requests" and int(throttled.headers["Retry-After"]) >= 1
    assert apps.serve(apps.django, "q=x").status.startswith("429")  # one budget for both paths
    assert apps.reached_django == []


def test_unexpected_error_is_djangos_500(apps, indexed_corpus, monkeypatch, caplog):
    from search import service

    def broken(query):  # noqa: ANN001, ANN202
        raise RuntimeError("bug")

    monkeypatch.setattr(service, "search", broken)
    fast, django = apps.both("q=x")
    assert fast.status == "500 Internal Server Error"
    assert fast.comparable() == django.comparable()
    errors = [r for r in caplog.records if r.name == "django.request" and r.levelname == "ERROR"]
    assert len(errors) == 2 and all("RuntimeError" in str(r.exc_info) for r in errors)  # both logged it


def test_a_failing_middleware_step_is_djangos_500_too(apps, indexed_corpus, monkeypatch):
    """An exception in a middleware's response step becomes the 500 page, which the outer middleware
    still process: what Django's chain does layer by layer."""
    from django.middleware.clickjacking import XFrameOptionsMiddleware

    def broken(self, request, response):  # noqa: ANN001, ANN202
        raise RuntimeError("middleware bug")

    monkeypatch.setattr(XFrameOptionsMiddleware, "process_response", broken)
    apps = Apps()  # plans with the patched middleware
    fast, django = apps.both("q=x")
    assert apps.reached_django == []
    assert fast.status == "500 Internal Server Error"
    assert fast.comparable() == django.comparable()
    assert "origin" in fast.headers["Vary"]  # the CORS step still ran on the 500


def test_client_errors_are_logged_like_django(apps, db, caplog):
    apps.serve(apps.fast, "colour=red")
    warnings = [r.getMessage() for r in caplog.records if r.name == "django.request"]
    assert warnings == [f"Bad Request: {SEARCH}"]


def test_database_connections_are_checked_after_each_request(apps, db, closed):
    apps.serve(apps.fast, "q=x")
    apps.serve(apps.fast, "colour=red")
    assert closed == [1, 1]


def test_other_signal_receivers_get_the_signals(apps, db, closed):
    apps.serve(apps.fast, "q=x")
    assert closed == [1]  # quiet: close_old_connections called directly
    seen: list[str] = []

    def on_start(**kwargs: object) -> None:
        seen.append("started")

    def on_finish(**kwargs: object) -> None:
        seen.append("finished")

    request_started.connect(on_start)  # connected after start-up, as a late-loaded app might
    request_finished.connect(on_finish)
    try:
        assert apps.serve(apps.fast, "q=x").status == "200 OK"
    finally:
        request_started.disconnect(on_start)
        request_finished.disconnect(on_finish)
    assert seen == ["started", "finished"] and closed == [1]  # sent; close_old_connections is a receiver
    apps.serve(apps.fast, "q=x")
    assert seen == ["started", "finished"] and closed == [1, 1]  # quiet again


def test_receivers_present_at_start_up_keep_the_signals(db, closed):
    def on_start(**kwargs: object) -> None:
        pass

    request_started.connect(on_start)
    try:
        assert not Plan().quiet_signals
    finally:
        request_started.disconnect(on_start)
    assert Plan().quiet_signals


def test_debug_sends_the_signals(db, settings):
    settings.DEBUG = True
    assert not Plan().quiet_signals  # reset_queries must empty the query log


@pytest.mark.parametrize(
    ("setting", "value", "reason"),
    [
        ("MIDDLEWARE", "+audit.middleware.AuditMiddleware", "unknown middleware audit.middleware.AuditMiddleware"),
        ("API_FAST_PATH", False, "API_FAST_PATH is off"),
        ("FORCE_SCRIPT_NAME", "/portal", "FORCE_SCRIPT_NAME is set"),
        ("CORS_URLS_REGEX", r"^/api/v1/laws/.*$", f"{SEARCH} is outside CORS_URLS_REGEX"),
    ],
)
def test_settings_it_does_not_know_turn_it_off(closed, db, settings, setting, value, reason):
    if isinstance(value, str) and value.startswith("+"):
        value = [*getattr(settings, setting), value[1:]]
    setattr(settings, setting, value)
    plan = Plan()
    assert plan.reason == reason and not plan.views


def test_unknown_middleware_is_a_system_check_warning(db, settings):
    from sherloc.fastpath import check_fast_path

    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "audit.middleware.AuditMiddleware"]
    [warning] = check_fast_path()
    assert warning.id == "sherloc.W001" and "audit.middleware.AuditMiddleware" in warning.msg
    settings.API_FAST_PATH = False
    assert check_fast_path() == []  # turned off on purpose: nothing to warn about


def test_off_means_django_serves(db, settings, closed):
    settings.API_FAST_PATH = False
    apps = Apps()
    assert apps.serve(apps.fast, "q=x").status == "200 OK"
    assert apps.reached_django == [SEARCH]


def test_production_entry_point_starts_up_before_the_first_request():
    import gc

    from sherloc.wsgi import application

    assert isinstance(application, FastReads)
    assert application._plan is not None  # planned (URLconf imported) at start-up
    assert gc.get_freeze_count() > 0  # start-up objects out of the collector's way
