"""API tokens: hashed storage, visible prefix, scopes, revocation, last use, the admin that issues them."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework.test import APIClient

from apikeys.models import ApiToken, hash_key
from apikeys.scopes import Scope
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_issue_stores_hash_and_prefix_only(issue_token):
    token, key = issue_token([Scope.READ_CONTACTS])
    assert key.startswith(f"shl_{token.prefix}_")
    assert token.key_hash == hash_key(key)
    assert key not in {token.prefix, token.key_hash}
    assert token.matches(key) and not token.matches(key + "x")


def test_unknown_scope_rejected(db):
    with pytest.raises(ValidationError):
        ApiToken.issue(name="x", user=UserFactory(), scopes=["admin"])


def test_bearer_and_token_keywords(issue_token, corpus):
    _, key = issue_token([Scope.READ_CONTACTS])
    for keyword in ("Token", "Bearer", "bearer"):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"{keyword} {key}")
        assert "email" in client.get(f"/api/v1/authorities/{corpus['bra_auth'].pk}/").json()


def test_last_used_is_recorded(issue_token, api, db):
    token, key = issue_token()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/languages/").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_expired_token_rejected(issue_token, api, db):
    _, key = issue_token(expires_at=timezone.now() - dt.timedelta(minutes=1))
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/languages/").status_code == 401


def test_inactive_owner_rejected(issue_token, api, db):
    token, key = issue_token()
    token.user.is_active = False
    token.user.save()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/languages/").status_code == 401


def test_admin_issues_token_and_shows_key_once(client, db):
    admin = UserFactory(username="secretariat", is_staff=True, is_superuser=True)
    owner = UserFactory(username="moj-brazil")
    client.force_login(admin)
    response = client.post(
        "/admin/apikeys/apitoken/add/",
        {"name": "MoJ Brazil case system", "user": owner.pk, "scopes": [Scope.READ_CONTACTS]},
    )
    assert response.status_code == 200
    token = ApiToken.objects.get()
    key = response.context["key"]
    assert key.startswith(f"shl_{token.prefix}_") and token.matches(key)
    assert key in response.content.decode()
    assert token.scopes == [Scope.READ_CONTACTS]
    assert "no-store" in response["Cache-Control"]
    # The change page shows the prefix, never the key.
    page = client.get(f"/admin/apikeys/apitoken/{token.pk}/change/").content.decode()
    assert token.prefix in page and key not in page


def test_admin_revoke_action(client, issue_token, db):
    token, _ = issue_token()
    admin = UserFactory(username="secretariat", is_staff=True, is_superuser=True)
    client.force_login(admin)
    client.post("/admin/apikeys/apitoken/", {"action": "revoke_tokens", "_selected_action": [token.pk]}, follow=True)
    token.refresh_from_db()
    assert token.revoked_at is not None and not token.is_active
