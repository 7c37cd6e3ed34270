"""Demo bibliography entries, in the style of `demo.generator`: deterministic per entry
(`random.Random(f"{seed}:publication:{i}")`), bulk-written, idempotent by external id (`demo-publication-000001`),
no signals (rebuild the index after).

Clearly synthetic: the authors are invented names, the publishers say "Demo", the synopsis says it is demo
data, and every DOI is under 10.5555, the prefix Crossref keeps for examples, which resolves to nothing real.
One entry per 25 top-level records, on top of the other families (their split is unchanged).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bibliography.models import Publication, PublicationArticle, PublicationAuthor, PublicationType, ResearchMethod
from demo import text as txt
from demo.world import World

PUBLICATION_SHARE = 25  # one bibliography entry per this many top-level records
SUBJECTS = {
    "tip_offence": "trafficking in persons",
    "som_offence": "the smuggling of migrants",
    "money_laundering": "money laundering",
    "ocg_participation": "organized criminal groups",
    "corruption": "corruption",
    "firearms": "illicit firearms markets",
    "cybercrime": "cybercrime",
    "wildlife": "wildlife and forest crime",
    "drugs": "drug trafficking",
    "witness_protection": "witness protection",
    "mla": "mutual legal assistance",
}
TITLES = (
    "Prosecuting {subject} in {place}: evidence from court files",
    "{Subject} and the law in {place}: a review of implementation",
    "Measuring {subject} in {place}",
    "Investigating {subject}: lessons from {place}",
    "Victims, offenders and {subject} in {place}",
)
FAMILIES = ("Example", "Sample", "Placeholder", "Specimen", "Fictive", "Mock", "Dummy", "Testwell")
GIVEN = ("Ana", "Bo", "Chidi", "Dana", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jun", "Kofi", "Lena")
TYPES = ((PublicationType.ARTICLE, 50), (PublicationType.REPORT, 20), (PublicationType.BOOK, 10),
         (PublicationType.CHAPTER, 12), (PublicationType.THESIS, 5), (PublicationType.OTHER, 3))  # fmt: skip
JOURNALS = ("Demo Journal of Organized Crime Studies", "Demo Review of Criminal Law", "Demo Crime & Policy Quarterly")
SYNOPSIS = (
    "Demo data, not a real publication. The study examines {subject} in {place} through {method}, and "
    "discusses what its findings mean for investigators, prosecutors and the implementation of the Convention."
)
METHODS = {
    ResearchMethod.QUALITATIVE: "interviews with practitioners",
    ResearchMethod.QUANTITATIVE: "national crime statistics",
    ResearchMethod.MIXED: "case files and a survey",
    ResearchMethod.LEGAL: "an analysis of the legislation and case law",
    ResearchMethod.CASE_STUDY: "three case studies",
    ResearchMethod.REVIEW: "a review of the literature",
}


def counts(records: int) -> dict[str, int]:
    return {"publication": records // PUBLICATION_SHARE}


def _publication(i: int, seed: int | str, world: World, today: dt.date) -> tuple[Publication, dict[str, Any]]:
    from demo.generator import _pick_place, _rng, _tags, _weighted, _workflow, external_id

    rng = _rng(seed, "publication", i)
    places, cumulative = world.cumulative(with_international=False)
    covered = [_pick_place(rng, places, cumulative) for _ in range(rng.choice((1, 1, 1, 2, 3)))]
    theme_name = rng.choice(tuple(SUBJECTS))
    subject = SUBJECTS[theme_name]
    kind = _weighted(rng, TYPES)
    method = rng.choice(tuple(METHODS))
    year = rng.randint(2000, today.year)
    place = covered[0].name
    title = rng.choice(TITLES).format(subject=subject, Subject=subject[0].upper() + subject[1:], place=place)
    container = {PublicationType.ARTICLE: rng.choice(JOURNALS), PublicationType.CHAPTER: "Demo Handbook of Crime"}
    first_page = rng.randint(1, 300)
    tags = _tags(rng, txt.THEMES[theme_name], world)
    tags["covered"] = list(dict.fromkeys(p.id for p in covered))
    tags["authors"] = (
        [{"literal": "Demo Research Institute"}]
        if kind == PublicationType.REPORT and rng.random() < 0.5
        else [{"family": rng.choice(FAMILIES), "given": rng.choice(GIVEN)} for _ in range(rng.randint(1, 3))]
    )
    publication = Publication(
        external_id=external_id("publication", i),
        title=f"{title} (demo {i + 1})",
        year=year,
        publication_type=kind,
        container_title=container.get(kind, ""),
        volume=str(rng.randint(1, 40)) if kind == PublicationType.ARTICLE else "",
        issue=str(rng.randint(1, 4)) if kind == PublicationType.ARTICLE else "",
        pages=f"{first_page}-{first_page + rng.randint(10, 30)}" if kind in container else "",
        publisher="Demo University Press" if kind != PublicationType.REPORT else "Demo Research Institute",
        doi=f"10.5555/demo.{seed}.{i + 1}" if rng.random() < 0.7 else "",
        synopsis=SYNOPSIS.format(subject=subject, place=place, method=METHODS[method]),
        research_method=method,
        keywords=[subject, place.lower()],
        original_language_id=world.language_ids[rng.choice(("en", "en", "en", "fr", "es"))],
        source="Demo data",
        provenance=f"Demo data generated by seed_demo (seed {seed}).",
        **_workflow(rng, world, dt.date(year, 1, 1), today),
    )
    return publication, tags


def write_publications(indices: list[int], seed: int | str, world: World, today: dt.date, report: Any) -> None:
    from demo.generator import _existing, _write_tags, external_id

    ids = [external_id("publication", i) for i in indices]
    existing = _existing(Publication, ids)
    if existing:  # (a run too small for any entry reports none)
        report.skipped["publication"] += len(existing)
    built = [_publication(i, seed, world, today) for i, ext in zip(indices, ids, strict=True) if ext not in existing]
    if not built:
        return
    Publication.objects.bulk_create([p for p, _ in built])
    _write_tags(world, Publication, PublicationArticle, "publication_id", built)
    PublicationAuthor.objects.bulk_create(
        PublicationAuthor(publication_id=p.pk, position=n, **author)
        for p, tags in built
        for n, author in enumerate(tags["authors"], start=1)
    )
    through = Publication.countries.through
    through.objects.bulk_create(
        through(publication_id=p.pk, country_id=c) for p, tags in built for c in tags["covered"]
    )
    report.created["publication"] += len(built)


def delete(prefix: str, raw_delete: Any) -> dict[str, int]:
    """Delete demo entries with their authors, tags and history (inside the caller's transaction)."""
    publications = Publication.objects.filter(external_id__startswith=prefix)
    deleted = {
        "publication author": raw_delete(PublicationAuthor.objects.filter(publication__in=publications)),
        "publication article tag": raw_delete(PublicationArticle.objects.filter(publication__in=publications)),
    }
    for name in ("countries", "crime_types", "issues"):
        m2m = getattr(Publication, name).field
        through = m2m.remote_field.through
        deleted[f"publication {name}"] = raw_delete(
            through.objects.filter(**{f"{m2m.m2m_field_name()}__in": publications})
        )
    raw_delete(Publication.history.model.objects.filter(external_id__startswith=prefix))
    deleted["publication"] = raw_delete(publications)
    return deleted
