"""The admin's status actions go through the workflow: a transition, a snapshot and a notice for each
record, the reviewers' role for publishing, and a change form that can neither set the status nor save
over a change made after it was opened."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models.signals import post_save
from django.urls import reverse

from authorities.models import CompetentAuthority
from caselaw.models import Case
from legislation.models import Law
from sherloc.access import EDITORS
from sherloc.models import PublicationStatus
from submissions.models import PublishedVersion
from submissions.workflow import history
from tests.factories import AuthorityFactory, CaseFactory, LawFactory, ProvisionFactory, UserFactory

pytestmark = pytest.mark.django_db

FAMILIES = [(Law, LawFactory), (Case, CaseFactory), (CompetentAuthority, AuthorityFactory)]


@pytest.fixture
def saved():  # noqa: ANN201
    """Collects (model, pk, update_fields) of every post_save, like the search indexer would see them."""
    seen: list[tuple] = []

    def receiver(sender, instance, update_fields=None, **kwargs) -> None:  # noqa: ANN001, ANN003
        seen.append((sender, instance.pk, frozenset(update_fields or ())))

    post_save.connect(receiver, weak=False, dispatch_uid="admin-test-post-save")
    yield seen
    post_save.disconnect(dispatch_uid="admin-test-post-save")


def run_action(client, model, action: str, pks: list[int]):  # noqa: ANN001, ANN201
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return client.post(url, {"action": action, ACTION_CHECKBOX_NAME: [str(pk) for pk in pks]}, follow=True)


@pytest.mark.parametrize(("model", "factory"), FAMILIES, ids=lambda v: getattr(v, "__name__", ""))
def test_publish_selected_goes_through_the_workflow(  # noqa: ANN001
    staff_client, superuser, saved, model, factory, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    submitter = UserFactory(email="fp@example.org")
    drafts = factory.create_batch(3, status=PublicationStatus.SUBMITTED, submitted_by=submitter)
    saved.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(staff_client, model, "publish_selected", [r.pk for r in drafts])
    assert response.status_code == 200
    for record in model.objects.filter(pk__in=[r.pk for r in drafts]):
        assert record.status == PublicationStatus.PUBLISHED
        assert record.reviewed_by == superuser
        assert record.reviewed_at is not None and record.published_at is not None
        steps = [(t.from_status, t.to_status, t.actor) for t in history(record)]
        assert steps == [
            (PublicationStatus.SUBMITTED, PublicationStatus.IN_REVIEW, superuser),
            (PublicationStatus.IN_REVIEW, PublicationStatus.PUBLISHED, superuser),
        ]
        assert (
            PublishedVersion.objects.filter(object_id=record.pk, content_type__model=model._meta.model_name).count()
            == 1
        )
    fired = {pk for sender, pk, _fields in saved if sender is model}
    assert fired == {r.pk for r in drafts}, "every published record must fire post_save"
    assert len([m for m in mailoutbox if "fp@example.org" in m.to]) == 3, "the submitter hears of each decision"


def test_unpublish_returns_published_records_to_draft_and_reports_the_rest(staff_client, superuser, saved) -> None:  # noqa: ANN001
    published = LawFactory(status=PublicationStatus.SUBMITTED)
    submitted = LawFactory(status=PublicationStatus.SUBMITTED)
    run_action(staff_client, Law, "publish_selected", [published.pk])
    published.refresh_from_db()
    stamped = published.published_at
    assert stamped is not None
    saved.clear()

    response = run_action(staff_client, Law, "unpublish_selected", [published.pk, submitted.pk])

    published.refresh_from_db()
    submitted.refresh_from_db()
    assert published.status == PublicationStatus.DRAFT
    assert published.reviewed_by == superuser
    assert published.published_at == stamped, "published_at keeps when it was last published"
    assert history(published).last().to_status == PublicationStatus.DRAFT
    assert submitted.status == PublicationStatus.SUBMITTED, "only published records are unpublished"
    assert [pk for sender, pk, _f in saved if sender is Law] == [published.pk]
    messages = [str(m) for m in response.context["messages"]]
    assert any("Unpublished: 1" in m for m in messages)
    assert any("1 record not changed: Cannot unpublish" in m for m in messages), messages


def test_publishing_an_already_published_record_changes_nothing(staff_client, saved) -> None:  # noqa: ANN001
    law = LawFactory(status=PublicationStatus.PUBLISHED)
    saved.clear()
    response = run_action(staff_client, Law, "publish_selected", [law.pk])
    assert saved == []
    assert not history(law).exists()
    assert any("not changed" in str(m) for m in response.context["messages"])


def test_submit_selected_submits_complete_drafts_only(staff_client, superuser) -> None:  # noqa: ANN001
    complete = ProvisionFactory(law=LawFactory(status=PublicationStatus.DRAFT)).law
    empty = LawFactory(status=PublicationStatus.DRAFT)
    response = run_action(staff_client, Law, "submit_selected", [complete.pk, empty.pk])
    complete.refresh_from_db()
    empty.refresh_from_db()
    assert complete.status == PublicationStatus.SUBMITTED and complete.submitted_by == superuser
    assert history(complete).get().to_status == PublicationStatus.SUBMITTED
    assert empty.status == PublicationStatus.DRAFT, "the forms' and the API's rules hold in the admin too"
    messages = [str(m) for m in response.context["messages"]]
    assert any("Not complete enough to submit: Add at least one provision" in m for m in messages), messages


@pytest.fixture
def editor_client(client):  # noqa: ANN001, ANN201
    """A secretariat editor (staff, may change records) who is not a reviewer."""
    from django.contrib.auth.models import Permission

    editor = UserFactory(username="editor", is_staff=True, groups=[EDITORS])
    editor.user_permissions.set(Permission.objects.filter(codename__in=["view_law", "change_law"]))
    client.force_login(editor)
    return client


def test_an_editor_cannot_publish_from_the_admin(editor_client) -> None:  # noqa: ANN001
    law = LawFactory(status=PublicationStatus.SUBMITTED)
    url = reverse("admin:legislation_law_changelist")
    actions = dict(editor_client.get(url).context["action_form"].fields["action"].choices)
    assert "publish_selected" not in actions and "unpublish_selected" not in actions
    assert "submit_selected" in actions
    response = run_action(editor_client, Law, "publish_selected", [law.pk])
    assert response.status_code == 200
    law.refresh_from_db()
    assert law.status == PublicationStatus.SUBMITTED, "publishing belongs to reviewers"
    assert not history(law).exists()


def _change_form_data(client, law):  # noqa: ANN001, ANN202
    url = reverse("admin:legislation_law_change", args=[law.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list | dict)}
    data.update(
        {
            "country": law.country_id,
            "original_language": law.original_language_id,
            "adoption_date": "2016-10-06",
            "entry_into_force_date": "2016-11-20",
            "provisions-TOTAL_FORMS": 0,
            "provisions-INITIAL_FORMS": 0,
            "attachments-TOTAL_FORMS": 0,
            "attachments-INITIAL_FORMS": 0,
        }
    )
    return url, data


def test_the_change_form_cannot_set_the_status(staff_client) -> None:  # noqa: ANN001
    law = LawFactory(status=PublicationStatus.IN_REVIEW)
    url, data = _change_form_data(staff_client, law)
    data["status"] = PublicationStatus.PUBLISHED
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    law.refresh_from_db()
    assert law.status == PublicationStatus.IN_REVIEW, "status changes go through the workflow"


def test_a_stale_change_form_does_not_unpublish(staff_client, superuser) -> None:  # noqa: ANN001
    """An editor opens a submitted law, a reviewer publishes it, the editor saves a title fix: the save
    is refused with a clear message and the law stays published."""
    from submissions import workflow

    law = LawFactory(status=PublicationStatus.SUBMITTED, title="Act on Trafficking")
    url, data = _change_form_data(staff_client, law)
    workflow.approve(law, superuser)
    data["title"] = "Act on Trafficking in Persons"
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "changed by someone else after you opened it" in str(response.context["adminform"].form.non_field_errors())
    law.refresh_from_db()
    assert law.status == PublicationStatus.PUBLISHED and law.title == "Act on Trafficking"
    assert history(law).last().to_status == PublicationStatus.PUBLISHED


def test_a_fresh_change_form_saves(staff_client) -> None:  # noqa: ANN001
    law = LawFactory(status=PublicationStatus.SUBMITTED, title="Act on Trafficking")
    url, data = _change_form_data(staff_client, law)
    data["title"] = "Act on Trafficking in Persons"
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    law.refresh_from_db()
    assert law.title == "Act on Trafficking in Persons" and law.status == PublicationStatus.SUBMITTED
