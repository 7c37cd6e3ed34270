"""Elasticsearch search response -> EngineResult. Pure functions over the documented response shape:

    {"hits": {"total": {"value": N, "relation": "eq"},
              "hits": [{"_id", "_score", "_source", "sort", "highlight": {field: [fragment, ...]}}]},
     "aggregations": {<facet>: {"doc_count": n, "values": {"buckets": [{"key", "doc_count"}]}}
                      | {<facet>: {"buckets": [...]}}}   (a facet without other active filters)

Why separate: canned responses in the golden tests exercise exactly this code without a server.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...query import SearchQuery
from ...results import EngineResult, Hit
from ...schema import ANALYZERS, analyzer_for
from .cjk import ZWSP
from .cursor import encode_cursor
from .mapping import body_field
from .queries import FACET_AGG, SNIPPET_FRAGMENTS, SearchPlan


def parse_search(response: Mapping[str, Any], query: SearchQuery, plan: SearchPlan) -> EngineResult:
    """Hits, exact total, facet counts and the cursor of the next page (None on the last page)."""
    hits_block = response.get("hits") or {}
    raw_hits = list(hits_block.get("hits") or [])
    total = _total(hits_block.get("total"))
    if plan.cursor_mode:
        # One hit more than a page was asked for: its presence is the "more results" signal.
        more = len(raw_hits) > plan.page_size
        raw_hits = raw_hits[: plan.page_size]
    else:
        more = plan.offset + len(raw_hits) < total
    next_cursor = encode_cursor(plan.sort_key, raw_hits[-1]["sort"]) if more and raw_hits else None
    return EngineResult(
        total=total,
        hits=[parse_hit(h, query.language) for h in raw_hits],
        facets=parse_facets(response.get("aggregations") or {}, query.facets),
        next_cursor=next_cursor,
    )


def empty_result(query: SearchQuery) -> EngineResult:
    """What a search answers before the first document is indexed (no alias yet)."""
    return EngineResult(total=0, hits=[], facets={name: {} for name in query.facets})


def _total(total: object) -> int:
    if isinstance(total, Mapping):  # {"value": n, "relation": "eq"} (track_total_hits: true)
        return int(total.get("value", 0))
    return int(total or 0)


def parse_hit(raw: Mapping[str, Any], language: str = "en") -> Hit:
    source = dict(raw.get("_source") or {})
    record_id = source.get("record_id")
    snippet_language, fragments = snippet_source(raw.get("highlight") or {}, language, source.get("language"))
    return Hit(
        id=raw.get("_id") or source.get("id", ""),
        type=source.get("type", ""),
        record_id=int(record_id) if record_id is not None else 0,
        url=source.get("url", ""),
        title=source.get("title", ""),
        score=raw.get("_score"),  # null when sorted by a field
        snippets=fragments,
        snippet_language=snippet_language,
        source=source,
    )


def snippets(highlight: Mapping[str, list[str]], language: str = "en", original: str | None = None) -> list[str]:
    """The fragments of snippet_source."""
    return snippet_source(highlight, language, original)[1]


def snippet_source(
    highlight: Mapping[str, list[str]], language: str = "en", original: str | None = None
) -> tuple[str, list[str]]:
    """(language of the body the fragments come from, fragments). Fragments of one body: the first, in
    order of preference, that has a match; else the opening of the first body (no_match_size).
    Preference: the reader's language, the document's original language, then schema order - the same
    order as the tantivy engine. One language only, so a hit never shows the same passage twice in two
    translations.
    """
    order = list(dict.fromkeys([analyzer_for(language), analyzer_for(original), *ANALYZERS]))
    bodies = [(key, [_clean(f) for f in highlight.get(body_field(key)) or []]) for key in order]
    for key, fragments in bodies:
        marked = [f for f in fragments if "<mark>" in f]  # encoder=html: document text cannot fake it
        if marked:
            return _body_language(key, original), marked[:SNIPPET_FRAGMENTS]
    for key, fragments in bodies:
        if fragments:
            return _body_language(key, original), fragments[:1]
    return "", []


def _body_language(key: str, original: str | None) -> str:
    """The language of one analyzer's body: the original's when it is analysed there, else the key itself
    (a document's texts are its original and an English translation); "std" names no language."""
    if original and analyzer_for(original) == key:
        return original
    return "" if key == "std" else key


def _clean(fragment: str) -> str:
    """One escaping for every server: OpenSearch's html encoder (Lucene's SimpleHTMLEncoder) also
    escapes "/" as &#x2F;, harmless in text, so it is put back. Chinese bodies carry invisible
    word-boundary marks (cjk.py) that are not part of a snippet."""
    return fragment.replace("&#x2F;", "/").replace(ZWSP, "")


def parse_facets(aggregations: Mapping[str, Any], names: tuple[str, ...]) -> dict[str, dict[str, int]]:
    """{facet: {value: count}} in bucket order; numeric keys as whole-number strings ("2016")."""
    facets: dict[str, dict[str, int]] = {}
    for name in names:
        block = aggregations.get(name) or {}
        buckets = (block.get(FACET_AGG) or block).get("buckets") or []  # filter > terms, or bare terms
        facets[name] = {facet_key(b["key"]): int(b["doc_count"]) for b in buckets}
    return facets


def facet_key(key: object) -> str:
    if isinstance(key, float) and key.is_integer():
        return str(int(key))
    return str(key)
