"""/api/v1/search/: the search service over HTTP (documents are indexed by the save signals)."""

from urllib.parse import quote

import pytest
from django.db import transaction

pytestmark = pytest.mark.django_db


def search(api, query: str = "", **extra) -> dict:  # noqa: ANN001, ANN003
    response = api.get(f"/api/v1/search/?{query}", **extra)
    assert response.status_code == 200, response.content
    return response.json()


def test_result_shape(api, indexed_corpus):
    body = search(api, "q=trafficking")
    assert set(body) == {
        "count",
        "page",
        "page_size",
        "next",
        "previous",
        "took_ms",
        "results",
        "facets",
        "relaxed",
        "suggestions",
    }
    assert body["relaxed"] is False and body["suggestions"] == []
    assert body["count"] >= 1 and body["page"] == 1
    hit = body["results"][0]
    assert {"id", "type", "record_id", "title", "url", "api_url", "score", "snippets"} <= set(hit)
    assert hit["url"].startswith("http://testserver/en/")
    assert hit["api_url"].startswith("http://testserver/api/v1/")
    assert any("<mark>" in s for h in body["results"] for s in h["snippets"])


def test_most_words_are_flagged_relaxed(api, indexed_corpus):
    exact = search(api, "q=trafficking")
    body = search(api, "q=the+trafficking+of+zzyzx")
    assert body["relaxed"] is True and body["count"] == exact["count"] > 0
    assert {h["id"] for h in body["results"]} == {h["id"] for h in exact["results"]}


def test_empty_result_carries_suggestions_with_counts(api, indexed_corpus):
    in_brazil = search(api, "q=trafficking&country=BRA")["count"]
    assert in_brazil > 0
    body = search(api, "q=trafficking&country=BRA&year_from=2999")
    assert body["count"] == 0 and body["relaxed"] is False
    assert body["suggestions"] == [
        {"kind": "filter", "count": in_brazil, "name": "year_range", "text": "", "dropped": []}
    ]


def test_record_numbers_are_found(api, indexed_corpus):
    case = indexed_corpus["bra_case"]
    law = indexed_corpus["bra_law"]
    for number in (case.portal_number, case.portal_number.lower(), case.case_number):
        body = search(api, f"q={quote(number)}")
        assert body["results"] and body["results"][0]["id"] == f"case:{case.pk}", number
        assert body["results"][0]["numbers"] == [case.portal_number, case.case_number]
    provisions = {f"provision:{p.pk}" for p in law.provisions.all()}
    found = {h["id"] for h in search(api, f"q={quote(law.number)}")["results"]}
    assert found == provisions


def test_hits_link_to_api_records(api, indexed_corpus):
    hits = search(api, "country=BRA&page_size=100")["results"]
    by_type = {h["type"]: h for h in hits}
    assert set(by_type) == {"legislation", "case", "authority"}
    for hit in hits:
        assert api.get(hit["api_url"]).status_code == 200


def test_unpublished_records_absent_from_results_and_facets(api, indexed_corpus):
    body = search(api, "page_size=100")
    titles = {h["title"] for h in body["results"]}
    assert not any("Draft bill" in t or "Unpublished case" in t or "Withdrawn" in t for t in titles)
    counts = {f["value"]: f["count"] for f in body["facets"]["type"]}
    assert counts == {"legislation": 3, "case": 2, "authority": 2}
    assert body["count"] == 7


def test_filters_and_facets(api, indexed_corpus):
    body = search(api, "type=case&country=XIR")
    assert [h["record_id"] for h in body["results"]] == [indexed_corpus["xir_case"].pk]
    # Multi-select: the country facet ignores its own filter, so other countries keep their counts.
    countries = {f["value"] for f in body["facets"]["country"]}
    assert {"XIR", "BRA"} <= countries
    facet = body["facets"]["country"][0]
    assert set(facet) == {"value", "label", "count"}


def test_facet_labels_translated(api, indexed_corpus):
    body = search(api, "lang=fr&facets=country")
    labels = {f["value"]: f["label"] for f in body["facets"]["country"]}
    assert labels["BRA"] == "Brésil"
    assert set(body["facets"]) == {"country"}
    assert search(api, "facets=country", HTTP_ACCEPT_LANGUAGE="es")["facets"]["country"]


def test_comma_lists_and_repeated_parameters(api, indexed_corpus):
    comma = search(api, "country=BRA,FRA&type=legislation")["count"]
    repeated = search(api, "country=BRA&country=FRA&type=legislation")["count"]
    assert comma == repeated == 3


def test_article_instrument_issue_filters(api, indexed_corpus):
    assert search(api, "article=UNTOC-18")["count"] == 3  # provision, XIR case, BRA authority
    assert search(api, "instrument=TIP&type=legislation")["count"] == 1
    assert search(api, "issue=investigation")["count"] == 2  # ancestors indexed: provision + case


def test_page_links(api, indexed_corpus):
    body = search(api, "page_size=3&sort=title")
    assert body["next"] == "http://testserver/api/v1/search/?page=2&page_size=3&sort=title"
    assert body["previous"] is None
    second = api.get(body["next"]).json()
    assert second["previous"] and second["page"] == 2


def test_cursor_walk(api, indexed_corpus):
    body = search(api, "page_size=2&sort=newest")
    seen = [h["id"] for h in body["results"]]
    url = body["next"]
    # Switch to the cursor from the first page on: the engine returns one with every page.
    first = api.get("/api/v1/search/?page_size=2&sort=newest").json()
    assert first["count"] == 7
    while url:
        page = api.get(url).json()
        seen += [h["id"] for h in page["results"]]
        url = page["next"]
    assert len(seen) == len(set(seen)) == 7


def test_next_switches_to_cursor_at_depth_limit(api, indexed_corpus, settings):
    settings.SEARCH_MAX_DEPTH = 4
    body = search(api, "page_size=2&page=2&sort=title")
    assert "cursor=" in body["next"] and "page=" not in body["next"]
    rest = api.get(body["next"]).json()
    assert rest["page"] is None and rest["results"]


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("country=ZZZ", "country"),
        ("article=UNTOC-999", "article"),
        ("type=poem", "type"),
        ("sort=random", "sort"),
        ("page=0", "page"),
        ("page_size=500", "page_size"),
        ("page=abc", "page"),
        ("year_from=abc", "year_from"),
        ("year_from=2020&year_to=2010", "year_from"),
        ("facets=colour", "facets"),
        ("cursor=not-a-cursor", "cursor"),
        ("page=100000", "page"),
        ("lang=xx", "lang"),
        ("colour=red", "colour"),
    ],
)
def test_bad_parameters_named(api, indexed_corpus, query, param):
    response = api.get(f"/api/v1/search/?{query}")
    assert response.status_code == 400, response.content
    assert param in response.json()["errors"]


def test_all_unknown_parameters_named_at_once(api, db):
    response = api.get("/api/v1/search/?colour=red&size=xl")
    assert set(response.json()["errors"]) == {"colour", "size"}


def test_malformed_text_is_searched_not_rejected(api, indexed_corpus):
    for text in ('"unclosed', "AND OR -", "((((", "title:x*?~", "\\"):
        assert api.get("/api/v1/search/", {"q": text}).status_code == 200


def test_engine_failure_is_503(api, indexed_corpus, monkeypatch):
    from search import service
    from search.engines import EngineError

    def broken(query):  # noqa: ANN001, ANN202
        raise EngineError("index unavailable")

    monkeypatch.setattr(service, "search", broken)
    response = api.get("/api/v1/search/?q=x")
    assert response.status_code == 503
    assert response["Retry-After"]


def test_publishing_and_unpublishing_reach_search_through_signals(
    api, indexed_corpus, django_capture_on_commit_callbacks
):
    """The real path: save -> on_commit -> (eager) indexing task -> engine -> API."""
    case = indexed_corpus["draft_case"]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        case.status = "published"
        case.save()
    assert case.pk in [h["record_id"] for h in search(api, "type=case")["results"]]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        case.status = "withdrawn"
        case.save()
    body = search(api, "type=case")
    assert case.pk not in [h["record_id"] for h in body["results"]]
    assert {f["value"]: f["count"] for f in body["facets"]["type"]}["case"] == 2
