"""Publishing makes a law public and searchable; nothing else is visible anywhere public."""

import pytest

from search import service
from search.query import SearchQuery
from sherloc.models import PublicationStatus
from submissions import workflow
from tests.factories import LawFactory, ProvisionFactory

pytestmark = pytest.mark.django_db
WORD = "Zanzibarian"


def found(word: str = WORD) -> set[int]:
    return {hit.record_id for hit in service.search(SearchQuery(text=word)).hits if hit.type == "legislation"}


def public_ids(client) -> set[int]:  # noqa: ANN001
    body = client.get("/api/v1/laws/?page_size=100").json()
    return {row["id"] for row in body["results"]}


@pytest.fixture
def pending_law(commit):  # noqa: ANN001, ANN201
    with commit():
        law = LawFactory(status=PublicationStatus.DRAFT)
        provision = ProvisionFactory(law=law, text=f"{WORD} exploitation by organized criminal groups.")
    return law, provision


@pytest.mark.parametrize(
    "status",
    [
        PublicationStatus.DRAFT,
        PublicationStatus.SUBMITTED,
        PublicationStatus.IN_REVIEW,
        PublicationStatus.RETURNED,
        PublicationStatus.REJECTED,
        PublicationStatus.WITHDRAWN,
    ],
)
def test_unpublished_law_is_nowhere_public(client, commit, pending_law, status) -> None:  # noqa: ANN001
    law, provision = pending_law
    with commit():
        law.status = status
        law.save()
    assert client.get(f"/en/laws/{law.pk}/").status_code == 404
    assert client.get(f"/api/v1/laws/{law.pk}/").status_code == 404
    assert law.pk not in public_ids(client)
    assert provision.pk not in found()
    assert law.title not in client.get(f"/en/search/?q={WORD}").content.decode()


def test_publishing_makes_it_searchable_and_unpublishing_removes_it(
    client,
    commit,
    pending_law,
    fp_bra,
    reviewer,  # noqa: ANN001
) -> None:
    law, provision = pending_law
    with commit():
        workflow.submit(law, fp_bra)
    with commit():
        workflow.start_review(law, reviewer)
    assert provision.pk not in found()
    with commit():
        workflow.publish(law, reviewer)
    assert found() == {provision.pk}
    assert law.title in client.get(f"/en/search/?q={WORD}").content.decode()
    assert client.get(f"/en/laws/{law.pk}/").status_code == 200
    assert law.pk in public_ids(client)

    with commit():
        workflow.unpublish(law, reviewer, to=PublicationStatus.WITHDRAWN, comment="superseded")
    assert found() == set()
    assert client.get(f"/en/laws/{law.pk}/").status_code == 404
    assert law.pk not in public_ids(client)
