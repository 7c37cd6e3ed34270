"""/api/v1/guidance/: published only, filters (article, instrument, language), paging, sync, removals."""

import pytest
from django.core.cache import cache
from django.utils import timezone
from rest_framework.test import APIClient

from sherloc.models import PublicationStatus
from tests.factories import GuidanceFactory, article

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
def records() -> dict:
    return {
        "en5": GuidanceFactory(language="en"),
        "fr5": GuidanceFactory(language="fr", requirements="Les États incriminent."),
        "en6": GuidanceFactory(article=article("UNTOC-6"), language="en"),
        "tip3": GuidanceFactory(article=article("TIP-3"), language="es", requirements="Definición de la trata."),
        "draft": GuidanceFactory(article=article("UNTOC-7"), status=PublicationStatus.DRAFT),
    }


def ids(response) -> list[int]:  # noqa: ANN001
    assert response.status_code == 200, response.content
    return sorted(item["id"] for item in response.json()["results"])


def pks(records: dict, *names: str) -> list[int]:
    return sorted(records[name].pk for name in names)


def test_detail_and_list_show_published_only(api, records):
    body = api.get(f"/api/v1/guidance/{records['fr5'].pk}/").json()
    assert body["article"] == {
        "code": "UNTOC-5",
        "instrument": "UNTOC",
        "number": 5,
        "title": body["article"]["title"],
    }
    assert body["article"]["title"].startswith("5. ")
    assert body["language"] == "fr" and body["requirements"] == "Les États incriminent."
    assert body["url"].endswith("/instruments/UNTOC/articles/5/#guidance")
    assert body["api_url"].endswith(f"/api/v1/guidance/{records['fr5'].pk}/")
    assert ids(api.get("/api/v1/guidance/")) == pks(records, "en5", "fr5", "en6", "tip3")
    assert api.get(f"/api/v1/guidance/{records['draft'].pk}/").status_code == 404


def test_filters(api, records):
    assert ids(api.get("/api/v1/guidance/?article=UNTOC-5")) == pks(records, "en5", "fr5")
    assert ids(api.get("/api/v1/guidance/?article=untoc-6,TIP-3")) == pks(records, "en6", "tip3")
    assert ids(api.get("/api/v1/guidance/?instrument=TIP")) == pks(records, "tip3")
    assert ids(api.get("/api/v1/guidance/?language=en")) == pks(records, "en5", "en6")
    assert ids(api.get("/api/v1/guidance/?language=fr,es&instrument=UNTOC")) == pks(records, "fr5")
    assert ids(api.get(f"/api/v1/guidance/?external_id={records['en6'].external_id}")) == pks(records, "en6")


@pytest.mark.parametrize(
    "query",
    ["article=NOPE-1", "instrument=XYZ", "language=klingon", "updated_since=yesterday", "colour=blue"],
)
def test_bad_parameters_are_a_400_naming_the_parameter(api, records, query):
    response = api.get(f"/api/v1/guidance/?{query}")
    assert response.status_code == 400, query
    assert query.split("=")[0] in response.content.decode()


def test_unknown_or_unpublished_id_is_a_404(api, records):
    assert api.get("/api/v1/guidance/999999/").status_code == 404
    assert api.get("/api/v1/guidance/abc/").status_code == 404


def test_cursor_sync_and_removals(api, records):
    seen, url = [], "/api/v1/guidance/?pagination=cursor&page_size=1"
    while url:
        body = api.get(url).json()
        seen += [item["id"] for item in body["results"]]
        url = body["next"]
    assert sorted(seen) == pks(records, "en5", "fr5", "en6", "tip3")

    stamp = timezone.now().isoformat()  # after every record of the fixture was written
    fr5 = records["fr5"]
    fr5.drafting_points = "Nouveau point."
    fr5.save()
    changed = api.get("/api/v1/guidance/", {"updated_since": stamp}).json()["results"]
    assert fr5.pk in [item["id"] for item in changed] and records["tip3"].pk not in [item["id"] for item in changed]

    fr5.status = PublicationStatus.WITHDRAWN
    fr5.save()
    removed_id = records["en6"].pk
    records["en6"].delete()
    removals = api.get("/api/v1/removals/?type=guidance").json()["results"]
    assert [(r["type"], r["id"], r["reason"]) for r in removals] == [
        ("guidance", fr5.pk, "unpublished"),
        ("guidance", removed_id, "deleted"),
    ]
    assert ids(api.get("/api/v1/guidance/")) == pks(records, "en5", "tip3")


def _body(response) -> str:  # noqa: ANN001
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content).decode("utf-8")


def test_search_export_carries_published_guidance(api, records):
    import csv
    import io
    import json

    from search import indexing

    indexing.rebuild()
    lines = [json.loads(x) for x in _body(api.get("/api/v1/export/?format=jsonl&type=guidance")).splitlines()]
    assert sorted(r["external_id"] for r in lines) == sorted(
        records[name].external_id for name in ("en5", "fr5", "en6", "tip3")
    )
    assert {r["type"] for r in lines} == {"guidance"}
    text = _body(api.get("/api/v1/export/?format=jsonl&q=trata")).splitlines()  # a text query: the engine's cursor
    assert [json.loads(x)["external_id"] for x in text] == [records["tip3"].external_id]
    rows = list(
        csv.DictReader(
            io.StringIO(_body(api.get("/api/v1/export/?format=csv&type=guidance&language=fr")).lstrip("\ufeff"))
        )
    )
    assert [r["external_id"] for r in rows] == [records["fr5"].external_id]
    assert rows[0]["api_url"].endswith(f"/api/v1/guidance/{records['fr5'].pk}/")
    assert rows[0]["url"].endswith("/instruments/UNTOC/articles/5/#guidance")
    # a filter guidance never has (a country) leaves it out rather than failing
    assert _body(api.get("/api/v1/export/?format=jsonl&type=guidance&country=BRA")) == ""
