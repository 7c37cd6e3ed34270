"""Demo treaty statuses: every demo country gets a deterministic, clearly synthetic status towards each
instrument (`random.Random(f"{seed}:treaty:{alpha3}:{code}")`). The portal ships no real status data, so every
demo row says so in its note (DEMO_NOTE), which is also how `seed_demo --replace` finds and deletes them.

Most States are parties (as for the real Convention), some only signed, a few have no record at all; about one
party in five has a reservation, and a party with a demo central authority for mutual legal assistance has an
art. 18(13) notification designating it.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from authorities.models import CompetentAuthority
from demo.world import World
from taxonomy.models import Article, Instrument
from treaties.models import ConsentKind, Declaration, Notification, TreatyStatus

DEMO_NOTE = "Synthetic demo data: not the real treaty status of this State."
# When each demo instrument opened for signature (the consent dates follow it).
OPENED = {"UNTOC": dt.date(2000, 12, 12), "TIP": dt.date(2000, 12, 12), "SOM": dt.date(2000, 12, 12),
          "FIREARMS": dt.date(2002, 2, 1)}  # fmt: skip
KINDS = ((ConsentKind.RATIFICATION, 60), (ConsentKind.ACCESSION, 30), (ConsentKind.ACCEPTANCE, 4),
         (ConsentKind.APPROVAL, 4), (ConsentKind.SUCCESSION, 2))  # fmt: skip
RESERVATION = "The State does not consider itself bound by paragraph 2 of article {n} (synthetic demo text)."


def _status(rng: random.Random, country_id: int, instrument: Instrument) -> TreatyStatus | None:
    roll = rng.random()
    if roll < 0.07:
        return None  # nothing recorded
    opened = OPENED.get(instrument.code, dt.date(2001, 1, 1))
    status = TreatyStatus(country_id=country_id, instrument=instrument, note=DEMO_NOTE)
    kind = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
    if kind != ConsentKind.ACCESSION:
        status.signature_date = opened + dt.timedelta(days=rng.randint(0, 700))
    if roll < 0.17:  # signed, not (yet) bound
        status.signature_date = status.signature_date or opened + dt.timedelta(days=rng.randint(0, 700))
        return status
    start = status.signature_date or opened
    status.consent_kind = kind
    status.consent_date = start + dt.timedelta(days=rng.randint(30, 5000))
    # art. 38(2): the thirtieth day after the deposit (ignoring the instrument's own entry into force)
    status.entry_into_force_date = status.consent_date + dt.timedelta(days=30)
    return status


def write(seed: int | str, world: World, report: Any) -> None:
    """Create the demo statuses that do not exist yet (pairs already recorded, demo or not, are left alone)."""
    instruments = list(Instrument.objects.filter(code__in=OPENED).order_by("sort_order", "code"))
    articles = {(a.instrument_id, a.number): a.pk for a in Article.objects.filter(number__in=(18, 35, 15))}
    existing = set(TreatyStatus.objects.values_list("country_id", "instrument_id"))
    central = dict(
        CompetentAuthority.objects.published()
        .filter(roles__code="mla-central", external_id__startswith="demo-")
        .order_by("country_id", "external_id")
        .values_list("country_id", "pk")
        .distinct()
    )
    made: list[tuple[TreatyStatus, random.Random]] = []  # each with its generator, for its children
    for place in world.places:
        if place.is_international:
            continue
        for instrument in instruments:
            if (place.id, instrument.pk) in existing:
                continue  # not reported as skipped: the countries, not the requested size, decide these
            rng = random.Random(f"{seed}:treaty:{place.alpha3}:{instrument.code}")
            status = _status(rng, place.id, instrument)
            if status is not None:
                made.append((status, rng))
    TreatyStatus.objects.bulk_create([status for status, _ in made])
    declarations, notifications = [], []
    for status, rng in made:
        if status.consent_date and rng.random() < 0.2:
            number = 35 if status.instrument.code == "UNTOC" else 15
            declarations.append(
                Declaration(
                    status=status,
                    kind="reservation",
                    article_id=articles.get((status.instrument_id, number)),
                    text=RESERVATION.format(n=number),
                    date=status.consent_date,
                )
            )
        authority = central.get(status.country_id)
        if status.consent_date and status.instrument.code == "UNTOC" and authority:
            notifications.append(
                Notification(
                    status=status,
                    article_id=articles[(status.instrument_id, 18)],
                    paragraph="13",
                    text="Designation of the central authority for mutual legal assistance (synthetic demo text).",
                    date=status.consent_date,
                    authority_id=authority,
                )
            )
    Declaration.objects.bulk_create(declarations)
    Notification.objects.bulk_create(notifications)
    report.created["treaty_status"] += len(made)


def delete(raw_delete: Any) -> dict[str, int]:
    """Delete the demo statuses (found by their note) with their children and history (caller's transaction)."""
    statuses = TreatyStatus.objects.filter(note=DEMO_NOTE)
    deleted = {
        "treaty declaration": raw_delete(Declaration.objects.filter(status__in=statuses)),
        "treaty notification": raw_delete(Notification.objects.filter(status__in=statuses)),
    }
    raw_delete(TreatyStatus.history.model.objects.filter(note=DEMO_NOTE))
    deleted["treaty_status"] = raw_delete(statuses)
    return deleted
