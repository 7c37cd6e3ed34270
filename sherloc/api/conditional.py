"""ETag / Last-Modified validators and conditional GET (304 Not Modified).

Records: the validator is the record's `updated_at` (search.signals bumps it whenever a provision,
person, charge or tag of the record changes). Lists: the filtered queryset's count and max(updated_at)
plus the exact query string; publishing, unpublishing, editing or deleting a matching record changes
one of the two. Both are mixed with everything else the body depends on: label language, whether
contact details are visible, and API_REPRESENTATION_VERSION (bump it when serializers change shape).
Vocabulary responses have no timestamps, so their ETag is a hash of the rendered body.

Validators are computed before serialisation so a 304 costs one aggregate query.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Max, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

API_REPRESENTATION_VERSION = "1"


@dataclass(frozen=True)
class Validators:
    etag: str  # quoted, e.g. '"3f2a..."'
    last_modified: dt.datetime | None = None

    @property
    def last_modified_ts(self) -> int | None:
        return int(self.last_modified.timestamp()) if self.last_modified else None


def make_etag(*parts: object) -> str:
    digest = hashlib.blake2b("\x1f".join(str(p) for p in (API_REPRESENTATION_VERSION, *parts)).encode(), digest_size=16)
    return quote_etag(digest.hexdigest())


def for_record(updated_at: dt.datetime, *context: object) -> Validators:
    return Validators(make_etag("record", updated_at.isoformat(), *context), updated_at)


@dataclass(frozen=True)
class ListStats:
    count: int
    last_modified: dt.datetime | None


def list_stats(queryset: QuerySet, updated_field: str) -> ListStats:
    """Count and newest change of a filtered queryset in one query (ordering dropped: not needed)."""
    row = queryset.order_by().aggregate(n=Count("pk"), last=Max(updated_field))
    return ListStats(row["n"], row["last"])


def for_list(stats: ListStats, query_items: Iterable[tuple[str, str]], *context: object) -> Validators:
    last = stats.last_modified.isoformat() if stats.last_modified else "-"
    query = "&".join(f"{k}={v}" for k, v in sorted(query_items))
    return Validators(make_etag("list", stats.count, last, query, *context), stats.last_modified)


def for_content(content: bytes) -> Validators:
    return Validators(quote_etag(hashlib.blake2b(content, digest_size=16).hexdigest()))


def not_modified(request: HttpRequest, validators: Validators) -> HttpResponse | None:
    """304 (or 412 for a failed If-Match) when the client's copy is current, else None."""
    response = get_conditional_response(
        request, etag=validators.etag, last_modified=validators.last_modified_ts, response=None
    )
    if response is not None:
        apply(response, validators)
    return response


def apply(response: HttpResponseBase, validators: Validators) -> None:
    response["ETag"] = validators.etag
    if validators.last_modified is not None:
        response["Last-Modified"] = http_date(validators.last_modified_ts)
