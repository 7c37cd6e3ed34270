"""The API's own request limits, answered in its JSON error shape before anything else refuses them.

- **Query string**: at most `API_MAX_QUERY_STRING` characters (default 4,096, as sent: percent-encoded)
  is a `414` JSON error. The web server has its own, larger limit on the whole request line (the shipped
  gunicorn commands pass `--limit-request-line 8190`; gunicorn's default, 4,094, would answer its own HTML
  400 first), so every over-long query string it lets through gets the API's answer.
- **Body**: more than `DATA_UPLOAD_MAX_MEMORY_SIZE` bytes (Django's limit, 2.5 MB by default) is a `413`
  JSON error, decided from `Content-Length` before the body is read. A body that turns out too large while
  it is read (no or a wrong `Content-Length`) raises Django's `RequestDataTooBig`, which
  `errors.error_parts` maps to the same 413 (Django alone answers it with its HTML "Bad Request (400)").

Only paths under `/api/` are concerned; the web pages keep Django's behaviour.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

from .errors import body_too_large, error_body

API_PREFIX = "/api/"


def query_string_too_long(limit: int) -> str:
    return f"Query string too long: at most {limit} characters."


class ApiLimitsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(API_PREFIX):
            refusal = self.refusal(request)
            if refusal is not None:
                return refusal
        return self.get_response(request)

    @staticmethod
    def refusal(request: HttpRequest) -> JsonResponse | None:
        limit = settings.API_MAX_QUERY_STRING
        if len(request.META.get("QUERY_STRING", "")) > limit:
            return JsonResponse(error_body(414, query_string_too_long(limit)), status=414)
        body_limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return JsonResponse(error_body(400, "Invalid Content-Length header."), status=400)
        if body_limit is not None and length > body_limit:
            response = JsonResponse(error_body(413, body_too_large()), status=413)
            response["Connection"] = "close"  # the unread body is not worth keeping the connection for
            return response
        return None
