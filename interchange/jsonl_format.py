"""The SHERLOC JSON Lines interchange format, version 1: one record per line.

One module owns the shape so that export, import, validation and the docs cannot drift apart. Records
reference vocabularies by their stable CODE (never by database id), users by username, and each other
by `external_id`, so a file moves between databases. Serialisation works on chunks of records: the
caller hands over a list of model instances and the tags, provisions, people and charges of the whole
chunk are fetched with one query per table, which keeps exports fast and their memory flat.

See docs/import-format.md for the field-by-field description.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from authorities.models import AuthorityArticle, CompetentAuthority
from bibliography.models import Publication, PublicationArticle, PublicationAuthor
from caselaw.dates import iso_partial
from caselaw.models import Case, CaseArticle, CaseAttachment, Charge, Court, Person
from guidance.models import ArticleGuidance
from interchange.codes import Codes
from legislation.models import Law, LawAttachment, Provision, ProvisionArticle
from sherloc.families import RecordFormat, declared
from strategies.models import (
    ExplanatoryMaterial,
    MaterialArticle,
    MaterialAttachment,
    Strategy,
    StrategyArticle,
    StrategyAttachment,
)

FORMAT_VERSION = 1

# The types of this module's own code (other modules import these names); a new family needs none here.
LAW, CASE, AUTHORITY, LANGUAGE = "law", "case", "authority", "language"
STRATEGY, MATERIAL = "strategy", "material"
PUBLICATION = "publication"
GUIDANCE = "guidance"


def _formats() -> dict[str, tuple[type, RecordFormat]]:
    """Every family's declaration (`record_format` on its record model), in export order (`position`):
    an explanatory material names its law, so laws come first (the importer's order too)."""
    found: dict[str, tuple[type, RecordFormat]] = {}
    for model, spec in sorted(declared("record_format", apps.get_models()), key=lambda pair: pair[1].position):
        if spec.type in found or spec.type in (LANGUAGE, "treaty_status"):
            raise ImproperlyConfigured(f"{model.__name__}.record_format: the type {spec.type!r} is taken")
        found[spec.type] = (model, spec)
    return found


FORMATS: dict[str, RecordFormat] = {kind: spec for kind, (_, spec) in _formats().items()}
RECORD_TYPES = tuple(FORMATS)
# Written by the secretariat only (the admin, an import): no focal-point submission, API intake or review queue.
CURATED_TYPES = tuple(kind for kind, spec in FORMATS.items() if spec.curated)
SUBMITTABLE_TYPES = tuple(kind for kind in RECORD_TYPES if kind not in CURATED_TYPES)
MODELS: dict[str, type] = {kind: model for kind, (model, _) in _formats().items()}
SUBMITTABLE_MODELS: dict[str, type] = {kind: MODELS[kind] for kind in SUBMITTABLE_TYPES}

# Workflow and provenance fields every record carries (sherloc.models.PublishableRecord).
WORKFLOW_FIELDS = ("status", "submitted_by", "submitted_at", "reviewed_by", "reviewed_at", "published_at")
TIMESTAMP_FIELDS = ("created_at", "updated_at")
META_FIELDS = ("original_language", "source", "provenance", "created_at", "updated_at")

PROVISION_FIELDS = ("order", "label", "heading", "text", "text_en", "language", "source_url")
TAG_FIELDS = ("articles", "crime_types", "crime_subtypes", "issues")
PERSON_FIELDS = ("key", "order", "role", "kind", "name", "gender", "age_at_offence", "nationality", "group_size")
CHARGE_FIELDS = ("defendant", "statute", "provision", "crime_type", "verdict", "sentence", "sentence_months")
# The fields stored on the row itself (the rest are authors, keywords, countries and tags).
PUBLICATION_SCALARS = tuple(
    name for name in Publication.record_format.fields if name not in ("authors", "keywords", "countries", *TAG_FIELDS)
)
AUTHOR_FIELDS = ("family", "given", "literal")
ATTACHMENT_FIELDS = ("title", "file", "language", "content_type", "extracted_text", "created_at")
LANGUAGE_FIELDS = ("code", "label", "rtl")


def iso_date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def iso_datetime(value: dt.datetime | None) -> str | None:
    """Datetimes are written in UTC with an explicit offset, so a file means the same everywhere."""
    return value.astimezone(dt.UTC).isoformat() if value else None


def dumps(record: dict[str, Any]) -> str:
    """One line of the file (without the newline). Non-ASCII stays readable: titles are multilingual."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _header(kind: str, obj: Any) -> dict[str, Any]:
    return {"format_version": FORMAT_VERSION, "type": kind, "external_id": obj.external_id}


def _workflow_and_meta(obj: Any, codes: Codes) -> dict[str, Any]:
    users = codes.usernames((obj.submitted_by_id, obj.reviewed_by_id))
    return {
        "status": obj.status,
        "submitted_by": users.get(obj.submitted_by_id),
        "submitted_at": iso_datetime(obj.submitted_at),
        "reviewed_by": users.get(obj.reviewed_by_id),
        "reviewed_at": iso_datetime(obj.reviewed_at),
        "published_at": iso_datetime(obj.published_at),
        "original_language": codes.languages.by_id[obj.original_language_id],
        "source": obj.source,
        "provenance": obj.provenance,
        "created_at": iso_datetime(obj.created_at),
        "updated_at": iso_datetime(obj.updated_at),
    }


def _m2m(owner: type, name: str, ids: Sequence[int]) -> dict[int, list[int]]:
    """{owner id: [target ids]} for an auto-created many-to-many table, in one query."""
    m2m_field = getattr(owner, name).field
    through = m2m_field.remote_field.through
    owner_column, target_column = m2m_field.m2m_column_name(), m2m_field.m2m_reverse_name()
    result: dict[int, list[int]] = defaultdict(list)
    rows = through.objects.filter(**{f"{owner_column}__in": ids}).values_list(owner_column, target_column)
    for owner, target in rows:
        result[owner].append(target)
    return result


def _article_rows(model: type, owner_column: str, ids: Sequence[int]) -> dict[int, list[tuple[int, str]]]:
    result: dict[int, list[tuple[int, str]]] = defaultdict(list)
    rows = model.objects.filter(**{f"{owner_column}__in": ids}).values_list(owner_column, "article_id", "paragraph")
    for owner, article_id, paragraph in rows:
        result[owner].append((article_id, paragraph))
    return result


def _attachments(model: type, owner_column: str, ids: Sequence[int], codes: Codes) -> dict[int, list[dict]]:
    result: dict[int, list[dict]] = defaultdict(list)
    for att in model.objects.filter(**{f"{owner_column}__in": ids}).order_by("pk"):
        result[getattr(att, owner_column)].append(
            {
                "title": att.title,
                "file": att.file.name,
                "language": codes.languages.by_id.get(att.language_id),
                "content_type": att.content_type,
                "extracted_text": att.extracted_text,
                "created_at": iso_datetime(att.created_at),
            }
        )
    return result


def serialise_laws(laws: Sequence[Law], codes: Codes) -> list[dict[str, Any]]:
    """Format objects for a chunk of laws, provisions in order with their tags."""
    law_ids = [law.pk for law in laws]
    provisions: dict[int, list[Provision]] = defaultdict(list)
    for prov in Provision.objects.filter(law_id__in=law_ids).order_by("law_id", "order"):
        provisions[prov.law_id].append(prov)
    prov_ids = [p.pk for plist in provisions.values() for p in plist]
    articles = _article_rows(ProvisionArticle, "provision_id", prov_ids)
    crime_types = _m2m(Provision, "crime_types", prov_ids)
    subtypes = _m2m(Provision, "crime_subtypes", prov_ids)
    issues = _m2m(Provision, "issues", prov_ids)
    attachments = _attachments(LawAttachment, "law_id", law_ids, codes)
    out = []
    for law in laws:
        record = _header(LAW, law)
        record.update(
            {
                "country": codes.countries.by_id[law.country_id],
                "title": law.title,
                "original_title": law.original_title,
                "law_type": law.law_type,
                "number": law.number,
                "adoption_date": iso_date(law.adoption_date),
                "entry_into_force_date": iso_date(law.entry_into_force_date),
                "legal_status": law.legal_status,
                "source_url": law.source_url,
                "provisions": [
                    {
                        "order": p.order,
                        "label": p.label,
                        "heading": p.heading,
                        "text": p.text,
                        "text_en": p.text_en,
                        "language": codes.languages.by_id[p.language_id],
                        "source_url": p.source_url,
                        "articles": codes.article_tags(articles.get(p.pk, ())),
                        "crime_types": codes.crime_types.codes(crime_types.get(p.pk, ())),
                        "crime_subtypes": codes.crime_subtypes.codes(subtypes.get(p.pk, ())),
                        "issues": codes.issues.codes(issues.get(p.pk, ())),
                    }
                    for p in provisions.get(law.pk, ())
                ],
                "attachments": attachments.get(law.pk, []),
            }
        )
        record.update(_workflow_and_meta(law, codes))
        out.append(record)
    return out


def _provision_refs(provision_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    rows = Provision.objects.filter(pk__in=set(provision_ids)).values_list("pk", "law__external_id", "order")
    return {pk: {"law": law, "order": order} for pk, law, order in rows}


def serialise_cases(cases: Sequence[Case], codes: Codes) -> list[dict[str, Any]]:
    """Format objects for a chunk of cases: court by name, people with local keys, charges per defendant."""
    case_ids = [c.pk for c in cases]
    courts = {c.pk: c for c in Court.objects.filter(pk__in={c.court_id for c in cases if c.court_id})}
    people: dict[int, list[Person]] = defaultdict(list)
    for person in Person.objects.filter(case_id__in=case_ids).order_by("case_id", "order", "pk"):
        people[person.case_id].append(person)
    charges: dict[int, list[Charge]] = defaultdict(list)
    for charge in Charge.objects.filter(case_id__in=case_ids).order_by("pk"):
        charges[charge.case_id].append(charge)
    provisions = _provision_refs(ch.provision_id for clist in charges.values() for ch in clist if ch.provision_id)
    articles = _article_rows(CaseArticle, "case_id", case_ids)
    crime_types = _m2m(Case, "crime_types", case_ids)
    subtypes = _m2m(Case, "crime_subtypes", case_ids)
    issues = _m2m(Case, "issues", case_ids)
    attachments = _attachments(CaseAttachment, "case_id", case_ids, codes)
    out = []
    for case in cases:
        court = courts.get(case.court_id)
        keys = {p.pk: f"p{i}" for i, p in enumerate(people.get(case.pk, ()), start=1)}
        position = {pk: i for i, pk in enumerate(keys)}
        case_charges = sorted(charges.get(case.pk, ()), key=lambda ch: (position[ch.defendant_id], ch.pk))
        record = _header(CASE, case)
        record.update(
            {
                "title": case.title,
                "portal_number": case.portal_number,
                "source_number": case.source_number,
                "source_url": case.source_url,
                "country": codes.countries.by_id[case.country_id],
                # Unknown stays unknown: no court is null, an unknown level "", a year-only date "2018".
                "court": (
                    {"name": court.name, "country": codes.countries.by_id[court.country_id], "level": court.level}
                    if court
                    else None
                ),
                "decision_date": iso_partial(case.decision_date, case.decision_date_precision),
                "case_number": case.case_number,
                "procedural_stage": case.procedural_stage,
                "articles": codes.article_tags(articles.get(case.pk, ())),
                "crime_types": codes.crime_types.codes(crime_types.get(case.pk, ())),
                "crime_subtypes": codes.crime_subtypes.codes(subtypes.get(case.pk, ())),
                "issues": codes.issues.codes(issues.get(case.pk, ())),
                "keywords": case.keywords,
                "fact_summary": case.fact_summary,
                "commentary": case.commentary,
                "legal_reasoning": case.legal_reasoning,
                "sentence": case.sentence,
                "people": [
                    {
                        "key": keys[p.pk],
                        "order": p.order,
                        "role": p.role,
                        "kind": p.kind,
                        "name": p.name,
                        "gender": p.gender,
                        "age_at_offence": p.age_at_offence,
                        "nationality": codes.countries.by_id.get(p.nationality_id),
                        "group_size": p.group_size,
                    }
                    for p in people.get(case.pk, ())
                ],
                "charges": [
                    {
                        "defendant": keys[ch.defendant_id],
                        "statute": ch.statute,
                        "provision": provisions.get(ch.provision_id),
                        "crime_type": codes.crime_types.by_id.get(ch.crime_type_id),
                        "verdict": ch.verdict,
                        "sentence": ch.sentence,
                        "sentence_months": ch.sentence_months,
                    }
                    for ch in case_charges
                ],
                "attachments": attachments.get(case.pk, []),
            }
        )
        record.update(_workflow_and_meta(case, codes))
        out.append(record)
    return out


def serialise_authorities(authorities: Sequence[CompetentAuthority], codes: Codes) -> list[dict[str, Any]]:
    """Format objects for a chunk of authorities, contact details included (exports are for curators)."""
    ids = [a.pk for a in authorities]
    roles = _m2m(CompetentAuthority, "roles", ids)
    articles = _article_rows(AuthorityArticle, "authority_id", ids)
    crime_types = _m2m(CompetentAuthority, "crime_types", ids)
    out = []
    for auth in authorities:
        record = _header(AUTHORITY, auth)
        record.update(
            {
                "country": codes.countries.by_id[auth.country_id],
                "name": auth.name,
                "source_url": auth.source_url,
                "roles": codes.roles.codes(roles.get(auth.pk, ())),
                "articles": codes.article_tags(articles.get(auth.pk, ())),
                "crime_types": codes.crime_types.codes(crime_types.get(auth.pk, ())),
            }
        )
        for name in CompetentAuthority.CONTACT_FIELDS:
            value = getattr(auth, name)
            record[name] = iso_date(value) if isinstance(value, dt.date) else value
        record.update(_workflow_and_meta(auth, codes))
        out.append(record)
    return out


def serialise_strategies(strategies: Sequence[Strategy], codes: Codes) -> list[dict[str, Any]]:
    """Format objects for a chunk of strategies: covered States, tags and attachments by code."""
    ids = [s.pk for s in strategies]
    covered = _m2m(Strategy, "covered_countries", ids)
    articles = _article_rows(StrategyArticle, "strategy_id", ids)
    crime_types = _m2m(Strategy, "crime_types", ids)
    issues = _m2m(Strategy, "issues", ids)
    attachments = _attachments(StrategyAttachment, "strategy_id", ids, codes)
    out = []
    for strategy in strategies:
        record = _header(STRATEGY, strategy)
        record.update(
            {
                "country": codes.countries.by_id[strategy.country_id],
                "covered_countries": sorted(codes.countries.codes(covered.get(strategy.pk, ()))),
                "title": strategy.title,
                "original_title": strategy.original_title,
                "strategy_type": strategy.strategy_type,
                "issuing_body": strategy.issuing_body,
                "adoption_date": iso_date(strategy.adoption_date),
                "period_start": iso_date(strategy.period_start),
                "period_end": iso_date(strategy.period_end),
                "superseded": strategy.superseded,
                "summary": strategy.summary,
                "source_url": strategy.source_url,
                "articles": codes.article_tags(articles.get(strategy.pk, ())),
                "crime_types": codes.crime_types.codes(crime_types.get(strategy.pk, ())),
                "issues": codes.issues.codes(issues.get(strategy.pk, ())),
                "attachments": attachments.get(strategy.pk, []),
            }
        )
        record.update(_workflow_and_meta(strategy, codes))
        out.append(record)
    return out


def serialise_materials(materials: Sequence[ExplanatoryMaterial], codes: Codes) -> list[dict[str, Any]]:
    """Format objects for a chunk of explanatory materials; `law` is the law's external_id."""
    ids = [m.pk for m in materials]
    laws = dict(Law.objects.filter(pk__in={m.law_id for m in materials}).values_list("pk", "external_id"))
    articles = _article_rows(MaterialArticle, "material_id", ids)
    crime_types = _m2m(ExplanatoryMaterial, "crime_types", ids)
    issues = _m2m(ExplanatoryMaterial, "issues", ids)
    attachments = _attachments(MaterialAttachment, "material_id", ids, codes)
    out = []
    for material in materials:
        record = _header(MATERIAL, material)
        record.update(
            {
                "law": laws[material.law_id],
                "kind": material.kind,
                "title": material.title,
                "date": iso_date(material.date),
                "summary": material.summary,
                "text": material.text,
                "source_url": material.source_url,
                "articles": codes.article_tags(articles.get(material.pk, ())),
                "crime_types": codes.crime_types.codes(crime_types.get(material.pk, ())),
                "issues": codes.issues.codes(issues.get(material.pk, ())),
                "attachments": attachments.get(material.pk, []),
            }
        )
        record.update(_workflow_and_meta(material, codes))
        out.append(record)
    return out


def serialise_publications(publications: Sequence[Publication], codes: Codes) -> list[dict[str, Any]]:
    """Format objects for a chunk of bibliography entries: authors in order, countries and tags by code."""
    ids = [p.pk for p in publications]
    authors: dict[int, list[dict]] = defaultdict(list)
    for author in PublicationAuthor.objects.filter(publication_id__in=ids).order_by("publication_id", "position"):
        authors[author.publication_id].append({name: getattr(author, name) for name in AUTHOR_FIELDS})
    countries = _m2m(Publication, "countries", ids)
    articles = _article_rows(PublicationArticle, "publication_id", ids)
    crime_types = _m2m(Publication, "crime_types", ids)
    issues = _m2m(Publication, "issues", ids)
    out = []
    for publication in publications:
        record = _header(PUBLICATION, publication)
        record.update({name: getattr(publication, name) for name in PUBLICATION_SCALARS})
        record.update(
            {
                "authors": authors.get(publication.pk, []),
                "keywords": list(publication.keywords or []),
                "countries": sorted(codes.countries.codes(countries.get(publication.pk, ()))),
                "articles": codes.article_tags(articles.get(publication.pk, ())),
                "crime_types": codes.crime_types.codes(crime_types.get(publication.pk, ())),
                "issues": codes.issues.codes(issues.get(publication.pk, ())),
            }
        )
        record.update(_workflow_and_meta(publication, codes))
        out.append(record)
    return out


def serialise_guidance(guidance: Sequence[ArticleGuidance], codes: Codes) -> list[dict[str, Any]]:
    """Format objects for a chunk of article guidance: the article by code, the sections as stored."""
    out = []
    for item in guidance:
        record = _header(GUIDANCE, item)
        record.update(
            {
                "article": codes.articles.by_id[item.article_id],
                "language": item.language,
                **{name: getattr(item, name) for name in ArticleGuidance.RICH_TEXT_FIELDS},
            }
        )
        record.update(_workflow_and_meta(item, codes))
        out.append(record)
    return out


def _serialiser(spec: RecordFormat) -> Any:
    """A family's chunk serialiser, found by its name: `serialise_<plural>`."""
    name = f"serialise_{spec.plural}"
    if name not in globals():
        raise ImproperlyConfigured(f"record type {spec.type!r}: write interchange.jsonl_format.{name}(objects, codes)")
    return globals()[name]


SERIALISERS = {kind: _serialiser(spec) for kind, spec in FORMATS.items()}


def serialise(kind: str, objects: Sequence[Any], codes: Codes) -> list[dict[str, Any]]:
    """Dispatch to the serialiser of a record type."""
    return SERIALISERS[kind](objects, codes)


def language_line(code: str, label: str, rtl: bool) -> dict[str, Any]:
    """A vocabulary extension: a content language outside the six shipped UN languages (e.g. 'pt')."""
    return {"format_version": FORMAT_VERSION, "type": LANGUAGE, "code": code, "label": label, "rtl": rtl}
