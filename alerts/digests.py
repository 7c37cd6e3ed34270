"""Digest e-mails: for each saved search whose daily or weekly alert is due, the records published
since its last digest that match it, with a link to unsubscribe that needs no sign-in.

A digest is claimed before it is sent (a conditional UPDATE of `last_digest_at`), so two workers or an
overlapping beat run never send it twice; if sending fails the claim is given back and the next run
retries the same period. A period without new matches sends nothing and moves on.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from search.engines import EngineError
from search.query import QueryError

from . import entries, queries
from .models import Frequency, SavedSearch

logger = logging.getLogger(__name__)

PERIODS = {Frequency.DAILY: dt.timedelta(days=1), Frequency.WEEKLY: dt.timedelta(days=7)}
# A digest is due this much before its full period has passed: the hourly beat run that comes closest
# to "a day later" sends it, so the time of day does not creep forward by an hour each day.
SLACK = dt.timedelta(minutes=30)
UNSUBSCRIBE_SALT = "alerts.unsubscribe"
DIGEST_LIMIT = 50  # entries listed in one e-mail; the search link shows the rest


# --------------------------------------------------------------------------- unsubscribe tokens


def unsubscribe_token(saved: SavedSearch) -> str:
    """A signed token naming the saved search and its owner: the link works without signing in."""
    return signing.dumps([saved.pk, saved.user_id], salt=UNSUBSCRIBE_SALT, compress=True)


def saved_search_for_token(token: str) -> SavedSearch | None:
    """The saved search a token names; None when it no longer exists. Raises signing.BadSignature."""
    pk, user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    return SavedSearch.objects.filter(pk=pk, user_id=user_id).first()


# --------------------------------------------------------------------------- sending


def due(now: dt.datetime) -> list[SavedSearch]:
    """Saved searches whose digest is due at `now`."""
    condition = Q()
    for frequency, period in PERIODS.items():
        condition |= Q(frequency=frequency, last_digest_at__lte=now - period + SLACK)
    return list(SavedSearch.objects.filter(condition).select_related("user").order_by("pk"))


def search_path(saved: SavedSearch) -> str:
    with translation.override(saved.language):
        base = reverse("search:search")
    return f"{base}?{saved.query}" if saved.query else base


def send_digest(saved: SavedSearch, since: dt.datetime, until: dt.datetime) -> int:
    """E-mail the matches published in (since, until]; returns how many were listed (0: nothing sent)."""
    user = saved.user
    if not user.is_active or not user.email:
        return 0
    try:
        query = queries.parse(saved.query, saved.language)
    except QueryError as error:  # a vocabulary code removed since the search was saved
        logger.warning("alerts: saved search %s no longer valid (%s: %s)", saved.pk, error.param, error.message)
        return 0
    found = entries.new_matches(query, since, until)
    if not found:
        return 0
    root = settings.SITE_URL
    with translation.override(saved.language):
        unsubscribe = root + reverse("alerts:unsubscribe", kwargs={"token": unsubscribe_token(saved)})
        context = {
            "saved": saved,
            "name": saved.name or " · ".join(queries.describe(saved.query, saved.language)),
            "entries": [(e, f"{root}/{saved.language}{e.path}") for e in found[:DIGEST_LIMIT]],
            "count": len(found),
            "more": max(0, len(found) - DIGEST_LIMIT),
            "search_url": root + search_path(saved),
            "manage_url": root + reverse("alerts:list"),
            "unsubscribe_url": unsubscribe,
            "frequency": saved.get_frequency_display(),
        }
        subject = " ".join(render_to_string("alerts/email/digest_subject.txt", context).split())
        body = render_to_string("alerts/email/digest.txt", context)
    message = EmailMessage(
        subject,
        body,
        to=[user.email],
        # RFC 2369 / RFC 8058: mail clients offer a one-click unsubscribe that POSTs to the same link.
        headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.send()
    return len(found)


@dataclass
class DigestRun:
    sent: int = 0
    empty: int = 0
    failed: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"sent": self.sent, "empty": self.empty, "failed": self.failed}


def send_due_digests(now: dt.datetime | None = None) -> DigestRun:
    """Send every due digest once (see the module docstring for claiming)."""
    now = now or timezone.now()
    run = DigestRun()
    for saved in due(now):
        since = saved.last_digest_at
        claimed = SavedSearch.objects.filter(pk=saved.pk, last_digest_at=since).update(last_digest_at=now)
        if not claimed:  # another run took it
            continue
        try:
            listed = send_digest(saved, since, now)
        except (EngineError, OSError) as error:  # engine down, SMTP refused: give the period back
            SavedSearch.objects.filter(pk=saved.pk, last_digest_at=now).update(last_digest_at=since)
            logger.warning("alerts: digest of saved search %s failed, retried next run: %s", saved.pk, error)
            run.failed.append(saved.pk)
            continue
        if listed:
            run.sent += 1
        else:
            run.empty += 1
    return run
