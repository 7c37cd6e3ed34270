"""Cache headers and compression of the search page: a proxy may keep an anonymous page briefly, never a
signed-in one, never an error, never a response that sets a cookie."""

from __future__ import annotations

import gzip

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.cache import get_max_age, patch_cache_control

from portal.caching import PublicCacheGuardMiddleware
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SEARCH = "/en/search/"


def directives(response) -> set[str]:  # noqa: ANN001
    return {d.strip() for d in response.get("Cache-Control", "").split(",") if d.strip()}


def vary(response) -> set[str]:  # noqa: ANN001
    return {v.strip().lower() for v in response.get("Vary", "").split(",")}


def test_anonymous_search_page_is_publicly_cacheable_for_a_short_while(client, web_data, settings) -> None:  # noqa: ANN001
    settings.PUBLIC_PAGE_MAX_AGE = 45
    response = client.get(SEARCH, {"q": "trafficking"})
    assert response.status_code == 200
    assert "public" in directives(response)
    assert get_max_age(response) == 45
    assert {"cookie", "accept-language"} <= vary(response)
    assert not response.cookies


def test_signed_in_search_page_is_never_stored(client, web_data) -> None:  # noqa: ANN001
    client.force_login(UserFactory())
    response = client.get(SEARCH, {"q": "trafficking"})
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)
    assert "public" not in directives(response)
    assert "cookie" in vary(response)


def test_error_pages_are_not_kept(client, web_data) -> None:  # noqa: ANN001
    response = client.get(SEARCH, {"page": "zero"})
    assert response.status_code == 400
    assert "public" not in directives(response)
    assert "no-cache" in directives(response)


def test_max_age_zero_turns_public_caching_off(client, web_data, settings) -> None:  # noqa: ANN001
    settings.PUBLIC_PAGE_MAX_AGE = 0
    response = client.get(SEARCH)
    assert response.status_code == 200
    assert "public" not in directives(response)


def test_search_page_is_gzip_compressed_when_the_client_accepts_it(client, web_data) -> None:  # noqa: ANN001
    plain = client.get(SEARCH)
    compressed = client.get(SEARCH, headers={"accept-encoding": "gzip"})
    assert compressed["Content-Encoding"] == "gzip"
    assert "accept-encoding" in vary(compressed)
    body = gzip.decompress(compressed.content).decode()
    assert 'role="search"' in body
    assert len(compressed.content) * 3 < len(plain.content)


@pytest.mark.parametrize("reason", ["cookie", "no-vary"])
def test_guard_turns_a_public_response_with_personal_parts_private(reason: str) -> None:
    def view(request):  # noqa: ANN001, ANN202
        response = HttpResponse("page")
        patch_cache_control(response, public=True, max_age=60)
        if reason == "cookie":
            response["Vary"] = "Cookie"
            response.set_cookie("messages", "shown once")
        return response

    request = RequestFactory().get(SEARCH)
    response = PublicCacheGuardMiddleware(view)(request)
    assert {"private", "no-store"} <= directives(response)
    assert "public" not in directives(response)
    assert get_max_age(response) is None


def test_guard_leaves_a_clean_public_response_alone() -> None:
    def view(request):  # noqa: ANN001, ANN202
        response = HttpResponse("page")
        patch_cache_control(response, public=True, max_age=60)
        response["Vary"] = "Cookie"
        return response

    response = PublicCacheGuardMiddleware(view)(RequestFactory().get(SEARCH))
    assert directives(response) == {"public", "max-age=60"}
