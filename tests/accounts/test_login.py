"""Sign-in with a username or an e-mail address, through the login page and the admin."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import UserFactory

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, identifier: str, password: str = PASSWORD, next_url: str = ""):  # noqa: ANN001, ANN201
    data = {"username": identifier, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post("/en/accounts/login/", data)


def signed_in_as(client) -> str | None:  # noqa: ANN001
    user_id = client.session.get("_auth_user_id")
    return get_user_model().objects.get(pk=user_id).username if user_id else None


def test_login_page_offers_username_or_email_and_password_reset(client) -> None:  # noqa: ANN001
    page = client.get("/en/accounts/login/").content.decode()
    assert "Username or e-mail address" in page
    assert 'href="/en/accounts/password_reset/"' in page
    assert 'maxlength="254"' in page


def test_sign_in_with_username(client) -> None:  # noqa: ANN001
    UserFactory(username="amina")
    response = sign_in(client, "amina", next_url="/en/search/")
    assert response.status_code == 302 and response["Location"] == "/en/search/"
    assert signed_in_as(client) == "amina"


def test_sign_in_with_email_is_case_insensitive(client) -> None:  # noqa: ANN001
    UserFactory(username="amina", email="Amina.Diallo@Justice.example.gov")
    response = sign_in(client, " amina.diallo@JUSTICE.example.gov ")
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert signed_in_as(client) == "amina"


def test_wrong_password_is_refused_with_a_message(client) -> None:  # noqa: ANN001
    UserFactory(username="amina", email="amina@example.org")
    for identifier in ("amina", "amina@example.org", "nobody@example.org", "nobody"):
        response = sign_in(client, identifier, password="wrong-password")
        assert response.status_code == 200
        assert "Please enter a correct" in response.content.decode()
        assert signed_in_as(client) is None


def test_inactive_account_cannot_sign_in_with_email(client) -> None:  # noqa: ANN001
    UserFactory(username="gone", email="gone@example.org", is_active=False)
    assert sign_in(client, "gone@example.org").status_code == 200
    assert signed_in_as(client) is None


def test_email_shared_by_two_accounts_never_signs_into_either(client) -> None:  # noqa: ANN001
    """Same address, same password: an e-mail sign-in cannot tell the accounts apart, so it is refused;
    the username still works."""
    UserFactory(username="first", email="shared@example.org")
    UserFactory(username="second", email="SHARED@example.org")
    assert sign_in(client, "shared@example.org").status_code == 200
    assert signed_in_as(client) is None
    assert sign_in(client, "second").status_code == 302
    assert signed_in_as(client) == "second"


def test_username_that_looks_like_an_email_wins_over_another_accounts_email(client) -> None:  # noqa: ANN001
    UserFactory(username="ops@example.org", email="someone@example.org")
    UserFactory(username="other", email="ops@example.org", password="another-password-9")
    assert sign_in(client, "ops@example.org").status_code == 302
    assert signed_in_as(client) == "ops@example.org"


def test_admin_login_accepts_email(client) -> None:  # noqa: ANN001
    UserFactory(username="secretariat", email="sec@unodc.example.org", is_staff=True, is_superuser=True)
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "sec@unodc.example.org", "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_test_client_login_still_works(client) -> None:  # noqa: ANN001
    """client.login() calls authenticate() without a request; the throttle backend must let it through."""
    UserFactory(username="amina", email="amina@example.org")
    assert client.login(username="amina", password=PASSWORD)
    assert client.login(username="amina@example.org", password=PASSWORD)
    assert not client.login(username="amina", password="wrong")
