"""The public questions other apps ask about treaty status (the MLA request writer, the pages, the API).

A State "is party" once it has consented to be bound (the date its instrument was deposited), which is how the
depositary's list of parties counts; `bound_on` answers the narrower question of whether the instrument is in
force for it on a given day. None means the portal has no status recorded for that State and instrument, which
is not the same as "not party": callers should say "unknown", not "no".
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch, QuerySet

from taxonomy import registry
from taxonomy.models import Country, Instrument
from taxonomy.registry import Term

from .models import Declaration, Notification, TreatyStatus


def _country_filter(country: Country | str) -> dict[str, object]:
    return {"country": country} if isinstance(country, Country) else {"country__alpha3": country.upper()}


def with_details(qs: QuerySet[TreatyStatus]) -> QuerySet[TreatyStatus]:
    """Statuses with their country, instrument, declarations and notifications (and their articles, authorities)."""
    return qs.select_related("country__region", "instrument").prefetch_related(
        Prefetch("declarations", queryset=Declaration.objects.select_related("article__instrument")),
        Prefetch("notifications", queryset=Notification.objects.select_related("article__instrument", "authority")),
    )


def status_for(country: Country | str, instrument_code: str) -> TreatyStatus | None:
    """The recorded status of a State (object or alpha-3 code) towards an instrument (code, any case)."""
    qs = TreatyStatus.objects.filter(**_country_filter(country), instrument__code__iexact=instrument_code)
    return with_details(qs).first()


def is_party(country: Country | str, instrument_code: str, on: dt.date | None = None) -> bool | None:
    """Whether the State had consented to be bound by `on` (default: today); None when no status is recorded."""
    status = status_for(country, instrument_code)
    if status is None:
        return None
    return status.consent_date is not None and status.consent_date <= (on or dt.date.today())


def bound_on(country: Country | str, instrument_code: str, on: dt.date | None = None) -> bool | None:
    """Whether the instrument was in force for the State on `on` (default: today); None when no status is recorded
    or the recorded status gives consent without an entry-into-force date (unknown)."""
    status = status_for(country, instrument_code)
    if status is None:
        return None
    if status.consent_date is None:
        return False
    if status.entry_into_force_date is None:
        return None
    return status.entry_into_force_date <= (on or dt.date.today())


def parties(instrument: Instrument | str) -> QuerySet[TreatyStatus]:
    """Statuses of the States that have consented to be bound by an instrument (object or code)."""
    where = (
        {"instrument": instrument} if isinstance(instrument, Instrument) else {"instrument__code__iexact": instrument}
    )
    return TreatyStatus.objects.filter(**where, consent_date__isnull=False).select_related("country__region")


def statuses_of_country(country: Country) -> list[tuple[Term, TreatyStatus | None]]:
    """Every instrument (a registry term, in the instruments' order) with the country's status towards it, None
    where none is recorded. The instruments come from the vocabulary registry: no query of their own."""
    found = {s.instrument.code: s for s in with_details(TreatyStatus.objects.filter(country=country))}
    return [(term, found.get(term.code)) for term in registry.vocabulary("instrument")]


def party_since(instrument: Instrument) -> dict[int, dt.date]:
    """{country pk: consent date} of an instrument's parties (one query; the coverage matrix's column)."""
    return dict(parties(instrument).values_list("country_id", "consent_date"))
