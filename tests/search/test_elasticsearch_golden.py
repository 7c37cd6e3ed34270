"""Golden tests of the Elasticsearch engine: no server needed, run on every CI pass.

- mapping/settings and request bodies are compared with committed JSON (tests/search/golden/);
  `UPDATE_GOLDEN=1 pytest tests/search/test_elasticsearch_golden.py` rewrites them (review the diff!);
- canned responses in Elasticsearch's documented shape are parsed into EngineResult;
- the write path runs the real `elasticsearch` client against `FakeCluster`, an in-memory stand-in
  plugged in as the transport's node class: every HTTP request the client would send is recorded
  (method, path, query, body), so the tests check real client calls, not mocks of them.

The behaviour against a live cluster is covered by tests/search/test_engine_contract.py when
ELASTICSEARCH_URL is set.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from unittest import mock
from urllib.parse import parse_qsl, urlsplit

import pytest
from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node import NodeApiResponse  # public in _node.__all__, not re-exported at top level
from elasticsearch import ConnectionError as ESConnectionError
from elasticsearch import Elasticsearch

from search.engines.base import EngineError
from search.engines.elasticsearch import queries
from search.engines.elasticsearch.cursor import decode_cursor, encode_cursor
from search.engines.elasticsearch.engine import ElasticsearchEngine
from search.engines.elasticsearch.mapping import ES_ANALYZERS, index_body, to_source
from search.engines.elasticsearch.parsing import parse_facets, parse_search, snippets
from search.engines.elasticsearch_engine import ElasticsearchEngine as ReExported
from search.facets import FACET_NAMES
from search.query import Match, ParsedText, QueryError, SearchQuery, Sort
from search.schema import ANALYZERS
from search.textquery import parse_text

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, data: object) -> None:
    """Compare `data` with golden/<name>.json; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / f"{name}.json"
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"{path} is missing: run with UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} differs (UPDATE_GOLDEN=1 to accept)"


def load_golden(name: str) -> dict:
    return json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- mapping


def test_index_mapping_and_settings_match_golden() -> None:
    assert_golden("es_index", index_body())


def test_every_schema_analyzer_has_an_elasticsearch_analyzer() -> None:
    assert set(ES_ANALYZERS) == set(ANALYZERS)


def test_mapping_is_strict_and_covers_flattened_documents() -> None:
    body = index_body()
    props = body["mappings"]["properties"]
    assert body["mappings"]["dynamic"] == "strict"
    source = to_source(DOC)
    assert set(source) <= set(props), set(source) - set(props)
    assert props["url"] == {"type": "keyword", "index": False, "doc_values": False}
    assert props["body_zh"]["analyzer"] == "sherloc_zh"


def test_analyzers_keep_stop_words_and_fold_accents_after_stemming() -> None:
    analysis = index_body()["settings"]["analysis"]
    assert set(analysis["analyzer"]) == {f"sherloc_{key}" for key in ANALYZERS}
    for name, spec in analysis["analyzer"].items():
        assert spec["tokenizer"] == "standard" and spec["filter"][-1] == "asciifolding", name
        assert not any("stop" in f for f in spec["filter"]), name
    # Snowball, as in tantivy (the built-in analyzers' light/Porter stemmers make other terms)
    assert analysis["filter"]["sherloc_fr_stemmer"] == {"type": "snowball", "language": "French"}


DOC = {
    "id": "provision:42",
    "type": "legislation",
    "record_id": 42,
    "parent_id": 7,
    "version": "2026-11-22T15:41:00.123456+00:00",
    "url": "/laws/7/#provision-42",
    "title": "Penal Code: Art. 149-A Trafficking in persons",
    "subtitle": "Brazil · Law No. 13.344/2016",
    "texts": {
        "pt": {"title": "Código Penal: Art. 149-A Tráfico de pessoas", "body": "Agenciar, aliciar ..."},
        "en": {"title": "Penal Code: Art. 149-A", "body": "Recruiting, transporting ..."},
        "de": {"title": "Strafgesetzbuch", "body": "Menschenhandel"},
        "it": {"title": "", "body": "Tratta di persone"},
    },
    "language": "pt",
    "country": "BRA",
    "region": ["019", "419", "005"],
    "instrument": ["TIP"],
    "article": ["TIP-3"],
    "article_ref": ["TIP 3"],
    "crime_type": ["trafficking-in-persons"],
    "crime_subtype": [],
    "issue": ["investigation"],
    "year": 2016,
    "date": "2016-10-06",
    "court_level": "",
    "legal_status": "in_force",
    "role": [],
    "sort_title": "penal code: art. 149-a trafficking in persons",
}


def test_to_source_flattens_texts_per_analyzer() -> None:
    source = to_source(DOC)
    assert "texts" not in source
    assert source["title_pt"] == ["Código Penal: Art. 149-A Tráfico de pessoas"]
    assert source["body_en"] == ["Recruiting, transporting ..."]
    # German and Italian have no analyzer of their own: both land in std, empty titles are dropped.
    assert source["title_std"] == ["Strafgesetzbuch"]
    assert source["body_std"] == ["Menschenhandel", "Tratta di persone"]
    assert source["country"] == "BRA" and source["year"] == 2016


def test_to_source_refuses_fields_outside_the_schema() -> None:
    with pytest.raises(ValueError, match="law_title"):
        to_source({**DOC, "law_title": "x"})


def test_to_source_sort_title_is_never_null_and_bounded() -> None:
    doc = {k: v for k, v in DOC.items() if k != "sort_title"}
    assert to_source(doc)["sort_title"] == DOC["title"].lower()
    assert len(to_source({**DOC, "sort_title": "x" * 1000})["sort_title"]) == 256


# --------------------------------------------------------------------------- request bodies


def _request_cases() -> dict[str, tuple[SearchQuery, ParsedText]]:
    newest_cursor = encode_cursor(Sort.NEWEST, [1475712000000, "case:9"])
    return {
        "text_only": (
            SearchQuery(text="trafficking persons"),
            ParsedText(must=("trafficking", "persons")),
        ),
        "phrase_exclusion_or": (
            SearchQuery(text='smuggling "organized criminal group" migrants OR refugees -firearms -"money laundering"'),
            ParsedText(
                must=("smuggling",),
                phrases=("organized criminal group",),
                any_of=(("migrants", "refugees"),),
                excluded=("firearms", "money laundering"),
            ),
        ),
        "filters_facets": (
            SearchQuery(text="corruption", filters={"country": ("BRA", "FRA"), "article": ("UNCAC-15",)}),
            ParsedText(must=("corruption",)),
        ),
        "year_range": (
            SearchQuery(
                filters={"legal_status": ("in_force",), "type": ("legislation",)},
                year_from=2010,
                year_to=2020,
                facets=("type", "year"),
            ),
            ParsedText(),
        ),
        "newest_cursor": (
            SearchQuery(sort=Sort.NEWEST, cursor=newest_cursor, page_size=10, facets=()),
            ParsedText(),
        ),
        "deep_page": (
            SearchQuery(text="mutual legal assistance", page=100, page_size=100, sort=Sort.TITLE, facets=("type",)),
            ParsedText(phrases=("mutual legal assistance",)),
        ),
        # The service's fallback: function words dropped, the British spelling also as American,
        # the rest optional with a coordination bonus, at least half of them (2 of 3) required.
        "relaxed": (
            SearchQuery(text="the forced labour of fishermen", match=Match.MOST, facets=()),
            parse_text("the forced labour of fishermen"),
        ),
        "number": (
            SearchQuery(text="HCCR 123/2019", facets=()),
            parse_text("HCCR 123/2019"),
        ),
    }


@pytest.mark.parametrize(
    "name",
    [
        "text_only",
        "phrase_exclusion_or",
        "filters_facets",
        "year_range",
        "newest_cursor",
        "deep_page",
        "relaxed",
        "number",
    ],
)
def test_request_body_matches_golden(name: str) -> None:
    query, parsed = _request_cases()[name]
    assert_golden(f"es_request_{name}", queries.build_search(query, parsed).body)


def test_filters_go_to_post_filter_and_other_facets_only() -> None:
    query, parsed = _request_cases()["filters_facets"]
    body = queries.build_search(query, parsed).body
    country = {"terms": {"country": ["BRA", "FRA"]}}
    article = {"terms": {"article": ["UNCAC-15"]}}
    assert body["post_filter"] == {"bool": {"filter": [country, article]}}
    assert body["aggs"]["country"]["filter"] == {"bool": {"filter": [article]}}
    assert body["aggs"]["article"]["filter"] == {"bool": {"filter": [country]}}
    assert body["aggs"]["type"]["filter"] == {"bool": {"filter": [country, article]}}
    assert set(body["aggs"]) == set(FACET_NAMES)
    assert "filter" not in body["query"]["bool"]


def test_non_facet_filters_narrow_the_query_itself() -> None:
    query, parsed = _request_cases()["year_range"]
    body = queries.build_search(query, parsed).body
    # legal_status is no requested facet and the year range narrows every facet (year included, as in
    # the tantivy engine): both belong to the query; only the type filter is multi-select.
    year_range = {"range": {"year": {"gte": 2010, "lte": 2020}}}
    assert body["query"]["bool"]["filter"] == [{"terms": {"legal_status": ["in_force"]}}, year_range]
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"type": ["legislation"]}}]}}
    assert body["aggs"]["year"]["filter"] == {"bool": {"filter": [{"terms": {"type": ["legislation"]}}]}}
    # type's own filter is the only post filter: its facet needs no filter aggregation around the terms
    assert body["aggs"]["type"] == {"terms": {"field": "type", "size": 300}}


def test_facets_parse_from_filtered_and_bare_terms_aggregations() -> None:
    aggregations = {
        "type": {"buckets": [{"key": "legislation", "doc_count": 4}]},
        "year": {"doc_count": 4, "values": {"buckets": [{"key": 2016, "doc_count": 3}]}},
    }
    facets = parse_facets(aggregations, ("type", "year", "country"))
    assert facets == {"type": {"legislation": 4}, "year": {"2016": 3}, "country": {}}


def test_cursor_request_uses_search_after_and_peeks_one_more() -> None:
    query, parsed = _request_cases()["newest_cursor"]
    body = queries.build_search(query, parsed).body
    assert body["search_after"] == [1475712000000, "case:9"]
    assert body["size"] == 11 and "from" not in body


def test_stop_words_cannot_sink_positive_clauses_but_exclusions_stay_strict() -> None:
    must, must_not = queries.text_clauses(ParsedText(must=("in",), phrases=("in force",), excluded=("the",)))
    assert [c.to_dict()["multi_match"]["zero_terms_query"] for c in must] == ["all", "all"]
    assert "zero_terms_query" not in must_not[0].to_dict()["multi_match"]


def test_exclusion_only_and_highlight_switch() -> None:
    body = queries.build_search(SearchQuery(text="-firearms"), ParsedText(excluded=("firearms",))).body
    assert body["highlight"]["fields"] == {"body_*": {}}  # openings, so every hit has a snippet
    assert "highlight" not in queries.build_search(SearchQuery(highlight=False), ParsedText()).body
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]
    assert body["query"]["bool"]["must_not"][0]["multi_match"]["query"] == "firearms"


def test_unknown_filter_and_bad_year_are_query_errors() -> None:
    with pytest.raises(QueryError) as err:
        queries.build_search(SearchQuery(filters={"colour": ("red",)}), ParsedText())
    assert err.value.param == "colour"
    with pytest.raises(QueryError) as err:
        queries.build_search(SearchQuery(filters={"year": ("20x6",)}), ParsedText())
    assert err.value.param == "year"


def test_year_filter_values_become_integers() -> None:
    body = queries.build_search(SearchQuery(filters={"year": ("2016", "2017")}, facets=()), ParsedText()).body
    assert body["query"]["bool"]["filter"] == [{"terms": {"year": [2016, 2017]}}]


def test_versions_page_body_matches_golden() -> None:
    assert_golden("es_request_versions_page", queries.versions_page_body("PIT-1", [4711]))


# --------------------------------------------------------------------------- cursor


def test_cursor_round_trip_and_validation() -> None:
    cursor = encode_cursor(Sort.TITLE, ["penal code", "provision:1"])
    assert re.fullmatch(r"[A-Za-z0-9_-]+", cursor)
    assert decode_cursor(cursor, Sort.TITLE, 2) == ["penal code", "provision:1"]
    with pytest.raises(QueryError, match="another sort"):
        decode_cursor(cursor, Sort.NEWEST, 2)
    for bad in ["", "!!!", "bm90IGpzb24", encode_cursor(Sort.TITLE, ["only-one"]), "A" * 5000]:
        with pytest.raises(QueryError) as err:
            decode_cursor(bad, Sort.TITLE, 2)
        assert err.value.param == "cursor"


def test_relevance_without_text_is_id_order_with_its_own_cursors() -> None:
    body = queries.build_search(SearchQuery(), ParsedText()).body
    assert body["sort"] == [{"id": {"order": "asc"}}]
    scored_cursor = encode_cursor(Sort.RELEVANCE, [7.5, "case:1"])
    with pytest.raises(QueryError, match="another sort or text"):
        queries.build_search(SearchQuery(cursor=scored_cursor), ParsedText())
    body = queries.build_search(SearchQuery(cursor=encode_cursor("id", ["case:1"])), ParsedText()).body
    assert body["search_after"] == ["case:1"]


def test_invalid_cursor_in_query_is_a_query_error() -> None:
    with pytest.raises(QueryError) as err:
        queries.build_search(SearchQuery(cursor="garbage"), ParsedText())
    assert err.value.param == "cursor"


# --------------------------------------------------------------------------- response parsing


def test_parse_search_response() -> None:
    query = SearchQuery(text="trafficking", page_size=2, language="pt")
    plan = queries.build_search(query, ParsedText(must=("trafficking",)))
    result = parse_search(load_golden("es_response_search"), query, plan)

    assert result.total == 3
    assert [h.id for h in result.hits] == ["provision:42", "case:9"]
    first = result.hits[0]
    assert (first.type, first.record_id, first.url) == ("legislation", 42, "/laws/7/#provision-42")
    assert first.title == "Penal Code: Art. 149-A Trafficking in persons"
    assert first.score == pytest.approx(7.25)
    # The reader's language (pt) first; one language only; escaped text with <mark> tags.
    assert first.snippets == ["Crime de <mark>tráfico</mark> de pessoas"]
    assert first.source["country"] == "BRA" and "body_en" not in first.source
    # No match in any body: the opening of the original-language body (no_match_size fragment).
    assert result.hits[1].snippets == ["La Cour rejette le pourvoi &amp; confirme la condamnation"]
    assert result.facets["country"] == {"BRA": 2, "FRA": 1}
    assert result.facets["year"] == {"2016": 2, "2019": 1}
    assert result.facets["type"] == {"legislation": 2, "case": 1}
    assert result.facets["issue"] == {}  # requested facet with no buckets
    # offset 0 + 2 hits < total 3: more remain; the cursor resumes after the last hit's sort values.
    assert decode_cursor(result.next_cursor, Sort.RELEVANCE, 2) == [5.5, "case:9"]


def test_snippets_prefer_matches_then_reader_then_original_language() -> None:
    highlight = {
        "body_en": [
            "<mark>Trafficking</mark> in persons",
            "the <mark>trafficking</mark> victim",
            "x",
            "<mark>y</mark>",
        ],
        "body_fr": ["Traite des personnes"],  # opening only: no match in French
        "body_ru": ["<mark>торговля</mark> людьми"],
    }
    # Reader reads French, but the French body has no match: the original language (ru) comes next.
    assert snippets(highlight, "fr", "ru") == ["<mark>торговля</mark> людьми"]
    # Marked fragments only, at most SNIPPET_FRAGMENTS.
    assert snippets(highlight, "en", "ru") == [
        "<mark>Trafficking</mark> in persons",
        "the <mark>trafficking</mark> victim",
        "<mark>y</mark>",
    ]
    # Nothing marked anywhere: the opening of the preferred body.
    assert snippets({"body_fr": ["Traite"], "body_en": ["Trafficking"]}, "en", "fr") == ["Trafficking"]
    assert snippets({}, "en") == []


def test_parse_cursor_page_uses_the_extra_hit_as_more_signal() -> None:
    response = load_golden("es_response_search")
    text = ParsedText(must=("trafficking",))
    query = SearchQuery(text="trafficking", cursor=encode_cursor(Sort.RELEVANCE, [9.0, "a"]), page_size=1)
    plan = queries.build_search(query, text)
    result = parse_search(response, query, plan)
    assert [h.id for h in result.hits] == ["provision:42"]
    assert decode_cursor(result.next_cursor, Sort.RELEVANCE, 2) == [7.25, "provision:42"]

    query = SearchQuery(text="trafficking", cursor=encode_cursor(Sort.RELEVANCE, [9.0, "a"]), page_size=2)
    result = parse_search(response, query, queries.build_search(query, text))
    assert len(result.hits) == 2 and result.next_cursor is None


def test_parse_last_page_has_no_cursor() -> None:
    query = SearchQuery(page=2, page_size=2)
    plan = queries.build_search(query, ParsedText())
    response = load_golden("es_response_search")
    response["hits"]["hits"] = response["hits"]["hits"][:1]
    assert parse_search(response, query, plan).next_cursor is None


# --------------------------------------------------------------------------- fake cluster


class FakeCluster:
    """Just enough of Elasticsearch's REST API, in memory, to exercise the engine's client calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, dict, object]] = []
        self.indices: dict[str, dict[str, dict]] = {}
        self.aliases: dict[str, set[str]] = {}
        self.search_response: dict | None = None
        self.pit = ""  # alias the open point in time reads
        self.down = False

    # -- helpers
    def paths(self) -> list[str]:
        return [f"{method} {path}" for method, path, _, _ in self.calls]

    def resolve(self, name: str) -> list[str]:
        if name in self.aliases:
            return sorted(self.aliases[name])
        return [name] if name in self.indices else []

    @staticmethod
    def missing(kind: str, name: str) -> tuple[int, dict]:
        return 404, {"error": {"type": kind, "reason": f"no such {name}", "root_cause": []}, "status": 404}

    # -- dispatcher
    def handle(self, method: str, target: str, body: bytes | None) -> tuple[int, object]:
        if self.down:
            raise ESConnectionError("Connection refused")
        url = urlsplit(target)
        query = dict(parse_qsl(url.query))
        path = url.path
        payload: object = None
        if body:
            text = body.decode()
            if path.endswith("/_bulk"):
                payload = [json.loads(line) for line in text.splitlines() if line.strip()]
            else:
                payload = json.loads(text)
        self.calls.append((method, path, query, payload))
        parts = [p for p in path.split("/") if p]
        return self.route(method, parts, query, payload)

    def route(self, method: str, parts: list[str], query: dict, payload: object) -> tuple[int, object]:
        ack = {"acknowledged": True}
        if parts[:1] == ["_alias"]:
            name = parts[1]
            if name not in self.aliases:
                return (404, None) if method == "HEAD" else (404, {"error": f"alias [{name}] missing", "status": 404})
            return 200, {i: {"aliases": {name: {}}} for i in self.aliases[name]}
        if parts == ["_aliases"]:
            for action in payload["actions"]:
                ((kind, spec),) = action.items()
                if kind == "add":
                    self.aliases.setdefault(spec["alias"], set()).add(spec["index"])
                else:
                    self.aliases[spec["alias"]].discard(spec["index"])
            return 200, ack
        if parts == ["_bulk"]:
            return 200, self.bulk(payload, query)
        if len(parts) == 2 and parts[1] == "_alias" and "*" in parts[0]:  # GET <pattern>/_alias
            pattern = re.compile(re.escape(parts[0]).replace(r"\*", ".*"))
            names = sorted(n for n in self.indices if pattern.fullmatch(n))
            return 200, {n: {"aliases": {a: {} for a, m in self.aliases.items() if n in m}} for n in names}
        if parts == ["_pit"]:
            return 200, {"succeeded": True, "num_freed": 1}
        if parts == ["_search"]:  # point-in-time page
            docs = sorted((i, d) for name in self.resolve(self.pit) for i, d in self.indices[name].items())
            start = payload.get("search_after", [0])[0]
            page = docs[start : start + payload["size"]]
            hits = [
                {"_id": i, "_source": {"version": d["version"]}, "sort": [start + n + 1]}
                for n, (i, d) in enumerate(page)
            ]
            return 200, {"pit_id": "PIT-2", "hits": {"hits": hits}}
        index = parts[0]
        rest = parts[1:]
        if rest == ["_pit"]:
            if not self.resolve(index):
                return self.missing("index_not_found_exception", index)
            self.pit = index
            return 200, {"id": "PIT-1"}
        if rest == ["_search"]:
            if not self.resolve(index):
                return self.missing("index_not_found_exception", index)
            return 200, self.search_response
        if rest == ["_count"]:
            if not self.resolve(index):
                return self.missing("index_not_found_exception", index)
            return 200, {"count": sum(len(self.indices[n]) for n in self.resolve(index))}
        if rest in (["_settings"], ["_refresh"]):
            return 200, ack
        if method == "PUT" and not rest:
            self.indices[index] = {}
            for alias in (payload or {}).get("aliases", {}):
                self.aliases.setdefault(alias, set()).add(index)
            return 200, {**ack, "index": index}
        if method == "DELETE" and not rest:
            for name in index.split(","):
                self.indices.pop(name, None)
                for members in self.aliases.values():
                    members.discard(name)
            self.aliases = {alias: members for alias, members in self.aliases.items() if members}  # as ES does
            return 200, ack
        raise AssertionError(f"FakeCluster: unexpected {method} /{'/'.join(parts)}")

    def bulk(self, lines: list[dict], query: dict) -> dict:
        items = []
        pending = iter(lines)
        for header in pending:
            ((op, meta),) = header.items()
            names = self.resolve(meta["_index"])
            if query.get("require_alias") == "true" and meta["_index"] not in self.aliases:
                items.append({op: {"_id": meta["_id"], "status": 404, "error": {"type": "index_not_found_exception"}}})
                if op == "index":
                    next(pending)
                continue
            target = self.indices[names[0]]
            if op == "index":
                target[meta["_id"]] = next(pending)
                items.append({op: {"_id": meta["_id"], "status": 201, "result": "created"}})
            elif meta["_id"] in target:
                del target[meta["_id"]]
                items.append({op: {"_id": meta["_id"], "status": 200, "result": "deleted"}})
            else:
                items.append({op: {"_id": meta["_id"], "status": 404, "result": "not_found"}})
        return {"took": 1, "errors": any(i[next(iter(i))]["status"] >= 300 for i in items), "items": items}


class FakeNode(BaseNode):
    """Transport node that answers from a FakeCluster instead of opening a socket."""

    _CLIENT_META_HTTP_CLIENT = ("fake", "1.0")
    cluster: FakeCluster

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):  # noqa: ANN001, ANN201
        status, payload = self.cluster.handle(method, target, body)
        headers = HttpHeaders({"x-elastic-product": "Elasticsearch", "content-type": "application/json"})
        meta = ApiResponseMeta(status=status, http_version="1.1", headers=headers, duration=0.0, node=self.config)
        raw = b"" if payload is None else json.dumps(payload).encode()
        return NodeApiResponse(meta, raw)


@pytest.fixture
def cluster() -> FakeCluster:
    return FakeCluster()


@pytest.fixture
def engine(cluster: FakeCluster) -> ElasticsearchEngine:
    node_class = type("BoundFakeNode", (FakeNode,), {"cluster": cluster})
    client = Elasticsearch("http://es.test:9200", node_class=node_class, max_retries=0)
    eng = ElasticsearchEngine("http://es.test:9200", prefix="t", client=client)
    names = iter(f"t-documents-2026010100000000000{n}" for n in range(1, 10))
    eng._new_index_name = lambda: next(names)  # deterministic index names
    return eng


def doc(pk: int, version: str = "v1") -> dict:
    return {**DOC, "id": f"provision:{pk}", "record_id": pk, "version": version}


def test_build_engine_entry_point_re_exports_the_engine() -> None:
    assert ReExported is ElasticsearchEngine


def test_engine_requires_a_url_when_no_client_is_given() -> None:
    with pytest.raises(EngineError, match="ELASTICSEARCH_URL"):
        ElasticsearchEngine("")


def test_first_upsert_creates_index_with_alias_then_bulk_indexes(engine, cluster) -> None:  # noqa: ANN001
    assert engine.upsert([doc(1), doc(2)]) == 2
    assert cluster.paths() == ["HEAD /_alias/t-documents", "PUT /t-documents-20260101000000000001", "PUT /_bulk"]
    _, _, _, create = cluster.calls[1]
    assert create == {**index_body(), "aliases": {"t-documents": {}}}
    _, _, params, lines = cluster.calls[2]
    assert params == {"refresh": "wait_for", "require_alias": "true"}
    assert lines[0] == {"index": {"_index": "t-documents", "_id": "provision:1"}}
    assert lines[1] == to_source(doc(1))

    assert engine.upsert([doc(3)]) == 1  # alias known: straight to bulk
    assert cluster.paths()[-1] == "PUT /_bulk"
    assert engine.upsert([]) == 0
    assert engine.count() == 3


def test_delete_ignores_unknown_ids(engine, cluster) -> None:  # noqa: ANN001
    assert engine.delete(["provision:1"]) == 0  # no alias yet: no bulk request at all
    assert cluster.paths() == ["HEAD /_alias/t-documents"]
    engine.upsert([doc(1), doc(2)])
    assert engine.delete(["provision:1", "provision:99", "provision:1"]) == 1
    _, path, params, lines = cluster.calls[-1]
    assert path == "/_bulk" and params["refresh"] == "wait_for"
    assert lines == [
        {"delete": {"_index": "t-documents", "_id": "provision:1"}},
        {"delete": {"_index": "t-documents", "_id": "provision:99"}},
    ]
    assert engine.versions() == {"provision:2": "v1"}


def test_rebuild_loads_new_index_and_swaps_alias_atomically(engine, cluster) -> None:  # noqa: ANN001
    engine.upsert([doc(1)])
    old = "t-documents-20260101000000000001"
    cluster.calls.clear()

    assert engine.rebuild(iter([doc(5), doc(6), doc(7)])) == 3

    new = "t-documents-20260101000000000002"
    assert cluster.paths() == [
        f"PUT /{new}",
        "PUT /_bulk",
        f"PUT /{new}/_settings",
        f"POST /{new}/_refresh",
        "GET /_alias/t-documents",
        "POST /_aliases",
        f"DELETE /{old}",
    ]
    create = cluster.calls[0][3]
    assert create["mappings"] == index_body()["mappings"]
    assert create["settings"]["refresh_interval"] == "-1"  # no refreshes while loading
    bulk_params, bulk_lines = cluster.calls[1][2], cluster.calls[1][3]
    assert "refresh" not in bulk_params and bulk_lines[0] == {"index": {"_index": new, "_id": "provision:5"}}
    assert cluster.calls[2][3] == {"index": {"refresh_interval": "1s"}}
    assert cluster.calls[5][3] == {
        "actions": [
            {"remove": {"index": old, "alias": "t-documents"}},
            {"add": {"index": new, "alias": "t-documents"}},
        ]
    }
    assert cluster.calls[6][2] == {"ignore_unavailable": "true"}
    assert cluster.aliases == {"t-documents": {new}} and set(cluster.indices) == {new}
    assert engine.versions() == {"provision:5": "v1", "provision:6": "v1", "provision:7": "v1"}


def test_rebuild_from_nothing_adds_alias_without_removals(engine, cluster) -> None:  # noqa: ANN001
    assert engine.rebuild([doc(1)]) == 1
    assert cluster.calls[-1][3] == {
        "actions": [{"add": {"index": "t-documents-20260101000000000001", "alias": "t-documents"}}]
    }
    assert cluster.paths()[-1] == "POST /_aliases"  # nothing old to delete


def test_failed_rebuild_drops_the_new_index_and_keeps_the_alias(engine, cluster) -> None:  # noqa: ANN001
    engine.upsert([doc(1)])

    def broken():  # noqa: ANN202
        yield doc(2)
        yield {**doc(3), "unexpected": 1}

    with pytest.raises(EngineError, match="unexpected"):
        engine.rebuild(broken())
    assert cluster.paths()[-1] == "DELETE /t-documents-20260101000000000002"
    assert cluster.aliases == {"t-documents": {"t-documents-20260101000000000001"}}


def test_versions_pages_with_point_in_time(engine, cluster, monkeypatch) -> None:  # noqa: ANN001
    assert engine.versions() == {}  # no alias: 404 on opening the PIT
    engine.upsert([doc(n, f"v{n}") for n in range(1, 6)])
    monkeypatch.setattr(
        "search.engines.elasticsearch.engine.versions_page_body",
        lambda pit, after: queries.versions_page_body(pit, after, size=2),
    )
    cluster.calls.clear()
    assert engine.versions() == {f"provision:{n}": f"v{n}" for n in range(1, 6)}
    assert cluster.paths() == ["POST /t-documents/_pit", *["POST /_search"] * 3, "DELETE /_pit"]
    assert cluster.calls[1][3]["pit"] == {"id": "PIT-1", "keep_alive": "1m"}
    assert cluster.calls[2][3]["pit"]["id"] == "PIT-2"  # always the latest id
    assert cluster.calls[2][3]["search_after"] == [2]
    assert cluster.calls[-1][3] == {"id": "PIT-2"}


def test_clear_deletes_alias_indices_and_rebuild_leftovers(engine, cluster) -> None:  # noqa: ANN001
    engine.upsert([doc(1)])
    cluster.indices["t-documents-20250101000000000000"] = {}  # leftover of an interrupted rebuild
    cluster.indices["t-documents-other-20250101000000000000"] = {}  # another prefix: not ours
    cluster.calls.clear()
    engine.clear()
    assert cluster.paths() == [
        "GET /_alias/t-documents",
        "GET /t-documents-*/_alias",
        "DELETE /t-documents-20250101000000000000,t-documents-20260101000000000001",
    ]
    assert set(cluster.indices) == {"t-documents-other-20250101000000000000"}
    assert engine.count() == 0
    engine.upsert([doc(2)])  # recreates index + alias
    assert engine.count() == 1


def test_search_sends_the_planned_body_to_the_alias(engine, cluster) -> None:  # noqa: ANN001
    query = SearchQuery(filters={"country": ("BRA",)})
    assert engine.search(query).total == 0  # no alias yet: empty result, not an error
    engine.upsert([doc(1)])
    cluster.search_response = load_golden("es_response_search")
    result = engine.search(query)
    method, path, _, body = cluster.calls[-1]
    assert (method, path) == ("POST", "/t-documents/_search")
    assert body == queries.build_search(query, ParsedText()).body
    assert result.total == 3 and result.hits[0].id == "provision:42"


def test_search_parses_text_with_the_shared_parser(engine, cluster, monkeypatch) -> None:  # noqa: ANN001
    parsed = ParsedText(must=("fraud",))
    monkeypatch.setattr("search.engines.elasticsearch.engine.parse_text", lambda text: parsed)
    engine.upsert([doc(1)])
    cluster.search_response = load_golden("es_response_search")
    engine.search(SearchQuery(text="fraud"))
    assert cluster.calls[-1][3] == queries.build_search(SearchQuery(text="fraud"), parsed).body


def test_search_uses_the_real_tolerant_parser(engine, cluster) -> None:  # noqa: ANN001
    from search.textquery import parse_text

    engine.upsert([doc(1)])
    cluster.search_response = load_golden("es_response_search")
    query = SearchQuery(text='smuggling "organized criminal group" -firearms')
    engine.search(query)
    assert cluster.calls[-1][3] == queries.build_search(query, parse_text(query.text)).body
    assert len(cluster.calls[-1][3]["query"]["bool"]["must"]) == 2


# --------------------------------------------------------------------------- errors


def test_connection_error_becomes_engine_error(engine, cluster) -> None:  # noqa: ANN001
    cluster.down = True
    for call in (
        lambda: engine.search(SearchQuery()),
        lambda: engine.upsert([doc(1)]),
        lambda: engine.delete(["provision:1"]),
        engine.count,
        engine.versions,
        engine.clear,
        lambda: engine.rebuild([doc(1)]),
    ):
        with pytest.raises(EngineError, match="unreachable"):
            call()


def test_mocked_client_connection_error_becomes_engine_error() -> None:
    client = mock.Mock()
    client.search.side_effect = ESConnectionError("Connection refused")
    engine = ElasticsearchEngine("http://user:secret@es.test:9200", client=client)
    with pytest.raises(EngineError) as err:
        engine.search(SearchQuery())
    assert "es.test:9200" in str(err.value) and "secret" not in str(err.value)
    assert isinstance(err.value.__cause__, ESConnectionError)


def test_api_error_becomes_engine_error(engine, cluster) -> None:  # noqa: ANN001
    engine.upsert([doc(1)])
    cluster.aliases.clear()  # alias removed behind the engine's back: require_alias refuses the write
    with pytest.raises(EngineError, match="refused"):
        engine.upsert([doc(2)])
    assert "t-documents" not in cluster.indices  # nothing auto-created under the alias name
    engine.upsert([doc(3)])  # the engine re-checks the alias after a failure and recreates it
    assert engine.count() == 1


# --------------------------------------------------------------------------- similar records


def test_similar_request_bodies_match_golden() -> None:
    source = {"type": "case", "crime_type": ["smuggling-of-migrants"], "article": ["SOM-6", "UNTOC-34"]}
    assert_golden("es_request_similar_source", queries.similar_source_body("case:5"))
    assert_golden("es_request_similar", queries.similar_body("case:5", source, 5))


def test_similar_reads_the_record_then_asks_for_records_like_it(engine, cluster) -> None:  # noqa: ANN001
    assert engine.similar("case:5") == []  # no alias yet: nothing indexed, not an error
    engine.upsert([doc(1)])
    cluster.search_response = load_golden("es_response_search")
    hits = engine.similar("case:5", size=3)
    (_, first_path, _, first), (_, path, _, body) = cluster.calls[-2][:4], cluster.calls[-1][:4]
    assert first_path == path == "/t-documents/_search"
    assert first == queries.similar_source_body("case:5")
    source = load_golden("es_response_search")["hits"]["hits"][0]["_source"]
    assert body == queries.similar_body("case:5", source, 3)
    assert [hit.id for hit in hits] == [h["_id"] for h in load_golden("es_response_search")["hits"]["hits"]]
    assert "highlight" not in body  # similar records come without snippets
