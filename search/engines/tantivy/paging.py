"""Pages and cursors over tantivy's native orders.

Two kinds of order:

- Field orders (newest, oldest, title, and relevance without text = id order) sort natively on one
  fast field whose values are unique (sort key + id, see fields.py), so the order is total and
  does not depend on segments. A cursor holds the last key and its position. With a numeric key
  (every order but title, see fields.NUMERIC_SORT_KEYS) the next page is the first `limit` documents
  whose key is greater than the cursor's (a range filter: the cost does not grow with depth). With a
  text key the next page is read at the position; if the key found just before it is not the
  cursor's key (the index changed in between), the position of the key is found again by binary
  search over positions. Either way the page holds exactly the documents whose key follows the
  cursor's key.

- Relevance with text: tantivy orders by score, then by its internal doc address, which changes when
  segments merge. Scores do not change, so only runs of equal scores need reordering: we read a
  window of native positions from the start of the run holding the page's first hit to the end of
  the run holding its last (runs in between are not widened into), and sort that window by
  (score desc, uid asc). The cursor holds (score, uid) of the last hit and its position.

- Title order: a text key (`_sk_title`) with a coarse numeric key beside it (`_nk_title`, never out
  of order, see titlekeys.py). The numeric order finds the key at the page's first position; the
  matches with a smaller key are only counted, and the page is read in text order among the matches
  whose key is at least that one, at the offset inside its run of equal keys. A cursor page does the
  same from the cursor's key. Tantivy turns collected ordinals into strings only within that run.

Tantivy's top-k collector visits every match anyway, so reading at an offset with a score or
numeric order costs about what the first page costs; only the page (and its edge tie runs) crosses
into Python. A text sort key alone is the exception: tantivy turns each of the offset + limit
collected ordinals into its string, so deep pages on it cost more (hence the coarse title key).
"""

import base64
import binascii
import bisect
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
    key: str | int | tuple[float, int]
    score: float | None = None


@dataclass
class Page:
    hits: list[PageHit]
    end: int  # native position just after the last hit: the next cursor's hint
    total: int  # number of matches (counted by the page's first search when not given)


# --- cursors --------------------------------------------------------------------------------------
def encode_cursor(sort: str, ranked: bool, position: int, key: str | int | tuple[float, int]) -> str:
    payload = {"v": CURSOR_VERSION, "s": sort, "r": ranked, "n": position, "k": list(key) if ranked else key}
    raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str, sort: str, ranked: bool) -> tuple[int, str | int | tuple[float, int]]:
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
    if not isinstance(key, (str, int)) or isinstance(key, bool):
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


def numeric_after(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    query: tantivy.Query,
    field: str,
    key: int,
    limit: int,
    total: int,
) -> Page:
    """The `limit` documents whose numeric sort key is greater than `key`: a range filter, no offset."""
    following = tantivy.Query.range_query(schema, field, tantivy.FieldType.Unsigned, key, None, include_lower=False)
    rest = tantivy.Query.boolean_query([(tantivy.Occur.Must, query), (tantivy.Occur.Must, following)])
    result = _field_search(searcher, rest, field, 0, limit, count=True)
    hits = [PageHit(address, k) for k, address in result.hits]
    return Page(hits, max(0, total - result.count) + len(hits), total)


def field_after(
    searcher: tantivy.Searcher, query: tantivy.Query, field: str, key: str, hint: int, limit: int, total: int
) -> Page:
    """The `limit` documents whose (text) sort key follows `key`."""
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


def _key_range(
    schema: tantivy.Schema, query: tantivy.Query, field: str, lower: int, upper: int | None = None
) -> tantivy.Query:
    """`query` narrowed to documents whose numeric `field` is in [lower, upper] (None: no bound)."""
    if lower == 0 and upper is None:
        return query
    within = tantivy.Query.range_query(
        schema, field, tantivy.FieldType.Unsigned, lower, upper, include_lower=True, include_upper=True
    )
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, query), (tantivy.Occur.Must, within)])


def coarse_page(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    query: tantivy.Query,
    coarse: str,
    field: str,
    offset: int,
    limit: int,
) -> Page:
    """An offset page in `field` (text) order, located through `coarse`, a numeric key along it: the
    page's documents are among those whose coarse key lies between the first and the last of the
    page's positions in coarse order, after the matches with a smaller key (only counted)."""
    keys = searcher.search(query, limit=limit, offset=offset, count=True, order_by_field=coarse, order=_ASC)
    total = keys.count
    if not keys.hits:
        return Page([], offset, total)
    lowest, highest = keys.hits[0][0], keys.hits[-1][0]
    before = 0
    if lowest > 0:
        from_lowest = _key_range(schema, query, coarse, lowest)
        before = total - searcher.search(from_lowest, limit=1, count=True).count
    span = _key_range(schema, query, coarse, lowest, highest)
    hits = _field_search(searcher, span, field, offset - before, limit).hits
    return Page([PageHit(address, k) for k, address in hits], offset + len(hits), total)


def coarse_after(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    query: tantivy.Query,
    coarse: str,
    coarse_key: int,
    field: str,
    key: str,
    hint: int,
    limit: int,
    total: int,
) -> Page:
    """The `limit` documents whose text key follows `key` (whose coarse key is `coarse_key`)."""
    rest = _key_range(schema, query, coarse, coarse_key)
    before = total - searcher.search(rest, limit=1, count=True).count if rest is not query else 0
    page = field_after(searcher, rest, field, key, hint - before, limit, total - before)
    return Page(page.hits, page.end + before, total)


# --- relevance ------------------------------------------------------------------------------------
@dataclass
class _Window:
    start: int  # native position of the first entry
    entries: list[tuple[float, int, tantivy.DocAddress]]  # (-score, uid, address), sorted
    before: float | None  # score just before the window (None at the top)
    complete_tail: bool  # the window reaches the last match

    def hits(self, i: int, j: int) -> list[PageHit]:
        return [PageHit(address, (-neg, uid), -neg) for neg, uid, address in self.entries[i:j]]


def _negated(score: float) -> float:
    return -score


def _window(
    searcher: tantivy.Searcher, query: tantivy.Query, lo: int, hi: int, total: int | None
) -> tuple[_Window, int]:
    """Native positions [a, b) ⊇ [lo, hi) such that no run of equal scores crosses a or b.

    a is the first position of the score at `lo`, b the position just after the last one of the
    score at `hi - 1`: only the runs at the edges are read whole, however long the runs between
    them are. The read is widened (geometrically) only while its first or last score still belongs
    to an edge run. With `total` None the first search also counts the matches; (window, total)
    is returned.
    """
    lo, hi = max(0, lo), max(0, hi)
    if total is not None:
        lo, hi = min(lo, total), min(hi, total)
    first = max(lo - 1, 0)
    end = hi + 1
    back = fwd = max(64, 2 * (hi - lo))
    while True:
        if total is not None:
            end = min(end, total)
        result = searcher.search(query, limit=max(end - first, 1), offset=first, count=total is None)
        if total is None:
            total = result.count
            lo, hi = min(lo, total), min(hi, total)
        hits = result.hits
        scores = [score for score, _ in hits]  # scores[i] is native position first + i
        last = first + len(hits)
        hi = min(hi, last)
        if lo >= hi:
            before = scores[lo - 1 - first] if first < lo <= last else None
            return _Window(lo, [], before, lo >= total), total
        top, bottom = scores[lo - first], scores[hi - 1 - first]
        need_back = first > 0 and scores[0] == top
        exhausted = len(hits) < end - first  # fewer hits than asked for: nothing follows
        need_fwd = last < total and not exhausted and scores[-1] == bottom
        if not (need_back or need_fwd):
            break
        if need_back:
            first = max(0, first - back)
            back *= 4
        if need_fwd:
            end = last + fwd
            fwd *= 4
    # scores are non-increasing: bisect on the negated scores
    a = bisect.bisect_left(scores, -top, key=_negated)
    b = bisect.bisect_right(scores, -bottom, key=_negated)
    inner = hits[a:b]
    uids = searcher.fast_field_values(UID, [address for _, address in inner]) if inner else []
    entries = _sort_entries(inner, uids)
    before = scores[a - 1] if a > 0 else None
    return _Window(first + a, entries, before, first + b >= total), total


def _sort_entries(inner: list, uids: list) -> list[tuple[float, int, tantivy.DocAddress]]:
    """(-score, uid, address) sorted by (score desc, uid asc); addresses never take part in the order."""
    keyed = sorted(((-score, uid or 0, i) for i, ((score, _), uid) in enumerate(zip(inner, uids, strict=True))))
    return [(neg, uid, inner[i][1]) for neg, uid, i in keyed]


def ranked_page(searcher: tantivy.Searcher, query: tantivy.Query, offset: int, limit: int) -> Page:
    window, total = _window(searcher, query, offset, offset + limit, None)
    hits = window.hits(offset - window.start, offset - window.start + limit)
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
        skipped = bisect.bisect_right(entries, after_key, key=lambda e: (e[0], e[1]))
        following = len(entries) - skipped
        if following >= limit or window.complete_tail:
            hits = window.hits(skipped, skipped + limit)
            return Page(hits, window.start + skipped + len(hits), total)
        hi = window.start + len(entries) + step
        step *= 2
