"""Cases as search documents, with their people and charges as the case-search facets (caselaw/bands.py).

Declared on `Case` (`search_document`, sherloc.families.SearchDocument) and called by search.documents,
which adds what every document has (id, type, url, version, country and region, tag facets). `tags` and
`vocab` are the search layer's per-record tag values and vocabularies (this layer does not import it).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sherloc import richtext
from sherloc.families import SEPARATOR, join_text, numbers

from .bands import age_band, group_size_band, sentence_band
from .dates import iso_partial
from .models import Charge, Person, PersonKind, PersonRole, Verdict

# A case's numbers, found by the search box (search/numbers.py): the portal's, the court's and the
# originating database's.
CASE_NUMBER_FIELDS: tuple[str, ...] = ("portal_number", "case_number", "source_number")
PEOPLE_COLUMNS = ("case_id", "role", "kind", "gender", "age_at_offence", "nationality_id", "group_size")
CHARGE_COLUMNS = ("case_id", "verdict", "sentence_months")
KNOWN_GENDERS = frozenset({"female", "male", "other"})  # "unknown" is no facet value
# The people and charges facets holding lists (search/schema.py CASE_PEOPLE_FIELDS: these, procedural_stage
# and group_size).
PEOPLE_LISTS: tuple[str, ...] = (
    "verdict",
    "sentence_band",
    "victim_gender",
    "victim_nationality",
    "victim_age",
    "defendant_gender",
    "defendant_nationality",
    "defendant_age",
    "legal_person",
)


def load_people(rows: list[dict], tags: Any) -> None:
    """The batch's people and charges: one query each, over the batch's pk range (rows of cases outside
    the batch are read but not used: a range needs no parameter per case)."""
    if not rows:
        return
    span = {"case_id__gte": rows[0]["pk"], "case_id__lte": rows[-1]["pk"]}
    wanted = {row["pk"] for row in rows}
    for row in Person.objects.filter(**span).order_by().values_list(*PEOPLE_COLUMNS):
        if row[0] in wanted:
            tags[row[0]].people.append(row[1:])
    for row in Charge.objects.filter(**span).order_by().values_list(*CHARGE_COLUMNS):
        if row[0] in wanted:
            tags[row[0]].charges.append(row[1:])


def people_fields(tags: Any, vocab: Any) -> dict:
    """A case's people and charges as facet values.

    Gender, nationality and age band are taken from natural persons of each role; the number of people
    charged counts natural persons and the stated size of groups (a group of unstated size makes it
    unknown); sentence bands come from convictions with a custodial sentence in months."""
    found: dict[str, set[str]] = defaultdict(set)
    charged, unknown_size = 0, False
    for role, kind, gender, age, nationality, size in tags.people:
        if role not in (PersonRole.VICTIM, PersonRole.DEFENDANT):
            continue
        if kind == PersonKind.LEGAL_PERSON:
            found["legal_person"].add(role)
            continue
        if role == PersonRole.DEFENDANT:
            if kind == PersonKind.GROUP:
                charged += size or 0
                unknown_size = unknown_size or not size
            else:
                charged += 1
        if gender in KNOWN_GENDERS:
            found[f"{role}_gender"].add(gender)
        if (country := vocab.countries.by_pk(nationality)) is not None:
            found[f"{role}_nationality"].add(country.code)
        if (band := age_band(age)) is not None:
            found[f"{role}_age"].add(band)
    for verdict, months in tags.charges:
        found["verdict"].add(verdict)
        if verdict == Verdict.CONVICTED and (band := sentence_band(months)) is not None:
            found["sentence_band"].add(band)
    fields = {name: sorted(found[name]) for name in PEOPLE_LISTS}
    fields["group_size"] = "" if unknown_size else group_size_band(charged) or ""
    return fields


def build_case(row: dict, tags: Any, vocab: Any) -> dict:
    country = vocab.countries.by_pk(row["country"])
    language = vocab.language(row["original_language"])
    keywords = row["keywords"] if isinstance(row["keywords"], list) else []
    body = join_text(
        row["source_number"],  # the originating database's number (BRA016): found by the search box
        richtext.plain(row["fact_summary"]),
        richtext.plain(row["legal_reasoning"]),
        richtext.plain(row["commentary"]),
        row["sentence"],
        ", ".join(str(k) for k in keywords),
        *tags.attachment_texts,
    )
    # A partial date is stored as the first day of its period: its year is true, its day is not shown
    # ("2018", never "2018-01-01"); an unknown date has no year (no facet value) and sorts last.
    date = row["decision_date"]
    shown_date = iso_partial(date, row["decision_date_precision"]) or ""
    return {
        "title": row["title"],
        "subtitle": SEPARATOR.join(p for p in (country.label if country else "", row["court__name"], shown_date) if p),
        "texts": {language: {"title": row["title"], "body": body}},
        "language": language,
        "year": date.year if date else None,
        "date": date.isoformat() if date else None,
        "court_level": row["court__level"] or "",
        "procedural_stage": row["procedural_stage"] or "",
        **people_fields(tags, vocab),
        "sort_title": row["title"].lower(),
        "numbers": numbers(*(row.get(name) for name in CASE_NUMBER_FIELDS)),
    }
