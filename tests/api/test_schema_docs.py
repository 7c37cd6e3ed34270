"""OpenAPI schema, offline docs UI, CORS."""

import pytest
import yaml
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(api) -> dict:  # noqa: ANN001
    response = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def test_schema_is_valid_openapi(api):
    from drf_spectacular.validation import validate_schema

    response = api.get("/api/v1/schema/")
    assert response.status_code == 200
    document = yaml.safe_load(response.content)
    validate_schema(document)
    assert document["openapi"].startswith("3.")


def test_schema_lists_every_endpoint(schema):
    paths = set(schema["paths"])
    for path in (
        "/api/v1/laws/",
        "/api/v1/laws/{id}/",
        "/api/v1/provisions/",
        "/api/v1/cases/{id}/",
        "/api/v1/authorities/",
        "/api/v1/articles/{code}/",
        "/api/v1/countries/{code}/",
        "/api/v1/crime-types/",
        "/api/v1/issues/",
        "/api/v1/regions/",
        "/api/v1/authority-roles/",
        "/api/v1/languages/",
        "/api/v1/instruments/",
        "/api/v1/search/",
        "/api/v1/export/",
    ):
        assert path in paths, path


def test_search_parameters_and_enums_documented(schema):
    params = {p["name"]: p for p in schema["paths"]["/api/v1/search/"]["get"]["parameters"]}
    expected = {
        "q", "type", "country", "region", "instrument", "article", "crime_type", "crime_subtype", "issue",
        "language", "court_level", "legal_status", "role", "year_from", "year_to", "sort", "page", "page_size",
        "cursor", "facets", "lang",
    }  # fmt: skip
    assert expected <= set(params)
    assert set(params["sort"]["schema"]["enum"]) == {"relevance", "newest", "oldest", "title"}
    assert set(params["type"]["schema"]["items"]["enum"]) == {
        "legislation",
        "case",
        "authority",
        "strategy",
        "material",
        "publication",
        "guidance",
    }
    assert "country" in params["facets"]["schema"]["items"]["enum"]
    assert "appeal" in params["court_level"]["schema"]["items"]["enum"]
    responses = schema["paths"]["/api/v1/search/"]["get"]["responses"]
    assert {"200", "400", "429"} <= set(responses)


def test_list_filters_documented(schema):
    params = {p["name"] for p in schema["paths"]["/api/v1/cases/"]["get"]["parameters"]}
    assert {"country", "article", "crime_type", "issue", "updated_since", "cursor", "pagination", "page"} <= params


def test_token_security_scheme(schema):
    assert schema["components"]["securitySchemes"]["tokenAuth"]["in"] == "header"


def test_docs_served_with_local_assets(api):
    response = api.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle.js" in html
    assert "cdn." not in html and "unpkg" not in html and "jsdelivr" not in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")


def test_cors_on_get(api, db):
    response = api.get("/api/v1/languages/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_cors_preflight(api, db):
    response = api.options(
        "/api/v1/laws/",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization,if-none-match",
    )
    assert response.status_code == 200
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "authorization" in response["Access-Control-Allow-Headers"]


def test_no_cors_outside_api(client, db):
    response = client.get("/healthz", HTTP_ORIGIN="https://example.org")
    assert "Access-Control-Allow-Origin" not in response
