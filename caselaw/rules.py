"""Rules about cases that several paths enforce: one function each, so the paths cannot drift.

The decision date may not be in the future. The database enforces it (migration 0002,
`sherloc.db.date_not_in_future`: `CURRENT_DATE + 1` on PostgreSQL, whose Django session runs in UTC,
`date('now', '+1 day')` on SQLite, also UTC); the admin form, the focal point's case form, the importer's
validation (`interchange.validation`) and with it the API write path call `validate_decision_date`, so each
accepts exactly the dates the database accepts and answers with a message instead of an error page.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: One day of slack absorbs time zones: a decision dated today in Tokyo is still tomorrow in UTC.
DECISION_DATE_SLACK = dt.timedelta(days=1)
FUTURE_DECISION_MESSAGE = _("The decision date cannot be in the future.")


def latest_decision_date() -> dt.date:
    """The latest decision date the database accepts today: today in UTC plus the slack."""
    return timezone.now().astimezone(dt.UTC).date() + DECISION_DATE_SLACK


def validate_decision_date(value: dt.date | None) -> None:
    """Django validator: a ValidationError (code `future`) for a date after `latest_decision_date()`."""
    if value is not None and value > latest_decision_date():
        raise ValidationError(FUTURE_DECISION_MESSAGE, code="future")
