"""Decision dates that may be partial: one place that parses, normalises and formats them.

Real records often know only the year of a decision (from its citation), sometimes the month, sometimes
nothing. `Case.decision_date` then holds the first day of the known period and
`Case.decision_date_precision` says how much of it is true (NULL exactly when the date is unknown, a
database CHECK). Everything that shows or exchanges a decision date goes through this module, so no page,
citation, API answer or export ever shows an invented day ("Jan. 1, 2018" for "2018").

Exchange form (API, import, export): "2018", "2018-03", "2018-03-15" or null.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Protocol

from django.utils.formats import date_format
from django.utils.translation import gettext

from .models import DatePrecision

_PARTIAL = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


class HasDecisionDate(Protocol):
    decision_date: dt.date | None
    decision_date_precision: str | None


def parse_partial_date(value: str | None) -> tuple[dt.date | None, str | None]:
    """'2018' | '2018-03' | '2018-03-15' | '' | None -> (first day of the period, precision).

    Raises ValueError naming the accepted forms for anything else (an impossible day included)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    match = _PARTIAL.match(str(value).strip())
    if not match:
        raise ValueError(f"expected a date YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    year, month, day = match["year"], match["month"], match["day"]
    try:
        date = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(f"not a valid date: {value!r} ({exc})") from None
    precision = DatePrecision.DAY if day else DatePrecision.MONTH if month else DatePrecision.YEAR
    return date, str(precision)


def normalise(date: dt.date | None, precision: str | None) -> tuple[dt.date | None, str | None]:
    """The stored pair: the first day of the known period, no precision without a date, 'day' by default."""
    if date is None:
        return None, None
    precision = precision or DatePrecision.DAY
    if precision == DatePrecision.YEAR:
        date = date.replace(month=1, day=1)
    elif precision == DatePrecision.MONTH:
        date = date.replace(day=1)
    return date, str(precision)


def iso_partial(date: dt.date | None, precision: str | None) -> str | None:
    """The exchange form: '2018', '2018-03', '2018-03-15', or None when unknown."""
    if date is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{date.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def format_partial(date: dt.date | None, precision: str | None, unknown: str = "") -> str:
    """For people, in the active language: '2018', 'March 2018', '15 March 2018', or `unknown`."""
    if date is None:
        return unknown
    if precision == DatePrecision.YEAR:
        return str(date.year)
    if precision == DatePrecision.MONTH:
        return date_format(date, "YEAR_MONTH_FORMAT")
    return date_format(date, "DATE_FORMAT")


def decision_date_text(case: HasDecisionDate, unknown: str | None = None) -> str:
    """A case's decision date for people; `unknown` defaults to the translated 'Date not recorded'."""
    fallback = gettext("Date not recorded") if unknown is None else unknown
    return format_partial(case.decision_date, case.decision_date_precision, fallback)


def decision_year(case: HasDecisionDate) -> int | None:
    """The year of the decision, known at every precision; None when the date is unknown."""
    return case.decision_date.year if case.decision_date else None
