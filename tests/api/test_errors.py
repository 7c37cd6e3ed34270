"""Bad input is a 400 naming each bad parameter, unknown ids a 404, always JSON, never a 500."""

import pytest

pytestmark = pytest.mark.django_db


def errors_of(response) -> dict:  # noqa: ANN001
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"status", "detail", "errors"}
    assert body["status"] == response.status_code
    return body["errors"]


def test_unknown_parameters_named(api, corpus):
    response = api.get("/api/v1/laws/?contry=BRA&foo=1")
    assert response.status_code == 400
    assert errors_of(response) == {"contry": ["Unknown parameter."], "foo": ["Unknown parameter."]}


def test_every_bad_parameter_reported_at_once(api, corpus):
    response = api.get("/api/v1/cases/?country=XXX&article=UNTOC-99&year_from=abc&decided_from=2020-02-30&bogus=1")
    assert response.status_code == 400
    errors = errors_of(response)
    assert set(errors) == {"country", "article", "year_from", "decided_from", "bogus"}
    assert errors["country"] == ["Unknown code(s): XXX."]
    assert errors["article"] == ["Unknown code(s): UNTOC-99."]


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("crime_type=not-a-crime", "crime_type"),
        ("issue=nope", "issue"),
        ("instrument=UNCAC", "instrument"),
        ("region=9999", "region"),
        ("language=xx", "language"),
        ("legal_status=alive", "legal_status"),
        ("law_type=poem", "law_type"),
        ("year_from=99999", "year_from"),
        ("year_to=-5", "year_to"),
        ("adopted_from=yesterday", "adopted_from"),
        ("adopted_to=2020-13-01", "adopted_to"),
        ("updated_since=not-a-date", "updated_since"),
        ("updated_since=2024-01-01T25:00:00Z", "updated_since"),
        ("ordering=colour", "ordering"),
        ("page=0", "page"),
        ("page=abc", "page"),
        ("page=99", "page"),  # past the last page
        ("page=100000", "page"),  # deeper than the depth limit
        ("page_size=101", "page_size"),
        ("page_size=0", "page_size"),
        ("pagination=sideways", "pagination"),
        ("cursor=%%%", "cursor"),
        ("cursor=eyJub3QiOiJhIGN1cnNvciJ9", "cursor"),
        ("lang=tlh", "lang"),
        ("country=BRA&country=FRA", "country"),  # repeated: use a comma list
    ],
)
def test_malformed_values_named(api, corpus, query, param):
    response = api.get(f"/api/v1/laws/?{query}")
    assert response.status_code == 400, response.content
    assert param in errors_of(response)


def test_page_too_deep_suggests_cursor(api, corpus, settings):
    settings.SEARCH_MAX_DEPTH = 40
    response = api.get("/api/v1/laws/?page=3&page_size=20")
    assert response.status_code == 400
    assert "pagination=cursor" in errors_of(response)["page"][0]


def test_detail_accepts_only_lang(api, corpus):
    response = api.get(f"/api/v1/laws/{corpus['bra_law'].pk}/?country=BRA")
    assert response.status_code == 400
    assert errors_of(response) == {"country": ["Unknown parameter."]}


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/laws/999999/",
        "/api/v1/laws/99999999999999999999999999/",  # would overflow the integer column
        "/api/v1/laws/abc/",
        "/api/v1/cases/0/",
        "/api/v1/nothing-here/",
        "/api/v1/laws/1/provisions/",
    ],
)
def test_unknown_ids_and_paths_are_json_404(api, db, path):
    response = api.get(path)
    assert response.status_code == 404
    errors_of(response)


def test_write_methods_refused(api, corpus):
    response = api.post("/api/v1/laws/", {"title": "x"}, format="json")
    assert response.status_code in (401, 403, 405)
    errors_of(response)


def test_empty_filter_value_is_ignored_not_error(api, corpus):
    assert api.get("/api/v1/laws/?country=").status_code == 200
