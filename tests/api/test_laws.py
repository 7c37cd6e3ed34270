"""/api/v1/laws/ and /api/v1/provisions/: representation, filters, published-only."""

import pytest

from .conftest import ids

pytestmark = pytest.mark.django_db


def test_law_list_shows_published_laws_only(api, corpus):
    response = api.get("/api/v1/laws/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert set(ids(response)) == {corpus["bra_law"].pk, corpus["fra_law"].pk}
    assert corpus["draft_law"].pk not in ids(response)


def test_law_detail_nests_provisions_with_tag_codes(api, corpus):
    law = corpus["bra_law"]
    body = api.get(f"/api/v1/laws/{law.pk}/").json()
    assert body["id"] == law.pk
    assert body["external_id"] == law.external_id
    assert body["url"] == f"http://testserver/en/laws/{law.pk}/"
    assert body["api_url"] == f"http://testserver/api/v1/laws/{law.pk}/"
    assert body["country"] == {"code": "BRA", "alpha2": "BR", "label": "Brazil"}
    assert body["year"] == 2016
    first, second = body["provisions"]
    assert first["label"] == "Art. 149-A"
    assert [a["reference"] for a in first["articles"]] == ["TIP 3", "TIP 5(1)"]
    assert first["articles"][1] == {
        "code": "TIP-5",
        "instrument": "TIP",
        "number": 5,
        "paragraph": "1",
        "reference": "TIP 5(1)",
        "label": first["articles"][1]["label"],
    }
    assert first["crime_types"] == [{"code": "trafficking-in-persons", "label": "Trafficking in persons"}]
    assert [i["code"] for i in first["issues"]] == ["investigation.sit.undercover"]
    assert second["articles"][0]["reference"] == "UNTOC 18(13)"
    assert first["api_url"].endswith(f"/api/v1/provisions/{first['id']}/")
    assert first["url"].endswith(f"/en/laws/{law.pk}/#provision-{first['id']}")


def test_unpublished_law_is_404(api, corpus):
    response = api.get(f"/api/v1/laws/{corpus['draft_law'].pk}/")
    assert response.status_code == 404
    assert response.json() == {"status": 404, "detail": "Not found.", "errors": {}}


def test_provisions_of_unpublished_laws_do_not_exist(api, corpus):
    draft_provision = corpus["draft_law"].provisions.get()
    assert api.get(f"/api/v1/provisions/{draft_provision.pk}/").status_code == 404
    listed = ids(api.get("/api/v1/provisions/"))
    assert draft_provision.pk not in listed
    assert len(listed) == 3


def test_provision_detail_links_its_law(api, corpus):
    p1 = corpus["provisions"][0]
    body = api.get(f"/api/v1/provisions/{p1.pk}/").json()
    assert body["law"]["id"] == corpus["bra_law"].pk
    assert body["law"]["external_id"] == corpus["bra_law"].external_id
    assert body["law"]["api_url"].endswith(f"/api/v1/laws/{corpus['bra_law'].pk}/")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=BRA", ["bra_law"]),
        ("country=br", ["bra_law"]),  # alpha-2, any case
        ("country=BRA,FRA", ["bra_law", "fra_law"]),
        ("region=150", ["fra_law"]),  # Europe
        ("region=419", ["bra_law"]),  # Latin America and the Caribbean (sub-region)
        ("instrument=TIP", ["bra_law"]),
        ("instrument=UNTOC", ["bra_law", "fra_law"]),
        ("article=UNTOC-5", ["fra_law"]),
        ("article=untoc-18,TIP-3", ["bra_law"]),
        ("crime_type=trafficking-in-persons", ["bra_law"]),
        ("issue=investigation", ["bra_law"]),  # ancestor matches the tagged sub-issue
        ("issue=investigation.sit.controlled-delivery", []),
        ("legal_status=repealed", ["fra_law"]),
        ("law_type=act", ["bra_law", "fra_law"]),
        ("year_from=2010", ["bra_law"]),
        ("year_to=2010", ["fra_law"]),
        ("year_from=2004&year_to=2004", ["fra_law"]),
        ("adopted_from=2016-01-01&adopted_to=2016-12-31", ["bra_law"]),
        ("language=en", ["bra_law", "fra_law"]),
        ("language=fr", []),
    ],
)
def test_law_filters(api, corpus, query, expected):
    response = api.get(f"/api/v1/laws/?{query}")
    assert response.status_code == 200, response.json()
    assert sorted(ids(response)) == sorted(corpus[name].pk for name in expected)
    assert response.json()["count"] == len(expected)


def test_law_filters_combine_with_and(api, corpus):
    assert ids(api.get("/api/v1/laws/?country=FRA&instrument=TIP")) == []


def test_provision_filters(api, corpus):
    p1, p2, p3 = corpus["provisions"]
    assert ids(api.get("/api/v1/provisions/?article=TIP-3")) == [p1.pk]
    assert sorted(ids(api.get("/api/v1/provisions/?instrument=UNTOC"))) == [p2.pk, p3.pk]
    assert ids(api.get("/api/v1/provisions/?issue=investigation.sit")) == [p1.pk]
    assert ids(api.get(f"/api/v1/provisions/?law={corpus['fra_law'].pk}")) == [p3.pk]
    assert ids(api.get("/api/v1/provisions/?country=FRA&legal_status=repealed")) == [p3.pk]


def test_law_ordering(api, corpus):
    assert ids(api.get("/api/v1/laws/?ordering=adoption_date")) == [corpus["fra_law"].pk, corpus["bra_law"].pk]
    assert ids(api.get("/api/v1/laws/?ordering=-adoption_date")) == [corpus["bra_law"].pk, corpus["fra_law"].pk]


def test_labels_follow_lang_parameter_and_accept_language(api, corpus):
    law = corpus["bra_law"]
    assert api.get(f"/api/v1/laws/{law.pk}/?lang=fr").json()["country"]["label"] == "Brésil"
    response = api.get(f"/api/v1/laws/{law.pk}/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.json()["country"]["label"] == "Brasil"
    assert response["Content-Language"] == "es"
    assert "Accept-Language" in response["Vary"]
    # The public page link follows the language too.
    assert api.get(f"/api/v1/laws/{law.pk}/?lang=fr").json()["url"].endswith(f"/fr/laws/{law.pk}/")
