"""Empty parameter values are absent ones, on every list endpoint and search alike (issue #19, item 11)."""

import pytest

pytestmark = pytest.mark.django_db
LISTS = ["laws", "cases", "authorities", "provisions"]


def ids(response) -> list:  # noqa: ANN001
    assert response.status_code == 200, response.content
    return [row.get("id") for row in response.json()["results"]]


@pytest.mark.parametrize("endpoint", [*LISTS, "search"])
@pytest.mark.parametrize("param", ["instrument", "region", "country", "crime_type", "article"])
@pytest.mark.parametrize("empty", ["", ",", " , "])
def test_empty_filters_are_absent(api, corpus, endpoint, param, empty) -> None:  # noqa: ANN001
    assert ids(api.get(f"/api/v1/{endpoint}/", {param: empty})) == ids(api.get(f"/api/v1/{endpoint}/"))


@pytest.mark.parametrize("endpoint", [*LISTS, "search"])
@pytest.mark.parametrize("empty", ["", " "])
def test_an_empty_lang_is_absent(api, corpus, endpoint, empty) -> None:  # noqa: ANN001
    assert ids(api.get(f"/api/v1/{endpoint}/", {"lang": empty})) == ids(api.get(f"/api/v1/{endpoint}/"))


@pytest.mark.parametrize("endpoint", LISTS)
@pytest.mark.parametrize("query", ["cursor=", "cursor=&page=1", "pagination=page&cursor=", "pagination=&page=1"])
def test_an_empty_cursor_is_absent_on_page_lists(api, corpus, endpoint, query) -> None:  # noqa: ANN001
    response = api.get(f"/api/v1/{endpoint}/?{query}")
    assert ids(response) == ids(api.get(f"/api/v1/{endpoint}/?page=1"))
    assert response.json()["page"] == 1


def test_a_real_cursor_still_needs_cursor_mode(api, corpus) -> None:  # noqa: ANN001
    first = api.get("/api/v1/laws/?pagination=cursor&page_size=1").json()
    cursor = first["next"].split("cursor=")[1].split("&")[0]
    response = api.get(f"/api/v1/laws/?pagination=page&cursor={cursor}")
    assert response.status_code == 400 and "cursor" in response.json()["errors"]
