"""The permission matrix in one table: each role x each action x a record of the user's own country
(Brazil) or another one (France), through the public interfaces (pages, API, file downloads).

Expected answers: 200/302 allowed; 403 refused; 404 where the record must not even exist for the user
(anonymous visitors and unpublished records); "login" is the sign-in redirect.
"""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from rest_framework.test import APIClient

from legislation.models import Law, LawAttachment
from sherloc.access import EDITORS, REVIEWERS
from sherloc.models import PublicationStatus
from submissions import workflow
from tests.factories import ApiTokenFactory, FocalPointFactory, LawFactory, ProvisionFactory, UserFactory, country

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "nobody", "fp_own", "fp_other", "editor", "reviewer")


@pytest.fixture
def actors() -> dict[str, object]:
    return {
        "anonymous": None,
        "nobody": UserFactory(username="nobody"),
        "fp_own": FocalPointFactory(username="fp-bra", countries=["BRA"]),
        "fp_other": FocalPointFactory(username="fp-fra", countries=["FRA"]),
        "editor": UserFactory(username="editor", groups=[EDITORS]),
        "reviewer": UserFactory(username="reviewer", groups=[REVIEWERS]),
    }


def brazilian_law(status: str, title: str = "Lei 13.344") -> Law:
    law = LawFactory(country=country("BRA"), status=status, title=title)
    ProvisionFactory(law=law, order=1)
    LawAttachment.objects.create(law=law, file=ContentFile(b"%PDF-1.4 test", name="g.pdf"), original_name="g.pdf")
    return law


def outcome(response) -> int | str:  # noqa: ANN001
    if response.status_code == 302 and "/accounts/login/" in response.get("Location", ""):
        return "login"
    return response.status_code


def web(client, user):  # noqa: ANN001, ANN201
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


# --- pages --------------------------------------------------------------------------------------------
PAGE_MATRIX = {
    # action: {role: expected}
    "open draft form": dict(anonymous="login", nobody=403, fp_own=200, fp_other=403, editor=200, reviewer=403),
    "save draft": dict(anonymous="login", nobody=403, fp_own=302, fp_other=403, editor=302, reviewer=403),
    "submit draft": dict(anonymous="login", nobody=403, fp_own=302, fp_other=403, editor=302, reviewer=403),
    "withdraw draft": dict(anonymous="login", nobody=403, fp_own=302, fp_other=403, editor=302, reviewer=403),
    "review page": dict(anonymous="login", nobody=403, fp_own=403, fp_other=403, editor=403, reviewer=200),
    "approve": dict(anonymous="login", nobody=403, fp_own=403, fp_other=403, editor=403, reviewer=302),
    "history": dict(anonymous="login", nobody=403, fp_own=403, fp_other=403, editor=200, reviewer=200),
    "draft's file": dict(anonymous=404, nobody=403, fp_own=200, fp_other=403, editor=200, reviewer=200),
    "propose update of published": dict(
        anonymous="login", nobody=403, fp_own=302, fp_other=403, editor=302, reviewer=403
    ),
    "published file": dict(anonymous=200, nobody=200, fp_own=200, fp_other=200, editor=200, reviewer=200),
}


def _form_data(law: Law, action: str) -> dict:
    return {
        "action": action,
        "country": law.country_id,
        "title": law.title,
        "law_type": law.law_type,
        "legal_status": law.legal_status,
        "original_language": law.original_language_id,
        "provisions-TOTAL_FORMS": 1,
        "provisions-INITIAL_FORMS": 1,
        "provisions-MIN_NUM_FORMS": 0,
        "provisions-MAX_NUM_FORMS": 1000,
        "provisions-0-id": law.provisions.get().pk,
        "provisions-0-law": law.pk,
        "provisions-0-label": "Art. 1",
        "provisions-0-text": "Text of the article.",
        "attachments-files": [],
    }


def _do(client, action: str):  # noqa: ANN001, ANN202
    draft = brazilian_law(PublicationStatus.DRAFT)
    if action == "open draft form":
        return client.get(f"/en/submit/laws/{draft.pk}/edit/")
    if action == "save draft":
        return client.post(f"/en/submit/laws/{draft.pk}/edit/", _form_data(draft, "save"))
    if action == "submit draft":
        return client.post(f"/en/submit/laws/{draft.pk}/edit/", _form_data(draft, "submit"))
    if action == "withdraw draft":
        return client.post(f"/en/submit/laws/{draft.pk}/withdraw/")
    if action in ("review page", "approve"):
        pending = brazilian_law(PublicationStatus.IN_REVIEW, title="Pending act")
        if action == "review page":
            return client.get(f"/en/review/law/{pending.pk}/")
        return client.post(f"/en/review/law/{pending.pk}/approve/")
    if action == "history":
        return client.get(f"/en/review/law/{draft.pk}/history/")
    if action == "draft's file":
        return client.get(f"/files/law/{draft.attachments.get().pk}/")
    published = brazilian_law(PublicationStatus.PUBLISHED, title="Published act")
    if action == "published file":
        return client.get(f"/files/law/{published.attachments.get().pk}/")
    return client.post(f"/en/submit/law/{published.pk}/revise/")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(PAGE_MATRIX))
def test_pages_and_files(client, actors, role, action) -> None:  # noqa: ANN001
    assert outcome(_do(web(client, actors[role]), action)) == PAGE_MATRIX[action][role]


def test_refusals_change_nothing(client, actors) -> None:  # noqa: ANN001
    """A refused POST leaves the record as it was (checked for the other country's focal point)."""
    draft = brazilian_law(PublicationStatus.DRAFT)
    web(client, actors["fp_other"])
    client.post(f"/en/submit/laws/{draft.pk}/edit/", {**_form_data(draft, "submit"), "title": "Hijacked"})
    client.post(f"/en/submit/laws/{draft.pk}/withdraw/")
    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("Lei 13.344", PublicationStatus.DRAFT)


def test_focal_point_cannot_create_for_another_country(client, actors) -> None:  # noqa: ANN001
    response = web(client, actors["fp_other"]).post(
        "/en/submit/laws/new/",
        {
            **_form_data(brazilian_law(PublicationStatus.DRAFT), "save"),
            "title": "Nouveau",
            "provisions-TOTAL_FORMS": 0,
            "provisions-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200 and "country" in response.context["form"].errors
    assert not Law.objects.filter(title="Nouveau").exists()


# --- API -------------------------------------------------------------------------------------------
API_MATRIX = {
    # role: (GET the Brazilian draft through /submissions/, POST a Brazilian law)
    "anonymous": (401, 401),
    "nobody": (403, 403),
    "fp_own": (200, 201),
    "fp_other": (403, 403),
    "editor": (200, 201),
    "reviewer": (403, 403),
}


@pytest.mark.parametrize("role", ROLES)
def test_api_submissions(actors, role) -> None:  # noqa: ANN001
    draft = brazilian_law(PublicationStatus.DRAFT)
    workflow.record_created(draft, actors["fp_own"])
    api = APIClient()
    if actors[role] is not None:
        token = ApiTokenFactory(user=actors[role], scopes=["submit"])
        api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    body = {
        "type": "law",
        "country": "BRA",
        "title": f"Law posted by {role}",
        "original_language": "en",
        "provisions": [{"order": 1, "label": "Art. 1", "text": "Text.", "language": "en"}],
    }
    got = (
        api.get(f"/api/v1/submissions/law/{draft.pk}/").status_code,
        api.post("/api/v1/submissions/", body, format="json").status_code,
    )
    assert got == API_MATRIX[role]
    # Whatever the role, the public API does not know the draft.
    assert APIClient().get(f"/api/v1/laws/{draft.pk}/").status_code == 404
