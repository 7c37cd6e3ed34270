"""Middleware that does less for /api/ requests, where the site's browser machinery has nothing to do.

Each class is a drop-in replacement for the Django middleware it subclasses (settings.MIDDLEWARE) and
behaves exactly like it outside /api/. Measured on GET /api/v1/search/ (bench/api.py), the stock
stack cost ~0.2 ms a request, a fifth of the API's overhead over the search service:

- LocaleMiddleware looks the path up as a language prefix three times a request; '/api/' matches the
  prefix pattern, so each lookup ends in a LookupError raised and caught (~30 us). API paths are never
  language-prefixed: the language comes from the cookie and Accept-Language as before, without the
  path lookups or the 404 redirect to a prefixed page (API 404s are JSON, never redirected).
- Sessions, the user and messages are only set up for API requests that carry a session cookie (a
  signed-in browser user: DRF's SessionAuthentication needs them and keeps working). Without the
  cookie there is no session to load, so DRF treats the request as anonymous, as before.
- CSRF: DRF views are CSRF-exempt and SessionAuthentication runs its own CSRF check for unsafe
  methods, so the middleware's work (reading the cookie, rotating it) is skipped for safe API calls
  without a session. Unsafe methods, and anything with a session cookie, take the full path.
- simple_history's request context is only needed when a request may write (attributing changes).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from asgiref.sync import iscoroutinefunction
from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponseBase
from django.middleware.csrf import CsrfViewMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.decorators import sync_and_async_middleware
from simple_history.middleware import HistoryRequestMiddleware as _HistoryRequestMiddleware

API_PREFIX = "/api/"
SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))
_LITE_ATTR = "_sherloc_api_lite"


def is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


def is_api_lite(request: HttpRequest) -> bool:
    """A safe-method API call without a session cookie: no session, user, messages or CSRF work.
    Decided once per request (the first middleware to ask stores the answer)."""
    lite = request.__dict__.get(_LITE_ATTR)
    if lite is None:
        lite = (
            request.path_info.startswith(API_PREFIX)
            and request.method in SAFE_METHODS
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )
        request.__dict__[_LITE_ATTR] = lite
    return lite


@functools.lru_cache(maxsize=256)
def _language_for(cookie: str | None, accept_language: str) -> str:
    """translation.get_language_from_request (without the path) for a request with this language
    cookie and Accept-Language header, which are all it reads besides settings. Remembered: without a
    cookie it raises and catches a LookupError before it even looks at Accept-Language."""
    request = HttpRequest()
    request.COOKIES = {} if cookie is None else {settings.LANGUAGE_COOKIE_NAME: cookie}
    request.META = {"HTTP_ACCEPT_LANGUAGE": accept_language}
    return translation.get_language_from_request(request, check_path=False)


@receiver(setting_changed)
def _forget_languages(*, setting: str, **kwargs: object) -> None:
    if setting in ("LANGUAGES", "LANGUAGE_CODE", "LANGUAGE_COOKIE_NAME", "LOCALE_PATHS"):
        _language_for.cache_clear()


def activate_api_language(request: HttpRequest) -> None:
    """The language of an API request (cookie, then Accept-Language; never the path), made active and
    stored on the request: what LocaleMiddleware does for a path without a language prefix. Shared by
    ApiLocaleMiddleware and the WSGI fast path (sherloc.fastpath)."""
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
    if i18n_patterns_used and not prefixed_default_language:
        language = settings.LANGUAGE_CODE
    else:
        language = _language_for(
            request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME), request.META.get("HTTP_ACCEPT_LANGUAGE", "")
        )
    translation.activate(language)
    # What get_language() would now return, without reading it back (an asgiref Local lookup).
    request.LANGUAGE_CODE = translation.to_language(language)


class ApiLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        if not is_api(request):
            return super().process_request(request)
        activate_api_language(request)
        return None

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if not is_api(request):
            return super().process_response(request, response)
        headers = response.headers
        vary = headers.get("Vary")
        if vary is None:
            headers["Vary"] = "Accept-Language"
        elif "accept-language" not in vary.lower():  # the lean views already vary on it
            patch_vary_headers(response, ("Accept-Language",))
        if "Content-Language" not in headers:  # the lean views set it
            headers["Content-Language"] = translation.get_language()
        return response


class ApiSessionMiddleware(SessionMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        if not is_api_lite(request):
            super().process_request(request)

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if is_api_lite(request):
            return response
        return super().process_response(request, response)


class ApiAuthenticationMiddleware(AuthenticationMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        if not is_api_lite(request):
            super().process_request(request)


class ApiMessageMiddleware(MessageMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        if not is_api_lite(request):
            super().process_request(request)

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if is_api_lite(request):
            return response
        return super().process_response(request, response)


class ApiCsrfViewMiddleware(CsrfViewMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        if not is_api_lite(request):
            super().process_request(request)

    def process_view(self, request: HttpRequest, callback: Callable, callback_args: tuple, callback_kwargs: dict):
        if is_api_lite(request):
            return None
        return super().process_view(request, callback, callback_args, callback_kwargs)

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if is_api_lite(request):
            return response
        return super().process_response(request, response)


@sync_and_async_middleware
def ApiHistoryRequestMiddleware(get_response: Callable) -> Callable:  # noqa: N802 - a middleware factory
    """simple_history's middleware, bypassed for safe-method API calls (nothing is written)."""
    history = _HistoryRequestMiddleware(get_response)
    if iscoroutinefunction(get_response):  # pragma: no cover - the portal runs under WSGI
        return history

    def middleware(request: HttpRequest) -> HttpResponseBase:
        if is_api_lite(request):
            return get_response(request)
        return history(request)

    return middleware
