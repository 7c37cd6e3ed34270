"""Publish / unpublish actions: status and review stamps change, and post_save fires for every record."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models.signals import post_save
from django.urls import reverse

from authorities.models import CompetentAuthority
from caselaw.models import Case
from legislation.models import Law
from sherloc.models import PublicationStatus
from tests.factories import AuthorityFactory, CaseFactory, LawFactory

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
def test_publish_selected(staff_client, superuser, saved, model, factory) -> None:  # noqa: ANN001
    drafts = factory.create_batch(3, status=PublicationStatus.SUBMITTED)
    saved.clear()
    response = run_action(staff_client, model, "publish_selected", [r.pk for r in drafts])
    assert response.status_code == 200
    for record in model.objects.filter(pk__in=[r.pk for r in drafts]):
        assert record.status == PublicationStatus.PUBLISHED
        assert record.reviewed_by == superuser
        assert record.reviewed_at is not None and record.published_at is not None
    fired = {pk for sender, pk, _fields in saved if sender is model}
    assert fired == {r.pk for r in drafts}, "every published record must fire post_save"
    assert all("status" in fields for sender, _pk, fields in saved if sender is model)
    latest = model.history.filter(id=drafts[0].pk).latest("history_date")
    assert latest.status == PublicationStatus.PUBLISHED
    assert latest.history_user == superuser and latest.history_change_reason == "Published"


def test_unpublish_returns_published_records_to_draft_and_skips_the_rest(staff_client, superuser, saved) -> None:  # noqa: ANN001
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
    assert submitted.status == PublicationStatus.SUBMITTED, "only published records are unpublished"
    assert [pk for sender, pk, _f in saved if sender is Law] == [published.pk]
    messages = [str(m) for m in response.context["messages"]]
    assert any("Unpublished: 1" in m for m in messages) and any("1 record was skipped" in m for m in messages)


def test_publishing_an_already_published_record_changes_nothing(staff_client, saved) -> None:  # noqa: ANN001
    law = LawFactory(status=PublicationStatus.PUBLISHED)
    saved.clear()
    run_action(staff_client, Law, "publish_selected", [law.pk])
    assert saved == []


def test_status_change_in_the_form_is_stamped_like_the_action(staff_client, superuser) -> None:  # noqa: ANN001
    law = LawFactory(status=PublicationStatus.IN_REVIEW)
    url = reverse("admin:legislation_law_change", args=[law.pk])
    form = staff_client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list | dict)}
    data.update(
        {
            "country": law.country_id,
            "original_language": law.original_language_id,
            "status": PublicationStatus.PUBLISHED,
            "adoption_date": "2016-10-06",
            "entry_into_force_date": "2016-11-20",
            "provisions-TOTAL_FORMS": 0,
            "provisions-INITIAL_FORMS": 0,
            "attachments-TOTAL_FORMS": 0,
            "attachments-INITIAL_FORMS": 0,
        }
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    law.refresh_from_db()
    assert law.status == PublicationStatus.PUBLISHED
    assert law.reviewed_by == superuser and law.published_at is not None
