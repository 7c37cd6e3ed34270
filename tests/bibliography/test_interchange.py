"""Bibliography entries in the JSON Lines format: round trip into an empty database, errors named by field."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from bibliography.models import Publication
from interchange.importer import import_file
from sherloc.models import PublicationStatus
from tests.factories import PublicationFactory, UserFactory, lang
from tests.interchange.test_import_export import export_text, records, write

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf() -> list[Publication]:
    return [
        PublicationFactory(
            title="Following the money",
            authors=[("Shelley", "Louise"), "UNODC", ("Kleemans", "Edward R.")],
            doi="10.1007/s12117-019-09361-2",
            covered=["BRA", "NGA"],
            submitted_by=UserFactory(username="bibliographer"),
            tags={"articles": [("TIP-3", "1")], "crime_types": ["trafficking-in-persons"], "issues": ["prevention"]},
        ),
        PublicationFactory(
            title="La criminalité organisée",
            publication_type="book",
            container_title="",
            isbn="0306406152",
            year=None,
            research_method="",
            keywords=[],
            authors=[],
            original_language=lang("fr"),
            status=PublicationStatus.DRAFT,
        ),
    ]


def snapshot() -> list[dict]:
    def row(p: Publication) -> dict:
        values = {
            f.name: getattr(p, f.name) for f in p._meta.concrete_fields if not f.is_relation and not f.primary_key
        }
        values["original_language"] = p.original_language.code
        values["submitted_by"] = p.submitted_by.username if p.submitted_by else None
        values["authors"] = [(a.position, a.family, a.given, a.literal) for a in p.authors.order_by("position")]
        values["countries"] = sorted(c.alpha3 for c in p.countries.all())
        values["crime_types"] = sorted(c.code for c in p.crime_types.all())
        values["issues"] = sorted(i.code for i in p.issues.all())
        values["article_tags"] = sorted((t.article.code, t.paragraph) for t in p.article_tags.all())
        return values

    return [row(p) for p in Publication.objects.order_by("external_id")]


def test_export_then_import_into_an_empty_database_gives_the_same_records(shelf, tmp_path: Path) -> None:
    first = export_text()
    lines = records(first)
    assert [r["type"] for r in lines] == ["publication", "publication"]
    money = next(r for r in lines if r["title"] == "Following the money")
    assert money["authors"] == [
        {"family": "Shelley", "given": "Louise", "literal": ""},
        {"family": "", "given": "", "literal": "UNODC"},
        {"family": "Kleemans", "given": "Edward R.", "literal": ""},
    ]
    assert money["countries"] == ["BRA", "NGA"] and money["articles"] == [{"article": "TIP-3", "paragraph": "1"}]
    before = snapshot()
    Publication.objects.all().delete()
    get_user_model().objects.all().delete()

    report = import_file(write(tmp_path, first.splitlines()))

    assert report.ok, [str(e) for e in report.errors]
    assert dict(report.created) == {"publication": 2}
    assert snapshot() == before
    assert export_text() == first
    again = import_file(write(tmp_path, first.splitlines(), name="again.jsonl"))
    assert dict(again.unchanged) == {"publication": 2} and not again.created


def base(**fields: object) -> dict:
    return {"format_version": 1, "type": "publication", "external_id": "x-pub", "original_language": "en", **fields}


def test_bad_lines_name_their_fields_and_nothing_is_written(db: None, tmp_path: Path) -> None:
    lines = [
        base(
            title="",
            authors=[{"family": "Doe", "literal": "ACME"}, {"given": "Only"}, "Smith"],
            year=12,
            publication_type="poem",
            doi="doi:11.1/x",
            isbn="978-0-306-40615-8",
            research_method="astrology",
            countries=["ZZZ"],
            colour="blue",
        ),
    ]
    report = import_file(write(tmp_path, lines))
    assert not report.committed
    found = {e.path for e in report.errors}
    assert {
        "title",
        "authors[0]",
        "authors[1]",
        "authors[2]",
        "year",
        "publication_type",
        "doi",
        "isbn",
        "research_method",
        "countries[0]",
        "colour",
    } <= found
    assert not Publication.objects.exists()


def test_two_lines_with_one_doi_are_refused(db: None, tmp_path: Path) -> None:
    lines = [
        base(external_id="a", title="One", doi="10.1000/xyz"),
        base(external_id="b", title="Two", doi="https://doi.org/10.1000/XYZ"),
    ]
    report = import_file(write(tmp_path, lines))
    assert [(e.line, e.path) for e in report.errors] == [(2, "doi")]
    assert not Publication.objects.exists()
