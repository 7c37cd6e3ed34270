"""Import/export of the JSON Lines format: round trip, upsert semantics, all-or-nothing error reports."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.db import models
from django.utils import timezone

from authorities.models import CompetentAuthority
from caselaw.models import Case, CaseAttachment, Charge, Court, CourtLevel, Person, PersonKind, PersonRole, Verdict
from interchange.exporter import export_records
from interchange.importer import import_file
from legislation.models import Law, LawAttachment, Provision
from sherloc.models import PublicationStatus
from taxonomy.models import CrimeSubType, Language
from tests.factories import (
    AuthorityFactory,
    CaseFactory,
    LawFactory,
    ProvisionFactory,
    UserFactory,
    article,
    country,
    crime,
    issue,
)

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2021, 3, 4, 5, 6, 7, 123456, tzinfo=dt.UTC)


def _stamp(model: type[models.Model], pk: int, days: int) -> None:
    model.objects.filter(pk=pk).update(
        created_at=T0 + dt.timedelta(days=days), updated_at=T0 + dt.timedelta(days=days + 1)
    )


@pytest.fixture
def full_records() -> dict:
    """One record of each type with every field of the format filled in."""
    alice, bob = UserFactory(username="alice"), UserFactory(username="bob")
    pt, _ = Language.objects.get_or_create(code="pt", defaults={"label": "Portuguese"})
    workflow = {
        "status": PublicationStatus.PUBLISHED,
        "submitted_by": alice,
        "submitted_at": T0,
        "reviewed_by": bob,
        "reviewed_at": T0 + dt.timedelta(days=2),
        "published_at": T0 + dt.timedelta(days=3),
        "source": "Permanent Mission of Brazil",
        "provenance": "Note verbale 2021/17; gazette PDF",
    }
    law = LawFactory(
        title="Law on Trafficking in Persons",
        original_title="Lei sobre o tráfico de pessoas",
        law_type="act",
        number="13.344/2016",
        legal_status="amended",
        source_url="https://www.example.gov.br/lei-13344",
        original_language=pt,
        **workflow,
    )
    subtype = CrimeSubType.objects.get(code="trafficking-in-persons.means.deception")
    provisions = []
    for order, (label, tags) in enumerate(
        [
            ("Art. 1", {"articles": ["TIP-3", ("TIP-5", "1")], "crime_types": ["trafficking-in-persons"]}),
            ("Art. 149-A", {"articles": [("UNTOC-18", "13")], "issues": ["victims-witnesses.assistance"]}),
            ("Art. 13", {}),
        ],
        start=1,
    ):
        prov = ProvisionFactory(
            law=law,
            order=order,
            label=label,
            heading=f"Heading {order}",
            text=f"Texto original do artigo {order}.",
            text_en=f"English text of article {order}." if order != 3 else "",
            language=pt,
            tags=tags,
        )
        provisions.append(prov)
    provisions[0].crime_subtypes.add(subtype)
    LawAttachment.objects.create(
        law=law,
        title="Diário Oficial",
        file="attachments/2016/10/lei-13344.pdf",
        language=pt,
        content_type="application/pdf",
        extracted_text="Lei n. 13.344",
    )
    case = CaseFactory(
        title="Ministério Público v. J.S. and others",
        portal_number="BRA042",
        case_number="0001-22.2019",
        procedural_stage="appeal",
        keywords=["debt bondage", "false job offers"],
        fact_summary="Facts.",
        commentary="Commentary.",
        legal_reasoning="Reasoning.",
        sentence="Eight years.",
        original_language=pt,
        court=Court.objects.create(country=country("BRA"), name="Tribunal Regional Federal", level=CourtLevel.APPEAL),
        tags={
            "articles": ["TIP-5", ("UNTOC-6", "1(a)")],
            "crime_types": ["money-laundering", "trafficking-in-persons"],
            "issues": [],
        },
        **workflow,
    )
    case.issues.add(issue("confiscation.proceeds"))
    case.crime_subtypes.add(subtype)
    d1 = Person.objects.create(
        case=case, order=1, role=PersonRole.DEFENDANT, name="João Silva", gender="male", age_at_offence=41,
        nationality=country("BRA"),
    )  # fmt: skip
    d2 = Person.objects.create(
        case=case, order=2, role=PersonRole.DEFENDANT, kind=PersonKind.LEGAL_PERSON, name="Agência Ltda."
    )
    Person.objects.create(
        case=case, order=3, role=PersonRole.VICTIM, kind=PersonKind.GROUP, name="M. R.", group_size=12
    )
    Person.objects.create(case=case, order=4, role=PersonRole.WITNESS, name="Witness A", gender="female")
    Charge.objects.create(
        case=case, defendant=d2, statute="Lei 9.613 art. 1", crime_type=crime("money-laundering"),
        verdict=Verdict.ACQUITTED,
    )  # fmt: skip
    Charge.objects.create(
        case=case, defendant=d1, statute="Código Penal art. 149-A", provision=provisions[1],
        crime_type=crime(), verdict=Verdict.CONVICTED, sentence="8 years", sentence_months=96,
    )  # fmt: skip
    CaseAttachment.objects.create(case=case, title="Judgment", file="attachments/2019/05/judgment.pdf")
    authority = AuthorityFactory(
        name="Departamento de Recuperação de Ativos",
        roles=["mla-central", "extradition"],
        articles=[("UNTOC-18", "13"), "UNTOC-16"],
        address="SCN Quadra 6\nBrasília",
        phone="+55 61 2025 0000",
        fax="+55 61 2025 0001",
        email="central.authority@example.gov",
        website="https://www.example.gov.br/drci",
        contact_person="Director, DRCI",
        office_hours="Mon-Fri 09:00-18:00",
        time_zone="America/Sao_Paulo",
        languages_accepted=["pt", "en", "es"],
        channels=["direct", "interpol"],
        urgent_by_email=True,
        urgent_by_fax=False,
        legal_requirements="Dual criminality not required.",
        procedural_requirements="Requests in Portuguese or with translation.",
        untoc_legal_basis=True,
        last_confirmed=dt.date(2024, 6, 1),
        original_language=pt,
        **workflow,
    )
    authority.crime_types.add(crime("money-laundering"))
    _stamp(Law, law.pk, 0)
    _stamp(Case, case.pk, 10)
    _stamp(CompetentAuthority, authority.pk, 20)
    return {"law": law, "case": case, "authority": authority}


def export_text(**kwargs) -> str:  # noqa: ANN003
    out = io.StringIO()
    export_records(out, **kwargs)
    return out.getvalue()


def write(tmp_path: Path, lines: list, name: str = "in.jsonl") -> Path:
    path = tmp_path / name
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines) + "\n",
        encoding="utf-8",
    )
    return path


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def snapshot() -> dict:
    """Every concrete field of every record and child row, with foreign keys by natural key."""

    def natural(obj: models.Model | None) -> object:
        if obj is None:
            return None
        for attr in ("external_id", "alpha3", "code", "username"):
            if hasattr(obj, attr):
                return getattr(obj, attr)
        if isinstance(obj, Court):
            return (obj.country.alpha3, obj.name, obj.level)
        if isinstance(obj, Person):
            return (obj.case.external_id, obj.order, obj.name)
        if isinstance(obj, Provision):
            return (obj.law.external_id, obj.order)
        raise AssertionError(type(obj))

    def row(obj: models.Model) -> dict:
        values = {}
        for f in obj._meta.concrete_fields:
            if f.primary_key:
                continue
            value = getattr(obj, f.name)
            values[f.name] = natural(value) if f.is_relation else (value.name if f.name == "file" else value)
        for f in obj._meta.many_to_many:
            values[f.name] = sorted(natural(o) for o in getattr(obj, f.name).all())
        for rel in ("article_tags",):
            if hasattr(obj, rel):
                values[rel] = sorted((t.article.code, t.paragraph) for t in getattr(obj, rel).all())
        return values

    return {
        "laws": [row(o) for o in Law.objects.order_by("external_id")],
        "provisions": [row(o) for o in Provision.objects.order_by("law__external_id", "order")],
        "cases": [row(o) for o in Case.objects.order_by("external_id")],
        "people": [row(o) for o in Person.objects.order_by("case__external_id", "order")],
        "charges": [row(o) for o in Charge.objects.order_by("case__external_id", "statute")],
        "authorities": [row(o) for o in CompetentAuthority.objects.order_by("external_id")],
        "attachments": [row(o) for o in LawAttachment.objects.order_by("file")]
        + [row(o) for o in CaseAttachment.objects.order_by("file")],
    }


def wipe_records() -> None:
    """Empty the record tables, the courts, the users and the added language: an 'empty' database
    that only has the shipped reference data."""
    Charge.objects.all().delete()
    Case.objects.all().delete()
    Court.objects.all().delete()
    Law.objects.all().delete()
    CompetentAuthority.objects.all().delete()
    get_user_model().objects.all().delete()
    Language.objects.filter(code="pt").delete()


def test_full_round_trip_gives_identical_lines_and_fields(full_records: dict, tmp_path: Path) -> None:
    first = export_text()
    lines = records(first)
    assert [r["type"] for r in lines] == ["language", "law", "case", "authority"]
    before = snapshot()
    wipe_records()

    report = import_file(write(tmp_path, first.splitlines()))

    assert report.ok, [str(e) for e in report.errors]
    assert report.committed
    assert dict(report.created) == {"language": 1, "law": 1, "case": 1, "authority": 1}
    assert sorted(report.users_created) == ["alice", "bob"]
    assert export_text() == first
    assert snapshot() == before
    restored = Case.objects.get()
    assert restored.charges.get(statute__startswith="Código").provision.law == Law.objects.get()


def test_export_every_field_is_present(full_records: dict) -> None:
    law, case, authority = records(export_text())[1:]
    assert law["provisions"][0]["articles"] == [
        {"article": "TIP-3", "paragraph": ""},
        {"article": "TIP-5", "paragraph": "1"},
    ]
    assert law["provisions"][0]["crime_subtypes"] == ["trafficking-in-persons.means.deception"]
    assert law["submitted_by"] == "alice" and law["reviewed_by"] == "bob"
    assert law["created_at"] == "2021-03-04T05:06:07.123456+00:00"
    assert law["attachments"][0]["file"] == "attachments/2016/10/lei-13344.pdf"
    assert case["court"] == {"name": "Tribunal Regional Federal", "country": "BRA", "level": "appeal"}
    assert [p["key"] for p in case["people"]] == ["p1", "p2", "p3", "p4"]
    assert [c["defendant"] for c in case["charges"]] == ["p1", "p2"]
    assert case["charges"][0]["provision"] == {"law": law["external_id"], "order": 2}
    assert authority["last_confirmed"] == "2024-06-01"
    assert authority["roles"] == ["extradition", "mla-central"]
    assert authority["untoc_legal_basis"] is True


def test_export_filters_by_type_and_status(full_records: dict) -> None:
    LawFactory(status=PublicationStatus.DRAFT)
    assert [r["type"] for r in records(export_text(types=["law"]))] == ["language", "law", "law"]
    assert [r["type"] for r in records(export_text(types=["law"], published_only=True))] == ["language", "law"]


def test_reimport_updates_in_place_and_never_duplicates(full_records: dict, tmp_path: Path) -> None:
    lines = records(export_text())
    law = lines[1]
    law["title"] = "Law on Trafficking in Persons (consolidated)"
    law["provisions"] = law["provisions"][:2]  # drop Art. 13
    law["provisions"][0]["issues"] = ["jurisdiction"]
    case = lines[2]
    case["people"] = case["people"][:1]
    case["charges"] = [c for c in case["charges"] if c["defendant"] == "p1"]
    provision_pk = Provision.objects.get(order=2).pk

    report = import_file(write(tmp_path, lines))

    assert report.ok, [str(e) for e in report.errors]
    assert dict(report.updated) == {"law": 1, "case": 1, "language": 0} or dict(report.updated) == {"law": 1, "case": 1}
    assert dict(report.unchanged) == {"authority": 1, "language": 1}
    assert (Law.objects.count(), Case.objects.count(), CompetentAuthority.objects.count()) == (1, 1, 1)
    assert Law.objects.get().title.endswith("(consolidated)")
    assert list(Provision.objects.values_list("order", flat=True)) == [1, 2]
    assert Provision.objects.get(order=2).pk == provision_pk, "provisions are updated in place"
    assert [i.code for i in Provision.objects.get(order=1).issues.all()] == ["jurisdiction"]
    assert Person.objects.count() == 1 and Charge.objects.count() == 1

    again = import_file(write(tmp_path, records(export_text()), "again.jsonl"))
    assert not again.created and not again.updated
    assert sum(again.unchanged.values()) == 4


def test_import_minimal_lines_uses_model_defaults(db: None, tmp_path: Path) -> None:
    lines = [
        {
            "format_version": 1,
            "type": "law",
            "external_id": "ext-law-1",
            "country": "FRA",
            "title": "Code pénal",
            "original_language": "fr",
            "provisions": [
                {
                    "label": "Art. 225-4-1",
                    "text": "La traite des êtres humains...",
                    "language": "fr",
                    "articles": ["TIP-3"],
                }
            ],
        },  # fmt: skip
        {
            "format_version": 1,
            "type": "authority",
            "external_id": "ext-auth-1",
            "country": "FRA",
            "name": "Bureau de l'entraide pénale internationale",
            "roles": ["mla-central"],
            "original_language": "fr",
        },
    ]
    report = import_file(write(tmp_path, lines))
    assert report.ok, [str(e) for e in report.errors]
    law = Law.objects.get(external_id="ext-law-1")
    assert law.status == PublicationStatus.DRAFT and law.law_type == "act"
    assert law.provisions.get().order == 1
    assert law.provisions.get().articles.get() == article("TIP-3")


def _bad_file_lines() -> list:
    good = {
        "format_version": 1,
        "type": "authority",
        "external_id": "good-1",
        "country": "KEN",
        "name": "Office of the Director of Public Prosecutions",
        "roles": ["mla-central"],
        "original_language": "en",
    }
    law = {
        "format_version": 1,
        "type": "law",
        "external_id": "bad-law",
        "country": "KEN",
        "title": "Counter-Trafficking in Persons Act",
        "original_language": "en",
        "provisions": [
            {"label": "s. 1", "text": "x", "language": "en"},
            {"label": "s. 2", "text": "x", "language": "en"},
            {"label": "s. 3", "text": "x", "language": "en", "articles": ["UNTOC-99"]},
        ],
    }
    case = {
        "format_version": 1,
        "type": "case",
        "external_id": "bad-case",
        "title": "Republic v. Doe",
        "portal_number": "KEN001",
        "country": "KEN",
        "court": {"name": "High Court of Kenya", "level": "first_instance"},
        "decision_date": "2019-02-30",
        "original_language": "en",
        "people": [
            {"key": "v1", "role": "victim", "name": "Mary Wanjiku"},
            {"key": "d1", "role": "defendant", "name": "John Doe", "age_at_offence": "forty"},
        ],
        "charges": [{"defendant": "d9", "statute": "CTIP Act s. 3"}],
    }
    authority = dict(good, external_id="bad-auth", name="Interpol NCB", roles=["no-such-role"], urgent_by_fax="yes")
    missing = {"format_version": 1, "type": "law", "external_id": "bad-missing", "original_language": "en"}
    return [good, law, "{not json", case, authority, missing]


def test_bad_lines_are_all_reported_and_nothing_changes(db: None, tmp_path: Path) -> None:
    before = snapshot()
    report = import_file(write(tmp_path, _bad_file_lines()))
    messages = [str(e) for e in report.errors]
    assert not report.committed
    assert snapshot() == before
    assert CompetentAuthority.objects.count() == 0, "the valid line is not imported either"
    expected = [
        "line 2: provisions[2].articles[0]: unknown article code 'UNTOC-99'",
        "line 3: json: invalid JSON",
        "line 4: decision_date: not a valid date: '2019-02-30'",
        "line 4: people[0].name: victims appear by initials only",
        "line 4: people[1].age_at_offence: expected an integer, got string",
        "line 4: charges[0].defendant: no person with key 'd9' in this case",
        "line 5: roles[0]: unknown authority role code 'no-such-role'",
        "line 5: urgent_by_fax: expected true or false, got string",
        "line 6: country: required field is missing",
        "line 6: title: required field is missing",
    ]
    for text in expected:
        assert any(m.startswith(text) for m in messages), (text, messages)
    assert not any(m.startswith("line 1:") for m in messages)
    assert report.skipped_lines == [2, 3, 4, 5, 6]
    assert "Mary" not in " ".join(messages), "the victim's name is not echoed into logs"


def test_skip_invalid_imports_the_good_lines(db: None, tmp_path: Path) -> None:
    report = import_file(write(tmp_path, _bad_file_lines()), skip_invalid=True)
    assert report.committed
    assert dict(report.created) == {"authority": 1}
    assert list(CompetentAuthority.objects.values_list("external_id", flat=True)) == ["good-1"]
    assert not Law.objects.exists() and not Case.objects.exists()


def test_wrong_types_and_unknown_fields(db: None, tmp_path: Path) -> None:
    line = {
        "format_version": "1",
        "type": "law",
        "external_id": "x 1",
        "country": 76,
        "title": ["t"],
        "original_language": "xx",
        "adoption_date": "06/10/2016",
        "submitted_at": "2020-01-01T10:00:00",
        "provisions": {"label": "Art. 1"},
        "colour": "blue",
    }
    messages = [str(e) for e in import_file(write(tmp_path, [line])).errors]
    for text in (
        "line 1: format_version: unsupported format version '1'",
        "line 1: external_id: must not contain spaces",
        "line 1: country: expected a country code (string), got integer",
        "line 1: title: expected a string, got list",
        "line 1: original_language: unknown language code 'xx'",
        "line 1: adoption_date: expected a date YYYY-MM-DD",
        "line 1: submitted_at: date-time needs a time zone offset",
        "line 1: provisions: expected a list, got object",
        "line 1: colour: unknown field",
    ):
        assert any(m.startswith(text) for m in messages), (text, messages)


def test_future_decision_date_and_cross_record_conflicts(full_records: dict, tmp_path: Path) -> None:
    case = records(export_text(types=["case"]))[1]
    future = dict(case, external_id="other-case", decision_date=(dt.date.today() + dt.timedelta(days=3)).isoformat())
    duplicate = dict(case, external_id="third-case")  # same portal number as the existing case
    ref = dict(case, external_id="fourth-case", portal_number="BRA043")
    ref["charges"] = [dict(ref["charges"][0], provision={"law": "no-such-law", "order": 1})]
    messages = [str(e) for e in import_file(write(tmp_path, [future, duplicate, ref])).errors]
    assert any(m.startswith("line 1: decision_date:") and "future" in m for m in messages), messages
    assert any(m.startswith("line 2: portal_number: portal number already") for m in messages), messages
    assert any(m.startswith("line 3: charges[0].provision.law: no law 'no-such-law'") for m in messages), messages


def test_decision_date_limit_is_the_databases(full_records: dict, tmp_path: Path) -> None:
    """caselaw.rules: a decision dated tomorrow (UTC) imports, as the forms and the database accept it; the
    day after does not."""
    case = records(export_text(types=["case"]))[1]
    tomorrow = timezone.now().date() + dt.timedelta(days=1)
    later = tomorrow + dt.timedelta(days=1)
    refused = dict(case, external_id="later-case", portal_number="BRA044", decision_date=later.isoformat())
    assert [str(e) for e in import_file(write(tmp_path, [refused])).errors] == [
        f"line 1: decision_date: {later} is in the future"
    ]
    accepted = dict(case, external_id="next-case", portal_number="BRA043", decision_date=tomorrow.isoformat())
    report = import_file(write(tmp_path, [accepted]))
    assert report.ok, [str(e) for e in report.errors]
    assert Case.objects.get(external_id="next-case").decision_date == tomorrow


def test_sub_type_without_its_crime_type_is_refused(full_records: dict, tmp_path: Path) -> None:
    """A sub-type refines its crime type: the file must tag both (docs/import-format.md)."""
    case = records(export_text(types=["case"]))[1]
    subtype = "trafficking-in-persons.means.deception"
    orphan = dict(
        case,
        external_id="orphan-case",
        portal_number="BRA045",
        crime_types=["money-laundering"],
        crime_subtypes=[subtype],
    )
    assert [str(e) for e in import_file(write(tmp_path, [orphan])).errors] == [
        f"line 1: crime_subtypes[0]: crime subtype '{subtype}' needs its crime type 'trafficking-in-persons' "
        "in crime_types"
    ]
    assert not Case.objects.filter(external_id="orphan-case").exists()
    family = dict(orphan, crime_subtypes=["trafficking-in-persons.means"])  # a family is a filter, not a tag
    assert [str(e) for e in import_file(write(tmp_path, [family])).errors] == [
        "line 1: crime_subtypes[0]: unknown crime subtype code 'trafficking-in-persons.means'"
    ]
    whole = dict(orphan, crime_types=["money-laundering", "trafficking-in-persons"])
    assert import_file(write(tmp_path, [whole])).ok
    assert list(Case.objects.get(external_id="orphan-case").crime_subtypes.values_list("code", flat=True)) == [subtype]


def test_dry_run_changes_nothing(full_records: dict, tmp_path: Path) -> None:
    lines = records(export_text())
    lines[1]["title"] = "Changed"
    before = snapshot()
    report = import_file(write(tmp_path, lines), dry_run=True)
    assert report.ok and not report.committed and report.updated["law"] == 1
    assert snapshot() == before


def test_import_command_exit_codes_and_report(db: None, tmp_path: Path, run_command) -> None:  # noqa: ANN001
    bad = write(tmp_path, _bad_file_lines())
    with pytest.raises(CommandError) as excinfo:
        run_command("import_records", str(bad))
    assert excinfo.value.returncode == 1
    assert not CompetentAuthority.objects.exists()

    out, err = run_command("import_records", str(bad), "--skip-invalid")
    assert "line 2: provisions[2].articles[0]: unknown article code 'UNTOC-99'" in err
    assert "created 1 authority" in out
    assert CompetentAuthority.objects.count() == 1

    with pytest.raises(CommandError) as excinfo:
        run_command("import_records", str(tmp_path / "missing.jsonl"))
    assert excinfo.value.returncode == 2


def test_export_command_to_file_and_stdout(full_records: dict, tmp_path: Path, run_command) -> None:  # noqa: ANN001
    target = tmp_path / "backup.jsonl"
    _out, err = run_command("export_records", "--output", str(target))
    assert "exported 1 law, 1 case, 1 authority" in err
    out, _err = run_command("export_records", "--type", "case", "authority", "--published-only")
    assert [r["type"] for r in records(out)] == ["language", "case", "authority"]
    assert target.read_text(encoding="utf-8") == export_text()

    wipe_records()
    out, _ = run_command("import_records", str(target))
    assert "created 1 language, 1 law, 1 case, 1 authority" in out


def test_examples_in_the_docs_are_valid(db: None, tmp_path: Path) -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "import-format.md").read_text(encoding="utf-8")
    blocks = [json.loads(block) for block in re.findall(r"```json\n(.*?)```", docs, flags=re.S)]
    assert [b["type"] for b in blocks] == ["language", "law", "case", "authority", "treaty_status"]
    report = import_file(write(tmp_path, blocks), dry_run=True)
    assert report.ok, [str(e) for e in report.errors]
    assert dict(report.created) == {"language": 1, "law": 1, "case": 1, "authority": 1, "treaty_status": 1}


def test_import_from_stdin_without_indexing(db: None, run_command, monkeypatch) -> None:  # noqa: ANN001
    line = {
        "format_version": 1,
        "type": "authority",
        "external_id": "stdin-1",
        "country": "KEN",
        "name": "Office of the Director of Public Prosecutions",
        "roles": ["mla-central"],
        "original_language": "en",
    }
    stdin = io.TextIOWrapper(io.BytesIO((json.dumps(line) + "\n").encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    out, _ = run_command("import_records", "-", "--no-index")
    assert "created 1 authority" in out
    assert CompetentAuthority.objects.filter(external_id="stdin-1").exists()
