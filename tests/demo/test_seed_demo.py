"""The demo data set: deterministic, plausible, valid against the import format, and cheap at small N."""

from __future__ import annotations

import io
import re
import time
from collections import Counter
from pathlib import Path

import pytest

from authorities.models import CompetentAuthority
from caselaw.models import Case, Charge, Person, PersonKind, PersonRole
from demo import guidance as demo_guidance
from demo.generator import delete_demo_records, seed_demo, split_counts
from interchange.exporter import export_records
from interchange.importer import import_file
from legislation.models import Law, Provision
from sherloc.models import PublicationStatus

pytestmark = pytest.mark.django_db

VICTIM_INITIALS = re.compile(r"^([A-Z][a-z]?\.\s?){1,4}$")


def fingerprint() -> dict[str, list]:
    return {
        "laws": list(Law.objects.order_by("external_id").values_list("external_id", "title", "number")),
        "provisions": list(
            Provision.objects.order_by("law__external_id", "order").values_list("law__external_id", "label", "text")
        ),
        "cases": list(Case.objects.order_by("external_id").values_list("external_id", "title", "portal_number")),
        "people": list(Person.objects.order_by("case__external_id", "order").values_list("name", flat=True)),
        "authorities": list(CompetentAuthority.objects.order_by("external_id").values_list("external_id", "name")),
    }


def export_text() -> str:
    out = io.StringIO()
    export_records(out)
    return out.getvalue()


def test_split_counts_keeps_the_proportions() -> None:
    assert split_counts(100) == {"law": 50, "case": 35, "authority": 15}
    assert split_counts(300) == {"law": 150, "case": 105, "authority": 45}
    assert sum(split_counts(7).values()) == 7
    assert split_counts(0) == {"law": 0, "case": 0, "authority": 0}


def test_same_seed_same_data_and_other_seed_other_data() -> None:
    seed_demo(60, seed=7)
    first = fingerprint()
    assert len(first["laws"]) == 30 and len(first["cases"]) == 21 and len(first["authorities"]) == 9
    assert first["laws"][0][0] == "demo-law-000001" and first["cases"][-1][0] == "demo-case-000021"

    delete_demo_records()
    assert not Law.objects.exists() and not Case.objects.exists() and not CompetentAuthority.objects.exists()
    seed_demo(60, seed=7)
    assert fingerprint() == first

    delete_demo_records()
    seed_demo(60, seed=8)
    assert [t for _, t, _ in fingerprint()["laws"]] != [t for _, t, _ in first["laws"]]


def test_more_records_extend_a_smaller_run() -> None:
    seed_demo(20, seed=3)
    small = fingerprint()
    report = seed_demo(40, seed=3)
    assert report.skipped == {
        "law": 10,
        "case": 7,
        "authority": 3,
        "strategy": 1,
        "material": 1,
        "guidance": len(demo_guidance.TEXTS),  # the fixed demo set, written once
    }
    big = fingerprint()
    assert big["laws"][:10] == small["laws"] and len(big["laws"]) == 20
    assert big["cases"][:7] == small["cases"]


def test_second_run_skips_and_replace_recreates(run_command) -> None:  # noqa: ANN001
    out, _ = run_command("seed_demo", "--records", "20", "--seed", "5")
    assert "created 10 laws" in out
    out, _ = run_command("seed_demo", "--records", "20", "--seed", "5")
    assert "created nothing; skipped existing 10 laws, 7 cases, 3 authorities" in out
    assert Law.objects.count() == 10
    out, _ = run_command("seed_demo", "--records", "20", "--seed", "6", "--replace")
    assert "deleted" in out and "created 10 laws" in out
    assert Law.objects.count() == 10 and Case.objects.count() == 7


def test_replace_keeps_other_records_and_unlinks_their_charges() -> None:
    from tests.factories import ChargeFactory, LawFactory

    seed_demo(20, seed=1)
    own_law = LawFactory(title="Not a demo law")
    charge = ChargeFactory(provision=Provision.objects.filter(law__external_id__startswith="demo-").first())
    delete_demo_records()
    assert list(Law.objects.values_list("title", flat=True)) == ["Not a demo law"]
    assert own_law.pk and Charge.objects.get(pk=charge.pk).provision is None


def test_demo_data_is_plausible() -> None:
    seed_demo(200, seed=1)
    counts = [law.provisions.count() for law in Law.objects.all()]
    assert min(counts) >= 3 and max(counts) <= 8
    languages = set(Provision.objects.values_list("language__code", flat=True))
    assert len(languages) >= 4, languages
    assert Provision.objects.exclude(text_en="").exclude(language__code="en").exists(), "some English translations"

    tip = Provision.objects.filter(crime_types__code="trafficking-in-persons", heading__isnull=False).distinct()
    assert tip.exists()
    for prov in tip.filter(articles__code="TIP-3"):
        subtypes = list(prov.crime_subtypes.values_list("code", flat=True))
        assert all(code.startswith("trafficking-in-persons.") for code in subtypes)
    ml = Provision.objects.filter(crime_types__code="money-laundering")
    assert ml.exists() and all(p.articles.filter(code="UNTOC-6").exists() for p in ml)
    assert not Provision.objects.filter(crime_types__isnull=True, articles__isnull=True, issues__isnull=True).exists()

    assert Law.objects.values("country").distinct().count() > 20
    years = {law.adoption_date.year for law in Law.objects.all()}
    assert min(years) >= 1995 and max(years) <= 2025
    statuses = set(Law.objects.values_list("status", flat=True))
    assert PublicationStatus.PUBLISHED in statuses and len(statuses) > 1
    published = Law.objects.filter(status=PublicationStatus.PUBLISHED)
    assert published.count() > 0.8 * Law.objects.count()
    assert not published.filter(published_at__isnull=True).exists()


def test_demo_cases_have_the_gaps_of_real_records() -> None:
    """Like real collections: partial and missing dates, no court, no stage, source numbers and URLs."""
    seed_demo(200, seed=5)
    cases = Case.objects.all()
    precisions = Counter(cases.values_list("decision_date_precision", flat=True))
    assert precisions["day"] and precisions["year"] and precisions["month"] and precisions[None], precisions
    for case in cases.filter(decision_date_precision="year"):
        assert (case.decision_date.month, case.decision_date.day) == (1, 1)
    assert cases.filter(court__isnull=True).exists() and cases.filter(court__isnull=False).exists()
    assert cases.filter(procedural_stage="").exists()
    assert cases.exclude(source_number="").exclude(source_url="").exists() and cases.filter(source_number="").exists()


def test_cases_have_structured_people_and_victims_by_initials_only() -> None:
    seed_demo(200, seed=2)
    victims = Person.objects.filter(role=PersonRole.VICTIM)
    assert victims.exists()
    assert all(VICTIM_INITIALS.match(name) for name in victims.values_list("name", flat=True))
    for case in Case.objects.all():
        defendants = case.people.filter(role=PersonRole.DEFENDANT)
        assert defendants.exists()
        assert not case.charges.exclude(defendant__role=PersonRole.DEFENDANT).exists()
    assert not Person.objects.filter(group_size__isnull=False).exclude(kind=PersonKind.GROUP).exists()
    assert Charge.objects.filter(provision__isnull=False).exists(), "some charges cite a demo provision"
    assert Case.objects.filter(country__is_international=True).exists() or Case.objects.count() < 100
    authority = CompetentAuthority.objects.first()
    assert authority.roles.exists() and authority.email.endswith(".example")


def test_demo_export_passes_import_validation_and_round_trips(tmp_path: Path) -> None:
    seed_demo(60, seed=4)
    first = export_text()
    path = tmp_path / "demo.jsonl"
    path.write_text(first, encoding="utf-8")
    delete_demo_records()
    report = import_file(path)
    assert report.ok, [str(e) for e in report.errors[:10]]
    assert export_text() == first


def test_small_n_is_fast() -> None:
    started = time.monotonic()
    report = seed_demo(300, seed=1)
    elapsed = time.monotonic() - started
    assert report.created["law"] == 150 and report.created["case"] == 105 and report.created["authority"] == 45
    assert elapsed < 30, f"seed_demo(300) took {elapsed:.1f}s"
