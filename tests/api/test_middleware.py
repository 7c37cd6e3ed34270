"""The API behind Django's stock middleware: language headers, no cookies for anonymous calls, session users."""

from __future__ import annotations


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
