"""Pages and cursors over tantivy's native orders.

Two kinds of order:

- Field orders (newest, oldest, title, and relevance without text = id order) sort natively on one
  raw fast field whose values are unique (sort key + id, see fields.py), so the order is total and
  does not depend on segments. A cursor holds the last key and its position. The next page is read
  at that position; if the key found just before it is not the cursor's key (the index changed in
  between), the position of the key is found again by binary search over positions. Either way the
  page holds exactly the documents whose key follows the cursor's key.

- Relevance with text: tantivy orders by score, then by its internal doc address, which changes when
  segments merge. Scores do not change, so only runs of equal scores need reordering: we read a
  window of native positions widened until it starts and ends on a change of score, and sort that
  window by (score desc, uid asc). The cursor holds (score, uid) of the last hit and its position.

Tantivy's top-k collector visits every match anyway, so reading at an offset costs about what the
first page costs; only the page (and a tie run) crosses into Python.
"""

import base64
import binascii
import json
from dataclasses import dataclass

import tantivy

from ...query import QueryError
from .fields import UID

_ASC = tantivy.Order.Asc
CURSOR_VERSION = 1


@dataclass
class PageHit:
    address: tantivy.DocAddress
    key: str | tuple[float, int]
    score: float | None = None


@dataclass
class Page:
    hits: list[PageHit]
    end: int  # native position just after the last hit: the next cursor's hint
    total: int  # number of matches (counted by the page's first search when not given)


# --- cursors --------------------------------------------------------------------------------------
def encode_cursor(sort: str, ranked: bool, position: int, key: str | tuple[float, int]) -> str:
    payload = {"v": CURSOR_VERSION, "s": sort, "r": ranked, "n": position, "k": list(key) if ranked else key}
    raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str, sort: str, ranked: bool) -> tuple[int, str | tuple[float, int]]:
    """(position hint, key) from a cursor; QueryError('cursor') if it is not one of ours for this query."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        data = json.loads(raw)
    except (ValueError, binascii.Error, UnicodeDecodeError, TypeError):
        raise QueryError("cursor", "is not a valid cursor") from None
    if not isinstance(data, dict) or data.get("v") != CURSOR_VERSION:
        raise QueryError("cursor", "is not a valid cursor")
    position, key = data.get("n"), data.get("k")
    if not isinstance(position, int) or isinstance(position, bool) or position < 0:
        raise QueryError("cursor", "is not a valid cursor")
    if data.get("s") != sort or data.get("r") is not ranked:
        raise QueryError("cursor", "belongs to a query with another sort or text")
    if ranked:
        ok = (
            isinstance(key, list)
            and len(key) == 2
            and isinstance(key[0], (int, float))
            and isinstance(key[1], int)
            and not isinstance(key[1], bool)
        )
        if not ok:
            raise QueryError("cursor", "is not a valid cursor")
        return position, (float(key[0]), key[1])
    if not isinstance(key, str):
        raise QueryError("cursor", "is not a valid cursor")
    return position, key


# --- field orders ---------------------------------------------------------------------------------
def _field_search(
    searcher: tantivy.Searcher, query: tantivy.Query, field: str, offset: int, limit: int, count: bool = False
) -> tantivy.SearchResult:
    return searcher.search(query, limit=limit, offset=offset, count=count, order_by_field=field, order=_ASC)


def field_page(searcher: tantivy.Searcher, query: tantivy.Query, field: str, offset: int, limit: int) -> Page:
    result = _field_search(searcher, query, field, offset, limit, count=True)
    hits = [PageHit(address, key) for key, address in result.hits]
    return Page(hits, offset + len(hits), result.count)


def field_after(
    searcher: tantivy.Searcher, query: tantivy.Query, field: str, key: str, hint: int, limit: int, total: int
) -> Page:
    """The `limit` documents whose sort key follows `key`."""
    if 0 < hint <= total:
        hits = _field_search(searcher, query, field, hint - 1, limit + 1).hits
        if hits and hits[0][0] == key:
            return Page([PageHit(a, k) for k, a in hits[1:]], hint + len(hits) - 1, total)
    lo, hi = 0, total  # first position whose key is greater than `key`
    while lo < hi:
        mid = (lo + hi) // 2
        probe = _field_search(searcher, query, field, mid, 1).hits
        if probe and probe[0][0] <= key:
            lo = mid + 1
        else:
            hi = mid
    hits = [PageHit(address, k) for k, address in _field_search(searcher, query, field, lo, limit).hits]
    return Page(hits, lo + len(hits), total)


# --- relevance ------------------------------------------------------------------------------------
@dataclass
class _Window:
    start: int  # native position of the first entry
    entries: list[PageHit]  # sorted by (score desc, uid asc)
    before: float | None  # score just before the window (None at the top)
    complete_tail: bool  # the window reaches the last match


def _window(
    searcher: tantivy.Searcher, query: tantivy.Query, lo: int, hi: int, total: int | None
) -> tuple[_Window, int]:
    """Native positions [a, b) ⊇ [lo, hi) such that no run of equal scores crosses a or b.

    With `total` None the first search also counts the matches; (window, total) is returned.
    """
    a, b = max(0, lo), max(0, hi)
    step = max(64, 2 * (hi - lo))
    while True:
        if total is not None:
            a, b = min(a, total), min(b, total)
        first = max(a - 1, 0)
        end = b + 1 if total is None else min(b + 1, total)
        result = searcher.search(query, limit=max(end - first, 1), offset=first, count=total is None)
        if total is None:
            total = result.count
            if a > total:  # asked past the end: clip, then fetch again
                continue
        hits = result.hits
        scores = [score for score, _ in hits]  # scores[i] is native position first + i
        last = first + len(hits)
        b = min(b, last)
        widen_back = 0 < a < last and scores[a - 1 - first] == scores[a - first]
        widen_fwd = 0 < b < last and scores[b - 1 - first] == scores[b - first]
        if not (widen_back or widen_fwd):
            break
        if widen_back:
            a = max(0, a - step)
        if widen_fwd:
            b = min(total, b + step)
        step *= 4
    inner = hits[a - first : b - first]
    uids = searcher.fast_field_values(UID, [address for _, address in inner]) if inner else []
    ordered = sorted(zip(scores[a - first : b - first], uids, range(len(inner)), strict=True), key=_rank)
    entries = [PageHit(inner[i][1], (score, uid or 0), score) for score, uid, i in ordered]
    before = scores[a - 1 - first] if a > 0 else None
    return _Window(a, entries, before, b >= total or b >= last), total


def _rank(entry: tuple[float, int | None, int]) -> tuple[float, int]:
    return (-entry[0], entry[1] or 0)


def ranked_page(searcher: tantivy.Searcher, query: tantivy.Query, offset: int, limit: int) -> Page:
    window, total = _window(searcher, query, offset, offset + limit, None)
    hits = window.entries[offset - window.start : offset - window.start + limit]
    return Page(hits, offset + len(hits), total)


def ranked_after(
    searcher: tantivy.Searcher,
    query: tantivy.Query,
    key: tuple[float, int],
    hint: int,
    limit: int,
    total: int,
) -> Page:
    """The `limit` hits that follow (score, uid) `key` in (score desc, uid asc) order."""
    after_key = (-key[0], key[1])
    lo, hi = min(hint, total), min(hint, total) + limit
    step = max(16, limit)
    while True:
        window, _ = _window(searcher, query, lo, hi, total)
        if window.before is not None and key[0] >= window.before:
            lo = max(0, window.start - step)  # hits before the window may follow the key
            step *= 2
            continue
        entries = window.entries
        skipped = 0
        while skipped < len(entries) and (-entries[skipped].key[0], entries[skipped].key[1]) <= after_key:
            skipped += 1
        following = entries[skipped:]
        if len(following) >= limit or window.complete_tail:
            hits = following[:limit]
            return Page(hits, window.start + skipped + len(hits), total)
        hi = window.start + len(entries) + step
        step *= 2
