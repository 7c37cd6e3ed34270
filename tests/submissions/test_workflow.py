"""Every transition of submissions.workflow: allowed ones, invalid sources, wrong roles, the log, e-mail."""

import pytest
from django.core.exceptions import PermissionDenied

from sherloc.models import PublicationStatus
from submissions import workflow
from submissions.models import Transition
from tests.factories import AuthorityFactory, CaseFactory, LawFactory

pytestmark = pytest.mark.django_db


def law(status: str = PublicationStatus.DRAFT, **kwargs):  # noqa: ANN003, ANN201
    return LawFactory(status=status, **kwargs)


def test_happy_path_records_every_step(fp_bra, reviewer) -> None:  # noqa: ANN001
    record = law()
    workflow.submit(record, fp_bra, comment="please review")
    record.refresh_from_db()
    assert record.status == PublicationStatus.SUBMITTED and record.submitted_by == fp_bra and record.submitted_at
    workflow.start_review(record, reviewer)
    workflow.publish(record, reviewer, comment="fine")
    record.refresh_from_db()
    assert record.status == PublicationStatus.PUBLISHED
    assert record.reviewed_by == reviewer and record.reviewed_at and record.published_at
    steps = [(t.actor, t.from_status, t.to_status, t.comment) for t in workflow.history(record)]
    assert steps == [
        (fp_bra, PublicationStatus.DRAFT, PublicationStatus.SUBMITTED, "please review"),
        (reviewer, PublicationStatus.SUBMITTED, PublicationStatus.IN_REVIEW, ""),
        (reviewer, PublicationStatus.IN_REVIEW, PublicationStatus.PUBLISHED, "fine"),
    ]
    assert all(t.created_at for t in workflow.history(record))


def test_return_then_resubmit(fp_bra, reviewer) -> None:  # noqa: ANN001
    record = law(PublicationStatus.IN_REVIEW, submitted_by=fp_bra)
    with pytest.raises(workflow.CommentRequired):
        workflow.return_to_submitter(record, reviewer, "   ")
    workflow.return_to_submitter(record, reviewer, "Add the English translation of art. 2.")
    assert record.status == PublicationStatus.RETURNED
    assert workflow.latest_comment(record).comment == "Add the English translation of art. 2."
    workflow.submit(record, fp_bra)
    assert record.status == PublicationStatus.SUBMITTED


def test_reject_requires_reason(reviewer) -> None:  # noqa: ANN001
    record = law(PublicationStatus.IN_REVIEW)
    with pytest.raises(workflow.CommentRequired):
        workflow.reject(record, reviewer, "")
    workflow.reject(record, reviewer, "Not legislation: a press release.")
    record.refresh_from_db()
    assert record.status == PublicationStatus.REJECTED
    assert Transition.objects.get(to_status=PublicationStatus.REJECTED).comment == "Not legislation: a press release."


@pytest.mark.parametrize("source", [PublicationStatus.DRAFT, PublicationStatus.SUBMITTED, PublicationStatus.RETURNED])
def test_withdraw_by_submitter(fp_bra, source) -> None:  # noqa: ANN001
    record = law(source, submitted_by=fp_bra if source != PublicationStatus.DRAFT else None)
    workflow.withdraw(record, fp_bra)
    record.refresh_from_db()
    assert record.status == PublicationStatus.WITHDRAWN


def test_withdraw_by_someone_else_is_refused(fp_bra, reviewer) -> None:  # noqa: ANN001
    from tests.submissions.conftest import focal_point

    colleague = focal_point("fp-bra-2", "BRA")
    record = law(PublicationStatus.SUBMITTED, submitted_by=fp_bra)
    for user in (colleague, reviewer):
        with pytest.raises(workflow.NotAllowed):
            workflow.withdraw(record, user)
    record.refresh_from_db()
    assert record.status == PublicationStatus.SUBMITTED


@pytest.mark.parametrize("target", [PublicationStatus.DRAFT, PublicationStatus.WITHDRAWN])
def test_unpublish(reviewer, target) -> None:  # noqa: ANN001
    record = law(PublicationStatus.PUBLISHED)
    workflow.unpublish(record, reviewer, to=target, comment="outdated")
    record.refresh_from_db()
    assert record.status == target


def test_unpublish_to_other_status_is_refused(reviewer) -> None:  # noqa: ANN001
    with pytest.raises(workflow.InvalidTransition):
        workflow.unpublish(law(PublicationStatus.PUBLISHED), reviewer, to=PublicationStatus.SUBMITTED)


INVALID = [
    (workflow.submit, PublicationStatus.SUBMITTED),
    (workflow.submit, PublicationStatus.IN_REVIEW),
    (workflow.submit, PublicationStatus.PUBLISHED),
    (workflow.submit, PublicationStatus.REJECTED),
    (workflow.submit, PublicationStatus.WITHDRAWN),
    (workflow.start_review, PublicationStatus.DRAFT),
    (workflow.start_review, PublicationStatus.IN_REVIEW),
    (workflow.start_review, PublicationStatus.PUBLISHED),
    (workflow.publish, PublicationStatus.DRAFT),
    (workflow.publish, PublicationStatus.SUBMITTED),
    (workflow.publish, PublicationStatus.RETURNED),
    (workflow.publish, PublicationStatus.PUBLISHED),
    (workflow.withdraw, PublicationStatus.IN_REVIEW),
    (workflow.withdraw, PublicationStatus.PUBLISHED),
    (workflow.withdraw, PublicationStatus.REJECTED),
    (workflow.unpublish, PublicationStatus.DRAFT),
    (workflow.unpublish, PublicationStatus.IN_REVIEW),
]


@pytest.mark.parametrize(("step", "source"), INVALID, ids=[f"{s.__name__}-{src}" for s, src in INVALID])
def test_invalid_source_status(editor, reviewer, step, source) -> None:  # noqa: ANN001
    """The editor submits and withdraws, the reviewer decides: only the status is wrong."""
    user = editor if step in (workflow.submit, workflow.withdraw) else reviewer
    record = law(source)
    with pytest.raises(workflow.InvalidTransition) as err:
        step(record, user)
    if step in (workflow.start_review, workflow.publish) and source in workflow.DECIDED:
        # another reviewer got there first: said so, rather than "cannot start reviewing"
        assert isinstance(err.value, workflow.AlreadyDecided)
        assert "Someone else has already decided" in str(err.value)
    else:
        assert "Cannot" in str(err.value)
    record.refresh_from_db()
    assert record.status == source
    assert not Transition.objects.exists()


@pytest.mark.parametrize(
    ("step", "source"),
    [(workflow.return_to_submitter, PublicationStatus.SUBMITTED), (workflow.reject, PublicationStatus.DRAFT)],
)
def test_invalid_source_for_decisions_with_comment(reviewer, step, source) -> None:  # noqa: ANN001
    with pytest.raises(workflow.InvalidTransition):
        step(law(source), reviewer, "why")


def test_roles_are_checked(fp_bra, fp_fra, reviewer, nobody) -> None:  # noqa: ANN001
    record = law(PublicationStatus.DRAFT)  # Brazil
    for user in (fp_fra, reviewer, nobody):
        with pytest.raises(workflow.NotAllowed):
            workflow.submit(record, user)
    pending = law(PublicationStatus.SUBMITTED)
    for user in (fp_bra, fp_fra, nobody):
        with pytest.raises(PermissionDenied):  # NotAllowed is a PermissionDenied: views answer 403
            workflow.start_review(pending, user)
    in_review = law(PublicationStatus.IN_REVIEW)
    with pytest.raises(workflow.NotAllowed):
        workflow.publish(in_review, fp_bra)
    with pytest.raises(workflow.NotAllowed):
        workflow.unpublish(law(PublicationStatus.PUBLISHED), fp_bra)
    assert not Transition.objects.exists()


def test_works_for_cases_and_authorities(fp_bra, reviewer) -> None:  # noqa: ANN001
    for record in (CaseFactory(status=PublicationStatus.DRAFT), AuthorityFactory(status=PublicationStatus.DRAFT)):
        workflow.submit(record, fp_bra)
        workflow.start_review(record, reviewer)
        workflow.publish(record, reviewer)
        record.refresh_from_db()
        assert record.status == PublicationStatus.PUBLISHED
        assert [t.to_status for t in workflow.history(record)] == [
            PublicationStatus.SUBMITTED,
            PublicationStatus.IN_REVIEW,
            PublicationStatus.PUBLISHED,
        ]


# --- e-mail ----------------------------------------------------------------------------------------
def test_submit_emails_the_reviewers(fp_bra, reviewer, commit, mailoutbox) -> None:  # noqa: ANN001
    record = law()
    with commit():
        workflow.submit(record, fp_bra, comment="first submission")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [reviewer.email]
    assert record.title in mail.subject
    assert "first submission" in mail.body


@pytest.mark.parametrize("decision", ["publish", "return", "reject"])
def test_decisions_email_the_submitter(fp_bra, reviewer, commit, mailoutbox, decision) -> None:  # noqa: ANN001
    record = law(PublicationStatus.IN_REVIEW, submitted_by=fp_bra)
    with commit():
        if decision == "publish":
            workflow.publish(record, reviewer)
        elif decision == "return":
            workflow.return_to_submitter(record, reviewer, "Fix the dates.")
        else:
            workflow.reject(record, reviewer, "Duplicate of another record.")
    assert [m.to for m in mailoutbox] == [[fp_bra.email]]
    assert f"“{record.get_status_display()}”" in mailoutbox[0].subject


def test_no_email_when_the_transaction_rolls_back(
    fp_bra, reviewer, django_capture_on_commit_callbacks, mailoutbox
) -> None:  # noqa: ANN001,E501
    from django.db import transaction

    record = law()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            workflow.submit(record, fp_bra)
            raise RuntimeError
    assert mailoutbox == []
    record.refresh_from_db()
    assert record.status == PublicationStatus.DRAFT
    assert not Transition.objects.exists()
