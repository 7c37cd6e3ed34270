"""/api/v1/strategies/ and /api/v1/explanatory-materials/: published only, filters, paging, sync, removals."""

import datetime as dt

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from sherloc.models import PublicationStatus
from tests.factories import LawFactory, MaterialFactory, StrategyFactory, country

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
    national = StrategyFactory(
        title="Estratégia Nacional de Enfrentamento ao Tráfico",
        tags={"articles": [("TIP-9", "1")], "crime_types": ["trafficking-in-persons"], "issues": ["prevention"]},
    )
    regional = StrategyFactory(
        title="ECOWAS Regional Action Plan",
        country=country("XIR"),
        covered=["NGA", "GHA"],
        strategy_type="action_plan",
        adoption_date=dt.date(2016, 6, 1),
        period_start=dt.date(2016, 1, 1),
        period_end=dt.date(2020, 12, 31),
    )
    draft = StrategyFactory(title="Draft policy", status=PublicationStatus.DRAFT)
    law = LawFactory(title="Organized Crime Act", country=country("FRA"))
    memo = MaterialFactory(law=law, tags={"articles": ["UNTOC-2"]})
    hidden_law = LawFactory(title="Withdrawn act", status=PublicationStatus.WITHDRAWN)
    orphan = MaterialFactory(law=hidden_law)
    return {"national": national, "regional": regional, "draft": draft, "memo": memo, "orphan": orphan, "law": law}


def ids(response) -> list[int]:  # noqa: ANN001
    assert response.status_code == 200, response.content
    return sorted(item["id"] for item in response.json()["results"])


def test_strategy_detail_and_list_show_published_only(api, records):
    body = api.get(f"/api/v1/strategies/{records['national'].pk}/").json()
    assert body["country"]["code"] == "BRA" and body["covered_countries"] == []
    assert body["articles"][0]["reference"] == "TIP 9(1)"
    assert body["current_status"] == "current" and body["strategy_type"] == "strategy"
    assert body["url"].endswith(f"/strategies/{records['national'].pk}/")
    assert ids(api.get("/api/v1/strategies/")) == sorted([records["national"].pk, records["regional"].pk])
    assert api.get(f"/api/v1/strategies/{records['draft'].pk}/").status_code == 404


def test_regional_strategy_is_expired_and_listed_under_covered_countries(api, records):
    regional = records["regional"].pk
    body = api.get(f"/api/v1/strategies/{regional}/").json()
    assert body["current_status"] == "expired"
    assert sorted(c["code"] for c in body["covered_countries"]) == ["GHA", "NGA"]
    assert ids(api.get("/api/v1/strategies/?country=NGA")) == [regional]
    assert ids(api.get("/api/v1/strategies/?country=BRA")) == [records["national"].pk]
    assert ids(api.get("/api/v1/strategies/?region=011")) == [regional]  # Western Africa


def test_strategy_filters(api, records):
    national = records["national"].pk
    assert ids(api.get("/api/v1/strategies/?article=TIP-9")) == [national]
    assert ids(api.get("/api/v1/strategies/?instrument=TIP")) == [national]
    assert ids(api.get("/api/v1/strategies/?crime_type=trafficking-in-persons")) == [national]
    assert ids(api.get("/api/v1/strategies/?strategy_type=action_plan")) == [records["regional"].pk]
    assert ids(api.get("/api/v1/strategies/?year_to=2017")) == [records["regional"].pk]
    assert ids(api.get("/api/v1/strategies/?language=en")) == sorted([national, records["regional"].pk])


def test_bad_filter_values_are_a_400_naming_the_parameter(api, records):
    for query in ("article=NOPE-1", "strategy_type=manifesto", "country=ZZZ", "colour=blue"):
        response = api.get(f"/api/v1/strategies/?{query}")
        assert response.status_code == 400, query
        assert query.split("=")[0] in response.content.decode()


def test_cursor_sync_and_removals(api, records):
    seen, url = [], "/api/v1/strategies/?pagination=cursor&page_size=1"
    while url:
        body = api.get(url).json()
        seen += [item["id"] for item in body["results"]]
        url = body["next"]
    assert sorted(seen) == sorted([records["national"].pk, records["regional"].pk])

    national = records["national"]
    national.status = PublicationStatus.WITHDRAWN
    national.save()
    removals = api.get("/api/v1/removals/?type=strategy").json()["results"]
    assert [(r["type"], r["id"]) for r in removals] == [("strategy", national.pk)]


def test_materials_follow_their_law(api, records):
    memo = records["memo"]
    assert ids(api.get("/api/v1/explanatory-materials/")) == [memo.pk]
    body = api.get(f"/api/v1/explanatory-materials/{memo.pk}/").json()
    assert body["law"]["id"] == records["law"].pk and body["country"]["code"] == "FRA"
    assert body["url"].endswith(f"/laws/{records['law'].pk}/#material-{memo.pk}")
    assert body["kind"] == "memorandum"
    assert api.get(f"/api/v1/explanatory-materials/{records['orphan'].pk}/").status_code == 404
    assert ids(api.get("/api/v1/explanatory-materials/?country=FRA&article=UNTOC-2")) == [memo.pk]
    assert ids(api.get(f"/api/v1/explanatory-materials/?law={records['law'].external_id}")) == [memo.pk]
    assert ids(api.get("/api/v1/explanatory-materials/?country=BRA")) == []
