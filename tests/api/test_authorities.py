"""/api/v1/authorities/: public fields for everyone, contact details for tokens with read_contacts
and for practitioners signed in with a session."""

import pytest
from rest_framework.test import APIClient

from apikeys.scopes import Scope
from authorities.models import CompetentAuthority
from tests.factories import UserFactory

from .conftest import ids

pytestmark = pytest.mark.django_db
CONTACTS = set(CompetentAuthority.CONTACT_FIELDS)


def test_anonymous_sees_public_fields_only(api, corpus):
    auth = corpus["bra_auth"]
    body = api.get(f"/api/v1/authorities/{auth.pk}/").json()
    assert body["name"] == auth.name
    assert body["country"]["code"] == "BRA"
    assert sorted(r["code"] for r in body["roles"]) == ["extradition", "mla-central"]
    assert body["articles"][0]["reference"] == "UNTOC 18(13)"
    assert body["contact_details_included"] is False
    assert not CONTACTS & set(body), "contact fields must be absent, not null"
    listed = api.get("/api/v1/authorities/").json()["results"]
    assert all(not CONTACTS & set(item) for item in listed)


def test_token_with_read_contacts_sees_contacts(contacts_client, corpus):
    body = contacts_client.get(f"/api/v1/authorities/{corpus['bra_auth'].pk}/").json()
    assert body["contact_details_included"] is True
    assert CONTACTS <= set(body)
    assert body["email"] == "central.authority@example.gov"
    assert body["contact_person"] == "Dr. A. Silva"


def test_token_without_scope_does_not_see_contacts(issue_token, corpus):
    _, key = issue_token([Scope.SUBMIT])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    body = client.get(f"/api/v1/authorities/{corpus['bra_auth'].pk}/").json()
    assert not CONTACTS & set(body)


def test_practitioner_session_sees_contacts(api, corpus, practitioner):
    api.force_login(practitioner)
    body = api.get(f"/api/v1/authorities/{corpus['bra_auth'].pk}/").json()
    assert body["phone"] == "+55 61 2025 0000"


def test_staff_session_sees_contacts_plain_user_does_not(api, corpus):
    auth = corpus["bra_auth"].pk
    api.force_login(UserFactory(username="someone"))
    assert "email" not in api.get(f"/api/v1/authorities/{auth}/").json()
    api.force_login(UserFactory(username="curator", is_staff=True))
    assert "email" in api.get(f"/api/v1/authorities/{auth}/").json()


def test_revoked_token_is_rejected(issue_token, corpus):
    token, key = issue_token([Scope.READ_CONTACTS])
    token.revoke()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = client.get("/api/v1/authorities/")
    assert response.status_code == 401
    assert response.json()["detail"] == "Token revoked or expired."
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize("header", ["Token shl_deadbeef_nope", "Token garbage", "Bearer", "Token a b"])
def test_bad_tokens_are_401(api, db, header):
    api.credentials(HTTP_AUTHORIZATION=header)
    response = api.get("/api/v1/authorities/")
    assert response.status_code == 401
    assert response.json()["status"] == 401


def test_filters(api, corpus):
    assert ids(api.get("/api/v1/authorities/?role=mla-central")) == [corpus["bra_auth"].pk]
    assert sorted(ids(api.get("/api/v1/authorities/?role=extradition"))) == sorted(
        [corpus["bra_auth"].pk, corpus["fra_auth"].pk]
    )
    assert ids(api.get("/api/v1/authorities/?article=UNTOC-18&country=BRA")) == [corpus["bra_auth"].pk]
    assert ids(api.get("/api/v1/authorities/?country=FR")) == [corpus["fra_auth"].pk]


def test_contact_fields_are_not_filterable(api, corpus):
    response = api.get("/api/v1/authorities/?email=central.authority@example.gov")
    assert response.status_code == 400
    assert response.json()["errors"] == {"email": ["Unknown parameter."]}


def test_unpublished_authority_absent(api, corpus):
    assert api.get(f"/api/v1/authorities/{corpus['draft_auth'].pk}/").status_code == 404
    assert corpus["draft_auth"].pk not in ids(api.get("/api/v1/authorities/"))
