"""Strategies and explanatory materials in the JSON Lines format: round trip into an empty database, errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import models

from interchange.importer import import_file
from legislation.models import Law
from sherloc.models import PublicationStatus
from strategies.models import ExplanatoryMaterial, MaterialAttachment, Strategy, StrategyAttachment
from tests.factories import LawFactory, MaterialFactory, StrategyFactory, UserFactory, country, lang
from tests.interchange.test_import_export import export_text, records, write

pytestmark = pytest.mark.django_db


@pytest.fixture
def family() -> dict:
    law = LawFactory(title="Organized Crime Act", country=country("FRA"))
    national = StrategyFactory(
        title="National Strategy 2021-2030",
        original_title="Stratégie nationale 2021-2030",
        original_language=lang("fr"),
        country=country("FRA"),
        superseded=True,
        submitted_by=UserFactory(username="alice"),
        tags={"articles": [("UNTOC-5", "1(a)")], "crime_types": ["trafficking-in-persons"], "issues": ["prevention"]},
    )
    StrategyAttachment.objects.create(
        strategy=national, file="attachments/2026/12/a.pdf", title="Full text", extracted_text="shelters", size=10
    )
    regional = StrategyFactory(
        title="Regional Action Plan",
        country=country("XIR"),
        covered=["NGA", "GHA"],
        strategy_type="action_plan",
        period_start=None,
        period_end=None,
        status=PublicationStatus.DRAFT,
    )
    memo = MaterialFactory(law=law, kind="handbook", text="Full text of the handbook.", tags={"articles": ["UNTOC-2"]})
    MaterialAttachment.objects.create(material=memo, file="attachments/2026/12/b.pdf", extracted_text="delivery")
    return {"law": law, "national": national, "regional": regional, "memo": memo}


def snapshot() -> list:
    """Every concrete field (foreign keys by natural key), many-to-many codes, tags and attachments."""

    def natural(obj: models.Model | None) -> object:
        if obj is None:
            return None
        for attr in ("external_id", "alpha3", "code", "username"):
            if hasattr(obj, attr):
                return getattr(obj, attr)
        raise AssertionError(type(obj))

    def row(obj: models.Model) -> dict:
        values = {
            f.name: natural(getattr(obj, f.name)) if f.is_relation else getattr(obj, f.name)
            for f in obj._meta.concrete_fields
            if not f.primary_key
        }
        for f in obj._meta.many_to_many:
            values[f.name] = sorted(natural(o) for o in getattr(obj, f.name).all())
        values["article_tags"] = sorted((t.article.code, t.paragraph) for t in obj.article_tags.all())
        values["files"] = sorted((a.file.name, a.title, a.extracted_text) for a in obj.attachments.all())
        return values

    return [row(o) for o in Strategy.objects.order_by("external_id")] + [
        row(o) for o in ExplanatoryMaterial.objects.order_by("external_id")
    ]


def test_export_then_import_into_an_empty_database_gives_the_same_records(family: dict, tmp_path: Path) -> None:
    first = export_text()
    lines = records(first)
    assert [r["type"] for r in lines] == ["law", "strategy", "strategy", "material"]
    regional = next(r for r in lines if r["title"] == "Regional Action Plan")
    assert regional["country"] == "XIR" and regional["covered_countries"] == ["GHA", "NGA"]
    memo = lines[-1]
    assert memo["law"] == family["law"].external_id and memo["kind"] == "handbook"
    before = snapshot()
    Strategy.objects.all().delete()
    ExplanatoryMaterial.objects.all().delete()
    Law.objects.all().delete()
    get_user_model().objects.all().delete()

    report = import_file(write(tmp_path, first.splitlines()))

    assert report.ok, [str(e) for e in report.errors]
    assert dict(report.created) == {"law": 1, "strategy": 2, "material": 1}
    assert export_text() == first
    assert snapshot() == before
    again = import_file(write(tmp_path, first.splitlines(), name="again.jsonl"))
    assert dict(again.unchanged) == {"law": 1, "strategy": 2, "material": 1} and not again.created


def test_export_filters_by_type(family: dict) -> None:
    assert {r["type"] for r in records(export_text(types=["strategy"]))} == {"strategy"}
    published = [r["title"] for r in records(export_text(types=["strategy"], published_only=True))]
    assert published == ["National Strategy 2021-2030"]


def base(record_type: str, **fields: object) -> dict:
    return {
        "format_version": 1,
        "type": record_type,
        "external_id": f"x-{record_type}",
        "original_language": "en",
        **fields,
    }


def test_bad_lines_name_their_fields_and_nothing_is_written(db: None, tmp_path: Path) -> None:
    lines = [
        base(
            "strategy",
            country="ZZZ",
            title="",
            covered_countries=["NGA", "NGA"],
            strategy_type="manifesto",
            period_start="2022-01-01",
            period_end="2021-01-01",
            colour="blue",
        ),
        base("material", law="no-such-law", title="Memo", kind="poem"),
    ]
    report = import_file(write(tmp_path, lines))
    assert not report.committed
    found = {(e.line, e.path) for e in report.errors}
    assert {
        (1, "country"),
        (1, "title"),
        (1, "covered_countries[1]"),
        (1, "strategy_type"),
        (1, "period_end"),
        (1, "colour"),
        (2, "kind"),
    } <= found
    assert not Strategy.objects.exists()
    report = import_file(write(tmp_path, [base("material", law="no-such-law", title="Memo")], name="m.jsonl"))
    assert [(e.path, e.message) for e in report.errors] == [("law", "no law 'no-such-law' in the file or the database")]


def test_material_may_name_a_law_already_in_the_database(db: None, tmp_path: Path) -> None:
    law = LawFactory()
    line = base("material", law=law.external_id, title="Brief", date="2020-02-03", articles=["UNTOC-2"])
    report = import_file(write(tmp_path, [line]))
    assert report.ok, [str(e) for e in report.errors]
    memo = ExplanatoryMaterial.objects.get()
    assert memo.law == law and memo.date == dt.date(2020, 2, 3) and memo.status == PublicationStatus.DRAFT
    assert [t.article.code for t in memo.article_tags.all()] == ["UNTOC-2"]
