"""sherloc.api.middleware: safe API calls without a session skip the browser machinery; everything else
(signed-in browser users, writes, the web pages) goes through the stock middleware unchanged."""

from __future__ import annotations

from django.conf import settings
from django.test import RequestFactory

from sherloc.api.middleware import is_api_lite


def test_lite_only_for_safe_api_calls_without_a_session_cookie():
    rf = RequestFactory()
    assert is_api_lite(rf.get("/api/v1/search/"))
    assert not is_api_lite(rf.post("/api/v1/search/"))
    assert not is_api_lite(rf.get("/en/search/"))
    with_cookie = rf.get("/api/v1/search/")
    with_cookie.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"
    assert not is_api_lite(with_cookie)


def test_anonymous_api_call_sets_no_cookies_and_keeps_language_headers(api, corpus):
    response = api.get("/api/v1/laws/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert not response.cookies
    assert response["Content-Language"] == "fr"
    assert "Accept-Language" in response["Vary"]


def test_error_messages_follow_accept_language(api, db):
    response = api.get("/api/v1/laws/", {"nope": "1"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400 and response["Content-Language"] == "fr"


def test_signed_in_browser_user_is_still_authenticated(api, corpus, practitioner):
    api.force_login(practitioner)
    body = api.get(f"/api/v1/authorities/{corpus['bra_auth'].pk}/").json()
    assert body["phone"] == "+55 61 2025 0000"


def test_web_pages_keep_the_full_stack(client, db):
    response = client.get("/api/v1/unknown/")
    assert response.status_code == 404
    page = client.get("/en/")
    assert page.status_code == 200 and page["Content-Language"] == "en"
