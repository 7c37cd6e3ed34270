"""Bibliography entries through the publication workflow: the admin's submit and publish actions, the review
queue (entries have no country of their own: found by the countries they cover), a published-version snapshot."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from bibliography.models import Publication
from sherloc.models import PublicationStatus
from submissions.models import PublishedVersion
from tests.factories import PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):  # noqa: ANN001, ANN201
    client.force_login(UserFactory(username="secretariat", is_staff=True, is_superuser=True))
    return client


def act(client, action: str, pk: int):  # noqa: ANN001, ANN201
    data = {"action": action, ACTION_CHECKBOX_NAME: [str(pk)]}
    return client.post("/admin/bibliography/publication/", data, follow=True)


def test_submit_needs_a_synopsis_then_the_queue_lists_the_entry_and_publish_snapshots_it(staff) -> None:  # noqa: ANN001
    entry = PublicationFactory(status=PublicationStatus.DRAFT, synopsis="", covered=["BRA"])
    page = act(staff, "submit_selected", entry.pk).content.decode()
    assert "Not complete enough to submit" in page
    entry.synopsis = "An annotation."
    entry.save()
    act(staff, "submit_selected", entry.pk)
    assert Publication.objects.get(pk=entry.pk).status == PublicationStatus.SUBMITTED

    queue = staff.get("/en/review/")
    assert queue.status_code == 200 and entry.title in queue.content.decode()
    assert entry.title in staff.get("/en/review/", {"type": "publication"}).content.decode()
    country = staff.get("/en/review/", {"country": "BRA"}).content.decode()
    assert entry.title in country and entry.title not in staff.get("/en/review/", {"country": "FRA"}).content.decode()
    detail = staff.get(f"/en/review/publication/{entry.pk}/")
    assert detail.status_code == 200 and "Bibliography entry" in detail.content.decode()

    act(staff, "publish_selected", entry.pk)
    assert Publication.objects.get(pk=entry.pk).status == PublicationStatus.PUBLISHED
    (version,) = PublishedVersion.objects.filter(object_id=entry.pk, content_type__model="publication")
    assert version.data["title"] == entry.title and version.data["authors"][0]["family"] == "Shelley"


def test_focal_points_have_no_way_to_write_bibliography_entries(client) -> None:  # noqa: ANN001
    from tests.factories import ApiTokenFactory, FocalPointFactory

    entry = PublicationFactory()
    focal_point = FocalPointFactory(username="fp", countries=["BRA"])
    client.force_login(focal_point)
    assert client.post(f"/en/submit/publication/{entry.pk}/revise/").status_code == 404
    token = ApiTokenFactory(user=focal_point, scopes=["submit"]).key
    line = {"type": "publication", "title": "A paper", "original_language": "en"}
    response = client.post(
        "/api/v1/submissions/", line, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 400 and "unknown record type 'publication'" in response.content.decode()
