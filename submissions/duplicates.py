"""Flag submissions that may duplicate a record already on the portal.

Focal points re-submit laws the secretariat typed years ago, often with a slightly different title
("Law No. 13.344 of 2016 on trafficking" / "Law 13.344/2016 on Trafficking in Persons"). A reviewer wants
to see those before publishing a second copy. The rule: another record of the same kind and country
(not withdrawn or rejected, not the record this one revises) with the same official number, or a title
that is nearly the same once case, punctuation and spacing are ignored. Cases also match on their
source number (the originating database's own number, e.g. SHERLOC's BRA016), in any country: imported
collections reuse it for re-entered copies, and sometimes for two different cases, which a reviewer
should look at side by side either way.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from django.db import models

from sherloc.models import PublicationStatus

SIMILARITY = 0.85
MAX_CANDIDATES = 2000  # a country's records of one kind; beyond that, only the number rule runs
IGNORED_STATUSES = (PublicationStatus.WITHDRAWN, PublicationStatus.REJECTED)
_NOISE = re.compile(r"[\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "").casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NOISE.sub(" ", text).strip()


def _title_field(model: type[models.Model]) -> str:
    return "title" if any(f.name == "title" for f in model._meta.fields) else "name"


def _number_field(model: type[models.Model]) -> str | None:
    names = {f.name for f in model._meta.fields}
    return "number" if "number" in names else "case_number" if "case_number" in names else None


def possible_duplicates(record: models.Model, limit: int = 5) -> list[models.Model]:
    """Records that may be the same as `record`, most similar first."""
    model = type(record)
    title_field, number_field = _title_field(model), _number_field(model)
    others = model._default_manager.originals()
    if hasattr(record, "country_id"):  # same country; a family without one (the bibliography) compares all
        others = others.filter(country_id=record.country_id)
    others = others.exclude(status__in=IGNORED_STATUSES).exclude(
        pk__in=[pk for pk in (record.pk, record.revision_of_id) if pk]
    )
    found: dict[int, tuple[float, models.Model]] = {}
    number = getattr(record, number_field, "") if number_field else ""
    if number and normalise(number):
        for other in others.filter(**{f"{number_field}__iexact": number.strip()})[:limit]:
            found[other.pk] = (1.0, other)
    source_number = (getattr(record, "source_number", "") or "").strip()
    if source_number:
        same_source = (
            model._default_manager.originals()
            .filter(source_number__iexact=source_number)
            .exclude(status__in=IGNORED_STATUSES)
            .exclude(pk__in=[pk for pk in (record.pk, record.revision_of_id) if pk])
        )
        for other in same_source[:limit]:
            found[other.pk] = (1.0, other)
    mine = normalise(getattr(record, title_field))
    if mine:
        matcher = difflib.SequenceMatcher(b=mine, autojunk=False)
        for other in others.only("pk", title_field, "status")[:MAX_CANDIDATES]:
            matcher.set_seq1(normalise(getattr(other, title_field)))
            if matcher.real_quick_ratio() < SIMILARITY or matcher.quick_ratio() < SIMILARITY:
                continue
            score = matcher.ratio()
            if score >= SIMILARITY and score > found.get(other.pk, (0.0, None))[0]:
                found[other.pk] = (score, other)
    ranked = sorted(found.values(), key=lambda pair: -pair[0])
    return [other for _score, other in ranked[:limit]]
