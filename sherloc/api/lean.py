"""Lean views: a hot read-only endpoint served as a plain Django view, without DRF's per-request machinery.

Why: /api/v1/search/ may add at most 30% to the search service's own time (docs/benchmarks.md). On a
1-2 ms search, DRF's share of a call (the Request wrapper, authenticator, permission and throttle
objects built per request, content negotiation, Response, renderer, finalize_response) was a large part
of what the API added. A lean view does the same work with plain Django objects.

What a lean view does for GET and HEAD without a session cookie (nearly all API traffic), in DRF's
order so that a request gets the same answer either way:

1. token authentication: apikeys.authentication.ApiTokenAuthentication as it is (a bad, revoked or
   expired token is a 401 with `WWW-Authenticate: Token`); no token, or another scheme, is anonymous;
2. throttling: the counters of the DRF throttles (throttling.count_request): per token, else per client
   IP; over the rate, 429 with Retry-After. Both paths share each client's budget;
3. the endpoint's handler, which starts with `check_params` (what ApiViewMixin.initial checks: unknown
   and repeated parameters, `lang`; every bad parameter in one 400);
4. the headers DRF's API views add: Allow, Content-Language, Vary: Accept-Language, Authorization.

Errors are rendered by errors.error_parts, the code behind DRF's exception handler, so bodies and
headers are identical; anything it does not know stays a 500, as under DRF.

Everything else goes to the DRF view, unchanged: other methods (OPTIONS metadata, the 401/403 of a
write) and requests with a session cookie (session authentication, the per-user throttle, CSRF). The DRF
view also remains the endpoint's OpenAPI description: the lean view carries its `cls` and `initkwargs`,
which is how drf-spectacular finds and documents DRF views in the URLconf.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import translation
from django.utils.cache import patch_vary_headers
from rest_framework import exceptions
from rest_framework.views import APIView, set_rollback

from apikeys.authentication import ApiTokenAuthentication
from apikeys.models import ApiToken

from . import language
from .errors import error_parts, flatten_errors
from .middleware import is_api_lite
from .params import param_errors
from .renderers import dumps
from .throttling import client_ident, count_request

JSON = "application/json"
LEAN_METHODS = frozenset(("GET", "HEAD"))
VARY = ("Accept-Language", "Authorization")  # what ApiViewMixin.finalize_response adds


class LeanCall:
    """What a lean handler learns about its request: the token (None: anonymous) and the label language,
    which Content-Language reports on errors too ('en' until `lang` has been negotiated, as under DRF)."""

    __slots__ = ("lang", "token")

    def __init__(self) -> None:
        self.lang = "en"
        self.token: ApiToken | None = None


Handler = Callable[[HttpRequest, LeanCall], HttpResponse]


def check_params(request: HttpRequest, call: LeanCall, allowed: Iterable[str], repeatable: Iterable[str]) -> None:
    """ApiViewMixin.initial's parameter checks for a lean handler: unknown and wrongly repeated
    parameters and an unsupported `lang`, all reported in one 400; then the label language is active."""
    params = request.GET
    errors = param_errors(params, allowed, repeatable) if params else {}
    try:
        call.lang = language.negotiate_from(params, request)
    except exceptions.ValidationError as exc:
        errors.update(flatten_errors(exc.detail))
    if errors:
        raise exceptions.ValidationError(errors)
    if call.lang != getattr(request, "LANGUAGE_CODE", None):  # else the locale middleware activated it
        translation.activate(call.lang)  # public page URLs follow the label language


def json_response(data: Any, status: int = 200) -> HttpResponse:
    """The body FastJSONRenderer would render, without a DRF Response around it."""
    return HttpResponse(dumps(data), content_type=JSON, status=status)


def lean_view(drf_view: type[APIView], handler: Handler) -> Callable[..., HttpResponseBase]:
    """The URLconf callable for an endpoint: `handler` for lean requests, `drf_view` for the rest."""
    fallback = drf_view.as_view()
    authenticator = ApiTokenAuthentication()
    auth_header = authenticator.authenticate_header(None)  # type: ignore[arg-type] - a constant
    allow = _allow_header(drf_view)

    def view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method not in LEAN_METHODS or not is_api_lite(request):
            return fallback(request, *args, **kwargs)
        call = LeanCall()
        try:
            if request.META.get("HTTP_AUTHORIZATION"):
                credentials = authenticator.authenticate(request)  # type: ignore[arg-type] - reads META only
                if credentials is not None:
                    call.token = credentials[1]
            if call.token is not None:
                wait = count_request("token", str(call.token.pk))
            else:
                ident = client_ident(request)
                wait = None if ident is None else count_request("anon", ident)
            if wait is not None:
                raise exceptions.Throttled(wait)
            response = handler(request, call)
        except Exception as exc:  # noqa: BLE001 - re-raised below unless it is an API error
            response = _error_response(exc, auth_header)
        headers = response.headers
        headers["Allow"] = allow
        headers["Content-Language"] = call.lang
        if "Vary" in headers:
            patch_vary_headers(response, VARY)
        else:
            headers["Vary"] = ", ".join(VARY)
        return response

    # drf-spectacular (like DRF's schema generators) documents URLconf callables that carry `cls`.
    view.cls = fallback.cls  # type: ignore[attr-defined]
    view.initkwargs = fallback.initkwargs  # type: ignore[attr-defined]
    view.view_class = fallback.view_class  # type: ignore[attr-defined]
    view.csrf_exempt = True  # type: ignore[attr-defined] - as DRF views are (the fallback checks CSRF itself)
    view.lean = True  # type: ignore[attr-defined] - servable by the WSGI fast path (sherloc.fastpath)
    view.__name__ = view.__qualname__ = f"{drf_view.__name__}_lean"
    view.__doc__ = drf_view.__doc__
    return view


def _allow_header(drf_view: type[APIView]) -> str:
    """The Allow header DRF sends for the view (View.setup adds HEAD where there is GET)."""
    instance = drf_view()
    instance.setup(HttpRequest())
    return ", ".join(instance.allowed_methods)


def _error_response(exc: Exception, auth_header: str) -> HttpResponse:
    """The error response APIView.handle_exception + errors.exception_handler give for `exc`."""
    if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        exc.auth_header = auth_header  # 401, not 403: the API has a token scheme to announce
    parts = error_parts(exc)
    if parts is None:
        raise exc
    status, body, headers = parts
    set_rollback()
    response = json_response(body, status)
    for name, value in headers.items():
        response.headers[name] = value
    return response
