"""Opaque cursors: the sort values of the last hit (search_after), base64url-encoded JSON.

Why opaque: callers must not build or edit them; the encoding can change without an API change. The
sort mode travels with the values so a cursor from one sort order is refused under another, rather
than silently resuming at a meaningless position.
"""

from __future__ import annotations

import base64
import binascii
import json

from ...query import QueryError

MAX_CURSOR_LENGTH = 2048  # a real cursor is < 200 characters; refuse anything absurd before decoding


def encode_cursor(sort_key: str, values: list) -> str:
    """`sort_key`: the order the values belong to (queries.SORTS key: a Sort value, or "id")."""
    raw = json.dumps({"s": str(sort_key), "a": values}, separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort_key: str, length: int) -> list:
    """The search_after values; QueryError("cursor", ...) for anything this engine did not issue."""
    if not cursor or len(cursor) > MAX_CURSOR_LENGTH:
        raise QueryError("cursor", "is not a valid cursor")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
    except (binascii.Error, ValueError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise QueryError("cursor", "is not a valid cursor") from None
    if not isinstance(data, dict) or not isinstance(data.get("a"), list):
        raise QueryError("cursor", "is not a valid cursor")
    if data.get("s") != str(sort_key):
        raise QueryError("cursor", "belongs to a query with another sort or text")
    values = data["a"]
    if len(values) != length or not all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in values):
        raise QueryError("cursor", "is not a valid cursor")
    return values
