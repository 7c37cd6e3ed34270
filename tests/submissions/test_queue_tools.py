"""Review queue tools: filters by country, type, age and assignee; assignment; duplicates; bulk publish."""

import datetime as dt

import pytest
from django.utils import timezone

from legislation.models import Law
from sherloc.models import PublicationStatus
from submissions import duplicates
from tests.factories import AuthorityFactory, LawFactory, country
from tests.submissions.conftest import as_user

pytestmark = pytest.mark.django_db
QUEUE = "/en/review/"


def pending(title: str, alpha3: str = "BRA", days: int = 0, **kwargs) -> Law:  # noqa: ANN003
    return LawFactory(
        title=title,
        country=country(alpha3),
        status=PublicationStatus.SUBMITTED,
        submitted_at=timezone.now() - dt.timedelta(days=days),
        **kwargs,
    )


def titles(response) -> set[str]:  # noqa: ANN001
    return {row["title"] for row in response.context["rows"]}


def test_filters(client, reviewer) -> None:  # noqa: ANN001
    pending("Old Brazilian act", days=40)
    pending("Fresh Brazilian act")
    pending("French decree", "FRA", days=10)
    AuthorityFactory(
        name="Brazilian authority",
        country=country("BRA"),
        status=PublicationStatus.IN_REVIEW,
        submitted_at=timezone.now(),
    )
    as_user(client, reviewer)
    assert titles(client.get(QUEUE)) == {
        "Old Brazilian act",
        "Fresh Brazilian act",
        "French decree",
        "Brazilian authority",
    }
    assert titles(client.get(QUEUE, {"country": "BRA", "type": "law"})) == {"Old Brazilian act", "Fresh Brazilian act"}
    assert titles(client.get(QUEUE, {"age": "30"})) == {"Old Brazilian act"}
    assert titles(client.get(QUEUE, {"age": "7"})) == {"Old Brazilian act", "French decree"}


@pytest.mark.parametrize("params", [{"country": "ZZZ"}, {"type": "statute"}, {"age": "3"}, {"assignee": "12345"}])
def test_bad_filters_are_a_400_naming_the_field(client, reviewer, params) -> None:  # noqa: ANN001
    response = as_user(client, reviewer).get(QUEUE, params)
    assert response.status_code == 400
    assert set(response.context["form"].errors) == set(params)


def test_assignment_and_assignee_filter(client, reviewer) -> None:  # noqa: ANN001
    mine, other = pending("Mine"), pending("Not assigned yet")
    as_user(client, reviewer)
    response = client.post(f"/en/review/law/{mine.pk}/assign/", {"next": f"/en/review/law/{mine.pk}/"})
    assert response.status_code == 302 and response["Location"] == f"/en/review/law/{mine.pk}/"
    assert Law.objects.get(pk=mine.pk).assigned_to == reviewer
    assert titles(client.get(QUEUE, {"assignee": "me"})) == {"Mine"}
    assert titles(client.get(QUEUE, {"assignee": "none"})) == {"Not assigned yet"}
    assert titles(client.get(QUEUE, {"assignee": str(reviewer.pk)})) == {"Mine"}
    # An outside `next` is ignored (no open redirect).
    response = client.post(f"/en/review/law/{other.pk}/assign/", {"next": "https://evil.example/"})
    assert response["Location"] == QUEUE
    client.post(f"/en/review/law/{mine.pk}/assign/", {"release": "1"})
    assert Law.objects.get(pk=mine.pk).assigned_to is None


def test_duplicates_are_flagged(client, reviewer) -> None:  # noqa: ANN001
    LawFactory(
        title="Law No. 13.344 on Trafficking in Persons",
        number="13.344/2016",
        country=country("BRA"),
        status=PublicationStatus.PUBLISHED,
    )
    LawFactory(title="Criminal Code", number="", country=country("BRA"), status=PublicationStatus.PUBLISHED)
    LawFactory(
        title="Law no 13344 on trafficking in persons", country=country("FRA"), status=PublicationStatus.PUBLISHED
    )
    similar = pending("Law No 13.344 on trafficking in persons")
    same_number = pending("Anti-trafficking law", number="13.344/2016")
    unrelated = pending("Law on money laundering")
    assert [d.title for d in duplicates.possible_duplicates(similar)] == ["Law No. 13.344 on Trafficking in Persons"]
    assert [d.title for d in duplicates.possible_duplicates(same_number)] == [
        "Law No. 13.344 on Trafficking in Persons"
    ]
    assert duplicates.possible_duplicates(unrelated) == []
    page = as_user(client, reviewer).get(QUEUE).content.decode()
    assert page.count("Possible duplicate") == 2
    detail = client.get(f"/en/review/law/{similar.pk}/").content.decode()
    assert "Possible duplicates" in detail and "Law No. 13.344 on Trafficking in Persons" in detail


def test_bulk_publish(client, reviewer, fp_bra) -> None:  # noqa: ANN001
    a, b = pending("First act"), pending("Second act")
    draft = LawFactory(title="Still a draft", status=PublicationStatus.DRAFT)
    as_user(client, reviewer)
    response = client.post(
        "/en/review/publish/",
        {"pick": [f"law:{a.pk}", f"law:{b.pk}", f"law:{draft.pk}", "law:999999", "nonsense"]},
        follow=True,
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert set(Law.objects.filter(status=PublicationStatus.PUBLISHED).values_list("title", flat=True)) == {
        "First act",
        "Second act",
    }
    assert "2 submissions published." in page and "Not published" in page
    assert Law.objects.get(pk=draft.pk).status == PublicationStatus.DRAFT


def test_bulk_publish_requires_a_selection_and_the_role(client, reviewer, fp_bra) -> None:  # noqa: ANN001
    a = pending("First act")
    assert "Tick at least one" in as_user(client, reviewer).post("/en/review/publish/", follow=True).content.decode()
    assert as_user(client, fp_bra).post("/en/review/publish/", {"pick": [f"law:{a.pk}"]}).status_code == 403
    assert Law.objects.get(pk=a.pk).status == PublicationStatus.SUBMITTED


def test_queue_is_paged_and_a_page_past_the_end_is_a_400(client, reviewer, monkeypatch) -> None:  # noqa: ANN001
    from submissions.review import views as review_views

    monkeypatch.setattr(review_views, "QUEUE_PAGE_SIZE", 2)
    for i in range(5):
        pending(f"Act {i}", days=10 - i)
    as_user(client, reviewer)
    first = client.get(QUEUE, {"country": "BRA"})
    assert [r["title"] for r in first.context["rows"]] == ["Act 0", "Act 1"]
    assert "page=2" in first.content.decode() and "country=BRA" in first.content.decode()
    assert [r["title"] for r in client.get(QUEUE, {"country": "BRA", "page": 3}).context["rows"]] == ["Act 4"]
    too_far = client.get(QUEUE, {"page": 9})
    assert too_far.status_code == 400 and "page" in too_far.context["form"].errors
    assert client.get(QUEUE, {"page": "x"}).status_code == 400
