"""One JSON error shape for every API failure.

    {"status": 400, "detail": "Invalid request parameters.", "errors": {"country": ["Unknown code: XYZ."]}}

`errors` maps each offending parameter (or field) to its messages and is `{}` for errors that are not
about a parameter (404, 401, 429...). Clients can rely on the three keys always being present.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from sherloc.exceptions import InvalidParameter, ServiceUnavailable

NON_FIELD = "non_field_errors"


def error_body(status_code: int, detail: str, errors: Mapping[str, list[str]] | None = None) -> dict[str, Any]:
    return {"status": status_code, "detail": detail, "errors": dict(errors or {})}


def flatten_errors(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF/Django error details (nested dicts and lists) -> {"param": ["message", ...]}."""
    out: dict[str, list[str]] = {}
    if isinstance(detail, Mapping):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            for k, v in flatten_errors(value, name).items():
                out.setdefault(k, []).extend(v)
    elif isinstance(detail, list | tuple):
        for item in detail:
            for k, v in flatten_errors(item, prefix).items():
                out.setdefault(k, []).extend(v)
    else:
        out.setdefault(prefix or NON_FIELD, []).append(str(detail))
    return out


def body_too_large() -> str:
    return f"Request body too large: at most {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes."


def _as_api_exception(exc: Exception) -> exceptions.APIException | None:
    if isinstance(exc, exceptions.APIException):
        return exc
    if isinstance(exc, RequestDataTooBig):  # a SuspiciousOperation: Django alone would answer its HTML 400
        too_large = exceptions.APIException(body_too_large())
        too_large.status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
        return too_large
    if isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        return exceptions.ParseError(str(exc) or "Too many fields in the request body.")
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, InvalidParameter):
        return exceptions.ValidationError({exc.param: [exc.message]})
    if isinstance(exc, ServiceUnavailable):
        unavailable = exceptions.APIException("Search is temporarily unavailable; try again shortly.")
        unavailable.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        unavailable.wait = 30
        return unavailable
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
    return None


def error_parts(exc: Exception) -> tuple[int, dict[str, Any], dict[str, str]] | None:
    """(status, body, headers) of the error response for `exc`, or None for an unexpected error (a 500)."""
    api_exc = _as_api_exception(exc)
    if api_exc is None:
        return None
    headers: dict[str, str] = {}
    if getattr(api_exc, "auth_header", None):
        headers["WWW-Authenticate"] = api_exc.auth_header
    wait = getattr(api_exc, "wait", None)
    if isinstance(api_exc, exceptions.Throttled) or api_exc.status_code == status.HTTP_503_SERVICE_UNAVAILABLE:
        headers["Retry-After"] = str(max(1, math.ceil(wait or 1)))
    if isinstance(api_exc, exceptions.ValidationError):
        errors = flatten_errors(api_exc.detail)
        body = error_body(api_exc.status_code, "Invalid request parameters.", errors)
    else:
        detail = api_exc.detail if isinstance(api_exc.detail, str) else str(api_exc.detail)
        body = error_body(api_exc.status_code, detail)
    return api_exc.status_code, body, headers


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF EXCEPTION_HANDLER: every handled error in the shape above; anything else stays a 500."""
    parts = error_parts(exc)
    if parts is None:
        return None
    status_code, body, headers = parts
    set_rollback()
    return Response(body, status=status_code, headers=headers)


def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """Catch-all for /api/v1/<anything unknown>: a JSON 404 instead of the HTML page."""
    return JsonResponse(error_body(status.HTTP_404_NOT_FOUND, "Not found."), status=status.HTTP_404_NOT_FOUND)
