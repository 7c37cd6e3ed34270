"""/api/v1/removals/: what left the public set, so a mirror can delete it."""

import pytest
from django.utils import timezone

from legislation.models import Law
from sherloc.access import REVIEWERS
from sherloc.models import PublicationStatus, Removal
from submissions import revisions, workflow
from tests.factories import AuthorityFactory, CaseFactory, LawFactory, ProvisionFactory, UserFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/removals/"


def feed(client, **params) -> list[tuple[str, int, str]]:  # noqa: ANN001, ANN003
    body = client.get(URL, params).json()
    return [(row["type"], row["id"], row["reason"]) for row in body["results"]]


def test_unpublished_deleted_and_removed_provisions_are_listed(client) -> None:  # noqa: ANN001
    reviewer = UserFactory(groups=[REVIEWERS])
    law = LawFactory(status=PublicationStatus.PUBLISHED, external_id="bra-law")
    kept, dropped = ProvisionFactory(law=law, order=1), ProvisionFactory(law=law, order=2)
    case = CaseFactory(status=PublicationStatus.PUBLISHED)
    authority = AuthorityFactory(status=PublicationStatus.PUBLISHED)
    draft = LawFactory(status=PublicationStatus.DRAFT)

    workflow.unpublish(law, reviewer, to=PublicationStatus.WITHDRAWN, comment="superseded")
    case_pk = case.pk
    case.delete()
    authority.name = authority.name + " (renamed)"
    authority.save()  # saving a published record that stays published is no removal
    draft.delete()  # never public: nothing to tell mirrors

    other = LawFactory(status=PublicationStatus.PUBLISHED, external_id="fra-law")
    ProvisionFactory(law=other, order=1)
    gone = ProvisionFactory(law=other, order=2)
    gone_pk = gone.pk
    gone.delete()

    assert feed(client) == [
        ("law", law.pk, "unpublished"),
        ("case", case_pk, "deleted"),
        ("provision", gone_pk, "deleted"),
    ]
    assert Removal.objects.get(kind="provision").external_id == "fra-law#2"
    assert feed(client, type="case,provision") == [("case", case_pk, "deleted"), ("provision", gone_pk, "deleted")]
    assert kept.pk and dropped.pk


def test_since_and_cursor_walk(client) -> None:  # noqa: ANN001
    for _ in range(3):
        LawFactory(status=PublicationStatus.PUBLISHED).delete()
    first = Removal.objects.order_by("removed_at", "pk").first()
    Removal.objects.filter(pk=first.pk).update(removed_at=timezone.now() - timezone.timedelta(days=3))
    since = (timezone.now() - timezone.timedelta(days=1)).isoformat()
    assert len(feed(client, since=since)) == 2
    page = client.get(URL, {"pagination": "cursor", "page_size": 2}).json()
    assert len(page["results"]) == 2 and page["next"]
    rest = client.get(page["next"]).json()
    assert len(rest["results"]) == 1 and rest["next"] is None


def test_revisions_and_approvals_are_not_removals(client) -> None:  # noqa: ANN001
    reviewer = UserFactory(groups=[REVIEWERS], is_superuser=True)
    law = LawFactory(status=PublicationStatus.PUBLISHED)
    ProvisionFactory(law=law, order=1)
    copy = revisions.start_revision(law, reviewer)
    workflow.submit(copy, reviewer)
    workflow.start_review(copy, reviewer)
    workflow.publish(copy, reviewer)  # applies the copy and deletes it
    assert Law.objects.get(pk=law.pk).status == PublicationStatus.PUBLISHED
    assert feed(client) == []


@pytest.mark.parametrize("params", [{"since": "yesterday"}, {"type": "statute"}, {"sort": "x"}])
def test_bad_parameters_are_400(client, params) -> None:  # noqa: ANN001
    response = client.get(URL, params)
    assert response.status_code == 400 and set(params) <= set(response.json()["errors"])
