"""Invitations: the secretariat invites in the admin, the e-mailed link creates the account in its role."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import Invitation, hash_token
from accounts.roles import Role
from sherloc.access import EDITORS, FOCAL_POINTS, REVIEWERS
from submissions.models import FocalPointScope
from tests.factories import UserFactory, country

from .conftest import NEW_PASSWORD, link_in

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/accounts/invitation/add/"


def invite(client, mailbox, email: str, role: str, countries=(), **extra):  # noqa: ANN001, ANN201
    """Create an invitation through the admin form; returns (response, outbox)."""
    data = {"email": email, "role": role, "language": "en", "note": "", "_save": "Save"}
    data.update(extra)
    if countries:
        data["countries"] = [country(code).pk for code in countries]
    with mailbox() as outbox:
        response = client.post(ADD_URL, data)
    return response, outbox


def expire_all() -> None:
    now = timezone.now()
    Invitation.objects.update(created_at=now - dt.timedelta(days=20), expires_at=now - dt.timedelta(seconds=1))


def accept(client, link: str, username: str = "newcomer", password: str = NEW_PASSWORD):  # noqa: ANN001, ANN201
    return client.post(link, {"username": username, "password1": password, "password2": password})


def test_focal_point_invitation_end_to_end(client, secretariat, mailbox) -> None:  # noqa: ANN001
    client.force_login(secretariat)
    response, outbox = invite(client, mailbox, "Focal.Point@Gov.example.br", Role.FOCAL_POINT, ["BRA", "PRT"])
    assert response.status_code == 302, response.content.decode()[:2000]
    invitation = Invitation.objects.get()
    assert invitation.email == "focal.point@gov.example.br"
    assert invitation.invited_by == secretariat and invitation.sent_at is not None
    assert invitation.expires_at - invitation.sent_at == dt.timedelta(days=14)

    assert len(outbox) == 1 and outbox[0].to == ["focal.point@gov.example.br"]
    assert "National focal point" in outbox[0].subject
    assert "Brazil" in outbox[0].body and "14 days" in outbox[0].body
    link = link_in(outbox[0])
    token = link.rstrip("/").rsplit("/", 1)[-1]
    assert link == f"/en/accounts/invitation/{token}/"
    assert invitation.token_hash == hash_token(token) and token not in invitation.token_hash  # only the hash

    client.logout()
    page = client.get(link)
    assert page.status_code == 200
    assert "focal.point@gov.example.br" in page.content.decode() and "Brazil" in page.content.decode()
    created = accept(client, link)
    assert created.status_code == 302 and created["Location"] == "/en/submit/mine/"

    user = get_user_model().objects.get(username="newcomer")
    assert user.email == "focal.point@gov.example.br" and not user.is_staff
    assert list(user.groups.values_list("name", flat=True)) == [FOCAL_POINTS]
    assert sorted(FocalPointScope.objects.get(user=user).countries.values_list("alpha3", flat=True)) == ["BRA", "PRT"]
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None and invitation.user == user

    # Signed in by accepting, and allowed into the focal-point form.
    assert client.get("/en/submit/laws/new/").status_code == 200
    # The new password signs in by e-mail too.
    client.logout()
    assert client.post("/en/accounts/login/", {"username": user.email, "password": NEW_PASSWORD}).status_code == 302


def test_reviewer_invitation_makes_a_staff_reviewer(client, secretariat, mailbox) -> None:  # noqa: ANN001
    client.force_login(secretariat)
    _, outbox = invite(client, mailbox, "rev@unodc.example.org", Role.REVIEWER)
    client.logout()
    response = accept(client, link_in(outbox[0]), username="rev")
    assert response["Location"] == "/en/review/"
    user = get_user_model().objects.get(username="rev")
    assert user.is_staff and list(user.groups.values_list("name", flat=True)) == [REVIEWERS]
    assert not FocalPointScope.objects.filter(user=user).exists()
    assert client.get("/en/review/").status_code == 200


def test_invitation_in_another_language(client, secretariat, mailbox) -> None:  # noqa: ANN001
    client.force_login(secretariat)
    _, outbox = invite(client, mailbox, "pf@gouv.example.fr", Role.PRACTITIONER, language="fr")
    assert link_in(outbox[0]).startswith("/fr/accounts/invitation/")


def test_accept_form_applies_password_validators_and_unique_usernames(client, secretariat, mailbox) -> None:  # noqa: ANN001
    UserFactory(username="taken")
    client.force_login(secretariat)
    _, outbox = invite(client, mailbox, "pf@example.org", Role.PRACTITIONER)
    client.logout()
    link = link_in(outbox[0])
    weak = accept(client, link, username="fresh", password="password")
    assert weak.status_code == 200 and "too common" in weak.content.decode()
    taken = accept(client, link, username="Taken")
    assert taken.status_code == 200 and "already exists" in taken.content.decode()
    assert Invitation.objects.get().accepted_at is None


def test_used_invitation_gives_a_clear_page(client, secretariat, mailbox) -> None:  # noqa: ANN001
    client.force_login(secretariat)
    _, outbox = invite(client, mailbox, "pf@example.org", Role.PRACTITIONER)
    client.logout()
    link = link_in(outbox[0])
    assert accept(client, link).status_code == 302
    client.logout()
    page = client.get(link)
    assert page.status_code == 410
    assert "This invitation was already used" in page.content.decode()
    again = accept(client, link, username="second")
    assert again.status_code == 410 and not get_user_model().objects.filter(username="second").exists()


def test_expired_invitation_gives_a_clear_page(client, secretariat, mailbox) -> None:  # noqa: ANN001
    client.force_login(secretariat)
    _, outbox = invite(client, mailbox, "pf@example.org", Role.PRACTITIONER)
    client.logout()
    expire_all()
    link = link_in(outbox[0])
    for response in (client.get(link), accept(client, link)):
        assert response.status_code == 410
        assert "This invitation has expired" in response.content.decode()
    assert not get_user_model().objects.filter(username="newcomer").exists()


def test_unknown_invitation_gives_a_clear_page(client, db) -> None:  # noqa: ANN001
    page = client.get("/en/accounts/invitation/not-a-real-token/")
    assert page.status_code == 404
    assert "Unknown invitation" in page.content.decode()


def test_send_again_issues_a_new_link_and_kills_the_old_one(client, secretariat, mailbox, settings) -> None:  # noqa: ANN001
    settings.INVITATION_EXPIRY_DAYS = 3
    client.force_login(secretariat)
    _, outbox = invite(client, mailbox, "pf@example.org", Role.PRACTITIONER)
    old_link = link_in(outbox[0])
    invitation = Invitation.objects.get()
    expire_all()
    with mailbox() as outbox:
        response = client.post(
            "/admin/accounts/invitation/", {"action": "send_again", "_selected_action": [invitation.pk]}
        )
    assert response.status_code == 302
    assert len(outbox) == 2  # the first message and the new one
    new_link = link_in(outbox[1])
    assert new_link != old_link
    invitation.refresh_from_db()
    assert invitation.expires_at > timezone.now() + dt.timedelta(days=2)
    client.logout()
    assert client.get(old_link).status_code == 404
    assert client.get(new_link).status_code == 200


def test_admin_form_validates_role_and_address(client, secretariat, mailbox) -> None:  # noqa: ANN001
    UserFactory(username="existing", email="existing@example.org")
    client.force_login(secretariat)
    no_countries, outbox = invite(client, mailbox, "fp@example.org", Role.FOCAL_POINT)
    assert no_countries.status_code == 200 and "Choose the countries" in no_countries.content.decode()
    countries_for_reviewer, _ = invite(client, mailbox, "r@example.org", Role.REVIEWER, ["BRA"])
    assert "Only focal points have countries" in countries_for_reviewer.content.decode()
    existing, _ = invite(client, mailbox, "EXISTING@example.org", Role.PRACTITIONER)
    assert "already exists" in existing.content.decode()
    assert invite(client, mailbox, "twice@example.org", Role.PRACTITIONER)[0].status_code == 302
    twice, _ = invite(client, mailbox, "Twice@example.org", Role.PRACTITIONER)
    assert "already an open invitation" in twice.content.decode()
    assert Invitation.objects.count() == 1 and len(outbox) == 1  # only the valid one was sent


def test_only_the_secretariat_can_invite(client, staff_without_invite, db) -> None:  # noqa: ANN001
    # Anonymous and signed-in non-staff users are sent to the admin login page.
    assert client.get(ADD_URL).status_code == 302
    client.force_login(UserFactory(username="fp", groups=[FOCAL_POINTS]))
    assert client.get(ADD_URL)["Location"].startswith("/admin/login/")
    # Staff without the permission get a 403.
    client.force_login(staff_without_invite)
    assert client.get(ADD_URL).status_code == 403
    assert client.post(ADD_URL, {"email": "x@example.org", "role": Role.PRACTITIONER}).status_code == 403
    assert not Invitation.objects.exists()
    # Editors (and superusers) may.
    client.force_login(UserFactory(username="ed", is_staff=True, groups=[EDITORS]))
    assert client.get(ADD_URL).status_code == 200
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    assert client.get(ADD_URL).status_code == 200


def test_accepted_invitations_are_read_only_in_the_admin(client, secretariat, mailbox) -> None:  # noqa: ANN001
    client.force_login(secretariat)
    invite(client, mailbox, "pf@example.org", Role.PRACTITIONER)
    invitation = Invitation.objects.get()
    Invitation.objects.update(accepted_at=timezone.now())
    page = client.get(f"/admin/accounts/invitation/{invitation.pk}/change/").content.decode()
    assert 'name="email"' not in page
    assert client.get("/admin/accounts/invitation/").status_code == 200
