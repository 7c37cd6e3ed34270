"""Portal case numbers for cases created on the portal: the country's alpha-3 code and a running number.

The number is public and stable ("BRA042"), so people never type it: the first save of a new case takes
the next free number of its country. Imports bring their own numbers; the demo generator's ("BRAD000001")
do not match the pattern and never collide with these.
"""

from __future__ import annotations

import re

from django.db import IntegrityError, transaction

from taxonomy.models import Country

from .models import Case

ATTEMPTS = 5  # concurrent creations in the same country race for the same number; the loser retries


def next_portal_number(country: Country, skip: int = 0) -> str:
    """The country's highest running number plus one (plus `skip` after a lost race), at least three digits."""
    prefix = country.alpha3
    pattern = re.compile(rf"{re.escape(prefix)}(\d+)")
    taken = Case.objects.filter(portal_number__startswith=prefix).values_list("portal_number", flat=True)
    highest = max((int(m.group(1)) for number in taken if (m := pattern.fullmatch(number))), default=0)
    return f"{prefix}{highest + 1 + skip:03d}"


def needs_number(case: Case, previous_country_id: int | None) -> bool:
    """A new case needs a number; so does a never-published draft moved to another country (the prefix
    names the country). Published records and revisions keep theirs: the number is public."""
    if not case.portal_number:
        return True
    if case.revision_of_id is not None or case.published_at is not None:
        return False
    return previous_country_id is not None and previous_country_id != case.country_id


def save_with_number(case: Case, previous_country_id: int | None = None) -> Case:
    """Save the case, giving it a fresh portal number when it needs one; retries a number lost to a race."""
    if not needs_number(case, previous_country_id):
        case.save()
        return case
    for attempt in range(ATTEMPTS):
        case.portal_number = next_portal_number(case.country, skip=attempt)
        try:
            with transaction.atomic():
                case.save()
        except IntegrityError as exc:
            if "portal_number" not in str(exc) or attempt == ATTEMPTS - 1:
                raise
        else:
            return case
    return case  # pragma: no cover - the loop returns or raises
