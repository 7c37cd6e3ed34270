"""What a record needs before it is submitted for review: the one home of the "complete enough" rules.

A draft may be incomplete (it only needs what the database needs); submitting it for review asks more.
Every path that submits calls `missing()`: the web forms' "Submit for review" (`forms/law.py`,
`forms/case.py`, `forms/authority.py`, through `apply_to_form`) and the API's `POST /submissions/`
without `?action=draft` (`intake.check_shape`). The importer does not submit anything (it loads records
in the status the file gives, for curators and backups), so these rules are not import rules.

The record comes in one neutral shape: a mapping with the import format's field names
(docs/import-format.md), as the API receives it; the forms build the same mapping from what was typed
(`form_record`). Only what the rules read matters:

- law: `original_language`; at least one of `provisions`;
- case: `original_language`; a `fact_summary` with some text (not just empty markup); a person of `people`
  whose `role` is `defendant`;
- authority: `original_language`; at least one of `roles`; one way to reach it: `email`, `phone` or
  `address`;
- strategy: `original_language`; its content: a `summary` with some text or one of `attachments`;
- material (explanatory material): `original_language`; its content: a `summary` or `text` with some text, or one
  of `attachments`;
- guidance (article guidance, secretariat only): its `requirements` with some text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from caselaw.models import PersonRole
from interchange.jsonl_format import AUTHORITY, CASE, GUIDANCE, LAW, MATERIAL, PUBLICATION, STRATEGY
from sherloc import richtext

REQUIRED_MESSAGE = _("This field is required to submit.")
PROVISION_MESSAGE = _("Add at least one provision before submitting.")
DEFENDANT_MESSAGE = _("Add at least one defendant before submitting.")
REACH_MESSAGE = _("Give an e-mail address, a telephone number or a postal address to submit.")
REACH_FIELDS = ("email", "phone", "address")
CONTENT_MESSAGE = _("Give a summary or attach the document (PDF) before submitting.")


@dataclass(frozen=True)
class Missing:
    """One missing piece. `fields` are the record's field paths it concerns (several when any one of them
    would do); the first is where a form shows it. `message` is translatable."""

    fields: tuple[str, ...]
    message: Promise | str

    @property
    def field(self) -> str:
        return self.fields[0]


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if hasattr(value, "exists"):  # a queryset (e.g. the roles a form's multi-select cleaned)
        return not value.exists()
    if isinstance(value, list | tuple | set | frozenset):
        return not value
    return False  # a model instance, a number, a date: given


def _rows(value: Any) -> list:
    return list(value) if isinstance(value, list | tuple) else []


def _missing_law(record: Mapping[str, Any]) -> list[Missing]:
    found = []
    if _blank(record.get("original_language")):
        found.append(Missing(("original_language",), REQUIRED_MESSAGE))
    if not _rows(record.get("provisions")):
        found.append(Missing(("provisions",), PROVISION_MESSAGE))
    return found


def _missing_case(record: Mapping[str, Any]) -> list[Missing]:
    found = []
    if _blank(record.get("original_language")):
        found.append(Missing(("original_language",), REQUIRED_MESSAGE))
    facts = record.get("fact_summary")
    if not isinstance(facts, str) or not richtext.plain(facts).strip():  # "<p> </p>" says nothing either
        found.append(Missing(("fact_summary",), REQUIRED_MESSAGE))
    people = [p for p in _rows(record.get("people")) if isinstance(p, Mapping)]
    if not any(p.get("role") == PersonRole.DEFENDANT for p in people):
        found.append(Missing(("people",), DEFENDANT_MESSAGE))
    return found


def _missing_authority(record: Mapping[str, Any]) -> list[Missing]:
    found = []
    if _blank(record.get("original_language")):
        found.append(Missing(("original_language",), REQUIRED_MESSAGE))
    if _blank(record.get("roles")):
        found.append(Missing(("roles",), REQUIRED_MESSAGE))
    if all(_blank(record.get(name)) for name in REACH_FIELDS):
        found.append(Missing(REACH_FIELDS, REACH_MESSAGE))
    return found


def _has_text(value: Any) -> bool:
    return isinstance(value, str) and bool(richtext.plain(value).strip())


def _missing_document(text_fields: tuple[str, ...]) -> Any:
    """A document record (strategy, explanatory material): its language, and some content to read."""

    def rules(record: Mapping[str, Any]) -> list[Missing]:
        found = []
        if _blank(record.get("original_language")):
            found.append(Missing(("original_language",), REQUIRED_MESSAGE))
        if not any(_has_text(record.get(name)) for name in text_fields) and not _rows(record.get("attachments")):
            found.append(Missing((*text_fields, "attachments"), CONTENT_MESSAGE))
        return found

    return rules


_RULES = {
    LAW: _missing_law,
    CASE: _missing_case,
    AUTHORITY: _missing_authority,
    STRATEGY: _missing_document(("summary",)),
    MATERIAL: _missing_document(("summary", "text")),
    PUBLICATION: _missing_document(("synopsis",)),  # an annotated bibliography: the synopsis is its content
    GUIDANCE: _missing_document(("requirements",)),  # secretariat-written; submitted from the admin
}


def missing(kind: str, record: Mapping[str, Any]) -> list[Missing]:
    """What `record` (a law, case or authority in the neutral shape above) lacks to be submitted for
    review; an empty list means complete enough."""
    return _RULES[kind](record)


# --------------------------------------------------------------------------- the forms' side


def apply_to_form(kind: str, record: Mapping[str, Any], form: Any, rows: Mapping[str, Any] | None = None) -> bool:
    """Report what `record` lacks on the page: a field's piece as an error on that form field, a piece
    about rows (`provisions`, `people`) as an error of that formset (`rows` maps the name to it). A piece
    whose field or formset already shows an error is left out (the user fixes that first). Returns True
    when nothing is missing."""
    rows = rows or {}
    complete = True
    for piece in missing(kind, record):
        if piece.field in rows:
            formset = rows[piece.field]
            if any(formset.errors) or formset.non_form_errors():
                complete = False
                continue
            formset.non_form_errors().append(piece.message)
        elif any(name in form.errors for name in piece.fields):
            pass
        else:
            form.add_error(piece.field, piece.message)
        complete = False
    return complete
