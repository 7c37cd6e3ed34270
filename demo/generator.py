"""A realistic, deterministic demo data set: laws with tagged provisions, cases with people and charges,
competent authorities, drawn from the real vocabularies and countries.

Why it is built this way:
- Deterministic: record i of each type gets its own `random.Random(f"{seed}:{type}:{i}")`, so the same seed
  gives the same data, and a run with more records extends a smaller one instead of reshuffling it.
- Fast and flat in memory at 100k records: records are generated and written in batches with
  `bulk_create` (records, provisions, article tags, the auto-created many-to-many tables, people,
  charges); nothing calls `save()` per row. Consequences: no signals fire (run `search_index rebuild`
  afterwards; `make run` does), and django-simple-history rows are not written for demo records.
- Idempotent: external ids are `demo-law-000001`, `demo-case-000001`, `demo-authority-000001`. A second
  run skips the ids that exist; `replace=True` first deletes every record whose id starts with `demo-`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import DEFAULT_DB_ALIAS, models, transaction
from django.utils import timezone

from authorities.models import AuthorityArticle, Channel, CompetentAuthority
from caselaw.models import (
    Case,
    CaseArticle,
    CaseAttachment,
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
from demo import bibliography as demo_bibliography
from demo import guidance as demo_guidance
from demo import strategies as demo_strategies
from demo import text as txt
from demo import treaties as demo_treaties
from demo.world import Place, World
from interchange.bulk import paused_indexing
from legislation.models import Law, LawAttachment, LegalStatus, Provision, ProvisionArticle
from sherloc.models import PublicationStatus

PREFIX = "demo-"
SHARES = {"law": 0.50, "case": 0.35}  # authorities: the rest
DEFAULT_BATCH = 500
FIRST_YEAR, LAST_YEAR = 1995, 2025
PORTAL_OPENED = dt.date(2012, 1, 1)  # submissions cannot predate the portal

STATUS_WEIGHTS = (
    (PublicationStatus.PUBLISHED, 90),
    (PublicationStatus.DRAFT, 4),
    (PublicationStatus.SUBMITTED, 3),
    (PublicationStatus.IN_REVIEW, 2),
    (PublicationStatus.RETURNED, 1),
)
STAGE_LEVELS = {
    ProceduralStage.TRIAL: (CourtLevel.FIRST_INSTANCE, CourtLevel.SPECIALISED),
    ProceduralStage.INVESTIGATION: (CourtLevel.FIRST_INSTANCE,),
    ProceduralStage.APPEAL: (CourtLevel.APPEAL,),
    ProceduralStage.CASSATION: (CourtLevel.HIGHEST, CourtLevel.CONSTITUTIONAL),
    ProceduralStage.EXTRADITION: (CourtLevel.HIGHEST, CourtLevel.FIRST_INSTANCE),
    ProceduralStage.OTHER: (CourtLevel.FIRST_INSTANCE,),
}
STAGE_WEIGHTS = (55, 3, 25, 10, 4, 3)  # order of STAGE_LEVELS
COURT_NAMES = {
    CourtLevel.FIRST_INSTANCE: (
        "Criminal Court of {capital}",
        "{capital} District Court",
        "Regional Court of {capital}",
    ),
    CourtLevel.SPECIALISED: ("Specialised Criminal Court, {capital}",),
    CourtLevel.APPEAL: ("Court of Appeal of {capital}",),
    CourtLevel.HIGHEST: ("Supreme Court of {country}",),
    CourtLevel.CONSTITUTIONAL: ("Constitutional Court of {country}",),
}
INTERNATIONAL_COURTS = (
    "European Court of Human Rights",
    "Inter-American Court of Human Rights",
    "ECOWAS Community Court of Justice",
    "Court of Justice of the European Union",
)
VERDICT_WEIGHTS = ((Verdict.CONVICTED, 70), (Verdict.ACQUITTED, 15), (Verdict.DISMISSED, 5), (Verdict.PENDING, 5),
                   (Verdict.OTHER, 5))  # fmt: skip
GENERIC_CASE_ISSUES = (
    "cooperation.mla",
    "investigation.joint",
    "confiscation.proceeds",
    "victims-witnesses.witness-protection",
    "adjudication.sentencing",
    "investigation.sit.electronic-surveillance",
)
INITIALS = r"^([A-Z][a-z]?\.\s?){1,4}$"

ProgressCallback = Callable[[str, int], None]
"""progress(record type, records advanced)."""


def split_counts(total: int) -> dict[str, int]:
    """Top-level records per type: 50% laws, 35% cases, 15% authorities."""
    laws = round(total * SHARES["law"])
    cases = round(total * SHARES["case"])
    return {"law": laws, "case": cases, "authority": max(total - laws - cases, 0)}


def external_id(kind: str, index: int) -> str:
    return f"{PREFIX}{kind}-{index + 1:06d}"


@dataclass
class SeedReport:
    created: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    deleted: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        plural = {"law": "laws", "provision": "provisions", "case": "cases", "person": "people", "charge": "charges",
                  "authority": "authorities", "strategy": "strategies",
                  "material": "explanatory materials", "treaty_status": "treaty statuses",
                  "publication": "bibliography entries", "guidance": "article guidance texts"}  # fmt: skip
        made = ", ".join(f"{self.created[k]} {p}" for k, p in plural.items() if self.created[k]) or "nothing"
        text = f"created {made}"
        if any(self.skipped.values()):
            text += "; skipped existing " + ", ".join(f"{n} {plural[k]}" for k, n in self.skipped.items() if n)
        if self.deleted:
            text = f"deleted {sum(self.deleted.values())} demo rows; " + text
        return text


# --------------------------------------------------------------------------- shared helpers


def _rng(seed: int | str, kind: str, index: int) -> random.Random:
    return random.Random(f"{seed}:{kind}:{index}")


def _weighted(rng: random.Random, pairs: tuple) -> Any:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _year(rng: random.Random) -> int:
    """1995-2025, recent years more likely (the database grew over time)."""
    return FIRST_YEAR + min(int((LAST_YEAR - FIRST_YEAR + 1) * rng.random() ** 0.6), LAST_YEAR - FIRST_YEAR)


def _date_in(rng: random.Random, year: int, latest: dt.date) -> dt.date:
    day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
    return min(day, latest)


def _stamp(day: dt.date, rng: random.Random) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(rng.randrange(7, 19), rng.randrange(60)), tzinfo=dt.UTC)


def _workflow(rng: random.Random, world: World, base: dt.date, today: dt.date) -> dict[str, Any]:
    """Status and the workflow fields consistent with it (who submitted/reviewed it, and when)."""
    status = _weighted(rng, STATUS_WEIGHTS)
    values: dict[str, Any] = {"status": status}
    if status == PublicationStatus.DRAFT:
        return values
    start = max(base, PORTAL_OPENED)
    submitted = min(start + dt.timedelta(days=rng.randrange(20, 400)), today - dt.timedelta(days=3))
    values.update(submitted_by_id=world.user_ids[0], submitted_at=_stamp(submitted, rng))
    if status == PublicationStatus.SUBMITTED:
        return values
    reviewed = min(submitted + dt.timedelta(days=rng.randrange(1, 60)), today - dt.timedelta(days=2))
    values.update(reviewed_by_id=world.user_ids[1], reviewed_at=_stamp(reviewed, rng))
    if status == PublicationStatus.PUBLISHED:
        values["published_at"] = values["reviewed_at"] + dt.timedelta(hours=rng.randrange(1, 72))
    return values


def _pick_place(rng: random.Random, places: list[Place], cumulative: list[float]) -> Place:
    return rng.choices(places, cum_weights=cumulative)[0]


def _ascii_initial(name: str) -> str:
    letter = unicodedata.normalize("NFKD", name)[:1].upper()
    return letter if "A" <= letter <= "Z" else "X"


def _person_name(rng: random.Random, naming: str, female: bool) -> tuple[str, str]:
    given_f, given_m, surnames = txt.NAMES[naming]
    return rng.choice(given_f if female else given_m), rng.choice(surnames)


def _tags(rng: random.Random, theme: txt.Theme, world: World) -> dict[str, list]:
    """Plausible tags for a text of this theme; paragraphs are kept most of the time."""
    articles = []
    for code, paragraph in theme.articles:
        pair = (code, paragraph if rng.random() < 0.7 else "")
        if pair not in articles:
            articles.append(pair)
    subtypes: list[str] = []
    if theme.crime_types:
        for facet in theme.subtype_facets:
            values = world.subtypes.get((theme.crime_types[0], facet), [])
            if values and rng.random() < 0.85:
                subtypes.extend(rng.sample(values, k=min(len(values), rng.randint(1, 2))))
    issues = rng.sample(theme.issues, k=rng.randint(1, len(theme.issues))) if theme.issues else []
    return {"articles": articles, "crime_types": list(theme.crime_types), "crime_subtypes": subtypes, "issues": issues}


# --------------------------------------------------------------------------- bulk writing


def _write_tags(world: World, owner: type[models.Model], article_model: type[models.Model], fk: str,
                rows: list[tuple[Any, dict[str, list]]]) -> None:  # fmt: skip
    """Article tags and many-to-many rows of saved objects, one bulk insert per table."""
    codes = world.codes
    article_model.objects.bulk_create(
        [
            article_model(**{fk: obj.pk, "article_id": codes.articles.by_code[code], "paragraph": paragraph})
            for obj, tags in rows
            for code, paragraph in tags.get("articles", [])
        ]
    )
    vocabularies = {
        "crime_types": codes.crime_types,
        "crime_subtypes": codes.crime_subtypes,
        "issues": codes.issues,
        "roles": codes.roles,
    }
    for name, vocab in vocabularies.items():
        if not hasattr(owner, name):
            continue
        m2m = getattr(owner, name).field
        through = m2m.remote_field.through
        src, dst = m2m.m2m_column_name(), m2m.m2m_reverse_name()
        through.objects.bulk_create(
            [through(**{src: obj.pk, dst: vocab.by_code[c]}) for obj, tags in rows for c in tags.get(name, [])]
        )


def _existing(model: type[models.Model], ids: list[str]) -> set[str]:
    return set(model.objects.filter(external_id__in=ids).values_list("external_id", flat=True))


# --------------------------------------------------------------------------- laws


def _law(i: int, seed: int | str, world: World, today: dt.date) -> tuple[Law, list[tuple[Provision, dict]]]:
    rng = _rng(seed, "law", i)
    places, cumulative = world.cumulative(with_international=False)
    place = _pick_place(rng, places, cumulative)
    lang = place.language
    family = rng.choices(txt.LAW_FAMILIES, weights=txt.LAW_FAMILY_WEIGHTS)[0]
    year = _year(rng)
    adopted = _date_in(rng, year, today)
    in_force = min(adopted + dt.timedelta(days=rng.choice((0, 1, 30, 60, 90, 180))), today)
    number = txt.LAW_NUMBER[lang].format(k=i + 1, year=year)
    law = Law(
        external_id=external_id("law", i),
        country_id=place.id,
        title=f"{family.title['en']} ({year})",
        original_title="" if lang == "en" else f"{family.title[lang]} ({year})",
        law_type=rng.choice(family.law_types),
        number=number,
        adoption_date=adopted,
        entry_into_force_date=in_force,
        legal_status=_weighted(rng, ((LegalStatus.IN_FORCE, 80), (LegalStatus.AMENDED, 15), (LegalStatus.REPEALED, 5))),
        source_url=f"https://legislation.{place.alpha2.lower()}.example/{year}/{i + 1}",
        original_language_id=world.language_ids[lang],
        source=rng.choice((f"Permanent Mission of {place.name}", "National focal point", "UNODC field office")),
        provenance=f"Demo data generated by seed_demo (seed {seed}).",
        **_workflow(rng, world, adopted, today),
    )
    extra = min(rng.randint(2, 7), len(family.themes))
    themes = [family.core, *rng.sample(family.themes, k=extra)]
    number_label = rng.randint(1, 250)
    provisions = []
    for order, key in enumerate(themes, start=1):
        theme = txt.THEMES[key]
        low = rng.choice((2, 3, 4, 5))
        values = {"min": low, "max": low + rng.choice((3, 5, 7, 10))}
        translated = lang != "en" and rng.random() < 0.6
        prov = Provision(
            order=order,
            label=txt.PROVISION_LABEL[lang].format(n=number_label),
            heading=theme.heading[lang],
            text=theme.text[lang].format(**values),
            text_en=theme.text["en"].format(**values) if translated else "",
            language_id=world.language_ids[lang],
        )
        provisions.append((prov, _tags(rng, theme, world)))
        number_label += rng.randint(1, 3)
    return law, provisions


def _write_laws(indices: list[int], seed: int | str, world: World, today: dt.date, report: SeedReport) -> None:
    ids = [external_id("law", i) for i in indices]
    existing = _existing(Law, ids)
    report.skipped["law"] += len(existing)
    built = [_law(i, seed, world, today) for i, ext in zip(indices, ids, strict=True) if ext not in existing]
    if not built:
        return
    Law.objects.bulk_create([law for law, _ in built])
    provisions = []
    for law, items in built:
        for prov, tags in items:
            prov.law_id = law.pk
            provisions.append((prov, tags))
    Provision.objects.bulk_create([p for p, _ in provisions])
    _write_tags(world, Provision, ProvisionArticle, "provision_id", provisions)
    report.created["law"] += len(built)
    report.created["provision"] += len(provisions)


# --------------------------------------------------------------------------- cases


@dataclass
class _CaseParts:
    case: Case
    court: tuple[int, str, str] | None  # country id, name, level; None: the court is not recorded
    tags: dict[str, list]
    people: list[Person]
    charges: list[tuple[int, Charge]]  # (index into people, charge)


def _provision_index(world: World) -> dict[tuple[int, int], list[tuple[int, str]]]:
    """(country id, crime type id) -> a few demo provisions, so charges can cite a real provision."""
    through = Provision.crime_types.through
    rows = (
        through.objects.filter(provision__law__external_id__startswith=f"{PREFIX}law-")
        .order_by("provision_id")
        .values_list(
            "provision__law__country_id", "crimetype_id", "provision_id", "provision__label", "provision__law__title"
        )  # fmt: skip
    )
    index: dict[tuple[int, int], list[tuple[int, str]]] = {}
    for country, crime, pk, label, title in rows.iterator(chunk_size=5000):
        bucket = index.setdefault((country, crime), [])
        if len(bucket) < 3:
            bucket.append((pk, f"{title}, {label}"[:255]))
    return index


def _court(rng: random.Random, place: Place, stage: str) -> tuple[int, str, str]:
    if place.is_international:
        return place.id, rng.choice(INTERNATIONAL_COURTS), CourtLevel.INTERNATIONAL
    level = rng.choice(STAGE_LEVELS[stage])
    name = rng.choice(COURT_NAMES[level]).format(capital=place.capital, country=place.name)
    return place.id, name, level


def _people(rng: random.Random, place: Place, world: World, theme: dict) -> list[Person]:
    places, cumulative = world.cumulative(with_international=False)
    people: list[Person] = []
    for n in range(rng.choices((1, 2, 3, 4, 5), weights=(30, 30, 20, 12, 8))[0]):
        group_ok = n and all(p.kind != PersonKind.GROUP for p in people)
        kinds = ((PersonKind.PERSON, 85), (PersonKind.LEGAL_PERSON, 8), (PersonKind.GROUP, 7 if group_ok else 0))
        kind = _weighted(rng, kinds)  # at most one group, never listed first
        female = rng.random() < 0.25
        given, surname = _person_name(rng, place.naming, female)
        person = Person(role=PersonRole.DEFENDANT, kind=kind)
        if kind == PersonKind.PERSON:
            person.name, person.gender = f"{given} {surname}", Gender.FEMALE if female else Gender.MALE
            person.age_at_offence = rng.randint(19, 66)
            person.nationality_id = place.id if rng.random() < 0.7 else _pick_place(rng, places, cumulative).id
        elif kind == PersonKind.LEGAL_PERSON:
            person.name = f"{surname} {rng.choice(txt.COMPANY_SUFFIXES)}"
        else:
            person.name, person.group_size = f"Unidentified members of the {surname} network", rng.randint(3, 15)
        people.append(person)
    victims = {"tip_offence": (1, 6), "som_offence": (0, 3), "cybercrime": (0, 2)}.get(theme["key"], (0, 0))
    origin = _pick_place(rng, places, cumulative)
    for _ in range(rng.randint(*victims)):
        female = rng.random() < theme["female_share"]
        given, surname = _person_name(rng, origin.naming, female)
        people.append(
            Person(
                role=PersonRole.VICTIM,
                name=f"{_ascii_initial(given)}.{_ascii_initial(surname)}.",
                gender=Gender.FEMALE if female else Gender.MALE,
                age_at_offence=rng.randint(14, 45),
                nationality_id=origin.id,
            )
        )
    for n in range(rng.choice((0, 0, 1, 2))):
        people.append(Person(role=PersonRole.WITNESS, name=f"Protected witness {chr(65 + n)}", gender=Gender.UNKNOWN))
    for order, person in enumerate(people, start=1):
        person.order = order
    return people


def _fitting(rng: random.Random, bank: tuple[tuple[str, tuple[str, ...]], ...], theme: str) -> str:
    """A sentence from a bank that suits the case theme (entries with no theme suit any)."""
    return rng.choice([text for text, themes in bank if not themes or theme in themes])


def _sentence(rng: random.Random, person: Person) -> tuple[str, int | None]:
    if person.kind == PersonKind.LEGAL_PERSON:
        return f"Fine of {rng.randint(5, 500) * 1000:,} US dollars", None
    months = rng.randint(12, 300)
    years, rest = divmod(months, 12)
    text = f"{years} years' imprisonment" if not rest else f"{years} years and {rest} months' imprisonment"
    return text, months


def _case(i: int, seed: int | str, world: World, today: dt.date, provisions: dict) -> _CaseParts:
    rng = _rng(seed, "case", i)
    places, cumulative = world.cumulative(with_international=True)
    place = _pick_place(rng, places, cumulative)
    key = rng.choices(list(txt.CASE_THEMES), weights=[t["weight"] for t in txt.CASE_THEMES.values()])[0]
    spec = dict(txt.CASE_THEMES[key], key=key)
    theme = txt.THEMES[key]
    decided = _date_in(rng, _year(rng), today)
    stage = rng.choices(list(STAGE_LEVELS), weights=STAGE_WEIGHTS)[0]
    people = _people(rng, place, world, spec)
    origin = _pick_place(rng, *world.cumulative(with_international=False)).name
    y1 = max(decided.year - rng.randint(1, 4), FIRST_YEAR - 3)
    facts = spec["facts"].format(
        y1=y1,
        y2=max(y1, decided.year - 1),
        n=rng.randint(3, 40),
        origin=origin,
        victims=rng.choice(spec.get("victims", ("people",))),
        job=rng.choice(spec.get("jobs", ("workers",))),
        purpose=rng.choice(spec.get("purposes", ("exploitation",))),
        vehicle=rng.choice(spec.get("vehicles", ("vehicles",))),
        predicate=rng.choice(spec.get("predicates", ("crime",))),
        goods=rng.choice(spec.get("goods", ("goods",))),
        amount=rng.randint(2, 90),
    )
    crime_id = world.codes.crime_types.by_code.get(theme.crime_types[0]) if theme.crime_types else None
    cited = provisions.get((place.id, crime_id), [])
    charges: list[tuple[int, Charge]] = []
    sentences = []
    for index, person in enumerate(people):
        if person.role != PersonRole.DEFENDANT or person.kind == PersonKind.GROUP:
            continue  # unidentified group members are not charged individually
        for _ in range(rng.choices((1, 2, 3), weights=(60, 30, 10))[0]):
            provision_id, statute = rng.choice(cited) if cited and rng.random() < 0.7 else (None, None)
            verdict = _weighted(rng, VERDICT_WEIGHTS)
            text, months = _sentence(rng, person) if verdict == Verdict.CONVICTED else ("", None)
            if text:
                sentences.append(f"{person.name}: {text}.")
            charges.append(
                (
                    index,
                    Charge(
                        statute=statute or f"Penal Code, art. {rng.randint(100, 450)}",
                        provision_id=provision_id,
                        crime_type_id=crime_id,
                        verdict=verdict,
                        sentence=text,
                        sentence_months=months,
                    ),
                )
            )
    first = people[0]
    defendants = sum(1 for p in people if p.role == PersonRole.DEFENDANT)
    title = rng.choice(txt.CASE_TITLES).format(name=first.name.split(" ")[-1] if first.kind == PersonKind.PERSON
                                               else first.name, count=max(defendants - 1, 1))  # fmt: skip
    tags = _tags(rng, theme, world)
    tags["issues"] = sorted(set(tags["issues"]) | set(rng.sample(GENERIC_CASE_ISSUES, k=rng.randint(0, 2))))
    case = Case(
        external_id=external_id("case", i),
        title=title,
        portal_number=f"{place.alpha3}D{i + 1:06d}",
        country_id=place.id,
        decision_date=decided,
        decision_date_precision="day",
        case_number=f"{rng.randint(100, 99999):05d}-{rng.randint(10, 99)}.{decided.year}",
        procedural_stage=stage,
        keywords=rng.sample(theme.keywords, k=min(len(theme.keywords), rng.randint(2, 3))),
        fact_summary=facts,
        commentary=_fitting(rng, txt.COMMENTARY, key),
        legal_reasoning=_fitting(rng, txt.REASONING, key).format(n=rng.randint(2, 25)),
        sentence=" ".join(sentences),
        original_language_id=world.language_ids["en"],
        source=rng.choice(("National focal point", "UNODC field office", f"Judiciary of {place.name}")),
        provenance=f"Demo data generated by seed_demo (seed {seed}).",
        **_workflow(rng, world, decided, today),
    )
    court = _court(rng, place, stage)
    # What real collections leave out, drawn from a generator of its own so that every other field stays
    # as a given seed always made it: a year-only, year-month or missing date, no court, no stage, and
    # the originating database's number (reused now and then) and address.
    gaps = random.Random(f"{seed}:case-gaps:{i}")
    known = gaps.random()
    if known < 0.30:
        case.decision_date, case.decision_date_precision = decided.replace(month=1, day=1), "year"
    elif known < 0.38:
        case.decision_date, case.decision_date_precision = decided.replace(day=1), "month"
    elif known < 0.43:
        case.decision_date, case.decision_date_precision = None, None
    if gaps.random() < 0.15:
        court = None
    if gaps.random() < 0.25:
        case.procedural_stage = ""
    if gaps.random() < 0.6:
        case.source_number = f"{place.alpha3}{gaps.randint(1, 400):03d}"
        case.source_url = f"https://sherloc.example.org/case-law/{place.alpha3.lower()}/{case.source_number}"
    return _CaseParts(case, court, tags, people, charges)


class _Courts:
    """Court ids by (country id, name), created in bulk as batches need them."""

    def __init__(self) -> None:
        self.ids: dict[tuple[int, str], int] = {}

    def resolve(self, wanted: set[tuple[int, str, str]]) -> None:
        missing = {(c, n): level for c, n, level in wanted if (c, n) not in self.ids}
        if not missing:
            return
        names = {n for _, n in missing}
        found = Court.objects.filter(name__in=names).values_list("country_id", "name", "pk")
        self.ids.update({(c, n): pk for c, n, pk in found})
        new = [Court(country_id=c, name=n, level=lvl) for (c, n), lvl in missing.items() if (c, n) not in self.ids]
        if new:
            Court.objects.bulk_create(new, ignore_conflicts=True)
            found = Court.objects.filter(name__in=names).values_list("country_id", "name", "pk")
            self.ids.update({(c, n): pk for c, n, pk in found})


def _write_cases(indices: list[int], seed: int | str, world: World, today: dt.date, report: SeedReport,
                 courts: _Courts, provisions: dict) -> None:  # fmt: skip
    ids = [external_id("case", i) for i in indices]
    existing = _existing(Case, ids)
    report.skipped["case"] += len(existing)
    parts = [
        _case(i, seed, world, today, provisions) for i, ext in zip(indices, ids, strict=True) if ext not in existing
    ]
    if not parts:
        return
    courts.resolve({p.court for p in parts if p.court})
    for p in parts:
        p.case.court_id = courts.ids[p.court[:2]] if p.court else None
    Case.objects.bulk_create([p.case for p in parts])
    _write_tags(world, Case, CaseArticle, "case_id", [(p.case, p.tags) for p in parts])
    for p in parts:
        for person in p.people:
            person.case_id = p.case.pk
    Person.objects.bulk_create([person for p in parts for person in p.people])
    charges = []
    for p in parts:
        for index, charge in p.charges:
            charge.case_id, charge.defendant_id = p.case.pk, p.people[index].pk
            charges.append(charge)
    Charge.objects.bulk_create(charges)
    report.created["case"] += len(parts)
    report.created["person"] += sum(len(p.people) for p in parts)
    report.created["charge"] += len(charges)


# --------------------------------------------------------------------------- authorities


def _unique_name(body: str, place: Place, used: set[tuple[int, str]]) -> str:
    """(country, name) is unique: a second body of the same kind becomes a regional or numbered office."""
    candidates = itertools.chain(
        (body, f"{body} ({place.capital})"), (f"{body} (Office No. {k})" for k in itertools.count(2))
    )
    name = next(c for c in candidates if (place.id, c) not in used)
    used.add((place.id, name))
    return name


def _authority(i: int, seed: int | str, world: World, today: dt.date, used: set[tuple[int, str]]) -> tuple[Any, dict]:
    rng = _rng(seed, "authority", i)
    places, cumulative = world.cumulative(with_international=False)
    place = _pick_place(rng, places, cumulative)
    body, possible_roles = rng.choice(txt.AUTHORITY_BODIES)
    roles = sorted(rng.sample(possible_roles, k=rng.randint(1, len(possible_roles))))
    name = _unique_name(body, place, used)
    domain = f"authority.{place.alpha2.lower()}.example"
    given, surname = _person_name(rng, place.naming, rng.random() < 0.4)
    dial = f"+{place.dial}" if place.dial else "+00"
    languages = sorted({place.language, "en", *rng.sample(("fr", "es"), k=rng.randint(0, 1))})
    confirmed = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    auth = CompetentAuthority(
        external_id=external_id("authority", i),
        country_id=place.id,
        name=name,
        address=f"{rng.randint(1, 250)} {rng.choice(txt.STREETS)}\n{place.capital}\n{place.name}",
        phone=f"{dial} {rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        fax=f"{dial} {rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        if rng.random() < 0.5
        else "",
        email=f"{roles[0].replace('-', '.')}@{domain}",
        website=f"https://{domain}/{roles[0]}",
        contact_person=f"{rng.choice(txt.CONTACT_TITLES)} {given} {surname}",
        office_hours=rng.choice(("Mon-Fri 08:00-16:00", "Mon-Fri 09:00-17:00", "Sun-Thu 08:00-15:00")),
        time_zone=place.time_zone,
        languages_accepted=languages,
        channels=sorted(rng.sample(Channel.values, k=rng.randint(1, 3)), key=Channel.values.index),
        urgent_by_email=rng.random() < 0.6,
        urgent_by_fax=rng.random() < 0.25,
        legal_requirements=rng.choice(txt.LEGAL_REQUIREMENTS),
        procedural_requirements=rng.choice(txt.PROCEDURAL_REQUIREMENTS),
        untoc_legal_basis=_weighted(rng, ((True, 70), (False, 10), (None, 20))),
        last_confirmed=min(confirmed, today),
        original_language_id=world.language_ids["en"],
        source=f"Notification by {place.name}",
        provenance=f"Demo data generated by seed_demo (seed {seed}).",
        **_workflow(rng, world, confirmed, today),
    )
    tags = {
        "roles": roles,
        "articles": [txt.ROLE_ARTICLES[r] for r in roles if r in txt.ROLE_ARTICLES],
        "crime_types": sorted({txt.ROLE_CRIME_TYPES[r] for r in roles if r in txt.ROLE_CRIME_TYPES}),
    }
    return auth, tags


def _write_authorities(indices: list[int], seed: int | str, world: World, today: dt.date, report: SeedReport,
                       used: set[tuple[int, str]]) -> None:  # fmt: skip
    ids = [external_id("authority", i) for i in indices]
    existing = _existing(CompetentAuthority, ids)
    report.skipped["authority"] += len(existing)
    built = [
        _authority(i, seed, world, today, used) for i, ext in zip(indices, ids, strict=True) if ext not in existing
    ]
    if not built:
        return
    CompetentAuthority.objects.bulk_create([a for a, _ in built])
    _write_tags(world, CompetentAuthority, AuthorityArticle, "authority_id", built)
    report.created["authority"] += len(built)


# --------------------------------------------------------------------------- entry points


def _batches(total: int, size: int) -> Iterator[list[int]]:
    for start in range(0, total, size):
        yield list(range(start, min(start + size, total)))


def seed_demo(
    records: int,
    seed: int | str = 1,
    *,
    replace: bool = False,
    batch_size: int = DEFAULT_BATCH,
    progress: ProgressCallback | None = None,
) -> SeedReport:
    """Create `records` top-level demo records (see split_counts); each batch commits on its own, so an
    interrupted run keeps whole batches and the next run completes the rest."""
    report = SeedReport()
    today = timezone.localdate()
    with paused_indexing():
        if replace:
            report.deleted = delete_demo_records()
        world = World.load()
        counts = split_counts(records)
        for batch in _batches(counts["law"], batch_size):
            with transaction.atomic():
                _write_laws(batch, seed, world, today, report)
            if progress:
                progress("law", len(batch))
        provisions = _provision_index(world)
        courts = _Courts()
        for batch in _batches(counts["case"], batch_size):
            with transaction.atomic():
                _write_cases(batch, seed, world, today, report, courts, provisions)
            if progress:
                progress("case", len(batch))
        used = set(CompetentAuthority.objects.values_list("country_id", "name"))
        for batch in _batches(counts["authority"], batch_size):
            with transaction.atomic():
                _write_authorities(batch, seed, world, today, report, used)
            if progress:
                progress("authority", len(batch))
        extra = demo_strategies.counts(records, counts["law"])
        for batch in _batches(extra["strategy"], batch_size):
            with transaction.atomic():
                demo_strategies.write_strategies(batch, seed, world, today, report)
        for batch in _batches(extra["material"], batch_size):
            with transaction.atomic():
                demo_strategies.write_materials(batch, seed, world, today, report)
        with transaction.atomic():  # after the authorities: a party's 18(13) notification designates one
            demo_treaties.write(seed, world, report)
        for batch in _batches(demo_bibliography.counts(records)["publication"], batch_size):
            with transaction.atomic():
                demo_bibliography.write_publications(batch, seed, world, today, report)
        if records:
            with transaction.atomic():
                demo_guidance.write_guidance(PREFIX, report)
    return report


def _raw_delete(qs: models.QuerySet) -> int:
    """DELETE without loading rows or sending signals (QuerySet._raw_delete, private but long-stable).
    Django's normal delete would fetch every demo row and write a history row for each."""
    return qs._raw_delete(DEFAULT_DB_ALIAS) or 0


def delete_demo_records(prefix: str = PREFIX) -> dict[str, int]:
    """Delete every record whose external_id starts with `prefix`, children first, in one transaction.

    Charges of other (non-demo) cases that cite a demo provision keep the charge and lose the link, as
    the model's SET_NULL would do. Courts are kept (they are shared). Run `search_index rebuild` after.
    """
    deleted: dict[str, int] = {}
    laws = Law.objects.filter(external_id__startswith=prefix)
    cases = Case.objects.filter(external_id__startswith=prefix)
    authorities = CompetentAuthority.objects.filter(external_id__startswith=prefix)
    provisions = Provision.objects.filter(law__in=laws)
    with transaction.atomic():
        deleted.update(demo_strategies.delete(prefix, _raw_delete))  # materials before the laws they explain
        deleted.update(demo_treaties.delete(_raw_delete))  # notifications before the authorities they name
        deleted.update(demo_bibliography.delete(prefix, _raw_delete))
        deleted.update(demo_guidance.delete(prefix, _raw_delete))
        deleted["charge"] = _raw_delete(Charge.objects.filter(case__in=cases))
        Charge.objects.filter(provision__in=provisions).update(provision=None)
        deleted["person"] = _raw_delete(Person.objects.filter(case__in=cases))
        for owner, qs, article_model, fk, names in (
            (Case, cases, CaseArticle, "case", ("crime_types", "crime_subtypes", "issues")),
            (Provision, provisions, ProvisionArticle, "provision", ("crime_types", "crime_subtypes", "issues")),
            (CompetentAuthority, authorities, AuthorityArticle, "authority", ("roles", "crime_types")),
        ):
            deleted[f"{fk} article tag"] = _raw_delete(article_model.objects.filter(**{f"{fk}__in": qs}))
            for name in names:
                m2m = getattr(owner, name).field
                through = m2m.remote_field.through
                deleted[f"{fk} {name}"] = _raw_delete(through.objects.filter(**{f"{m2m.m2m_field_name()}__in": qs}))
        deleted["case attachment"] = _raw_delete(CaseAttachment.objects.filter(case__in=cases))
        deleted["law attachment"] = _raw_delete(LawAttachment.objects.filter(law__in=laws))
        _raw_delete(Provision.history.model.objects.filter(law__external_id__startswith=prefix))
        deleted["provision"] = _raw_delete(provisions)
        deleted["case"] = _raw_delete(cases)
        deleted["law"] = _raw_delete(laws)
        deleted["authority"] = _raw_delete(authorities)
        for model in (Law, Case, CompetentAuthority):
            _raw_delete(model.history.model.objects.filter(external_id__startswith=prefix))
    return {k: v for k, v in deleted.items() if v}
