"""Two ways through a record list, one response shape.

- Browsing (default): `?page=N&page_size=M`, M at most 100, depth at most settings.SEARCH_MAX_DEPTH
  records; a page past the end or too deep is a 400 naming `page` (a 404 would read as "no such
  endpoint").
- Sync: `?pagination=cursor` (or a non-empty `?cursor=`), ordered by (updated_at, id) with a keyset cursor, so
  a client can walk 100,000 records at constant cost per page and resume an incremental sync with
  `updated_since`. Records changed during the walk move to the end and are seen again: correct for a
  mirror. Keyset, not DRF's offset-backed CursorPagination, because bulk imports create many rows with
  near-identical timestamps.

Response: {count, page, page_size, next, previous, results}; `page` and `previous` are null when
walking with a cursor.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import math
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.dateparse import parse_datetime
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.utils.urls import remove_query_param, replace_query_param
from rest_framework.views import APIView

PAGE, PAGE_SIZE, CURSOR, MODE = "page", "page_size", "cursor", "pagination"
MODES = ("page", "cursor")
PARAMS: tuple[str, ...] = (PAGE, PAGE_SIZE, CURSOR, MODE)


def parse_positive_int(request: Request, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValidationError({name: ["Must be a whole number."]}) from None
    if value < 1:
        raise ValidationError({name: ["Must be 1 or more."]})
    if maximum is not None and value > maximum:
        raise ValidationError({name: [f"Must be at most {maximum}."]})
    return value


def encode_cursor(value: dt.datetime, pk: int) -> str:
    raw = json.dumps([value.isoformat(), pk], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str) -> tuple[dt.datetime, int]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        stamp, pk = json.loads(raw)
        when = parse_datetime(stamp)
        if when is None or when.tzinfo is None or not isinstance(pk, int) or not 0 <= pk < 2**63:
            raise ValueError
        return when, pk
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError, OverflowError):
        raise ValidationError({CURSOR: ["Invalid cursor: use the `next` link of the previous page."]}) from None


class RecordPagination(BasePagination):
    default_page_size = api_settings.PAGE_SIZE or 20

    @property
    def max_page_size(self) -> int:
        return settings.SEARCH_MAX_PAGE_SIZE

    @property
    def max_depth(self) -> int:
        return settings.SEARCH_MAX_DEPTH

    # -- paginating --------------------------------------------------------------------------------

    def paginate_queryset(self, queryset: QuerySet, request: Request, view: APIView | None = None) -> list:
        self.request = request
        params = request.query_params
        # An empty value is an absent one (`?cursor=&page=2` is page 2), as for every filter.
        has_cursor = bool(params.get(CURSOR, "").strip())
        mode = params.get(MODE, "").strip() or ("cursor" if has_cursor else "page")
        if mode not in MODES:
            raise ValidationError({MODE: [f"Must be one of: {', '.join(MODES)}."]})
        self.page_size = parse_positive_int(request, PAGE_SIZE, self.default_page_size, self.max_page_size)
        stats = getattr(view, "list_stats", None)
        self.count = stats.count if stats is not None else None
        if mode == "cursor":
            return self._cursor_page(queryset, request, getattr(view, "sync_order_field", "updated_at"))
        if has_cursor:
            raise ValidationError({CURSOR: ["Only used with pagination=cursor."]})
        return self._numbered_page(queryset, request)

    def _numbered_page(self, queryset: QuerySet, request: Request) -> list:
        self.cursor_mode = False
        self.page = parse_positive_int(request, PAGE, 1)
        if self.page * self.page_size > self.max_depth:
            raise ValidationError(
                {PAGE: [f"Pages reach at most {self.max_depth} records deep; walk further with pagination=cursor."]}
            )
        if self.count is None:
            self.count = queryset.count()
        last_page = max(1, math.ceil(self.count / self.page_size))
        if self.page > last_page:
            raise ValidationError({PAGE: [f"Page {self.page} is past the last page ({last_page})."]})
        offset = (self.page - 1) * self.page_size
        self.has_next = offset + self.page_size < self.count
        return list(queryset[offset : offset + self.page_size])

    def _cursor_page(self, queryset: QuerySet, request: Request, field: str) -> list:
        self.cursor_mode = True
        self.page = None
        if PAGE in request.query_params:
            raise ValidationError({PAGE: ["Not used with pagination=cursor; follow `next`."]})
        token = request.query_params.get(CURSOR)
        if token:
            when, pk = decode_cursor(token)
            queryset = queryset.filter(Q(**{f"{field}__gt": when}) | Q(**{field: when, "pk__gt": pk}))
        rows = list(queryset.order_by(field, "pk")[: self.page_size + 1])
        self.has_next = len(rows) > self.page_size
        rows = rows[: self.page_size]
        self.next_cursor = None
        if self.has_next:
            last = rows[-1]
            value = last
            for part in field.split("__"):
                value = getattr(value, part)
            self.next_cursor = encode_cursor(value, last.pk)
        if self.count is None:
            self.count = queryset.count() if not token else None
        return rows

    # -- links and response -----------------------------------------------------------------------

    def get_next_link(self) -> str | None:
        if not self.has_next:
            return None
        url = self.request.build_absolute_uri()
        if self.cursor_mode:
            return replace_query_param(replace_query_param(url, CURSOR, self.next_cursor), MODE, "cursor")
        return replace_query_param(url, PAGE, self.page + 1)

    def get_previous_link(self) -> str | None:
        if self.cursor_mode or self.page is None or self.page <= 1:
            return None
        url = self.request.build_absolute_uri()
        return remove_query_param(url, PAGE) if self.page == 2 else replace_query_param(url, PAGE, self.page - 1)

    def get_paginated_response(self, data: Sequence[Any]) -> Response:
        return Response(
            {
                "count": self.count,
                "page": self.page,
                "page_size": self.page_size,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    # -- OpenAPI ------------------------------------------------------------------------------------

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "type": "object",
            "required": ["count", "page", "page_size", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "nullable": True, "description": "Records matching the filters."},
                "page": {"type": "integer", "nullable": True, "description": "Page number; null with a cursor."},
                "page_size": {"type": "integer"},
                "next": {"type": "string", "format": "uri", "nullable": True},
                "previous": {"type": "string", "format": "uri", "nullable": True},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view: APIView) -> list[dict]:
        def param(name: str, schema: dict, description: str) -> dict:
            return {"name": name, "required": False, "in": "query", "description": description, "schema": schema}

        return [
            param(PAGE, {"type": "integer", "minimum": 1}, "Page number (browsing mode)."),
            param(
                PAGE_SIZE,
                {"type": "integer", "minimum": 1, "maximum": settings.SEARCH_MAX_PAGE_SIZE},
                f"Results per page (default {self.default_page_size}).",
            ),
            param(
                MODE,
                {"type": "string", "enum": list(MODES)},
                "`cursor` walks every matching record ordered by (updated_at, id): use it to sync.",
            ),
            param(CURSOR, {"type": "string"}, "Opaque position from a previous page's `next` link."),
        ]
