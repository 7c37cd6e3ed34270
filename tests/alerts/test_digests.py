"""Digests through the Celery task (eager in tests) and Django's locmem mail backend (pytest-django's
`mailoutbox`): what is listed, what never is, when a digest is due, the unsubscribe link."""

from __future__ import annotations

import datetime as dt
import re
from unittest import mock

import pytest
from django.core import signing

from alerts import digests, tasks
from alerts.models import Frequency
from search.engines import EngineError
from sherloc.models import PublicationStatus
from tests.factories import SavedSearchFactory

from .conftest import NOW, SINCE, saved

pytestmark = pytest.mark.django_db


def run_task() -> dict:
    with mock.patch.object(digests.timezone, "now", return_value=NOW):
        return tasks.send_digests.delay().get()


def test_digest_lists_the_new_matches_only_once_per_law(fresh_records, subscriber, mailoutbox) -> None:  # noqa: ANN001
    search = saved(subscriber, "q=smuggled+OR+smuggles&country=BRA", name="Smuggling in Brazil")
    result = run_task()
    assert result == {"sent": 1, "empty": 0, "failed": []}
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["analyst@example.org"]
    assert "2 new records" in message.subject and "Smuggling in Brazil" in message.subject
    body = message.body
    assert "Prosecutor v. Smuggling Ring" in body
    assert body.count("Law on Migrant Smuggling") == 1  # two provisions match; the law is listed once
    assert "Old Ring" not in body  # published before the period
    assert "Passeurs" not in body  # another country
    case = fresh_records["new_case"]
    assert f"http://localhost:8000/en/cases/{case.pk}/" in body
    search.refresh_from_db()
    assert search.last_digest_at == NOW


def test_digest_never_lists_an_unpublished_record_still_in_the_index(fresh_records, subscriber, mailoutbox) -> None:  # noqa: ANN001
    # Unpublished without a signal: the index still holds it, the database says draft.
    type(fresh_records["new_case"]).objects.filter(pk=fresh_records["new_case"].pk).update(
        status=PublicationStatus.DRAFT
    )
    saved(subscriber, "q=smuggled&country=BRA")
    run_task()
    assert len(mailoutbox) == 1
    assert "1 new record" in mailoutbox[0].subject
    assert "Law on Migrant Smuggling" in mailoutbox[0].body
    assert "Smuggling Ring" not in mailoutbox[0].body


def test_no_new_match_sends_nothing_but_moves_the_period_on(fresh_records, subscriber, mailoutbox) -> None:  # noqa: ANN001
    search = saved(subscriber, "q=smuggled&country=FRA&type=legislation")
    assert run_task() == {"sent": 0, "empty": 1, "failed": []}
    assert mailoutbox == []
    search.refresh_from_db()
    assert search.last_digest_at == NOW


def test_records_with_only_most_of_the_words_are_not_a_match(fresh_records, subscriber, mailoutbox) -> None:  # noqa: ANN001
    # No record has both words: the search page would fall back to "most of the words"; alerts do not.
    saved(subscriber, "q=smuggled+zzyzx&country=BRA")
    assert run_task() == {"sent": 0, "empty": 1, "failed": []}
    assert mailoutbox == []


def test_only_due_digests_are_sent_and_a_second_run_sends_nothing(fresh_records, subscriber, mailoutbox) -> None:  # noqa: ANN001
    saved(subscriber, "q=smuggled", frequency=Frequency.WEEKLY)  # last digest a day ago: not due
    saved(subscriber, "q=smuggled&country=BRA", frequency=Frequency.NONE)  # alerts off
    daily = saved(subscriber, "country=BRA")
    run_task()
    run_task()
    assert len(mailoutbox) == 1
    assert "Prosecutor v. Smuggling Ring" in mailoutbox[0].body
    daily.refresh_from_db()
    assert daily.last_digest_at == NOW


def test_weekly_digest_covers_the_week(fresh_records, subscriber, mailoutbox) -> None:  # noqa: ANN001
    saved(subscriber, "q=smuggled", frequency=Frequency.WEEKLY).__class__.objects.update(
        last_digest_at=NOW - dt.timedelta(days=7)
    )
    run_task()
    assert len(mailoutbox) == 1
    assert "Passeurs" in mailoutbox[0].body and "Smuggling Ring" in mailoutbox[0].body


def test_digest_is_written_in_the_saved_language(fresh_records, subscriber, mailoutbox) -> None:  # noqa: ANN001
    saved(subscriber, "q=smuggled&country=BRA", language="fr")
    run_task()
    body = mailoutbox[0].body
    case = fresh_records["new_case"]
    assert f"/fr/cases/{case.pk}/" in body and "/fr/alerts/unsubscribe/" in body
    assert "Brésil" in body  # the subtitle's country in French


def test_engine_failure_gives_the_period_back_for_the_next_run(fresh_records, subscriber, mailoutbox) -> None:  # noqa: ANN001
    search = saved(subscriber, "q=smuggled&country=BRA")
    with mock.patch("alerts.entries.service.search", side_effect=EngineError("down")):
        assert run_task()["failed"] == [search.pk]
    search.refresh_from_db()
    assert search.last_digest_at == SINCE
    assert mailoutbox == []
    run_task()
    assert len(mailoutbox) == 1


def test_a_saved_search_made_invalid_by_a_vocabulary_change_is_skipped(fresh_records, subscriber, mailoutbox) -> None:  # noqa: ANN001
    saved(subscriber, "article=UNTOC-999")
    assert run_task() == {"sent": 0, "empty": 1, "failed": []}


def test_unsubscribe_link_works_without_signing_in(fresh_records, subscriber, mailoutbox, client) -> None:  # noqa: ANN001
    search = saved(subscriber, "q=smuggled&country=BRA")
    run_task()
    message = mailoutbox[0]
    link = re.search(r"http://localhost:8000(/en/alerts/unsubscribe/\S+/)", message.body).group(1)
    assert message.extra_headers["List-Unsubscribe"] == f"<http://localhost:8000{link}>"
    page = client.get(link)  # a link scanner's GET changes nothing
    assert page.status_code == 200 and "Unsubscribe" in page.content.decode()
    search.refresh_from_db()
    assert search.frequency == Frequency.DAILY
    done = client.post(link)  # no session, no CSRF token: the signed link is the credential
    assert done.status_code == 200
    search.refresh_from_db()
    assert search.frequency == Frequency.NONE


def test_tampered_or_stale_unsubscribe_links_answer_clearly(subscriber, client) -> None:  # noqa: ANN001
    search = SavedSearchFactory(user=subscriber, query="q=x")
    token = digests.unsubscribe_token(search)
    assert client.post(f"/en/alerts/unsubscribe/{token}x/").status_code == 400
    other = SavedSearchFactory(user=subscriber, query="q=y")
    # The other search's payload under this token's signature: a link edited to name another search.
    other_payload = signing.dumps([other.pk, subscriber.pk], salt=digests.UNSUBSCRIBE_SALT, compress=True)
    forged = ":".join([other_payload.split(":")[0], *token.split(":")[1:]])
    assert forged != token
    assert client.post(f"/en/alerts/unsubscribe/{forged}/").status_code == 400
    frequency = other.frequency
    other.refresh_from_db()
    assert other.frequency == frequency  # neither search was touched
    search.delete()
    assert client.get(f"/en/alerts/unsubscribe/{token}/").status_code == 404


def test_beat_schedules_the_registered_digest_task_at_least_hourly() -> None:
    from django.conf import settings

    from config.celery import app

    entries = [e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == "alerts.tasks.send_digests"]
    assert len(entries) == 1 and float(entries[0]["schedule"]) <= 3600
    assert "alerts.tasks.send_digests" in app.tasks  # beat sends it by name: a worker must know it
