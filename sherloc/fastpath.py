"""Anonymous API reads answered at the WSGI layer, with the middleware's effects but not its chain.

Why: /api/v1/search/ may add at most 30% to the search service's own time (issue 4). After the lean view
(sherloc.api.lean) the biggest remaining share was Django's request cycle around it: twelve middleware
layers, URL resolving and the request_started/finished signals, each cheap alone but run cold, right
after the search engine has filled the CPU caches with its own work (docs/benchmarks.md has the figures).

What is served here: GET and HEAD of a path in FAST_PATHS (a lean view: it does its own throttling,
parameter checks and error bodies) from a client that sends no Cookie and no Authorization header, the
bulk of public API traffic. Everything else, and everything unusual about such a request (a Host outside
ALLOWED_HOSTS, an SSL redirect, a forbidden user agent), goes to Django's handler untouched.

Each middleware in settings.MIDDLEWARE must be known here, else the fast path stays off (system check
sherloc.W001 says why):

- APPLIED: its request and response steps run here, as the middleware's own methods, in MIDDLEWARE
  order (request) and reverse order (response): security headers and SSL redirect, CORS headers, the API
  language, the Host check and Content-Length, X-Frame-Options.
- PASS_THROUGH: it does nothing for such a request (no session cookie: no session, user, messages, CSRF
  or history work, see sherloc.api.middleware; axes acts on sign-in lockouts; WhiteNoise serves
  STATIC_URL, which must not overlap a fast path).

Django's handler duties are kept: the WSGIRequest, uncaught exceptions through response_for_exception
(the 500 page, the error log, got_request_exception), the log line for 4xx/5xx, and what the
request_started and request_finished signals do (database connections past their age are closed).
tests/api/test_fastpath.py serves a matrix of requests both ways and compares status, headers and body.
"""

from __future__ import annotations

import functools
import logging
import weakref
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core import checks
from django.core.cache import caches, close_caches
from django.core.cache.backends.base import BaseCache
from django.core.exceptions import MiddlewareNotUsed
from django.core.handlers.base import reset_urlconf
from django.core.handlers.exception import response_for_exception
from django.core.handlers.wsgi import WSGIRequest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, reset_queries
from django.http import HttpRequest, HttpResponseBase
from django.urls import Resolver404, resolve
from django.utils.cache import patch_vary_headers
from django.utils.log import log_response
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

FAST_PATHS = ("/api/v1/search/",)
FAST_METHODS = frozenset(("GET", "HEAD"))
# Request headers that send a request to Django's handler: cookies (a session, CSRF, the language
# cookie) and credentials (a token is looked up in the database, within Django's connection handling).
DELEGATED_HEADERS = ("HTTP_COOKIE", "HTTP_AUTHORIZATION")

APPLIED = frozenset(
    (
        "django.middleware.security.SecurityMiddleware",
        "corsheaders.middleware.CorsMiddleware",
        "sherloc.api.middleware.ApiLocaleMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    )
)
PASS_THROUGH = frozenset(
    (
        "whitenoise.middleware.WhiteNoiseMiddleware",
        "sherloc.api.middleware.ApiSessionMiddleware",
        "sherloc.api.middleware.ApiCsrfViewMiddleware",
        "sherloc.api.middleware.ApiAuthenticationMiddleware",
        "sherloc.api.middleware.ApiMessageMiddleware",
        "sherloc.api.middleware.ApiHistoryRequestMiddleware",
        "axes.middleware.AxesMiddleware",
    )
)

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]
RequestStep = Callable[[HttpRequest], HttpResponseBase | None]
ResponseStep = Callable[[HttpRequest, HttpResponseBase], Any]


def _only_django_receivers() -> bool:
    """True when the request signals reach only Django's own receivers and every cache's close() is a
    no-op: then what the signals do for a request without a query log (DEBUG off) and without a URLconf
    override is close_old_connections() at the end, which the fast path calls directly (the two
    dispatches took ≈ 65 µs a call, run cold after a search). Anything else connected: they are sent."""
    known = {reset_queries, close_old_connections, close_caches, reset_urlconf}
    for signal in (request_started, request_finished):
        for entry in signal.receivers:
            receiver = entry[1]
            if isinstance(receiver, weakref.ReferenceType):
                receiver = receiver()
            if receiver not in known:
                return False
    return all(type(caches[alias]).close is BaseCache.close for alias in settings.CACHES)


@functools.lru_cache(maxsize=64)
def _vary_with_origin(vary: str | None) -> str:
    """patch_vary_headers(response, ("origin",)) for a response whose Vary is `vary`: the lean views
    send one of a handful of values, so each is worked out (parsed, merged) once."""
    response = HttpResponseBase()
    if vary is not None:
        response.headers["Vary"] = vary
    patch_vary_headers(response, ("origin",))
    return response.headers["Vary"]


def _cors_enabled(path: str) -> bool:
    from corsheaders.middleware import CorsMiddleware

    request = HttpRequest()
    request.path = request.path_info = path
    return CorsMiddleware(_unused).is_enabled(request)


def _unused(request: HttpRequest) -> HttpResponseBase:  # pragma: no cover - never called
    raise AssertionError("middleware instances of the fast path are not chained")


class Plan:
    """What the fast path runs, worked out once from settings and the URLconf."""

    def __init__(self) -> None:
        self.reason = ""  # why the fast path is off; "" when it is on
        self.views: dict[str, Callable[..., HttpResponseBase]] = {}
        self.request_steps: list[RequestStep] = []
        self.response_steps: list[ResponseStep] = []
        self.quiet_signals = False
        self.signal_counts = (0, 0)
        if not settings.API_FAST_PATH:
            self.reason = "API_FAST_PATH is off"
            return
        if settings.FORCE_SCRIPT_NAME:
            self.reason = "FORCE_SCRIPT_NAME is set"
            return
        unknown = [path for path in settings.MIDDLEWARE if path not in APPLIED | PASS_THROUGH]
        if unknown:
            self.reason = f"unknown middleware {', '.join(unknown)}"
            return
        for path in FAST_PATHS:
            if path.lstrip("/").startswith(settings.STATIC_URL.lstrip("/")):
                self.reason = f"{path} is under STATIC_URL"
                return
            try:
                view = resolve(path).func
            except Resolver404:
                self.reason = f"{path} is not in the URLconf"
                return
            if not getattr(view, "lean", False):
                self.reason = f"{path} is not a lean view (sherloc.api.lean)"
                return
            if "corsheaders.middleware.CorsMiddleware" in settings.MIDDLEWARE and not _cors_enabled(path):
                self.reason = f"{path} is outside CORS_URLS_REGEX"
                return
            self.views[path] = view
        self.quiet_signals = not settings.DEBUG and _only_django_receivers()
        self.signal_counts = (len(request_started.receivers), len(request_finished.receivers))
        for path in settings.MIDDLEWARE:
            if path not in APPLIED:
                continue
            try:
                middleware = import_string(path)(_unused)
            except MiddlewareNotUsed:
                continue
            if path == "corsheaders.middleware.CorsMiddleware":  # its request step is preflight only
                self.response_steps.append(_cors_step(middleware))
                continue
            if hasattr(middleware, "process_request"):
                self.request_steps.append(middleware.process_request)
            if hasattr(middleware, "process_response"):
                self.response_steps.append(middleware.process_response)
        self.response_steps.reverse()

    @property
    def enabled(self) -> bool:
        return not self.reason


def _cors_step(middleware: Any) -> ResponseStep:
    """CorsMiddleware.add_response_headers, which reads the Origin through `request.headers`, a mapping
    of every header built for that one look-up. Without an Origin header it only adds `origin` to Vary
    (the paths served here are all CORS-enabled, see Plan), which this step does directly."""
    add_headers = middleware.add_response_headers

    def step(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if "HTTP_ORIGIN" in request.META:
            return add_headers(request, response)
        response.headers["Vary"] = _vary_with_origin(response.headers.get("Vary"))
        return response

    return step


@checks.register(checks.Tags.urls)
def check_fast_path(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Say when settings keep the fast path off (an added middleware, say), so a deployment notices."""
    plan = Plan()
    if plan.enabled or not settings.API_FAST_PATH:
        return []
    return [
        checks.Warning(
            f"The API fast path is off: {plan.reason}.",
            hint="Anonymous API reads go through every middleware (slower, same answers). If the new middleware "
            "does nothing for cookieless GETs of the lean endpoints, add it to sherloc.fastpath.PASS_THROUGH; "
            "to keep the fast path off without this warning, set API_FAST_PATH=false.",
            id="sherloc.W001",
        )
    ]


class FastReads:
    """The WSGI application: the fast path for what it serves, `app` (Django's handler) for the rest."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app
        self._plan: Plan | None = None

    @property
    def plan(self) -> Plan:
        if self._plan is None:  # on the first request: the URLconf is importable by then
            self._plan = Plan()
            if not self._plan.enabled:
                logger.info("API fast path off: %s", self._plan.reason)
        return self._plan

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        view = self.plan.views.get(environ.get("PATH_INFO", ""))
        if (
            view is None
            or environ.get("REQUEST_METHOD") not in FAST_METHODS
            or environ.get("SCRIPT_NAME")
            or any(name in environ for name in DELEGATED_HEADERS)
        ):
            return self.app(environ, start_response)
        request = WSGIRequest(environ)
        try:
            for step in self.plan.request_steps:
                if step(request) is not None:  # a redirect: Django's handler gives it
                    return self.app(environ, start_response)
        except Exception:  # noqa: BLE001 - a bad Host, a forbidden agent: Django's handler answers
            return self.app(environ, start_response)
        plan = self.plan
        signals = not plan.quiet_signals or plan.signal_counts != (
            len(request_started.receivers),
            len(request_finished.receivers),
        )
        if signals:
            request_started.send(sender=self.__class__, environ=environ)
        try:
            try:
                response = view(request)
            except Exception as exc:  # noqa: BLE001 - as convert_exception_to_response does
                response = response_for_exception(request, exc)
            for step in self.plan.response_steps:
                try:
                    response = step(request, response) or response
                except Exception as exc:  # noqa: BLE001 - each middleware layer converts, as in Django's chain
                    response = response_for_exception(request, exc)
            if response.status_code >= 400:
                log_response("%s: %s", response.reason_phrase, request.path, response=response, request=request)
            start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
            return [response.content]
        finally:
            # What closing a Django response does: the body is returned as bytes, so no server will
            # call response.close(). With only Django's own receivers connected, the one that matters
            # here is called directly (Plan.quiet_signals).
            if signals:
                request_finished.send(sender=self.__class__)
            else:
                close_old_connections()
