"""Taking in one record submitted through the API: check it, write it as a draft, enter the workflow.

The body is one record of the JSON Lines interchange format (docs/import-format.md), checked by the
importer's own validator (`interchange.validation.validate_record`) and written by the importer's own writer
(`interchange.writer.RecordWriter`), so a record the API accepts is a record a file import accepts, and the
other way round. On top of the importer's rules a submission must respect what an import by a curator
does not need to:

- fields the workflow owns (status, submitter, reviewer, their timestamps, created/updated) are refused:
  a focal point cannot submit a record "already published" or "reviewed by" someone;
- attachments are refused: in the import format they name files already stored on the server, which
  would let a client attach any stored file (uploads go through the web form);
- the record's country must be in the submitter's scope (`record_access.countries_for`), else 403;
- an `external_id` already in use, and a natural identity already taken (a law's country + title +
  number, a case's portal number, an authority's country + name) are a 409 naming the field, checked
  here so the client never meets the database's IntegrityError (which is still caught, for races);
- a charge may only cite a provision of a law the submitter can see (published, or of their countries);
- a record submitted for review (not `?action=draft`) must be complete enough, by the rules the web
  forms apply (`submissions.completeness`): a 400 naming each missing piece, with the other problems.

Everything happens in one transaction: the record, `workflow.record_created` and (unless a draft is
asked for) `workflow.submit`. A workflow refusal rolls the record back too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Model, Q
from django.utils import translation
from rest_framework import status

from interchange.codes import Codes
from interchange.importer import IDENTITIES
from interchange.jsonl_format import (
    CASE,
    FORMAT_VERSION,
    LAW,
    SUBMITTABLE_MODELS,
    TIMESTAMP_FIELDS,
    WORKFLOW_FIELDS,
)
from interchange.validation import ValidationContext, validate_record
from interchange.writer import RecordWriter
from legislation.models import Law, Provision
from sherloc import richtext
from sherloc.models import PublicationStatus, new_external_id

from . import completeness, record_access, revisions, workflow

#: The record types focal points submit: the families whose records belong to one country.
RECORD_TYPES = tuple(kind for kind, model in SUBMITTABLE_MODELS.items() if record_access.placed_in_a_country(model))
#: Set by the workflow, never by the submitter. `null` is tolerated (an exported line carries them).
WORKFLOW_OWNED = (*WORKFLOW_FIELDS, *TIMESTAMP_FIELDS)
CHANGE_REASON = "API submission"
#: The largest integer every supported database stores in the format's integer columns (PostgreSQL's
#: `integer`); a bigger one would be a database error, not a field error, without this check.
MAX_INTEGER = 2_147_483_647


@dataclass
class Refused(Exception):
    """The submission cannot be taken; the view answers `status` with the usual error body."""

    status: int
    detail: str
    errors: dict[str, list[str]] = field(default_factory=dict)


def _errors(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path, message in pairs:
        if message not in out.setdefault(path, []):
            out[path].append(message)
    return out


def _invalid(errors: dict[str, list[str]]) -> Refused:
    return Refused(status.HTTP_400_BAD_REQUEST, "Invalid record.", errors)


def _incomplete(errors: dict[str, list[str]]) -> Refused:
    return Refused(
        status.HTTP_400_BAD_REQUEST,
        "The record is not complete enough to submit for review; complete it, or send ?action=draft to keep "
        "it a draft.",
        errors,
    )


def _conflict(detail: str, errors: dict[str, list[str]] | None = None) -> Refused:
    return Refused(status.HTTP_409_CONFLICT, detail, errors or {})


def _storable(value: Any, path: str) -> Iterable[tuple[str, str]]:
    """Problems the validator does not look for because files come from curators, but that a database
    would refuse with an error rather than a message: huge integers, NUL characters (PostgreSQL)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _storable(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _storable(item, f"{path}[{i}]")
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INTEGER:
        yield path, f"too large: at most {MAX_INTEGER}"
    elif isinstance(value, str) and "\x00" in value:
        yield path, "must not contain NUL characters"


def record_kind(record: Model) -> str:
    """The interchange type of a record (`law`, `strategy`...), from the format's model table."""
    return next(kind for kind, model in SUBMITTABLE_MODELS.items() if isinstance(record, model))


def record_country(data: dict, codes: Codes) -> int | None:
    """The pk of the country a record belongs to: its own `country`, or, for a record that names its law
    instead (an explanatory material), that law's. None when the law is unknown."""
    if "country" in data:
        return codes.countries.by_code[data["country"]]
    if "law" in data:
        return Law.objects.originals().filter(external_id=data["law"]).values_list("country_id", flat=True).first()
    return None


# --------------------------------------------------------------------------- checks


def check_shape(data: Any, codes: Codes, *, submit: bool = False) -> dict:
    """The importer's validation plus the submission rules that need no database, and with `submit` the
    completeness rules of `submissions.completeness` (a piece whose field already has a problem is left
    out). Returns the record with `format_version` and `external_id` filled in when the client left them
    out."""
    if not isinstance(data, dict):
        raise _invalid({"(record)": ["expected one record as a JSON object"]})
    data = dict(data)
    problems: list[tuple[str, str]] = []
    if data.get("type") not in RECORD_TYPES:
        # `language` lines are vocabulary, not submissions; anything else is the validator's message.
        shown = "required field is missing" if "type" not in data else f"unknown record type {data['type']!r}"
        raise _invalid({"type": [f"{shown}; expected one of {', '.join(RECORD_TYPES)}"]})
    data.setdefault("format_version", FORMAT_VERSION)
    if "external_id" not in data or data["external_id"] is None:
        data["external_id"] = new_external_id()
    for name in WORKFLOW_OWNED:
        if data.get(name) is not None:
            problems.append((name, "set by the review workflow, not by the submitter: leave it out"))
        data.pop(name, None)  # null (as an export writes it) means nothing: drop it before validation
    if data.get("attachments"):
        problems.append(("attachments", "not accepted through the API: add files with the web form"))
    data.pop("attachments", None)
    problems += [(e.path, e.message) for e in validate_record(data, ValidationContext(codes))]
    problems += list(_storable(data, ""))
    incomplete = check_complete(data, {path for path, _message in problems}) if submit else []
    if problems:
        raise _invalid(_errors(problems + incomplete))
    if incomplete:
        raise _incomplete(_errors(incomplete))
    _clean_rich_text(data)
    return data


def _clean_rich_text(data: dict) -> None:
    """Rich text stored safe, like the web forms store it (sherloc.richtext): a case's summaries, an
    authority's requirements, each provision's texts."""
    model = SUBMITTABLE_MODELS[data["type"]]
    rows = [(data, model)] if getattr(model, "RICH_TEXT_FIELDS", ()) else []
    if data["type"] == LAW:
        rows = [(p, Provision) for p in data.get("provisions") or [] if isinstance(p, dict)]
    for row, kind in rows:
        for name in kind.RICH_TEXT_FIELDS:
            if isinstance(row.get(name), str):
                row[name] = richtext.clean(row[name])


def check_complete(data: dict, flagged: set[str] | frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(path, message) for each piece the record lacks to be submitted, skipping those about `flagged` paths.
    A piece that any of several fields would satisfy (a way to reach an authority) is named on each."""
    found = []
    with translation.override("en"):  # like the validator's messages
        for piece in completeness.missing(data["type"], data):
            if not flagged.intersection(piece.fields):
                found += [(path, str(piece.message)) for path in piece.fields]
    return found


def check_scope(data: dict, user: Any, codes: Codes) -> int:
    """403 unless the record's country is one the user may submit for; returns that country's pk.

    A record attached to a law (an explanatory material) belongs to the law's country; a law the user can
    neither see (published) nor submit for reads as missing, whether or not it exists."""
    country_id = record_country(data, codes)
    if country_id is None:
        raise _invalid({"law": [f"no law {data.get('law')!r} that you can attach a record to"]})
    allowed = record_access.countries_for(user)
    if not allowed.filter(pk=country_id).exists():
        mine = ", ".join(sorted(allowed.values_list("alpha3", flat=True))) or "none"
        if "country" not in data:  # named by its law: say so without telling whether a draft law exists
            if not Law.objects.originals().filter(external_id=data["law"], status=PublicationStatus.PUBLISHED):
                raise _invalid({"law": [f"no law {data['law']!r} that you can attach a record to"]})
            raise Refused(
                status.HTTP_403_FORBIDDEN,
                f"You may only submit records for the countries of your focal point scope ({mine}); "
                f"the law {data['law']} is not of one of them.",
                {"law": [f"{data['law']} belongs to a country outside your scope"]},
            )
        raise Refused(
            status.HTTP_403_FORBIDDEN,
            f"You may only submit records for the countries of your focal point scope ({mine}); "
            f"{data['country']} is not one of them.",
            {"country": [f"{data['country']} is outside your scope"]},
        )
    return country_id


def check_conflicts(data: dict, user: Any, codes: Codes, country_id: int) -> Model | None:
    """409 for an external id or a natural identity that another record already holds.

    The external_id of a published record of the user's countries is not a conflict but an update: that
    record is returned and the body becomes its pending revision. Only called once the country is known
    to be in the user's scope, and messages never name the other record, so nothing about records the
    user may not see is revealed beyond "taken"."""
    kind = data["type"]
    model = SUBMITTABLE_MODELS[kind]
    existing = model.objects.filter(external_id=data["external_id"]).first()
    updating = None
    if existing is not None:
        in_scope = record_access.countries_for(user).filter(pk=existing.country_id).exists()
        if not (existing.status == PublicationStatus.PUBLISHED and existing.revision_of_id is None and in_scope):
            raise _conflict(
                "The external_id is already used by another record.",
                {"external_id": ["already in use; leave it out to have one generated"]},
            )
        if existing.country_id != country_id:
            path = "country" if "country" in data else "law"
            raise _invalid({path: ["an update cannot move a record to another country"]})
        pending = revisions.open_revision(existing)
        if pending is not None and pending.status not in record_access.EDITABLE_BY_FOCAL_POINT:
            raise _conflict(
                "An update of this record is already waiting for review.",
                {"external_id": ["an update of this record is pending review"]},
            )
        updating = existing
    originals = model.objects.originals()
    if updating is not None:
        originals = originals.exclude(pk=updating.pk)
    # The natural identity the importer enforces (interchange.importer.IDENTITIES): each lookup's first
    # part names the record's field (`country__alpha3` -> `country`, `law__external_id` -> `law`).
    _model, lookups, path, what = IDENTITIES[kind]
    clash = originals.filter(**{lookup: data.get(lookup.split("__")[0], "") for lookup in lookups})
    if clash.exists():
        message = f"another {kind} already has this {what}"
        raise _conflict("A record with the same identity already exists.", {path: [message]})
    return updating


def check_provision_refs(data: dict, user: Any) -> None:
    """A charge may cite a provision of a published law or of a law of the user's countries. Anything
    else reads as missing, whether or not it exists (another country's drafts stay invisible)."""
    problems = []
    visible = Q(status=PublicationStatus.PUBLISHED) | Q(country__in=record_access.countries_for(user))
    for i, charge in enumerate(data.get("charges", [])):
        ref = charge.get("provision")
        if not ref:
            continue
        laws = Law.objects.originals().filter(visible, external_id=ref["law"])
        if not laws.exists():
            problems.append((f"charges[{i}].provision.law", f"no law {ref['law']!r} that you can cite"))
        elif not Provision.objects.filter(law__in=laws, order=ref["order"]).exists():
            problems.append((f"charges[{i}].provision.order", f"law {ref['law']!r} has no provision {ref['order']}"))
    if problems:
        raise _invalid(_errors(problems))


# --------------------------------------------------------------------------- writing


def create_submission(data: Any, user: Any, *, submit: bool = True, provenance: str = "") -> Model:
    """Check `data`, write it as a draft created by `user`, log the creation and (unless `submit` is
    False) submit it. Raises Refused; nothing is written unless everything succeeds."""
    codes = Codes.load()
    data = check_shape(data, codes, submit=submit)
    country_id = check_scope(data, user, codes)
    updating = check_conflicts(data, user, codes, country_id)
    if data["type"] == CASE:
        check_provision_refs(data, user)
    if provenance and not data.get("provenance"):
        data["provenance"] = provenance
    writer = RecordWriter(codes, change_reason=CHANGE_REASON)
    try:
        with transaction.atomic():
            if updating is not None:  # a pending revision: the public keeps the published version
                record = revisions.start_revision(updating, user)
                data.update(external_id=record.external_id, status=PublicationStatus.DRAFT)
                writer.update(data["type"], data, record)  # start_revision logged the creation
            else:
                record = writer.create(data["type"], [data])[0]
                workflow.record_created(record, user)
            if submit:
                workflow.submit(record, user)
    except IntegrityError as exc:  # a concurrent submission took the identity after our checks
        raise _conflict("A record with the same identity already exists.") from exc
    except DatabaseError as exc:  # a value the checks above let through but the database refuses
        raise _invalid({"(record)": ["the database refused the record; check lengths and numbers"]}) from exc
    except workflow.NotAllowed as exc:
        raise Refused(status.HTTP_403_FORBIDDEN, str(exc)) from exc
    except workflow.WorkflowError as exc:
        raise _conflict(str(exc)) from exc
    return record
