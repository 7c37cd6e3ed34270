"""`sort=title` in the tantivy engine through the coarse numeric title key (titlekeys.py).

The order must be exactly (lower-cased title, id) in UTF-8 byte order, the Elasticsearch order, at every
offset and along cursor walks: with ties (equal titles), titles sharing long prefixes (a law's
provisions), non-Latin titles, titles added after the rebuild that laid the keys out, and an index
that was never rebuilt (the empty table: one bucket).
"""

import random

import pytest

from search.engines.tantivy.engine import TantivyEngine
from search.engines.tantivy.fields import sort_title
from search.engines.tantivy.titlekeys import TitleTable
from search.query import QueryError, SearchQuery, Sort

LAWS = (
    "Anti-Money Laundering and Asset Recovery Act (2004)",
    "Anti-Money Laundering and Asset Recovery Act (2005)",
    "Act on International Cooperation in Criminal Matters (1995)",
    "Penal Code",
    "Code pénal",
    "Уголовный кодекс",
    "قانون مكافحة الاتجار بالبشر",
    "刑法",
    "Ley 26.364",
)


def _titles(rnd: random.Random, count: int) -> list[str]:
    titles = []
    for _ in range(count):
        law = rnd.choice(LAWS)
        kind = rnd.random()
        if kind < 0.15:
            titles.append(law)  # many documents with the very same title
        elif kind < 0.2:
            titles.append("")  # no title at all
        else:
            titles.append(f"{law}: {rnd.choice(['Article', 'Section', 'المادة', 'Статья'])} {rnd.randint(1, 400)}")
    return titles


def _doc(pk: int, title: str) -> dict:
    return {
        "id": f"provision:{pk}",
        "type": "provision",
        "record_id": pk,
        "version": "v1",
        "url": f"/laws/{pk}/",
        "title": title,
        "sort_title": title.lower(),
        "texts": {"en": {"title": title, "body": "quokka" if pk % 3 else "quokka wombat"}},
        "language": "en",
        "country": "KEN" if pk % 2 else "BRA",
    }


def _expected(docs: list[dict]) -> list[str]:
    """(title, id) in byte order, as `_sk_title` and Elasticsearch's [sort_title, id] sort them."""
    return [d["id"] for d in sorted(docs, key=lambda d: (sort_title(d).encode(), d["id"].encode()))]


def _walk(engine: TantivyEngine, page_size: int, **kwargs) -> list[str]:  # noqa: ANN003
    result = engine.search(SearchQuery(sort=Sort.TITLE, page_size=page_size, facets=(), **kwargs))
    seen = [h.id for h in result.hits]
    while result.next_cursor:
        result = engine.search(
            SearchQuery(sort=Sort.TITLE, page_size=page_size, cursor=result.next_cursor, facets=(), **kwargs)
        )
        seen += [h.id for h in result.hits]
    return seen


def _offset_pages(engine: TantivyEngine, page_size: int, **kwargs) -> list[str]:  # noqa: ANN003
    seen, page = [], 1
    while True:
        result = engine.search(SearchQuery(sort=Sort.TITLE, page=page, page_size=page_size, facets=(), **kwargs))
        seen += [h.id for h in result.hits]
        if len(result.hits) < page_size:
            return seen
        page += 1


@pytest.fixture
def corpus() -> list[dict]:
    rnd = random.Random(11)
    docs = [_doc(pk, title) for pk, title in enumerate(_titles(rnd, 700), start=1)]
    rnd.shuffle(docs)
    return docs


@pytest.fixture
def rebuilt(tmp_path, corpus):  # noqa: ANN001, ANN201
    """An index rebuilt with a sparse sample (many titles per bucket), then more documents upserted."""
    engine = TantivyEngine(tmp_path / "title-index")
    engine.rebuild(corpus[:500], sample=corpus[:500:25])
    for start in range(500, len(corpus), 70):  # later titles land in the buckets of the rebuild's table
        engine.upsert(corpus[start : start + 70])
    try:
        yield engine
    finally:
        engine.close()


def test_title_keys_never_contradict_the_title_order(corpus) -> None:  # noqa: ANN001
    titles = [sort_title(d) for d in corpus] + ["", "a", "a\u0301", "z" * 300, "é" * 80, "\U0001f600", "ab", "ab "]
    for table in (TitleTable(), TitleTable.from_titles(titles[::7]), TitleTable.from_titles(titles)):
        ordered = sorted(titles, key=str.encode)
        keys = [table.key(t) for t in ordered]
        assert keys == sorted(keys)
    full = TitleTable.from_titles(titles)
    distinct = sorted(set(titles), key=str.encode)
    assert len({full.key(t) for t in distinct}) == len(distinct)  # every title a boundary: no ties


def test_title_table_is_stored_with_the_generation(rebuilt: TantivyEngine, tmp_path) -> None:  # noqa: ANN001
    table = rebuilt._store.titles()
    assert len(table.boundaries) > 5
    assert TitleTable.load(tmp_path / "title-index" / rebuilt._store._generation) == table
    reopened = TantivyEngine(tmp_path / "title-index")
    try:
        assert reopened._store.titles() == table
    finally:
        reopened.close()


@pytest.mark.parametrize("page_size", [1, 7, 20, 100])
def test_offset_pages_in_title_order(rebuilt: TantivyEngine, corpus, page_size: int) -> None:  # noqa: ANN001
    assert _offset_pages(rebuilt, page_size) == _expected(corpus)


def test_deep_offset_page_and_filters(rebuilt: TantivyEngine, corpus) -> None:  # noqa: ANN001
    expected = _expected(corpus)
    page = rebuilt.search(SearchQuery(sort=Sort.TITLE, page=31, page_size=20, facets=()))
    assert [h.id for h in page.hits] == expected[600:620]
    assert page.total == len(corpus)
    kenya = [i for i in expected if int(i.split(":")[1]) % 2]
    assert _offset_pages(rebuilt, 13, filters={"country": ("KEN",)}) == kenya
    wombats = [i for i in expected if int(i.split(":")[1]) % 3 == 0]
    assert _offset_pages(rebuilt, 9, text="wombat") == wombats
    assert rebuilt.search(SearchQuery(sort=Sort.TITLE, page=99, page_size=20, facets=())).hits == []


@pytest.mark.parametrize("page_size", [1, 6, 50])
def test_cursor_walk_in_title_order(rebuilt: TantivyEngine, corpus, page_size: int, settings) -> None:  # noqa: ANN001
    settings.SEARCH_MAX_DEPTH = 50  # a cursor walk is not limited by the page depth
    assert _walk(rebuilt, page_size) == _expected(corpus)
    wombats = [i for i in _expected(corpus) if int(i.split(":")[1]) % 3 == 0]
    assert _walk(rebuilt, page_size, text="wombat") == wombats


def test_title_cursor_survives_changes_before_and_after_it(rebuilt: TantivyEngine, corpus) -> None:  # noqa: ANN001
    expected = _expected(corpus)
    first = rebuilt.search(SearchQuery(sort=Sort.TITLE, page=3, page_size=100, facets=()))
    rebuilt.delete(expected[:40])  # before the cursor: positions move, the order does not
    added = [_doc(5000 + i, title) for i, title in enumerate(["Zz last", "Penal Code: Article 999", "Aa first"])]
    rebuilt.upsert(added)
    rest = []
    result = first
    while result.next_cursor:
        result = rebuilt.search(SearchQuery(sort=Sort.TITLE, page_size=45, cursor=result.next_cursor, facets=()))
        rest += [h.id for h in result.hits]
    now = _expected([d for d in corpus if d["id"] not in expected[:40]] + added)
    last = first.hits[-1].id
    assert rest == now[now.index(last) + 1 :]


def test_index_never_rebuilt_orders_titles_too(tmp_path, corpus) -> None:  # noqa: ANN001
    engine = TantivyEngine(tmp_path / "upserted-only")
    try:
        for start in range(0, len(corpus), 90):
            engine.upsert(corpus[start : start + 90])
        assert engine._store.titles() == TitleTable()
        assert _offset_pages(engine, 40) == _expected(corpus)
        assert _walk(engine, 33) == _expected(corpus)
    finally:
        engine.close()


def test_cursor_of_another_order_is_refused_in_title_order(rebuilt: TantivyEngine) -> None:
    cursor = rebuilt.search(SearchQuery(sort=Sort.NEWEST, page_size=2, facets=())).next_cursor
    with pytest.raises(QueryError) as error:
        rebuilt.search(SearchQuery(sort=Sort.TITLE, cursor=cursor, facets=()))
    assert error.value.param == "cursor"
