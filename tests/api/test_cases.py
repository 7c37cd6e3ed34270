"""/api/v1/cases/: people, charges, tags, filters, published-only."""

import pytest

from .conftest import ids

pytestmark = pytest.mark.django_db


def test_case_detail_has_people_and_charges(api, corpus):
    case = corpus["bra_case"]
    body = api.get(f"/api/v1/cases/{case.pk}/").json()
    assert body["external_id"] == case.external_id
    assert body["portal_number"] == case.portal_number
    assert body["court"] == {"name": case.court.name, "level": "appeal", "country": "BRA"}
    assert body["year"] == 2019
    roles = [(p["role"], p["name"]) for p in body["people"]]
    assert roles == [("defendant", "R.S. Souza"), ("victim", "M.R."), ("defendant", "Gang")]
    assert body["people"][2]["kind"] == "group" and body["people"][2]["group_size"] == 5
    (charge,) = body["charges"]
    assert charge["defendant"] == body["people"][0]["id"]
    assert charge["verdict"] == "convicted"
    assert charge["provision"]["id"] == corpus["provisions"][0].pk
    assert body["articles"][0]["code"] == "TIP-3"
    assert body["crime_types"][0]["code"] == "trafficking-in-persons"
    assert body["url"].endswith(f"/en/cases/{case.pk}/")


def test_charge_hides_link_to_unpublished_provision(api, corpus):
    from tests.factories import ChargeFactory

    draft_provision = corpus["draft_law"].provisions.get()
    case = corpus["xir_case"]
    ChargeFactory(case=case, defendant__case=case, provision=draft_provision)
    body = api.get(f"/api/v1/cases/{case.pk}/").json()
    assert body["charges"][0]["provision"] is None


def test_unpublished_case_absent(api, corpus):
    assert api.get(f"/api/v1/cases/{corpus['draft_case'].pk}/").status_code == 404
    response = api.get("/api/v1/cases/")
    assert corpus["draft_case"].pk not in ids(response)
    assert response.json()["count"] == 2


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=XIR", ["xir_case"]),
        ("country=BRA,XIR", ["bra_case", "xir_case"]),
        ("article=UNTOC-18", ["xir_case"]),
        ("instrument=TIP", ["bra_case"]),
        ("crime_type=money-laundering", ["xir_case"]),
        ("issue=investigation", ["bra_case"]),
        ("court_level=international", ["xir_case"]),
        ("court_level=appeal,international", ["bra_case", "xir_case"]),
        ("procedural_stage=trial", ["bra_case", "xir_case"]),
        ("year_from=2015", ["bra_case"]),
        ("year_to=2015", ["xir_case"]),
        ("decided_from=2010-01-07&decided_to=2010-01-07", ["xir_case"]),
        ("region=419", ["bra_case"]),
    ],
)
def test_case_filters(api, corpus, query, expected):
    response = api.get(f"/api/v1/cases/?{query}")
    assert response.status_code == 200, response.json()
    assert sorted(ids(response)) == sorted(corpus[name].pk for name in expected)


def test_portal_number_and_external_id_filters(api, corpus):
    case = corpus["bra_case"]
    assert ids(api.get(f"/api/v1/cases/?portal_number={case.portal_number}")) == [case.pk]
    assert ids(api.get(f"/api/v1/cases/?external_id={case.external_id}")) == [case.pk]


def test_default_ordering_newest_decision_first(api, corpus):
    assert ids(api.get("/api/v1/cases/")) == [corpus["bra_case"].pk, corpus["xir_case"].pk]
    assert ids(api.get("/api/v1/cases/?ordering=decision_date")) == [corpus["xir_case"].pk, corpus["bra_case"].pk]
