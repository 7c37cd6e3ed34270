"""/api/v1/publications/: published only, filters, paging, cursor sync, removals; the search API's hits."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from search import indexing
from sherloc.models import PublicationStatus
from tests.factories import PublicationFactory, lang

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_throttles():  # noqa: ANN202
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def shelf() -> dict:
    article = PublicationFactory(
        title="Following the money",
        authors=[("Shelley", "Louise"), "UNODC"],
        doi="10.1007/s12117-019-09361-2",
        covered=["BRA", "NGA"],
        tags={"articles": [("TIP-3", "")], "crime_types": ["trafficking-in-persons"], "issues": ["prevention"]},
    )
    book = PublicationFactory(
        title="Organized crime in West Africa",
        publication_type="book",
        container_title="",
        year=2010,
        isbn="0-306-40615-2",
        research_method="mixed",
        original_language=lang("fr"),
        covered=["NGA"],
    )
    draft = PublicationFactory(title="Unpublished notes", status=PublicationStatus.DRAFT)
    return {"article": article, "book": book, "draft": draft}


def ids(response) -> list[int]:  # noqa: ANN001
    assert response.status_code == 200, response.content
    return sorted(item["id"] for item in response.json()["results"])


def test_detail_and_list_show_published_only(api, shelf):
    article = shelf["article"]
    body = api.get(f"/api/v1/publications/{article.pk}/").json()
    assert [(a["family"], a["given"], a["literal"]) for a in body["authors"]] == [
        ("Shelley", "Louise", ""),
        ("", "", "UNODC"),
    ]
    assert body["doi"] == "10.1007/s12117-019-09361-2" and body["publication_type"] == "article"
    assert sorted(c["code"] for c in body["countries"]) == ["BRA", "NGA"]
    assert body["articles"][0]["reference"] == "TIP 3" and body["keywords"] == [
        "financial investigation",
        "money laundering",
    ]
    assert body["url"].endswith(f"/bibliography/{article.pk}/")
    assert ids(api.get("/api/v1/publications/")) == sorted([article.pk, shelf["book"].pk])
    assert api.get(f"/api/v1/publications/{shelf['draft'].pk}/").status_code == 404


def test_filters(api, shelf):
    article, book = shelf["article"].pk, shelf["book"].pk
    assert ids(api.get("/api/v1/publications/?country=NGA")) == sorted([article, book])
    assert ids(api.get("/api/v1/publications/?country=BR")) == [article]  # alpha-2 accepted, as elsewhere
    assert ids(api.get("/api/v1/publications/?region=011")) == sorted([article, book])  # Western Africa
    assert ids(api.get("/api/v1/publications/?publication_type=book")) == [book]
    assert ids(api.get("/api/v1/publications/?research_method=mixed,qualitative")) == sorted([article, book])
    assert ids(api.get("/api/v1/publications/?year_to=2015")) == [book]
    assert ids(api.get("/api/v1/publications/?language=fr")) == [book]
    assert ids(api.get("/api/v1/publications/?article=TIP-3&crime_type=trafficking-in-persons")) == [article]
    assert ids(api.get("/api/v1/publications/?doi=https://doi.org/10.1007/S12117-019-09361-2")) == [article]


def test_bad_filter_values_are_a_400_naming_the_parameter(api, shelf):
    for query in ("publication_type=poem", "research_method=astrology", "country=ZZZ", "year_from=99999", "colour=x"):
        response = api.get(f"/api/v1/publications/?{query}")
        assert response.status_code == 400, query
        assert query.split("=")[0] in response.content.decode()


def test_paging_cursor_sync_and_removals(api, shelf):
    body = api.get("/api/v1/publications/?page_size=1").json()
    assert body["count"] == 2 and len(body["results"]) == 1 and body["next"]
    seen, url = [], "/api/v1/publications/?pagination=cursor&page_size=1"
    while url:
        body = api.get(url).json()
        seen += [item["id"] for item in body["results"]]
        url = body["next"]
    assert sorted(seen) == sorted([shelf["article"].pk, shelf["book"].pk])

    article, book = shelf["article"], shelf["book"]
    stamp = api.get(f"/api/v1/publications/{book.pk}/").json()["updated_at"]  # the later of the two
    assert ids(api.get("/api/v1/publications/", {"updated_since": stamp})) == [book.pk]
    article.status = PublicationStatus.WITHDRAWN
    article.save()
    removals = api.get("/api/v1/removals/?type=publication").json()["results"]
    assert [(r["type"], r["id"]) for r in removals] == [("publication", article.pk)]


def test_search_api_hits_link_to_the_publication_endpoint(api, shelf):
    indexing.rebuild()
    body = api.get("/api/v1/search/", {"q": "UNODC", "type": "publication"}).json()
    (hit,) = body["results"]
    assert hit["type"] == "publication" and hit["api_url"].endswith(f"/api/v1/publications/{shelf['article'].pk}/")
    assert sorted(hit["countries"]) == ["BRA", "NGA"]


def test_search_export_as_jsonl_and_csv_holds_the_entries(api, shelf):
    import json

    body = b"".join(api.get("/api/v1/export/", {"format": "jsonl", "type": "publication"}).streaming_content)
    lines = [json.loads(line) for line in body.decode().splitlines()]
    assert sorted(line["title"] for line in lines) == sorted([shelf["article"].title, shelf["book"].title])
    assert {line["type"] for line in lines} == {"publication"}
    csv = b"".join(api.get("/api/v1/export/", {"format": "csv", "publication_type": "book"}).streaming_content)
    assert shelf["book"].title in csv.decode() and shelf["article"].title not in csv.decode()
