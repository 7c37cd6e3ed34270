"""Validation of one parsed line of the JSON Lines format, before anything touches the database.

Why a hand-written validator rather than model `full_clean()`: an import must report EVERY problem of
EVERY line up front (so a curator fixes the file once), with a path into the nested JSON such as
`provisions[2].articles[0]`, and it must check things the models cannot see in isolation (codes that
do not exist, charges naming a defendant key of the same case). Limits (max lengths, choices) are read
from the models so the two cannot drift.

Cross-record checks (duplicate external ids or portal numbers within the file or against other
records in the database, provision references between records) need the whole file and are done by
`interchange.importer`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import zoneinfo
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import EmailValidator, URLValidator

from authorities.models import Channel, CompetentAuthority
from bibliography.identifiers import doi_problem, isbn_problem, normalise_doi, normalise_isbn
from bibliography.models import YEAR_MAX, YEAR_MIN, Publication, PublicationType, ResearchMethod
from caselaw.dates import parse_partial_date
from caselaw.models import (
    Case,
    Charge,
    Court,
    CourtLevel,
    Gender,
    Person,
    PersonKind,
    PersonRole,
    ProceduralStage,
    Verdict,
)
from caselaw.rules import validate_decision_date
from guidance.models import ArticleGuidance, GuidanceLanguage
from interchange import treaty_status
from interchange.codes import Codes
from interchange.jsonl_format import (
    ATTACHMENT_FIELDS,
    AUTHOR_FIELDS,
    CHARGE_FIELDS,
    FORMAT_VERSION,
    FORMATS,
    LANGUAGE,
    LANGUAGE_FIELDS,
    META_FIELDS,
    MODELS,
    PERSON_FIELDS,
    PROVISION_FIELDS,
    TAG_FIELDS,
    WORKFLOW_FIELDS,
)
from legislation.models import Law, LawAttachment, LawType, LegalStatus, Provision
from sherloc.models import PublicationStatus
from strategies.models import ExplanatoryMaterial, MaterialKind, Strategy, StrategyType
from taxonomy.models import Language

HEADER_FIELDS = ("format_version", "type", "external_id")
# Same rule as the database constraint person_victim_initials_only.
VICTIM_INITIALS = re.compile(r"^([A-Z][a-z]?\.\s?){1,4}$")
PARAGRAPH = re.compile(r"^[0-9A-Za-z()., ]*$")
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
EXTERNAL_ID = re.compile(r"^\S+$")


@dataclass(frozen=True)
class FieldError:
    """One problem, located by a path into the record, e.g. `provisions[2].articles[0]`."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class ValidationContext:
    """What a line is checked against: the vocabularies and the languages the file itself adds."""

    codes: Codes
    extra_languages: set[str] = field(default_factory=set)

    def known_language(self, code: str) -> bool:
        return code in self.codes.languages or code in self.extra_languages


def _max_length(model: type, name: str) -> int | None:
    return model._meta.get_field(name).max_length


@functools.cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


_url = URLValidator()
_email = EmailValidator()


def _type_name(value: Any) -> str:
    return {dict: "object", list: "list", str: "string", bool: "boolean", int: "integer", float: "number"}.get(
        type(value), "null" if value is None else type(value).__name__
    )


class _Checker:
    """Collects errors while walking one record. Each helper checks one value and returns it if usable."""

    def __init__(self, ctx: ValidationContext) -> None:
        self.ctx = ctx
        self.errors: list[FieldError] = []

    def error(self, path: str, message: str) -> None:
        self.errors.append(FieldError(path, message))

    def known_fields(self, data: dict, allowed: tuple[str, ...], prefix: str) -> None:
        for key in data:
            if key not in allowed:
                self.error(f"{prefix}{key}", "unknown field")

    def obj(self, value: Any, path: str) -> dict | None:
        if not isinstance(value, dict):
            self.error(path, f"expected an object, got {_type_name(value)}")
            return None
        return value

    def lst(self, data: dict, key: str, path: str, *, required: bool = False) -> list:
        if key not in data:
            if required:
                self.error(path, "required field is missing")
            return []
        value = data[key]
        if not isinstance(value, list):
            self.error(path, f"expected a list, got {_type_name(value)}")
            return []
        return value

    def string(
        self,
        data: dict,
        key: str,
        path: str,
        *,
        required: bool = False,
        max_length: int | None = None,
        nullable: bool = False,
    ) -> str | None:
        if key not in data:
            if required:
                self.error(path, "required field is missing")
            return None
        value = data[key]
        if value is None and nullable and not required:
            return None
        if not isinstance(value, str):
            self.error(path, f"expected a string, got {_type_name(value)}")
            return None
        if required and not value.strip():
            self.error(path, "must not be blank")
            return None
        if max_length is not None and len(value) > max_length:
            self.error(path, f"too long: {len(value)} characters, at most {max_length}")
            return None
        return value

    def choice(self, data: dict, key: str, path: str, choices: type, *, required: bool = False) -> str | None:
        value = self.string(data, key, path, required=required)
        if value is not None and value not in choices.values:
            self.error(path, f"unknown value {value!r}; expected one of {', '.join(choices.values)}")
            return None
        return value

    def integer(
        self, data: dict, key: str, path: str, *, minimum: int = 0, maximum: int | None = None, required: bool = False
    ) -> int | None:
        if key not in data or data[key] is None:
            if required:
                self.error(path, "required field is missing")
            return None
        value = data[key]
        if not isinstance(value, int) or isinstance(value, bool):
            self.error(path, f"expected an integer, got {_type_name(value)}")
            return None
        if value < minimum or (maximum is not None and value > maximum):
            bound = f"between {minimum} and {maximum}" if maximum is not None else f"at least {minimum}"
            self.error(path, f"must be {bound}, got {value}")
            return None
        return value

    def boolean(self, data: dict, key: str, path: str, *, nullable: bool = False) -> None:
        if key not in data:
            return
        value = data[key]
        if value is None and nullable:
            return
        if not isinstance(value, bool):
            self.error(path, f"expected true or false{' or null' if nullable else ''}, got {_type_name(value)}")

    def date(self, data: dict, key: str, path: str, *, required: bool = False) -> dt.date | None:
        if key not in data or data[key] is None:
            if required:
                self.error(path, "required field is missing")
            return None
        value = data[key]
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            self.error(path, f"expected a date YYYY-MM-DD, got {value!r}")
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.error(path, f"not a valid date: {value!r}")
            return None

    def partial_date(self, data: dict, key: str, path: str) -> dt.date | None:
        """'2018', '2018-03' or '2018-03-15' (caselaw.dates); absent or null is an unknown date."""
        if key not in data or data[key] is None:
            return None
        value = data[key]
        if not isinstance(value, str):
            self.error(path, f"expected a date YYYY, YYYY-MM or YYYY-MM-DD, got {_type_name(value)}")
            return None
        try:
            return parse_partial_date(value)[0]
        except ValueError as exc:
            self.error(path, str(exc))
            return None

    def datetime(self, data: dict, key: str, path: str) -> None:
        if key not in data or data[key] is None:
            return
        value = data[key]
        try:
            parsed = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None or "T" not in value:
            self.error(path, f"expected an ISO 8601 date-time such as 2024-05-01T09:30:00+00:00, got {value!r}")
        elif parsed.tzinfo is None:
            self.error(path, "date-time needs a time zone offset (e.g. +00:00 or Z)")

    def code(self, value: Any, path: str, vocabulary: Any, what: str) -> str | None:
        if not isinstance(value, str):
            self.error(path, f"expected a {what} code (string), got {_type_name(value)}")
            return None
        if value not in vocabulary:
            self.error(path, f"unknown {what} code {value!r}")
            return None
        return value

    def code_field(self, data: dict, key: str, path: str, vocabulary: Any, what: str, *, required: bool = False):  # noqa: ANN201
        if key not in data or data[key] is None:
            if required:
                self.error(path, "required field is missing")
            return None
        return self.code(data[key], path, vocabulary, what)

    def language(self, data: dict, key: str, path: str, *, required: bool = False) -> None:
        if key not in data or data[key] is None:
            if required:
                self.error(path, "required field is missing")
            return
        value = data[key]
        if not isinstance(value, str):
            self.error(path, f"expected a language code (string), got {_type_name(value)}")
        elif not self.ctx.known_language(value):
            self.error(path, f"unknown language code {value!r}")

    def codes(self, data: dict, key: str, path: str, vocabulary: Any, what: str) -> list[str]:
        found = []
        seen: set[str] = set()
        for i, value in enumerate(self.lst(data, key, path)):
            code = self.code(value, f"{path}[{i}]", vocabulary, what)
            if code is not None:
                if code in seen:
                    self.error(f"{path}[{i}]", f"duplicate {what} code {code!r}")
                seen.add(code)
                found.append(code)
        return found

    def url(self, data: dict, key: str, path: str, max_length: int | None) -> None:
        value = self.string(data, key, path, max_length=max_length)
        if value:
            try:
                _url(value)
            except ValidationError:
                self.error(path, f"not a valid URL: {value!r}")

    # --- shared blocks -------------------------------------------------------------------------
    def tags(self, data: dict, prefix: str, *, subtypes: bool = True, issues: bool = True) -> None:
        vocab = self.ctx.codes
        seen: set[tuple[str, str]] = set()
        for i, tag in enumerate(self.lst(data, "articles", f"{prefix}articles")):
            path = f"{prefix}articles[{i}]"
            if isinstance(tag, str):
                tag = {"article": tag}
            if self.obj(tag, path) is None:
                continue
            self.known_fields(tag, ("article", "paragraph"), f"{path}.")
            if "article" not in tag:
                self.error(f"{path}.article", "required field is missing")
                continue
            article = tag["article"]
            if not isinstance(article, str):
                self.error(path, f"expected an article code (string), got {_type_name(article)}")
            elif article not in vocab.articles:
                self.error(path, f"unknown article code {article!r}")
            paragraph = self.string(tag, "paragraph", f"{path}.paragraph", max_length=32) or ""
            if not PARAGRAPH.fullmatch(paragraph):
                self.error(f"{path}.paragraph", f"invalid paragraph {paragraph!r}: letters, digits, ( ) . , only")
            if isinstance(article, str):
                if (article, paragraph) in seen:
                    self.error(path, f"duplicate article tag {article!r} paragraph {paragraph!r}")
                seen.add((article, paragraph))
        crime_types = self.codes(data, "crime_types", f"{prefix}crime_types", vocab.crime_types, "crime type")
        if subtypes:
            found = self.codes(data, "crime_subtypes", f"{prefix}crime_subtypes", vocab.crime_subtypes, "crime subtype")
            # A sub-type refines its crime type: a record tagged 'trafficking-in-persons.means.deception'
            # without 'trafficking-in-persons' would be found by the sub-type facet and not by the crime
            # type one. Refused rather than completed, so the file says what the record is tagged with.
            for i, code in enumerate(data.get("crime_subtypes") or []):
                parent = vocab.subtype_crime_type.get(code) if code in found else None
                if parent is not None and parent not in crime_types:
                    self.error(
                        f"{prefix}crime_subtypes[{i}]",
                        f"crime subtype {code!r} needs its crime type {parent!r} in {prefix}crime_types",
                    )
        if issues:
            self.codes(data, "issues", f"{prefix}issues", vocab.issues, "cross-cutting issue")

    def workflow_and_meta(self, data: dict, model: type) -> None:
        self.choice(data, "status", "status", PublicationStatus)
        for key in ("submitted_by", "reviewed_by"):
            self.string(data, key, key, max_length=150, nullable=True)
        for key in ("submitted_at", "reviewed_at", "published_at", "created_at", "updated_at"):
            self.datetime(data, key, key)
        self.language(data, "original_language", "original_language", required=True)
        self.string(data, "source", "source", max_length=_max_length(model, "source"))
        self.string(data, "provenance", "provenance")

    def attachments(self, data: dict) -> None:
        for i, raw in enumerate(self.lst(data, "attachments", "attachments")):
            path = f"attachments[{i}]"
            att = self.obj(raw, path)
            if att is None:
                continue
            self.known_fields(att, ATTACHMENT_FIELDS, f"{path}.")
            self.string(att, "title", f"{path}.title", max_length=_max_length(LawAttachment, "title"))
            self.string(att, "file", f"{path}.file", required=True, max_length=_max_length(LawAttachment, "file"))
            self.language(att, "language", f"{path}.language")
            self.string(att, "content_type", f"{path}.content_type", max_length=100)
            self.string(att, "extracted_text", f"{path}.extracted_text")
            self.datetime(att, "created_at", f"{path}.created_at")


def _validate_law(c: _Checker, data: dict) -> None:
    vocab = c.ctx.codes
    c.code_field(data, "country", "country", vocab.countries, "country", required=True)
    c.string(data, "title", "title", required=True, max_length=_max_length(Law, "title"))
    c.string(data, "original_title", "original_title", max_length=_max_length(Law, "original_title"))
    c.choice(data, "law_type", "law_type", LawType)
    c.string(data, "number", "number", max_length=_max_length(Law, "number"))
    adopted = c.date(data, "adoption_date", "adoption_date")
    in_force = c.date(data, "entry_into_force_date", "entry_into_force_date")
    if adopted and in_force and in_force < adopted:
        c.error("entry_into_force_date", f"{in_force} is before the adoption date {adopted}")
    c.choice(data, "legal_status", "legal_status", LegalStatus)
    c.url(data, "source_url", "source_url", _max_length(Law, "source_url"))
    orders: set[int] = set()
    for i, raw in enumerate(c.lst(data, "provisions", "provisions")):
        path = f"provisions[{i}]"
        prov = c.obj(raw, path)
        if prov is None:
            continue
        c.known_fields(prov, PROVISION_FIELDS + TAG_FIELDS, f"{path}.")
        order = c.integer(prov, "order", f"{path}.order", minimum=1) if "order" in prov else i + 1
        if order is not None:
            if order in orders:
                c.error(f"{path}.order", f"duplicate provision order {order}")
            orders.add(order)
        c.string(prov, "label", f"{path}.label", required=True, max_length=_max_length(Provision, "label"))
        c.string(prov, "heading", f"{path}.heading", max_length=_max_length(Provision, "heading"))
        c.string(prov, "text", f"{path}.text", required=True)
        c.string(prov, "text_en", f"{path}.text_en")
        c.language(prov, "language", f"{path}.language", required=True)
        c.url(prov, "source_url", f"{path}.source_url", _max_length(Provision, "source_url"))
        c.tags(prov, f"{path}.")
    c.attachments(data)


def _validate_people(c: _Checker, data: dict) -> dict[str, str]:
    """Checks people and returns {key: role} for the charge checks."""
    vocab = c.ctx.codes
    roles: dict[str, str] = {}
    for i, raw in enumerate(c.lst(data, "people", "people")):
        path = f"people[{i}]"
        person = c.obj(raw, path)
        if person is None:
            continue
        c.known_fields(person, PERSON_FIELDS, f"{path}.")
        key = c.string(person, "key", f"{path}.key", required=True, max_length=64)
        role = c.choice(person, "role", f"{path}.role", PersonRole, required=True)
        if key is not None:
            if key in roles:
                c.error(f"{path}.key", f"duplicate person key {key!r}")
            roles[key] = role or ""
        c.integer(person, "order", f"{path}.order", maximum=32767)
        kind = c.choice(person, "kind", f"{path}.kind", PersonKind)
        name = c.string(person, "name", f"{path}.name", required=True, max_length=_max_length(Person, "name"))
        if role == PersonRole.VICTIM and name is not None and not VICTIM_INITIALS.fullmatch(name):
            # The name itself is not echoed: error reports end up in logs and e-mails.
            c.error(f"{path}.name", "victims appear by initials only, e.g. 'M.R.' (1 to 4 initials)")
        c.choice(person, "gender", f"{path}.gender", Gender)
        c.integer(person, "age_at_offence", f"{path}.age_at_offence", maximum=120)
        c.code_field(person, "nationality", f"{path}.nationality", vocab.countries, "country")
        size = c.integer(person, "group_size", f"{path}.group_size")
        if size is not None and kind != PersonKind.GROUP:
            c.error(f"{path}.group_size", "only people of kind 'group' have a group size")
    return roles


def _validate_charges(c: _Checker, data: dict, roles: dict[str, str]) -> None:
    vocab = c.ctx.codes
    for i, raw in enumerate(c.lst(data, "charges", "charges")):
        path = f"charges[{i}]"
        charge = c.obj(raw, path)
        if charge is None:
            continue
        c.known_fields(charge, CHARGE_FIELDS, f"{path}.")
        key = c.string(charge, "defendant", f"{path}.defendant", required=True)
        if key is not None:
            if key not in roles:
                c.error(f"{path}.defendant", f"no person with key {key!r} in this case")
            elif roles[key] != PersonRole.DEFENDANT:
                c.error(
                    f"{path}.defendant", f"person {key!r} is a {roles[key] or 'person without role'}, not a defendant"
                )
        c.string(charge, "statute", f"{path}.statute", required=True, max_length=_max_length(Charge, "statute"))
        ref = charge.get("provision")
        if ref is not None and c.obj(ref, f"{path}.provision") is not None:
            c.known_fields(ref, ("law", "order"), f"{path}.provision.")
            c.string(ref, "law", f"{path}.provision.law", required=True, max_length=64)
            c.integer(ref, "order", f"{path}.provision.order", minimum=1, required=True)
        c.code_field(charge, "crime_type", f"{path}.crime_type", vocab.crime_types, "crime type")
        c.choice(charge, "verdict", f"{path}.verdict", Verdict)
        c.string(charge, "sentence", f"{path}.sentence", max_length=_max_length(Charge, "sentence"))
        c.integer(charge, "sentence_months", f"{path}.sentence_months")


def _validate_case(c: _Checker, data: dict) -> None:
    vocab = c.ctx.codes
    c.string(data, "title", "title", required=True, max_length=_max_length(Case, "title"))
    c.string(data, "portal_number", "portal_number", required=True, max_length=_max_length(Case, "portal_number"))
    c.code_field(data, "country", "country", vocab.countries, "country", required=True)
    c.string(data, "source_number", "source_number", max_length=_max_length(Case, "source_number"))
    c.url(data, "source_url", "source_url", _max_length(Case, "source_url"))
    # Real records often lack the court, the day of the decision or the whole date: absent or null means
    # "not recorded", never a placeholder.
    if data.get("court") is not None and (court := c.obj(data["court"], "court")) is not None:
        c.known_fields(court, ("name", "country", "level"), "court.")
        c.string(court, "name", "court.name", required=True, max_length=_max_length(Court, "name"))
        c.code_field(court, "country", "court.country", vocab.countries, "country")
        if court.get("level") not in (None, ""):
            c.choice(court, "level", "court.level", CourtLevel)
    decided = c.partial_date(data, "decision_date", "decision_date")
    try:
        validate_decision_date(decided)  # the database's limit, as the admin and the forms (caselaw.rules)
    except ValidationError:
        c.error("decision_date", f"{data['decision_date']} is in the future")
    c.string(data, "case_number", "case_number", max_length=_max_length(Case, "case_number"))
    if data.get("procedural_stage") not in (None, ""):
        c.choice(data, "procedural_stage", "procedural_stage", ProceduralStage)
    c.tags(data, "")
    for i, word in enumerate(c.lst(data, "keywords", "keywords")):
        if not isinstance(word, str) or not word.strip():
            c.error(f"keywords[{i}]", f"expected a non-blank string, got {_type_name(word)}")
    for key in ("fact_summary", "commentary", "legal_reasoning", "sentence"):
        c.string(data, key, key)
    roles = _validate_people(c, data)
    _validate_charges(c, data, roles)
    c.attachments(data)


def _validate_authority(c: _Checker, data: dict) -> None:
    vocab = c.ctx.codes
    model = CompetentAuthority
    c.code_field(data, "country", "country", vocab.countries, "country", required=True)
    c.string(data, "name", "name", required=True, max_length=_max_length(model, "name"))
    c.url(data, "source_url", "source_url", _max_length(model, "source_url"))
    if not c.codes(data, "roles", "roles", vocab.roles, "authority role") and "roles" not in data:
        c.error("roles", "required field is missing")
    c.tags(data, "", subtypes=False, issues=False)
    c.string(data, "address", "address")
    for key in ("phone", "fax", "contact_person", "office_hours"):
        c.string(data, key, key, max_length=_max_length(model, key))
    email = c.string(data, "email", "email", max_length=_max_length(model, "email"))
    if email:
        try:
            _email(email)
        except ValidationError:
            c.error("email", f"not a valid e-mail address: {email!r}")
    c.url(data, "website", "website", _max_length(model, "website"))
    zone = c.string(data, "time_zone", "time_zone", max_length=_max_length(model, "time_zone"))
    if zone and _time_zones() and zone not in _time_zones():  # no tz database on this host: cannot check
        c.error("time_zone", f"unknown IANA time zone {zone!r}")
    for i, tag in enumerate(c.lst(data, "languages_accepted", "languages_accepted")):
        if not isinstance(tag, str) or not LANGUAGE_TAG.fullmatch(tag):
            c.error(f"languages_accepted[{i}]", f"expected a BCP 47 language code such as 'en' or 'pt-BR', got {tag!r}")
    for i, channel in enumerate(c.lst(data, "channels", "channels")):
        if channel not in Channel.values:
            c.error(f"channels[{i}]", f"unknown channel {channel!r}; expected one of {', '.join(Channel.values)}")
    c.boolean(data, "urgent_by_email", "urgent_by_email")
    c.boolean(data, "urgent_by_fax", "urgent_by_fax")
    c.boolean(data, "untoc_legal_basis", "untoc_legal_basis", nullable=True)
    c.string(data, "legal_requirements", "legal_requirements")
    c.string(data, "procedural_requirements", "procedural_requirements")
    c.date(data, "last_confirmed", "last_confirmed")


def _validate_strategy(c: _Checker, data: dict) -> None:
    vocab = c.ctx.codes
    c.code_field(data, "country", "country", vocab.countries, "country", required=True)
    c.codes(data, "covered_countries", "covered_countries", vocab.countries, "country")
    c.string(data, "title", "title", required=True, max_length=_max_length(Strategy, "title"))
    c.string(data, "original_title", "original_title", max_length=_max_length(Strategy, "original_title"))
    c.choice(data, "strategy_type", "strategy_type", StrategyType)
    c.string(data, "issuing_body", "issuing_body", max_length=_max_length(Strategy, "issuing_body"))
    c.date(data, "adoption_date", "adoption_date")
    start = c.date(data, "period_start", "period_start")
    end = c.date(data, "period_end", "period_end")
    if start and end and end < start:
        c.error("period_end", f"{end} is before the start of the period {start}")
    c.boolean(data, "superseded", "superseded")
    c.string(data, "summary", "summary")
    c.url(data, "source_url", "source_url", _max_length(Strategy, "source_url"))
    c.tags(data, "", subtypes=False)
    c.attachments(data)


def _validate_material(c: _Checker, data: dict) -> None:
    """The law is named by its external_id; that it exists (in the file or the database) is checked by the
    importer, which sees the whole file."""
    law = c.string(data, "law", "law", required=True, max_length=64)
    if law is not None and not EXTERNAL_ID.fullmatch(law):
        c.error("law", "must be the law's external_id (no spaces)")
    c.choice(data, "kind", "kind", MaterialKind)
    c.string(data, "title", "title", required=True, max_length=_max_length(ExplanatoryMaterial, "title"))
    c.date(data, "date", "date")
    c.string(data, "summary", "summary")
    c.string(data, "text", "text")
    c.url(data, "source_url", "source_url", _max_length(ExplanatoryMaterial, "source_url"))
    c.tags(data, "", subtypes=False)
    c.attachments(data)


def _validate_publication(c: _Checker, data: dict) -> None:
    """A bibliography entry: authors in order (a person's family name, or an organisation as `literal`)."""
    vocab = c.ctx.codes
    c.string(data, "title", "title", required=True, max_length=_max_length(Publication, "title"))
    for i, author in enumerate(c.lst(data, "authors", "authors")):
        if c.obj(author, f"authors[{i}]") is None:
            continue
        c.known_fields(author, AUTHOR_FIELDS, f"authors[{i}].")
        family = c.string(author, "family", f"authors[{i}].family", max_length=255)
        given = c.string(author, "given", f"authors[{i}].given", max_length=255)
        literal = c.string(author, "literal", f"authors[{i}].literal", max_length=500)
        if bool(literal) == bool(family) or (literal and given):
            c.error(f"authors[{i}]", "a person (family, optional given) or an organisation (literal), not both")
    c.integer(data, "year", "year", minimum=YEAR_MIN, maximum=YEAR_MAX)
    c.choice(data, "publication_type", "publication_type", PublicationType)
    for key in ("container_title", "volume", "issue", "pages", "publisher"):
        c.string(data, key, key, max_length=_max_length(Publication, key))
    doi = c.string(data, "doi", "doi", max_length=_max_length(Publication, "doi"))
    if doi and (problem := doi_problem(normalise_doi(doi))):
        c.error("doi", problem)
    isbn = c.string(data, "isbn", "isbn", max_length=17)
    if isbn and (problem := isbn_problem(normalise_isbn(isbn))):
        c.error("isbn", problem)
    c.url(data, "url", "url", _max_length(Publication, "url"))
    c.string(data, "synopsis", "synopsis")
    if data.get("research_method"):
        c.choice(data, "research_method", "research_method", ResearchMethod)
    for i, word in enumerate(c.lst(data, "keywords", "keywords")):
        if not isinstance(word, str) or not word.strip():
            c.error(f"keywords[{i}]", f"expected a non-blank string, got {_type_name(word)}")
    c.codes(data, "countries", "countries", vocab.countries, "country")
    c.tags(data, "", subtypes=False)


def _validate_guidance(c: _Checker, data: dict) -> None:
    """One article's guidance in one of the six UN languages, which is also its original language."""
    c.code_field(data, "article", "article", c.ctx.codes.articles, "article", required=True)
    language = c.choice(data, "language", "language", GuidanceLanguage, required=True)
    original = data.get("original_language")
    if language is not None and isinstance(original, str) and original != language:
        c.error("original_language", f"must equal language {language!r} (guidance is written in its language)")
    text = c.string(data, "requirements", "requirements", required=True)
    if text is not None and not text.strip():
        c.error("requirements", "must not be empty: say what the article requires")
    for name in ArticleGuidance.RICH_TEXT_FIELDS[1:]:
        c.string(data, name, name)


def _validate_language(c: _Checker, data: dict) -> None:
    code = c.string(data, "code", "code", required=True, max_length=_max_length(Language, "code"))
    if code is not None and not LANGUAGE_TAG.fullmatch(code.lower()):
        c.error("code", f"expected a BCP 47 language code such as 'pt', got {code!r}")
    c.string(data, "label", "label", required=True, max_length=_max_length(Language, "label"))
    c.boolean(data, "rtl", "rtl")


_HEADERS = HEADER_FIELDS + WORKFLOW_FIELDS + META_FIELDS
# The fields a line may carry and its checks: a family's from its declaration (`record_format.fields`) and
# `_validate_<type>` below, found by name; a content language and a treaty status are this layer's own.
ALLOWED_FIELDS: dict[str, tuple[str, ...]] = {
    **{kind: _HEADERS + spec.fields for kind, spec in FORMATS.items()},
    LANGUAGE: ("format_version", "type") + LANGUAGE_FIELDS,
    treaty_status.TREATY: ("format_version", "type") + treaty_status.STATUS_FIELDS,
}


def _validator(kind: str) -> Any:
    name = f"_validate_{kind}"
    if name not in globals():
        raise ImproperlyConfigured(f"record type {kind!r}: write interchange.validation.{name}(checker, data)")
    return globals()[name]


_VALIDATORS = {
    **{kind: _validator(kind) for kind in FORMATS},
    LANGUAGE: _validate_language,
    treaty_status.TREATY: treaty_status.validate,
}


def validate_record(data: Any, ctx: ValidationContext) -> list[FieldError]:
    """Every problem of one parsed line, each naming its field path. An empty list means importable."""
    c = _Checker(ctx)
    if c.obj(data, "(record)") is None:
        return c.errors
    version = data.get("format_version")
    if "format_version" not in data:
        c.error("format_version", "required field is missing")
    elif version != FORMAT_VERSION or isinstance(version, bool):
        c.error("format_version", f"unsupported format version {version!r}; this portal reads {FORMAT_VERSION}")
    kind = data.get("type")
    if kind not in _VALIDATORS:
        message = f"unknown record type {kind!r}; expected one of {', '.join(_VALIDATORS)}"
        c.error("type", message if "type" in data else "required field is missing")
        return c.errors
    c.known_fields(data, ALLOWED_FIELDS[kind], "")
    if kind not in (LANGUAGE, treaty_status.TREATY):  # identified by their code / country + instrument
        ext = c.string(data, "external_id", "external_id", required=True, max_length=64)
        if ext is not None and not EXTERNAL_ID.fullmatch(ext):
            c.error("external_id", "must not contain spaces")
        c.workflow_and_meta(data, MODELS[kind])
    _VALIDATORS[kind](c, data)
    return c.errors


def parse_line(text: str, ctx: ValidationContext) -> tuple[dict | None, list[FieldError]]:
    """JSON-decode and validate one line. Returns (record or None, errors)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, [FieldError("json", f"invalid JSON: {exc.msg} at column {exc.colno}")]
    errors = validate_record(data, ctx)
    if not errors and isinstance(data, dict) and data.get("type") == LANGUAGE:
        ctx.extra_languages.add(data["code"])
    return (data if isinstance(data, dict) else None), errors
