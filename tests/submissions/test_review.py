"""The review queue and its decisions: access, filters, approve / return / reject / unpublish."""

import pytest

from sherloc.models import PublicationStatus
from submissions import workflow
from tests.factories import AuthorityFactory, CaseFactory, LawFactory, country
from tests.submissions.conftest import as_user

pytestmark = pytest.mark.django_db
QUEUE = "/en/review/"


def decide(law, action: str) -> str:  # noqa: ANN001
    return f"/en/review/law/{law.pk}/{action}/"


@pytest.fixture
def pending(fp_bra):  # noqa: ANN001, ANN201
    return {
        "law_bra": LawFactory(title="Pending Brazilian law", status=PublicationStatus.SUBMITTED, submitted_by=fp_bra),
        "law_fra": LawFactory(title="Pending French law", status=PublicationStatus.IN_REVIEW, country=country("FRA")),
        "case": CaseFactory(title="Pending case", status=PublicationStatus.SUBMITTED),
        "authority": AuthorityFactory(name="Pending authority", status=PublicationStatus.IN_REVIEW),
        "draft": LawFactory(title="A draft nobody submitted", status=PublicationStatus.DRAFT),
        "published": LawFactory(title="Already published law", status=PublicationStatus.PUBLISHED),
    }


# --- access -------------------------------------------------------------------------------------------
def test_anonymous_is_sent_to_login(client, pending) -> None:  # noqa: ANN001
    for response in (client.get(QUEUE), client.post(decide(pending["law_bra"], "approve"))):
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    pending["law_bra"].refresh_from_db()
    assert pending["law_bra"].status == PublicationStatus.SUBMITTED


@pytest.mark.parametrize(("who", "status"), [("fp_bra", 403), ("editor", 403), ("nobody", 403), ("reviewer", 200)])
def test_only_reviewers_see_the_queue_and_decide(client, request, pending, who, status) -> None:  # noqa: ANN001
    client = as_user(client, request.getfixturevalue(who))
    law = pending["law_bra"]
    assert client.get(QUEUE).status_code == status
    assert client.get(f"/en/review/law/{law.pk}/").status_code == status
    response = client.post(decide(law, "approve"))
    assert response.status_code == (302 if status == 200 else 403)
    law.refresh_from_db()
    assert law.status == (PublicationStatus.PUBLISHED if status == 200 else PublicationStatus.SUBMITTED)


# --- queue --------------------------------------------------------------------------------------------
def test_queue_lists_pending_records_of_every_kind(client, reviewer, pending) -> None:  # noqa: ANN001
    page = as_user(client, reviewer).get(QUEUE).content.decode()
    for key in ("law_bra", "law_fra", "case"):
        assert pending[key].title in page
    assert "Pending authority" in page
    assert "A draft nobody submitted" not in page and "Already published law" not in page


def test_queue_filters_by_country_and_type(client, reviewer, pending) -> None:  # noqa: ANN001
    client = as_user(client, reviewer)
    page = client.get(QUEUE, {"country": "FRA"}).content.decode()
    assert "Pending French law" in page and "Pending Brazilian law" not in page and "Pending case" not in page
    page = client.get(QUEUE, {"type": "case"}).content.decode()
    assert "Pending case" in page and "Pending Brazilian law" not in page
    page = client.get(QUEUE, {"type": "law", "country": "BRA"}).content.decode()
    assert "Pending Brazilian law" in page and "Pending French law" not in page


def test_detail_shows_provisions_and_history(client, reviewer, fp_bra, draft_law) -> None:  # noqa: ANN001
    workflow.submit(draft_law, fp_bra, comment="First version")
    page = as_user(client, reviewer).get(f"/en/review/law/{draft_law.pk}/").content.decode()
    assert "Zanzibarian exploitation clause." in page and "First version" in page
    assert decide(draft_law, "approve") in page


# --- actions ------------------------------------------------------------------------------------------
def test_approve_a_submitted_law_starts_review_then_publishes(client, reviewer, pending) -> None:  # noqa: ANN001
    law = pending["law_bra"]
    response = as_user(client, reviewer).post(decide(law, "approve"), {"comment": "Good"})
    assert response.status_code == 302 and response["Location"] == QUEUE
    law.refresh_from_db()
    assert law.status == PublicationStatus.PUBLISHED and law.reviewed_by == reviewer
    assert [(t.from_status, t.to_status) for t in workflow.history(law)] == [
        (PublicationStatus.SUBMITTED, PublicationStatus.IN_REVIEW),
        (PublicationStatus.IN_REVIEW, PublicationStatus.PUBLISHED),
    ]
    assert client.get(f"/en/laws/{law.pk}/").status_code == 200


@pytest.mark.parametrize(
    ("action", "target"), [("return", PublicationStatus.RETURNED), ("reject", PublicationStatus.REJECTED)]
)
def test_return_and_reject_need_a_comment(client, reviewer, pending, mailoutbox, action, target) -> None:  # noqa: ANN001
    client = as_user(client, reviewer)
    law = pending["law_bra"]
    response = client.post(decide(law, action), {"comment": "  "}, follow=True)
    assert response.redirect_chain[-1][0] == f"/en/review/law/{law.pk}/"
    assert "required" in response.content.decode()
    law.refresh_from_db()
    assert law.status == PublicationStatus.SUBMITTED  # nothing half-done: the implicit start of review rolled back too
    assert not workflow.history(law).exists()

    client.post(decide(law, action), {"comment": "Wrong country."})
    law.refresh_from_db()
    assert law.status == target
    assert workflow.latest_comment(law).comment == "Wrong country."


def test_decisions_on_cases_and_authorities(client, reviewer, pending) -> None:  # noqa: ANN001
    client = as_user(client, reviewer)
    case, authority = pending["case"], pending["authority"]
    assert client.post(f"/en/review/case/{case.pk}/approve/").status_code == 302
    assert client.post(f"/en/review/authority/{authority.pk}/reject/", {"comment": "Duplicate"}).status_code == 302
    case.refresh_from_db()
    authority.refresh_from_db()
    assert (case.status, authority.status) == (PublicationStatus.PUBLISHED, PublicationStatus.REJECTED)


def test_invalid_action_or_state(client, reviewer, pending) -> None:  # noqa: ANN001
    client = as_user(client, reviewer)
    draft = pending["draft"]
    response = client.post(decide(draft, "approve"), follow=True)
    assert "Cannot publish: the record&#x27;s status is “Draft”." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == PublicationStatus.DRAFT
    assert client.post(decide(draft, "explode")).status_code == 404
    assert client.post(f"/en/review/widget/{draft.pk}/approve/").status_code == 404
    assert client.get(decide(draft, "approve")).status_code == 405


@pytest.mark.parametrize("target", [PublicationStatus.DRAFT, PublicationStatus.WITHDRAWN])
def test_unpublish(client, reviewer, pending, target) -> None:  # noqa: ANN001
    law = pending["published"]
    client = as_user(client, reviewer)
    assert client.post(decide(law, "unpublish"), {"to": target, "comment": "Repealed"}).status_code == 302
    law.refresh_from_db()
    assert law.status == target
    assert client.get(f"/en/laws/{law.pk}/").status_code == 404


def test_review_page_shows_the_whole_submission(client, reviewer) -> None:  # noqa: ANN001
    """People and charges of a case, contact details of an authority: what the reviewer must check."""
    from sherloc.models import PublicationStatus
    from tests.factories import AuthorityFactory, CaseFactory, ChargeFactory, PersonFactory

    case = CaseFactory(status=PublicationStatus.SUBMITTED, title="Prosecutor v. J.S.")
    defendant = PersonFactory(case=case, role="defendant", name="João Silva", order=1)
    ChargeFactory(case=case, defendant=defendant, statute="Art. 149-A Penal Code")
    authority = AuthorityFactory(status=PublicationStatus.SUBMITTED, email="central@example.gov", phone="+55 61 555")
    client.force_login(reviewer)
    page = client.get(f"/en/review/case/{case.pk}/").content.decode()
    assert "Content of the submission" in page and "João Silva" in page and "Art. 149-A Penal Code" in page
    page = client.get(f"/en/review/authority/{authority.pk}/").content.decode()
    assert "central@example.gov" in page and "+55 61 555" in page


def test_the_second_of_two_reviewers_is_told_someone_else_decided(client, reviewer, pending) -> None:  # noqa: ANN001
    from sherloc.access import REVIEWERS
    from tests.factories import UserFactory

    law = pending["law_bra"]
    second = UserFactory(username="reviewer-2", groups=[REVIEWERS])
    first = as_user(client, reviewer).post(decide(law, "approve"), follow=True)
    assert any("now has the status “Published”" in str(m) for m in first.context["messages"])
    response = as_user(client, second).post(decide(law, "reject"), {"comment": "no"}, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert any("Someone else has already decided on this record: its status is now “Published”" in m for m in messages)
    law.refresh_from_db()
    assert law.status == PublicationStatus.PUBLISHED and law.reviewed_by == reviewer


def test_review_page_renders_rich_text_instead_of_escaping_it(client, reviewer) -> None:  # noqa: ANN001
    """Issue #19 item 11: the summary showed as `&lt;p&gt;...`; it is rendered through the sanitiser."""
    case = CaseFactory(
        status=PublicationStatus.SUBMITTED,
        fact_summary="<p>Victims were <strong>recruited</strong> online.</p><p>Second paragraph.</p>",
    )
    page = as_user(client, reviewer).get(f"/en/review/case/{case.pk}/").content.decode()
    assert "<p>Victims were <strong>recruited</strong> online.</p>" in page
    assert "&lt;p&gt;" not in page and "&lt;strong&gt;" not in page
