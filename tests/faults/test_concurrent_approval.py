"""Two reviewers approve the same submission at the same moment, from two threads with their own
PostgreSQL connections (issue #19 item 5: the second one got a 500).

The review queue's approve endpoint is called by two signed-in clients released together. The workflow
re-reads the status under a row lock (SELECT ... FOR UPDATE); the winner holds it while it publishes
(made to last 0.5 s, so the two always overlap), the other waits on the lock, then finds the record
decided. Documented outcome (docs/submissions.md): exactly one transition to published, one
published-version snapshot, and the other reviewer is redirected (302, never 500) with the "already
decided" message.
"""

from __future__ import annotations

import threading
import time
from unittest import mock

import pytest
from django.db import connection, connections
from django.test import Client

from legislation.models import Law
from sherloc.access import REVIEWERS
from sherloc.models import PublicationStatus
from submissions import revisions, snapshots, workflow
from submissions.models import PublishedVersion, Transition
from tests.factories import LawFactory, ProvisionFactory, UserFactory
from tests.faults.conftest import SERVICES
from tests.submissions.conftest import focal_point

pytestmark = [*SERVICES, pytest.mark.django_db(transaction=True)]

HOLD_SECONDS = 0.5
PUBLISHED_NOW = "now has the status “Published”"
DECIDED = "Someone else has already decided on this record: its status is now “Published”"
GONE = "This submission is no longer pending: someone else has already decided on it."


def _lock_waiters() -> int:
    """Backends of this test database waiting for a lock right now."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def approve_together(url: str, reviewers: list) -> tuple[list, int]:
    """POST `url` as each reviewer at the same instant; (responses, most lock waiters seen meanwhile)."""
    responses: list = [None] * len(reviewers)
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(reviewers))

    def run(index: int, user) -> None:  # noqa: ANN001
        client = Client(raise_request_exception=False)  # an escaping exception must show as the 500 it is
        client.force_login(user)
        try:
            barrier.wait(timeout=10)
            responses[index] = client.post(url, {"comment": f"approved by {user.username}"}, follow=True)
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            errors.append(exc)
        finally:
            connections.close_all()  # this thread's connection: the test's teardown flush must not wait on it

    real_snapshot = snapshots.snapshot

    def slow_snapshot(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        time.sleep(HOLD_SECONDS)  # inside the publishing transaction: the row lock is held meanwhile
        return real_snapshot(*args, **kwargs)

    threads = [threading.Thread(target=run, args=(i, user)) for i, user in enumerate(reviewers)]
    most_waiters = 0
    with mock.patch.object(snapshots, "snapshot", slow_snapshot):
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 30
        while any(t.is_alive() for t in threads) and time.monotonic() < deadline:
            most_waiters = max(most_waiters, _lock_waiters())
            time.sleep(0.02)
        for thread in threads:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))
    assert not any(t.is_alive() for t in threads), "an approval did not finish within 30 s"
    assert not errors, errors
    return responses, most_waiters


def outcome(response) -> tuple[int, str]:  # noqa: ANN001
    """(status of the POST itself, page text after following its redirect)."""
    first = response.redirect_chain[0][1] if response.redirect_chain else response.status_code
    assert response.status_code == 200, response.content[:300]
    return first, response.content.decode()


@pytest.fixture
def reviewers(reference_data) -> list:  # noqa: ANN001
    return [UserFactory(username=f"reviewer-{n}", groups=[REVIEWERS]) for n in (1, 2)]


def test_two_reviewers_approve_the_same_submitted_law(reviewers) -> None:  # noqa: ANN001
    submitter = focal_point("fp-bra", "BRA")
    law = LawFactory(title="Contested approval act", status=PublicationStatus.SUBMITTED, submitted_by=submitter)
    ProvisionFactory(law=law, order=1, text="Contested provision on smuggling.")

    responses, waiters = approve_together(f"/en/review/law/{law.pk}/approve/", reviewers)

    results = [outcome(r) for r in responses]
    assert [status for status, _ in results] == [302, 302], "both answered with the documented redirect"
    winners = [i for i, (_, page) in enumerate(results) if PUBLISHED_NOW in page]
    losers = [i for i, (_, page) in enumerate(results) if DECIDED in page]
    assert len(winners) == 1 and len(losers) == 1 and winners != losers, [p[-2000:] for _, p in results]
    assert waiters >= 1, "the two approvals never overlapped on the row lock"

    law.refresh_from_db()
    assert law.status == PublicationStatus.PUBLISHED and law.reviewed_by == reviewers[winners[0]]
    steps = list(workflow.history(law).values_list("from_status", "to_status", "actor__username"))
    assert steps == [
        (PublicationStatus.SUBMITTED, PublicationStatus.IN_REVIEW, reviewers[winners[0]].username),
        (PublicationStatus.IN_REVIEW, PublicationStatus.PUBLISHED, reviewers[winners[0]].username),
    ], "one start of review and one publication, both by the winner"
    assert PublishedVersion.objects.filter(object_id=law.pk).count() == 1
    assert law.provisions.count() == 1


def test_two_reviewers_approve_the_same_pending_revision(reviewers) -> None:  # noqa: ANN001
    submitter = focal_point("fp-bra", "BRA")
    law = LawFactory(title="Act before the update", status=PublicationStatus.PUBLISHED)
    ProvisionFactory(law=law, order=1, text="Original provision.")
    copy = revisions.start_revision(law, submitter)
    Law.objects.filter(pk=copy.pk).update(title="Act after the update")
    copy.refresh_from_db()
    workflow.submit(copy, submitter)
    versions_before = PublishedVersion.objects.filter(object_id=law.pk).count()

    responses, waiters = approve_together(f"/en/review/law/{copy.pk}/approve/", reviewers)

    results = [outcome(r) for r in responses]
    assert [status for status, _ in results] == [302, 302]
    winners = [i for i, (_, page) in enumerate(results) if PUBLISHED_NOW in page]
    losers = [i for i, (_, page) in enumerate(results) if GONE in page]
    assert len(winners) == 1 and len(losers) == 1 and winners != losers, [p[-2000:] for _, p in results]
    assert waiters >= 1, "the two approvals never overlapped on the row lock"

    law.refresh_from_db()
    assert law.status == PublicationStatus.PUBLISHED and law.title == "Act after the update"
    assert not Law.objects.filter(revision_of=law).exists(), "the applied working copy is gone"
    published = Transition.objects.filter(
        object_id=law.pk, to_status=PublicationStatus.PUBLISHED, from_status=PublicationStatus.IN_REVIEW
    )
    assert published.count() == 1
    assert PublishedVersion.objects.filter(object_id=law.pk).count() == versions_before + 1
    assert law.provisions.count() == 1
