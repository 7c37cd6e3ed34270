"""Article guidance in the JSON Lines format: round trip into an empty database, validation errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from guidance.models import ArticleGuidance
from interchange.importer import import_file
from sherloc.models import PublicationStatus
from tests.factories import GuidanceFactory, UserFactory, article
from tests.interchange.test_import_export import export_text, records, write

pytestmark = pytest.mark.django_db


def snapshot() -> list[dict]:
    """Every concrete field, foreign keys by natural key."""

    def natural(obj: object) -> object:
        for attr in ("external_id", "code", "username"):
            if hasattr(obj, attr):
                return getattr(obj, attr)
        return obj

    return [
        {
            f.name: natural(getattr(g, f.name))
            if f.is_relation and getattr(g, f.name) is not None
            else getattr(g, f.name)
            for f in g._meta.concrete_fields
            if not f.primary_key
        }
        for g in ArticleGuidance.objects.order_by("external_id")
    ]


def test_export_then_import_into_an_empty_database_gives_the_same_records(tmp_path: Path) -> None:
    GuidanceFactory(language="en", submitted_by=UserFactory(username="editor1"), source="UNODC secretariat")
    GuidanceFactory(
        language="ar",
        requirements="<p>تجرّم الدول <strong>المشاركة</strong>.</p>",
        optional_measures="",
        status=PublicationStatus.DRAFT,
    )
    GuidanceFactory(article=article("TIP-3"), language="zh-hans", requirements="贩运人口的定义。")
    first = export_text()
    lines = records(first)
    assert [r["type"] for r in lines] == ["guidance"] * 3
    by_language = {r["language"]: r for r in lines}
    assert by_language["zh-hans"]["article"] == "TIP-3" and by_language["zh-hans"]["original_language"] == "zh-hans"
    assert by_language["ar"]["requirements"] == "<p>تجرّم الدول <strong>المشاركة</strong>.</p>"
    assert by_language["en"]["submitted_by"] == "editor1"
    before = snapshot()
    ArticleGuidance.objects.all().delete()
    get_user_model().objects.all().delete()

    report = import_file(write(tmp_path, first.splitlines()))

    assert report.ok, [str(e) for e in report.errors]
    assert dict(report.created) == {"guidance": 3}
    assert export_text() == first
    assert snapshot() == before
    again = import_file(write(tmp_path, first.splitlines(), name="again.jsonl"))
    assert dict(again.unchanged) == {"guidance": 3} and not again.created


def line(**fields: object) -> dict:
    return {
        "format_version": 1,
        "type": "guidance",
        "external_id": "g-1",
        "original_language": "en",
        "article": "UNTOC-5",
        "language": "en",
        "requirements": "States shall criminalize.",
        **fields,
    }


def test_bad_lines_name_their_fields_and_nothing_is_written(db: None, tmp_path: Path) -> None:
    bad = [
        line(article="UNTOC-999", language="pt", original_language="pt", requirements="  ", colour="blue"),
        line(external_id="g-2", language="fr", original_language="en", drafting_points=5),
    ]
    report = import_file(write(tmp_path, bad))
    assert not report.committed and not ArticleGuidance.objects.exists()
    found = {(e.line, e.path) for e in report.errors}
    assert {
        (1, "article"),
        (1, "language"),
        (1, "requirements"),
        (1, "colour"),
        (2, "original_language"),
        (2, "drafting_points"),
    } <= found


def test_one_guidance_per_article_and_language(db: None, tmp_path: Path) -> None:
    report = import_file(write(tmp_path, [line(), line(external_id="g-2")]))
    assert [(e.line, e.path) for e in report.errors] == [(2, "language")]
    assert "article + language already used on line 1" in str(report.errors[0])
    GuidanceFactory(external_id="in-db")
    report = import_file(write(tmp_path, [line()], name="b.jsonl"))
    assert [(e.path, e.message) for e in report.errors] == [
        ("language", "article + language already belongs to guidance 'in-db' in the database")
    ]


def test_imported_markup_is_sanitised(db: None, tmp_path: Path) -> None:
    report = import_file(write(tmp_path, [line(requirements="<p>Text</p><script>alert(1)</script>")]))
    assert report.ok, [str(e) for e in report.errors]
    assert ArticleGuidance.objects.get().requirements == "<p>Text</p>"
