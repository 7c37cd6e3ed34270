"""Vocabulary endpoints: looked up by code, labels translated, filters, no N+1."""

import pytest

from taxonomy.models import Article, Country, CrimeType, Instrument, Issue

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "model"),
    [
        ("instruments", Instrument),
        ("articles", Article),
        ("crime-types", CrimeType),
        ("issues", Issue),
        ("countries", Country),
    ],
)
def test_lists_return_every_term(api, path, model):
    response = api.get(f"/api/v1/{path}/")
    assert response.status_code == 200
    assert len(response.json()) == model.objects.count()


@pytest.mark.parametrize(
    "path",
    ["regions/419", "authority-roles/mla-central", "languages/fr", "instruments/UNTOC", "crime-types/cybercrime"],
)
def test_details_by_code(api, path):
    response = api.get(f"/api/v1/{path}/")
    assert response.status_code == 200
    assert response.json()["code"].lower() == path.split("/")[1].lower()
    assert response.json()["api_url"].endswith(f"/api/v1/{path}/")


def test_article_by_code_case_insensitive(api):
    body = api.get("/api/v1/articles/untoc-18/").json()
    assert body["code"] == "UNTOC-18"
    assert body["instrument"] == "UNTOC"
    assert body["number"] == 18


def test_country_by_alpha3_or_alpha2(api):
    assert api.get("/api/v1/countries/BRA/").json()["alpha2"] == "BR"
    assert api.get("/api/v1/countries/br/").json()["code"] == "BRA"
    assert api.get("/api/v1/countries/XIR/").json()["is_international"] is True


def test_unknown_code_is_404(api):
    for path in ("countries/QQQ", "articles/UNTOC-999", "issues/nope", "crime-types/nope", "regions/000000"):
        response = api.get(f"/api/v1/{path}/")
        assert response.status_code == 404, path
        assert response.json()["status"] == 404


def test_country_labels_translated(api):
    assert api.get("/api/v1/countries/BRA/?lang=fr").json()["label"] == "Brésil"
    assert api.get("/api/v1/countries/BRA/", HTTP_ACCEPT_LANGUAGE="ru").json()["label"] == "Бразилия"
    assert api.get("/api/v1/countries/BRA/?lang=zh").json()["label"] == "巴西"


def test_vocabulary_label_translation_from_translations_map(api):
    CrimeType.objects.filter(code="cybercrime").update(translations={"fr": "Cybercriminalité"})
    assert api.get("/api/v1/crime-types/cybercrime/?lang=fr").json()["label"] == "Cybercriminalité"
    assert api.get("/api/v1/crime-types/cybercrime/?lang=es").json()["label"] == "Cybercrime"  # fallback


def test_instrument_detail_lists_articles(api):
    body = api.get("/api/v1/instruments/TIP/").json()
    assert body["parent"] == "UNTOC"
    assert [a["code"] for a in body["articles"]][:3] == ["TIP-1", "TIP-2", "TIP-3"]
    assert len(body["articles"]) == Article.objects.filter(instrument__code="TIP").count()


def test_crime_types_carry_subtypes(api):
    tip = next(c for c in api.get("/api/v1/crime-types/").json() if c["code"] == "trafficking-in-persons")
    assert {s["facet"] for s in tip["subtypes"]} >= {"acts", "means", "purposes"}
    assert all(s["code"].startswith("trafficking-in-persons.") for s in tip["subtypes"])


def test_issue_tree(api):
    body = api.get("/api/v1/issues/investigation.sit/").json()
    assert body["parent"] == "investigation"
    assert body["ancestors"] == ["investigation"]
    assert "investigation.sit.undercover" in [c["code"] for c in body["children"]]
    top = api.get("/api/v1/issues/?depth=0").json()
    assert all(i["parent"] is None for i in top) and top
    under = [i["code"] for i in api.get("/api/v1/issues/?under=investigation.sit").json()]
    assert under[0] == "investigation.sit" and all(c.startswith("investigation.sit") for c in under)


def test_vocabulary_filters(api):
    articles = api.get("/api/v1/articles/?instrument=SOM").json()
    assert articles and {a["instrument"] for a in articles} == {"SOM"}
    europe = [c["code"] for c in api.get("/api/v1/countries/?region=150").json()]
    assert "FRA" in europe and "BRA" not in europe
    assert api.get("/api/v1/countries/?region=999999").status_code == 400


@pytest.mark.parametrize(
    "path", ["countries", "articles", "crime-types", "issues", "instruments", "regions", "authority-roles", "languages"]
)
def test_vocabulary_lists_constant_queries(api, django_assert_max_num_queries, path):
    with django_assert_max_num_queries(2):
        assert api.get(f"/api/v1/{path}/").status_code == 200
