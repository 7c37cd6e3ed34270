"""Demo strategies (national and regional) and explanatory materials of demo laws, in the style of
`demo.generator`: deterministic per record (`random.Random(f"{seed}:strategy:{i}")`), bulk-written, idempotent
by external id (`demo-strategy-000001`, `demo-material-000001`), no signals (rebuild the index after).

How many: one strategy per 20 top-level records and one explanatory material per 10 demo laws, on top of the
laws / cases / authorities split (`split_counts` is unchanged, so existing demo sets keep their records).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models

from demo import text as txt
from demo.world import World
from legislation.models import Law
from strategies.models import (
    ExplanatoryMaterial,
    MaterialArticle,
    MaterialAttachment,
    MaterialKind,
    Strategy,
    StrategyArticle,
    StrategyAttachment,
    StrategyType,
)
from taxonomy.models import Country

STRATEGY_SHARE = 20  # one strategy per this many top-level records
MATERIAL_SHARE = 10  # one explanatory material per this many laws
THEMES = ("tip_offence", "som_offence", "money_laundering", "ocg_participation", "corruption", "firearms",
          "cybercrime", "wildlife", "drugs", "witness_protection", "mla")  # fmt: skip
SUBJECTS = {
    "tip_offence": "Trafficking in Persons",
    "som_offence": "the Smuggling of Migrants",
    "money_laundering": "Money Laundering and the Financing of Organized Crime",
    "ocg_participation": "Transnational Organized Crime",
    "corruption": "Corruption",
    "firearms": "Illicit Trafficking in Firearms",
    "cybercrime": "Cybercrime",
    "wildlife": "Wildlife and Forest Crime",
    "drugs": "Drug Trafficking",
    "witness_protection": "the Protection of Witnesses and Victims",
    "mla": "International Cooperation in Criminal Matters",
}
TITLES = {
    StrategyType.STRATEGY: "National Strategy against {subject} {start}-{end}",
    StrategyType.ACTION_PLAN: "National Action Plan to Combat {subject} {start}-{end}",
    StrategyType.POLICY: "National Policy on {subject}",
    StrategyType.AGREEMENT: "Memorandum of Understanding on Cooperation against {subject}",
}
BODIES = ("Council of Ministers", "Ministry of Justice", "Ministry of the Interior", "National Coordination Committee",
          "Office of the Prime Minister")  # fmt: skip
REGIONAL = (  # (title, issuing body, M49 sub-region or region whose States it covers)
    ("ECOWAS Regional Action Plan against Trafficking in Persons", "ECOWAS Commission", "011", "tip_offence"),
    ("EU Strategy to Tackle Organised Crime", "European Commission", "150", "ocg_participation"),
    ("ASEAN Plan of Action in Combating Transnational Crime", "ASEAN Secretariat", "035", "ocg_participation"),
    ("Central American Regional Security Strategy", "SICA General Secretariat", "013", "drugs"),
    ("SADC Regional Strategy on Firearms Control", "SADC Secretariat", "018", "firearms"),
)
SUMMARY = (
    "{title} sets out how the State prevents and prosecutes {subject_lower}, protects victims and witnesses and "
    "cooperates with other States. It assigns each measure to a lead agency, with indicators and a budget, and "
    "is reviewed every two years by the national coordination body."
)
MATERIAL_KINDS = ((MaterialKind.MEMORANDUM, 60), (MaterialKind.HANDBOOK, 15), (MaterialKind.BRIEF, 15),
                  (MaterialKind.GUIDANCE, 10))  # fmt: skip
MATERIAL_TITLES = {
    MaterialKind.MEMORANDUM: "Explanatory memorandum to the bill: {law}",
    MaterialKind.HANDBOOK: "Handbook on the application of {law}",
    MaterialKind.BRIEF: "Legislative brief: {law}",
    MaterialKind.GUIDANCE: "Prosecutorial guidance on {law}",
}
MATERIAL_SUMMARY = (
    "Explains the purpose of each provision of {law}, the choices made when the Convention and its Protocols were "
    "implemented, and how the new offences relate to the existing criminal code."
)


def counts(records: int, laws: int) -> dict[str, int]:
    return {"strategy": records // STRATEGY_SHARE, "material": laws // MATERIAL_SHARE}


def _regional_members(region_code: str) -> list[int]:
    return list(
        Country.objects.filter(
            models.Q(region__code=region_code)
            | models.Q(subregion__code=region_code)
            | models.Q(intermediate_region__code=region_code)
        ).values_list("pk", flat=True)[:30]
    )


def _strategy(i: int, seed: int | str, world: World, today: dt.date) -> tuple[Strategy, dict[str, Any]]:
    from demo.generator import _pick_place, _rng, _tags, _weighted, _workflow, external_id

    rng = _rng(seed, "strategy", i)
    tags: dict[str, Any]
    if world.international is not None and i % 7 == 6:  # every seventh is regional
        title, body, region, theme_name = REGIONAL[(i // 7) % len(REGIONAL)]
        if i // 7 >= len(REGIONAL):
            title = f"{title} ({2010 + i // 7})"
        place_id, kind, language = world.international.id, StrategyType.ACTION_PLAN, "en"
        covered = _regional_members(region)
    else:
        places, cumulative = world.cumulative(with_international=False)
        place = _pick_place(rng, places, cumulative)
        theme_name = rng.choice(THEMES)
        kind = _weighted(rng, ((StrategyType.STRATEGY, 40), (StrategyType.ACTION_PLAN, 35),
                               (StrategyType.POLICY, 15), (StrategyType.AGREEMENT, 10)))  # fmt: skip
        start = rng.randint(2005, 2024)
        title = TITLES[kind].format(subject=SUBJECTS[theme_name], start=start, end=start + rng.choice((3, 4, 5)))
        title = f"{title} ({place.name}, No. {i + 1})" if kind != StrategyType.STRATEGY else title
        body, place_id, language, covered = rng.choice(BODIES), place.id, "en", []
    start_year = rng.randint(2005, min(2024, today.year))
    period_start = dt.date(start_year, 1, 1)
    period_end = dt.date(start_year + rng.choice((3, 4, 5)), 12, 31) if rng.random() < 0.85 else None
    theme = txt.THEMES[theme_name]
    tags = _tags(rng, theme, world)
    tags["crime_subtypes"] = []
    tags["covered"] = covered
    strategy = Strategy(
        external_id=external_id("strategy", i),
        country_id=place_id,
        title=title,
        strategy_type=kind,
        issuing_body=body,
        adoption_date=min(period_start - dt.timedelta(days=rng.randrange(10, 200)), today),
        period_start=period_start,
        period_end=period_end,
        superseded=rng.random() < 0.1,
        summary=SUMMARY.format(title=title, subject_lower=SUBJECTS[theme_name].lower()),
        original_language_id=world.language_ids[language],
        source="Demo data",
        provenance=f"Demo data generated by seed_demo (seed {seed}).",
        **_workflow(rng, world, period_start, today),
    )
    return strategy, tags


def write_strategies(indices: list[int], seed: int | str, world: World, today: dt.date, report: Any) -> None:
    from demo.generator import _existing, _write_tags, external_id

    ids = [external_id("strategy", i) for i in indices]
    existing = _existing(Strategy, ids)
    report.skipped["strategy"] += len(existing)
    used = set(Strategy.objects.values_list("country_id", "title"))
    built = []
    for i, ext in zip(indices, ids, strict=True):
        if ext in existing:
            continue
        strategy, tags = _strategy(i, seed, world, today)
        if (strategy.country_id, strategy.title) in used:
            strategy.title = f"{strategy.title} (No. {i + 1})"
        used.add((strategy.country_id, strategy.title))
        built.append((strategy, tags))
    if not built:
        return
    Strategy.objects.bulk_create([s for s, _ in built])
    _write_tags(world, Strategy, StrategyArticle, "strategy_id", built)
    through = Strategy.covered_countries.through
    through.objects.bulk_create(
        [through(strategy_id=s.pk, country_id=c) for s, tags in built for c in tags["covered"] if c != s.country_id]
    )
    report.created["strategy"] += len(built)


def write_materials(indices: list[int], seed: int | str, world: World, today: dt.date, report: Any) -> None:
    """Material i explains demo law i * MATERIAL_SHARE (when that law exists)."""
    from demo.generator import _existing, _rng, _tags, _weighted, _workflow, _write_tags, external_id

    ids = [external_id("material", i) for i in indices]
    existing = _existing(ExplanatoryMaterial, ids)
    report.skipped["material"] += len(existing)
    law_ids = {external_id("law", i * MATERIAL_SHARE): i for i in indices}
    laws = {law_ids[ext]: law for law in Law.objects.filter(external_id__in=law_ids) for ext in [law.external_id]}
    built = []
    for i, ext in zip(indices, ids, strict=True):
        law = laws.get(i)
        if ext in existing or law is None:
            continue
        rng = _rng(seed, "material", i)
        kind = _weighted(rng, MATERIAL_KINDS)
        theme = txt.THEMES[rng.choice(THEMES)]
        tags = _tags(rng, theme, world)
        tags["crime_subtypes"] = []
        base = law.adoption_date or dt.date(2015, 1, 1)
        material = ExplanatoryMaterial(
            external_id=ext,
            law_id=law.pk,
            country_id=law.country_id,  # bulk_create skips save(), which keeps it equal to the law's
            kind=kind,
            title=MATERIAL_TITLES[kind].format(law=law.title)[:500],
            date=min(base - dt.timedelta(days=rng.randrange(30, 400)), today),
            summary=MATERIAL_SUMMARY.format(law=law.title),
            original_language_id=law.original_language_id,
            source="Demo data",
            provenance=f"Demo data generated by seed_demo (seed {seed}).",
            **_workflow(rng, world, base, today),
        )
        built.append((material, tags))
    if not built:
        return
    ExplanatoryMaterial.objects.bulk_create([m for m, _ in built])
    _write_tags(world, ExplanatoryMaterial, MaterialArticle, "material_id", built)
    report.created["material"] += len(built)


def delete(prefix: str, raw_delete: Any) -> dict[str, int]:
    """Delete demo strategies and materials with their tags, attachments and history (inside the caller's
    transaction; materials first, since deleting demo laws would cascade to them row by row)."""
    deleted: dict[str, int] = {}
    strategies = Strategy.objects.filter(external_id__startswith=prefix)
    materials = ExplanatoryMaterial.objects.filter(external_id__startswith=prefix)
    for owner, qs, article_model, fk, attachment_model, names in (
        (Strategy, strategies, StrategyArticle, "strategy", StrategyAttachment,
         ("crime_types", "issues", "covered_countries")),
        (ExplanatoryMaterial, materials, MaterialArticle, "material", MaterialAttachment, ("crime_types", "issues")),
    ):  # fmt: skip
        deleted[f"{fk} article tag"] = raw_delete(article_model.objects.filter(**{f"{fk}__in": qs}))
        deleted[f"{fk} attachment"] = raw_delete(attachment_model.objects.filter(**{f"{fk}__in": qs}))
        for name in names:
            m2m = getattr(owner, name).field
            through = m2m.remote_field.through
            deleted[f"{fk} {name}"] = raw_delete(through.objects.filter(**{f"{m2m.m2m_field_name()}__in": qs}))
        raw_delete(owner.history.model.objects.filter(external_id__startswith=prefix))
    deleted["material"] = raw_delete(materials)
    deleted["strategy"] = raw_delete(strategies)
    return deleted
