"""Password reset by e-mail (end to end through the link in the message) and password change."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import UserFactory

from .conftest import NEW_PASSWORD, PASSWORD, link_in

pytestmark = pytest.mark.django_db


def test_reset_flow_sets_a_new_password(client, mailoutbox) -> None:  # noqa: ANN001
    user = UserFactory(username="amina", email="amina@example.org")
    form = client.get("/en/accounts/password_reset/").content.decode()
    assert 'class="account-form"' in form and 'class="site-header"' in form  # our template, in the site layout
    response = client.post("/en/accounts/password_reset/", {"email": "AMINA@example.org"})
    assert response.status_code == 302 and response["Location"] == "/en/accounts/password_reset/done/"
    assert "Check your e-mail" in client.get(response["Location"]).content.decode()

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["amina@example.org"]
    assert "amina" in message.body
    link = link_in(message)
    assert link.startswith("/en/accounts/reset/")

    form_page = client.get(link, follow=True)  # Django swaps the token for a session marker and redirects
    assert form_page.status_code == 200
    assert "Choose a new password" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done["Location"] == "/en/accounts/reset/done/"
    assert "Password changed" in client.get(done["Location"]).content.decode()

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD) and not user.check_password(PASSWORD)
    signed_in = client.post("/en/accounts/login/", {"username": "amina@example.org", "password": NEW_PASSWORD})
    assert signed_in.status_code == 302

    # The link works once.
    client.logout()
    again = client.get(link, follow=True)
    assert "This link no longer works" in again.content.decode()


def test_reset_applies_password_validators(client, mailoutbox) -> None:  # noqa: ANN001
    UserFactory(username="amina", email="amina@example.org")
    client.post("/en/accounts/password_reset/", {"email": "amina@example.org"})
    form_page = client.get(link_in(mailoutbox[0]), follow=True)
    response = client.post(form_page.redirect_chain[-1][0], {"new_password1": "12345678", "new_password2": "12345678"})
    assert response.status_code == 200
    assert "too common" in response.content.decode()


def test_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client, mailoutbox) -> None:  # noqa: ANN001
    response = client.post("/en/accounts/password_reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302 and response["Location"] == "/en/accounts/password_reset/done/"
    assert mailoutbox == []


def test_reset_page_in_arabic_is_right_to_left(client) -> None:  # noqa: ANN001
    page = client.get("/ar/accounts/password_reset/").content.decode()
    assert 'dir="rtl"' in page and 'name="email"' in page


def test_password_change_for_signed_in_users(client) -> None:  # noqa: ANN001
    user = UserFactory(username="amina")
    assert client.get("/en/accounts/password_change/").status_code == 302  # anonymous: to the login page
    client.force_login(user)
    assert 'name="old_password"' in client.get("/en/accounts/password_change/").content.decode()
    wrong = client.post(
        "/en/accounts/password_change/",
        {"old_password": "nope", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert wrong.status_code == 200 and "errorlist" in wrong.content.decode()
    response = client.post(
        "/en/accounts/password_change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302 and response["Location"] == "/en/accounts/password_change/done/"
    assert client.get(response["Location"]).status_code == 200  # still signed in (session hash updated)
    assert get_user_model().objects.get(pk=user.pk).check_password(NEW_PASSWORD)
