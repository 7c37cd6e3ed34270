"""Relevance paging in the tantivy engine when long runs of equal scores sit between and at page edges.

Documents with the same text get the same BM25 score, so a query matches a few long runs of equal
scores. The order must still be (score desc, id asc) at every offset and along a cursor walk, however
the documents are spread over segments (they are written in shuffled order, in several commits).
"""

import random

import pytest

from search.engines.tantivy.engine import TantivyEngine
from search.query import SearchQuery, Sort

# (body, number of documents): three runs of equal scores, each longer than a page
RUNS = (
    ("zebra", 70),
    ("zebra crossing", 160),
    ("zebra crossing over the wide river bank", 110),
)


def _doc(pk: int, body: str) -> dict:
    return {
        "id": f"case:{pk}",
        "type": "case",
        "record_id": pk,
        "version": "v1",
        "url": f"/case/{pk}/",
        "title": "Twin",
        "texts": {"en": {"title": "Twin", "body": body}},
        "language": "en",
        "country": "KEN",
    }


@pytest.fixture
def engine(tmp_path):  # noqa: ANN001, ANN201
    built = TantivyEngine(tmp_path / "paging-index")
    docs = [_doc(pk, body) for pk, body in enumerate((b for b, n in RUNS for _ in range(n)), start=1)]
    random.Random(7).shuffle(docs)
    for start in range(0, len(docs), 60):  # several commits: several segments
        built.upsert(docs[start : start + 60])
    try:
        yield built
    finally:
        built.close()


def _expected(engine: TantivyEngine) -> list[str]:
    everything = []
    page = 1
    while True:
        hits = engine.search(SearchQuery(text="zebra", page=page, page_size=100, facets=())).hits
        everything += hits
        if len(hits) < 100:
            break
        page += 1
    assert len({h.score for h in everything}) == len(RUNS)
    ordered = sorted(everything, key=lambda h: (-h.score, int(h.id.split(":")[1])))
    return [h.id for h in ordered]


def test_offset_pages_follow_score_then_id(engine: TantivyEngine) -> None:
    expected = _expected(engine)
    assert len(expected) == sum(n for _, n in RUNS)
    for size in (7, 20):
        seen = []
        for page in range(1, len(expected) // size + 2):
            result = engine.search(SearchQuery(text="zebra", page=page, page_size=size, facets=()))
            assert result.total == len(expected)
            seen += [h.id for h in result.hits]
        assert seen == expected


def test_cursor_walk_through_long_runs(engine: TantivyEngine) -> None:
    expected = _expected(engine)
    result = engine.search(SearchQuery(text="zebra", page_size=9, facets=()))
    seen = [h.id for h in result.hits]
    while result.next_cursor:
        result = engine.search(SearchQuery(text="zebra", page_size=9, cursor=result.next_cursor, facets=()))
        seen += [h.id for h in result.hits]
    assert seen == expected


def test_cursor_inside_a_run_survives_a_change_before_it(engine: TantivyEngine) -> None:
    expected = _expected(engine)
    first = engine.search(SearchQuery(text="zebra", page_size=100, facets=()))
    removed = [h.id for h in first.hits[:30]]
    engine.delete(removed)
    result = engine.search(SearchQuery(text="zebra", page_size=11, cursor=first.next_cursor, facets=()))
    seen = [h.id for h in result.hits]
    while result.next_cursor:
        result = engine.search(SearchQuery(text="zebra", page_size=11, cursor=result.next_cursor, facets=()))
        seen += [h.id for h in result.hits]
    assert seen == expected[100:]


# --- numeric sort keys ------------------------------------------------------------------------------
def _dated(doc_id: str, date: str | None) -> dict:
    kind, _, pk = doc_id.partition(":")
    return {**_doc(0, "quokka"), "id": doc_id, "type": "case", "date": date, "title": f"T {pk}"}


MIXED_IDS = [
    f"{kind}:{pk}"
    for kind in ("provision", "case", "authority")
    for pk in ("1", "9", "10", "100", "1000", "1001", "101", "2", "20", "007", "07", "0", "9999999999", "99")
]


def test_numeric_sort_keys_keep_the_text_order() -> None:
    from search.engines.tantivy.fields import NUMERIC_SORT_KEYS, SORT_KEYS, numeric_sort_keys, sort_keys

    rnd = random.Random(3)
    dates = [None, "2020-01-01", "2020-01-02", "1999-12-31", "2024-06-30T10:00:00+00:00"]
    docs = [_dated(doc_id, rnd.choice(dates)) for doc_id in MIXED_IDS]
    for sort in ("id", "newest", "oldest"):
        text_key = (lambda d: d["id"]) if sort == "id" else (lambda d, s=sort: sort_keys(d)[SORT_KEYS[s]])
        by_text = sorted(docs, key=text_key)
        by_number = sorted(docs, key=lambda d, s=sort: numeric_sort_keys(d)[NUMERIC_SORT_KEYS[s]])
        assert [d["id"] for d in by_number] == [d["id"] for d in by_text], sort
    assert numeric_sort_keys(_dated("case:12345678901", None)) == {}  # too long: the text key is used
    assert numeric_sort_keys(_dated("case:x1", None)) == {}


@pytest.mark.parametrize("odd_id", [None, "case:12345678901"])
def test_id_order_and_cursor_with_and_without_numeric_keys(tmp_path, settings, odd_id) -> None:  # noqa: ANN001
    settings.SEARCH_MAX_DEPTH = 6
    engine = TantivyEngine(tmp_path / "numeric-index")
    ids = MIXED_IDS + ([odd_id] if odd_id else [])
    docs = [_dated(doc_id, None) for doc_id in ids]
    random.Random(5).shuffle(docs)
    for start in range(0, len(docs), 10):
        engine.upsert(docs[start : start + 10])
    try:
        numeric = engine._sort_field(*engine._store.snapshot()[::-1], "id") == "_nk_id"
        assert numeric is (odd_id is None)
        first = engine.search(SearchQuery(page_size=5, facets=()))
        assert [h.id for h in first.hits] == sorted(ids)[:5]
        seen = [h.id for h in first.hits]
        result = first
        engine.delete([sorted(ids)[0]])  # a change before the cursor
        while result.next_cursor:
            result = engine.search(SearchQuery(page_size=5, cursor=result.next_cursor, facets=()))
            seen += [h.id for h in result.hits]
        assert seen == sorted(ids)
        for sort in (Sort.NEWEST, Sort.OLDEST):
            walked = []
            result = engine.search(SearchQuery(sort=sort, page_size=4, facets=()))
            walked += [h.id for h in result.hits]
            while result.next_cursor:
                result = engine.search(SearchQuery(sort=sort, page_size=4, cursor=result.next_cursor, facets=()))
                walked += [h.id for h in result.hits]
            assert walked == sorted(ids)[1:]  # no dates: id order
    finally:
        engine.close()
