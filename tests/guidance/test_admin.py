"""The guidance admin: secretariat editors write it (with its change history), reviewers publish it through
the workflow, focal points cannot touch it, even given the model permissions by hand."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.urls import reverse

from guidance.models import ArticleGuidance
from sherloc.access import EDITORS, REVIEWERS
from sherloc.models import PublicationStatus
from submissions.models import PublishedVersion
from submissions.workflow import history
from tests.factories import FocalPointFactory, GuidanceFactory, UserFactory, article

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:guidance_articleguidance_changelist")
ADD = reverse("admin:guidance_articleguidance_add")


def change_url(pk: int) -> str:
    return reverse("admin:guidance_articleguidance_change", args=[pk])


def form_data(**fields: object) -> dict:
    return {
        "article": article("UNTOC-5").pk,
        "language": "fr",
        "requirements": "<p>Les États incriminent.</p><script>alert(1)</script>",
        "mandatory_measures": "",
        "optional_measures": "",
        "drafting_points": "Aligner les définitions.",
        "sources": "",
        "source": "",
        "provenance": "",
        **fields,
    }


@pytest.fixture
def editor(client):  # noqa: ANN001, ANN201
    user = UserFactory(username="editor", is_staff=True, groups=[EDITORS])
    client.force_login(user)
    return user


def test_editor_creates_and_edits_guidance_with_history(client, editor) -> None:  # noqa: ANN001
    response = client.post(ADD, form_data())
    assert response.status_code == 302, response.context["adminform"].form.errors
    guidance = ArticleGuidance.objects.get()
    assert guidance.requirements == "<p>Les États incriminent.</p>"  # sanitised on save
    assert guidance.status == PublicationStatus.DRAFT and guidance.original_language.code == "fr"

    data = form_data(drafting_points="Aligner les définitions sur l'article 2.")
    data["opened_version"] = client.get(change_url(guidance.pk)).context["adminform"].form.initial["opened_version"]
    response = client.post(change_url(guidance.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    guidance.refresh_from_db()
    assert guidance.drafting_points == "Aligner les définitions sur l'article 2."

    records = guidance.history.order_by("history_date")
    assert [r.history_type for r in records] == ["+", "~"]
    assert records[0].history_user == editor and records[0].drafting_points == "Aligner les définitions."
    page = client.get(reverse("admin:guidance_articleguidance_history", args=[guidance.pk]))
    assert page.status_code == 200 and page.content.decode().count("editor") >= 2


def test_second_guidance_for_the_same_article_and_language_is_a_form_error(client, editor) -> None:  # noqa: ANN001
    GuidanceFactory(language="fr")
    response = client.post(ADD, form_data())
    assert response.status_code == 200
    assert "This article already has guidance in this language." in response.content.decode()
    assert ArticleGuidance.objects.count() == 1


def test_empty_requirements_are_refused(client, editor) -> None:  # noqa: ANN001
    response = client.post(ADD, form_data(requirements=""))
    assert response.status_code == 200 and "requirements" in response.context["adminform"].form.errors


def test_editor_submits_and_a_reviewer_publishes_through_the_workflow(client, editor) -> None:  # noqa: ANN001
    guidance = GuidanceFactory(status=PublicationStatus.DRAFT)
    actions = dict(client.get(CHANGELIST).context["action_form"].fields["action"].choices)
    assert "submit_selected" in actions and "publish_selected" not in actions
    client.post(CHANGELIST, {"action": "submit_selected", ACTION_CHECKBOX_NAME: [guidance.pk]}, follow=True)
    guidance.refresh_from_db()
    assert guidance.status == PublicationStatus.SUBMITTED

    reviewer = UserFactory(username="reviewer", is_staff=True, groups=[REVIEWERS])
    client.force_login(reviewer)
    client.post(CHANGELIST, {"action": "publish_selected", ACTION_CHECKBOX_NAME: [guidance.pk]}, follow=True)
    guidance.refresh_from_db()
    assert guidance.status == PublicationStatus.PUBLISHED and guidance.reviewed_by == reviewer
    assert [t.to_status for t in history(guidance)][-1] == PublicationStatus.PUBLISHED
    assert PublishedVersion.objects.filter(object_id=guidance.pk, content_type__model="articleguidance").count() == 1
    # a reviewer sees guidance but does not write it
    assert client.get(change_url(guidance.pk)).context["has_change_permission"] is False
    assert client.get(ADD).status_code == 403


def test_focal_point_cannot_see_or_edit_guidance(client) -> None:  # noqa: ANN001
    focal_point = FocalPointFactory(username="fp", is_staff=True, countries=["BRA"])
    # even with the model permissions given by hand, the role decides
    focal_point.user_permissions.add(*Permission.objects.filter(content_type__app_label="guidance"))
    guidance = GuidanceFactory()
    client.force_login(focal_point)
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(ADD).status_code == 403
    assert client.get(change_url(guidance.pk)).status_code == 403
    assert client.post(ADD, form_data()).status_code == 403
    assert ArticleGuidance.objects.count() == 1
    assert b"guidance" not in client.get(reverse("admin:index")).content.lower()


def test_focal_point_cannot_submit_guidance_through_the_api(db) -> None:  # noqa: ANN001
    from rest_framework.test import APIClient

    from tests.factories import ApiTokenFactory

    focal_point = FocalPointFactory(username="fp-api", countries=["BRA"])
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {ApiTokenFactory(user=focal_point, scopes=['submit']).key}")
    body = {
        "type": "guidance",
        "article": "UNTOC-5",
        "language": "en",
        "requirements": "Text.",
        "original_language": "en",
    }
    response = api.post("/api/v1/submissions/", body, format="json")
    assert response.status_code == 400
    assert "unknown record type 'guidance'" in response.content.decode()
    assert not ArticleGuidance.objects.exists()
