"""A numeric key for the title order, so that `sort=title` pages cost what numeric orders cost.

Why: tantivy sorts a text fast field by turning every collected term ordinal into its string (about
offset + limit look-ups per segment), so title pages got slower with depth (13x relevance at offset
5,000), and a cursor on a text key cannot be a range filter. A u64 cannot hold a title, and a plain
prefix of it does not tell titles apart: most titles are a law's title followed by a provision's
label, so at 10,000 records the first 32 bytes of 28,186 titles took only 3,620 distinct values (a
run of 4,201 equal prefixes).

So the key is coarse but never out of order: `key(a) <= key(b)` whenever title a sorts before
title b (byte order of the UTF-8 title, which is the order of `_sk_title`), and titles with the same
key are ordered by their exact text key (`_sk_title`), which tantivy then reads only inside that run.
The key is `(bucket << 48) | next six bytes`:

- `bucket`: the title's place among the boundaries of a `TitleTable`, sorted titles sampled from the
  corpus when the index is rebuilt (stored with the generation, `TABLE_FILE`);
- the next six bytes of the title after the prefix that every title of that bucket shares (the
  common prefix of the bucket's two boundaries), zero-padded.

Any table gives a correct order (a title added after the rebuild lands in its bucket like any other);
a good one keeps runs of equal keys short. An index never rebuilt has the empty table: one bucket, and
the key is the title's first six bytes.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable
from pathlib import Path

TABLE_FILE = "title-keys.json"
BUCKET_SHIFT = 48
SUFFIX_BYTES = 6
MAX_BOUNDARIES = (1 << (64 - BUCKET_SHIFT)) - 1  # the bucket number must fit above the suffix
MAX_BOUNDARY_BYTES = 96  # boundaries are cut to this (then deduplicated): memory, not correctness


def _common_prefix(a: bytes, b: bytes) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


class TitleTable:
    """Sorted, distinct boundary titles (UTF-8 bytes) and the shared prefix length of each bucket."""

    def __init__(self, boundaries: Iterable[bytes] = ()) -> None:
        # cut at a character boundary (a prefix of a boundary is as good a boundary)
        cut = sorted({b[:MAX_BOUNDARY_BYTES].decode(errors="ignore").encode() for b in boundaries if b})
        if len(cut) > MAX_BOUNDARIES:  # evenly spaced, so that buckets stay about equally full
            step = len(cut) / MAX_BOUNDARIES
            cut = [cut[int(i * step)] for i in range(MAX_BOUNDARIES)]
        self.boundaries: list[bytes] = cut
        # bucket i holds titles in [boundaries[i-1], boundaries[i]); the open-ended first and last
        # buckets share nothing
        self._shared = [0] + [_common_prefix(a, b) for a, b in zip(cut, cut[1:], strict=False)] + [0]

    @classmethod
    def from_titles(cls, titles: Iterable[str]) -> TitleTable:
        return cls(t.encode() for t in titles)

    def key(self, title: str) -> int:
        raw = title.encode()
        bucket = bisect.bisect_right(self.boundaries, raw)
        start = self._shared[bucket]
        suffix = raw[start : start + SUFFIX_BYTES].ljust(SUFFIX_BYTES, b"\0")
        return (bucket << BUCKET_SHIFT) | int.from_bytes(suffix, "big")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TitleTable) and other.boundaries == self.boundaries

    __hash__ = None  # type: ignore[assignment]

    # --- storage (one file per index generation) ------------------------------------------------
    def dumps(self) -> bytes:
        return json.dumps([b.decode() for b in self.boundaries], ensure_ascii=False).encode()

    @classmethod
    def load(cls, directory: Path) -> TitleTable:
        """The table stored in a generation directory; the empty table when there is none."""
        try:
            raw = (directory / TABLE_FILE).read_bytes()
        except FileNotFoundError:
            return cls()
        return cls(s.encode() for s in json.loads(raw))


EMPTY = TitleTable()
