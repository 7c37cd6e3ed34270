"""Over-long query strings and request bodies get the API's JSON error, not an HTML 400 (issue #19, item 10)."""

import json

import pytest
from django.core.exceptions import RequestDataTooBig

from sherloc.api import errors
from tests.api.test_errors import errors_of
from tests.api.test_submissions import _portuguese, bra, fp_bra  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [3_000_000, 30_000_000])
def test_large_bodies_are_a_json_413(bra, size) -> None:  # noqa: ANN001, F811
    data = json.dumps({"type": "law", "title": "a" * size})
    response = bra.post("/api/v1/submissions/", data, content_type="application/json")
    assert response.status_code == 413
    assert errors_of(response) == {}
    assert "at most 2621440 bytes" in response.json()["detail"]


def test_a_body_under_the_limit_is_parsed(bra) -> None:  # noqa: ANN001, F811
    data = json.dumps({"type": "law", "title": "a" * 1_000_000})
    response = bra.post("/api/v1/submissions/", data, content_type="application/json")
    assert response.status_code == 400 and "title" in errors_of(response)


def test_a_body_found_too_large_while_read_is_a_413_too() -> None:
    status, body, _headers = errors.error_parts(RequestDataTooBig("too big"))
    assert status == 413 and body["status"] == 413 and body["errors"] == {}


def test_bad_content_length_is_a_json_400(api) -> None:  # noqa: ANN001
    response = api.generic("POST", "/api/v1/submissions/", b"{}", CONTENT_LENGTH="x", content_type="application/json")
    assert response.status_code == 400 and errors_of(response) == {}


@pytest.mark.parametrize("path", ["/api/v1/laws/", "/api/v1/search/", "/api/v1/nowhere/"])
def test_query_string_over_the_limit_is_a_json_414(api, path) -> None:  # noqa: ANN001
    response = api.get(f"{path}?q={'a' * 4100}")
    assert response.status_code == 414
    assert errors_of(response) == {}
    assert response.json()["detail"] == "Query string too long: at most 4096 characters."


def test_query_string_at_the_limit_is_answered(api, settings) -> None:  # noqa: ANN001
    query = "q=" + "a" * (4096 - 2)
    assert api.get(f"/api/v1/search/?{query}").status_code == 200
    settings.API_MAX_QUERY_STRING = 100
    assert api.get(f"/api/v1/search/?{query}").status_code == 414


def test_web_pages_keep_django_behaviour(client) -> None:  # noqa: ANN001
    assert client.get(f"/en/search/?q={'a' * 4100}").status_code == 200
