"""Sign-in: the header link leads to a working login page, and signing in unlocks contact details."""

import pytest

from tests.factories import AuthorityFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_sign_in_link_resolves_and_login_unlocks_contacts(client):
    authority = AuthorityFactory(email="mla@justice.example.gov")
    UserFactory(username="prosecutor", groups=["practitioners"])
    page = client.get("/en/")
    assert 'href="/en/accounts/login/' in page.content.decode()
    login = client.get("/en/accounts/login/")
    assert login.status_code == 200 and b'name="password"' in login.content

    detail = f"/en/authorities/{authority.pk}/"
    assert b"mla@justice.example.gov" not in client.get(detail).content
    response = client.post(
        "/en/accounts/login/", {"username": "prosecutor", "password": "correct-horse-battery", "next": detail}
    )
    assert response.status_code == 302 and response["Location"] == detail
    assert b"mla@justice.example.gov" in client.get(detail).content


def test_wrong_password_shows_an_error_not_a_500(client):
    UserFactory(username="prosecutor")
    response = client.post("/en/accounts/login/", {"username": "prosecutor", "password": "nope"})
    assert response.status_code == 200
    assert b"errorlist" in response.content
