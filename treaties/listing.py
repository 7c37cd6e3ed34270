"""An instrument's status table and its world list by region, as the instrument page shows them.

Sorting is done here, in Python, on the few hundred rows an instrument can have, so that the table sorts by
a query parameter without JavaScript and by the country's name in the reader's collation (not the database's).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from sherloc.collation import sort_key
from taxonomy.models import Instrument, Region

from .models import TreatyStatus

# sort parameter value -> (attribute of TreatyStatus, or None for the country's name)
SORT_COLUMNS: dict[str, str | None] = {
    "country": None,
    "signature": "signature_date",
    "consent": "consent_date",
    "entry_into_force": "entry_into_force_date",
}
DEFAULT_SORT = "country"
COLUMN_HEADINGS = {
    "country": _("State"),
    "signature": _("Signature"),
    "consent": _("Consent to be bound"),
    "entry_into_force": _("Entry into force"),
}


@dataclass
class StatusRow:
    status: TreatyStatus
    label: str  # the country's name in the page's language


@dataclass
class RegionGroup:
    region: Region | None
    label: str
    parties: list[StatusRow] = field(default_factory=list)


@dataclass
class InstrumentStatus:
    rows: list[StatusRow]
    sort: str  # the applied sort, e.g. "-consent"
    parties: int
    signatories: int
    regions: list[RegionGroup]

    @property
    def columns(self) -> list[tuple[str, str]]:
        """(sort key, heading) of the table's columns, in order."""
        return list(COLUMN_HEADINGS.items())


def parse_sort(value: str) -> str:
    """The sort to apply: a known column, optionally prefixed with '-'; anything else falls back to the default."""
    column = value.removeprefix("-")
    return value if column in SORT_COLUMNS and value.count("-") <= 1 else DEFAULT_SORT


def instrument_status(instrument: Instrument, sort: str, lang: str) -> InstrumentStatus:
    """Every recorded status of the instrument (two queries), sorted as asked; dates missing sort last either way."""
    sort = parse_sort(sort)
    collate = sort_key(lang)
    statuses = TreatyStatus.objects.filter(instrument=instrument).select_related("country__region")
    rows = [StatusRow(s, s.country.label_in(lang)) for s in statuses]
    rows.sort(key=lambda r: collate(r.label))  # ties on a date keep the alphabetical order
    attribute = SORT_COLUMNS[sort.removeprefix("-")]
    if attribute is not None:
        known = [r for r in rows if getattr(r.status, attribute) is not None]
        unknown = [r for r in rows if getattr(r.status, attribute) is None]
        known.sort(key=lambda r: getattr(r.status, attribute) or dt.date.min, reverse=sort.startswith("-"))
        rows = known + unknown
    elif sort.startswith("-"):
        rows.reverse()
    party_rows = [r for r in rows if r.status.is_party]
    groups: dict[Region | None, RegionGroup] = {}
    for row in sorted(party_rows, key=lambda r: collate(r.label)):
        region = row.status.country.region
        group = groups.get(region)
        if group is None:
            group = groups[region] = RegionGroup(region, region.label_in(lang) if region else "")
        group.parties.append(row)
    regions = sorted(groups.values(), key=lambda g: (g.region is None, collate(g.label)))
    return InstrumentStatus(
        rows=rows,
        sort=sort,
        parties=len(party_rows),
        signatories=sum(1 for r in rows if r.status.signature_date is not None),
        regions=regions,
    )
