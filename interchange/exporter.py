"""Stream records as JSON Lines, with flat memory whatever the number of records.

Records are read in keyset pages ordered by external_id (`external_id > last` LIMIT n) rather than with
one long `.iterator()` cursor: each page's provisions, tags, people and charges are then fetched with one
query per table for the whole page (see jsonl_format), the same code works on SQLite and PostgreSQL
without a server-side cursor held open for minutes, and the output order does not depend on insertion
order, so export -> import into an empty database -> export gives byte-identical files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from django.db.models import QuerySet

from interchange import treaty_status
from interchange.codes import Codes
from interchange.jsonl_format import MODELS, RECORD_TYPES, dumps, language_line, serialise
from taxonomy.models import Language

DEFAULT_CHUNK_SIZE = 500
# Every line type an export can hold: the record families, then the treaty statuses (public reference facts
# with no workflow, written whether or not the export is published-only; see interchange/treaty_status.py).
EXPORT_TYPES = (*RECORD_TYPES, treaty_status.TREATY)


def _queryset(kind: str, published_only: bool) -> QuerySet:
    qs = MODELS[kind].objects.originals()  # pending revisions are working copies, not records
    return qs.published() if published_only else qs


def count_records(types: Iterable[str] = EXPORT_TYPES, *, published_only: bool = False) -> int:
    """How many records an export with these filters will write (for progress bars)."""
    return sum(
        treaty_status.count() if kind == treaty_status.TREATY else _queryset(kind, published_only).count()
        for kind in types
    )


def iter_language_lines() -> Iterator[dict[str, Any]]:
    """Languages added beyond the six shipped UN languages: written first so the import knows them."""
    for lang in Language.objects.filter(is_un_official=False).order_by("code"):
        yield language_line(lang.code, lang.label, lang.rtl)


def iter_records(
    types: Iterable[str] = EXPORT_TYPES,
    *,
    published_only: bool = False,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> Iterator[dict[str, Any]]:
    """Format objects, type by type (in the order given), each type ordered by external_id (treaty statuses by
    country and instrument)."""
    codes = Codes.load()
    for kind in types:
        if kind == treaty_status.TREATY:
            yield from treaty_status.iter_lines(chunk_size)
            continue
        qs = _queryset(kind, published_only).order_by("external_id")
        last: str | None = None
        while True:
            page = list((qs.filter(external_id__gt=last) if last is not None else qs)[:chunk_size])
            if not page:
                break
            yield from serialise(kind, page, codes)
            last = page[-1].external_id


def export_records(
    stream: TextIO,
    types: Iterable[str] = EXPORT_TYPES,
    *,
    published_only: bool = False,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: Callable[[int], None] | None = None,
) -> Counter:
    """Write language lines then records to `stream`, one per line; returns counts per type.

    `progress(n)` is called after each record with n=1 (cheap enough next to the JSON encoding).
    """
    counts: Counter = Counter()
    for line in iter_language_lines():
        stream.write(dumps(line) + "\n")
        counts[line["type"]] += 1
    types = [t for t in EXPORT_TYPES if t in set(types)]
    for record in iter_records(types, published_only=published_only, chunk_size=chunk_size):
        stream.write(dumps(record) + "\n")
        counts[record["type"]] += 1
        if progress:
            progress(1)
    return counts
