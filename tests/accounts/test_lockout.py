"""Login throttling (django-axes): N failures for one account from one IP lock that pair out for a while."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from tests.factories import UserFactory

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db
LIMIT = 3


@pytest.fixture(autouse=True)
def _limit(settings):  # noqa: ANN001, ANN202
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = LIMIT
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=30)


def attempt(client, identifier: str, password: str = "wrong-password", ip: str = "203.0.113.7"):  # noqa: ANN001, ANN201
    return client.post("/en/accounts/login/", {"username": identifier, "password": password}, REMOTE_ADDR=ip)


def test_lockout_after_the_limit_with_an_explanation(client) -> None:  # noqa: ANN001
    UserFactory(username="amina", email="amina@example.org")
    for _ in range(LIMIT - 1):
        assert attempt(client, "amina").status_code == 200
    locked = attempt(client, "amina")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Too many sign-in attempts" in page
    assert "after 3 failed attempts" in page and "Try again in 30 minutes" in page
    assert 'href="/en/accounts/password_reset/"' in page

    # Even the right password is refused while locked out, and nobody is signed in.
    right = attempt(client, "amina", PASSWORD)
    assert right.status_code == 429 and "_auth_user_id" not in client.session


def test_email_and_username_count_against_the_same_account(client) -> None:  # noqa: ANN001
    UserFactory(username="amina", email="amina@example.org")
    attempt(client, "amina")
    attempt(client, "AMINA@example.org")
    assert attempt(client, "amina@example.org").status_code == 429
    assert attempt(client, "amina", PASSWORD).status_code == 429


def test_lockout_is_per_username_and_ip(client) -> None:  # noqa: ANN001
    UserFactory(username="amina")
    UserFactory(username="bruno")
    for _ in range(LIMIT):
        attempt(client, "amina")
    assert attempt(client, "amina", PASSWORD).status_code == 429
    # Another account from the same address, and the same account from another address, still work.
    assert attempt(client, "bruno", PASSWORD).status_code == 302
    client.logout()
    assert attempt(client, "amina", PASSWORD, ip="198.51.100.20").status_code == 302


def test_lockout_ends_after_the_cool_off(client) -> None:  # noqa: ANN001
    UserFactory(username="amina")
    for _ in range(LIMIT):
        attempt(client, "amina")
    assert attempt(client, "amina", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=31))
    assert attempt(client, "amina", PASSWORD).status_code == 302


def test_success_resets_the_count(client) -> None:  # noqa: ANN001
    UserFactory(username="amina")
    for _ in range(LIMIT - 1):
        attempt(client, "amina")
    assert attempt(client, "amina", PASSWORD).status_code == 302
    client.logout()
    for _ in range(LIMIT - 1):
        assert attempt(client, "amina").status_code == 200


def test_admin_login_is_throttled_too_without_a_500(client) -> None:  # noqa: ANN001
    UserFactory(username="root", is_staff=True, is_superuser=True)
    for _ in range(LIMIT - 1):
        response = client.post("/admin/login/", {"username": "root", "password": "nope", "next": "/admin/"})
        assert response.status_code == 200
    locked = client.post("/admin/login/", {"username": "root", "password": "nope", "next": "/admin/"})
    assert locked.status_code == 429 and "Too many sign-in attempts" in locked.content.decode()
    right = client.post("/admin/login/", {"username": "root", "password": PASSWORD, "next": "/admin/"})
    assert right.status_code == 429 and client.get("/admin/").status_code == 302


def test_forwarded_for_is_ignored_unless_proxies_are_configured(client) -> None:  # noqa: ANN001
    """A client cannot dodge the lockout by sending a different X-Forwarded-For each time."""
    UserFactory(username="amina")
    for n in range(LIMIT):
        client.post("/en/accounts/login/", {"username": "amina", "password": "x"}, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert attempt(client, "amina", PASSWORD, ip="127.0.0.1").status_code == 429


def test_behind_a_proxy_the_address_it_appended_counts(client, settings) -> None:  # noqa: ANN001
    """With API_NUM_PROXIES=1 the right-most X-Forwarded-For entry is the client; entries it sent are ignored."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    UserFactory(username="amina")
    for n in range(LIMIT):
        client.post(
            "/en/accounts/login/",
            {"username": "amina", "password": "x"},
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.50",
            REMOTE_ADDR="10.0.0.2",
        )
    blocked = client.post(
        "/en/accounts/login/",
        {"username": "amina", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.50",
        REMOTE_ADDR="10.0.0.3",
    )
    assert blocked.status_code == 429
    other_client = client.post(
        "/en/accounts/login/",
        {"username": "amina", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.9",
        REMOTE_ADDR="10.0.0.2",
    )
    assert other_client.status_code == 302
