"""BibTeX and RIS import by the secretariat: created / updated (by DOI, else title + year) / refused with the
reason per entry; a malformed file is a clear error and writes nothing. Through the admin upload and the
`import_references` command."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import CommandError

from bibliography.importing import MalformedFile, import_references
from bibliography.models import Publication
from sherloc.models import PublicationStatus
from tests.factories import PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db

BIBTEX = r"""
@article{known-doi,
  author = {Shelley, Louise and Kleemans, Edward R.},
  title = {Following the Money: a new title},
  journal = {Trends in Organized Crime},
  year = {2019}, volume = {22}, number = {3}, pages = {245--267},
  doi = {https://doi.org/10.1007/S12117-019-09361-2},
}
@incollection{known-title,
  author = {{United Nations Office on Drugs and Crime} and Gallagher, Anne T.},
  title = {Trafficking in Persons \& the {L}aw},
  booktitle = {Handbook of Transnational Crime},
  publisher = {SAGE}, year = 2014, pages = {115--139}, isbn = {978-1-4522-7226-9}, language = {French},
}
@book{new-book,
  author = {Gounev, Philip},
  title = {Organized Crime in {W}est {A}frica},
  publisher = {Routledge}, year = {2010}, keywords = {smuggling; corruption},
  abstract = {A comparative study.},
}
@techreport{bad-doi, title = {A report}, year = {2020}, doi = {11.1/abc}}
@misc{no-title, author = {Doe, Jane}, year = {2001}}
@phdthesis{bad-year, title = {A thesis}, school = {LSE}, year = {circa 1990}}
@book{bad-isbn, title = {Another book}, year = {2001}, isbn = {978-0-306-40615-8}}
"""

RIS = "\n".join(
    [
        "TY  - JOUR",
        "AU  - Shelley, Louise",
        "TI  - Following the money",
        "PY  - 2019",
        "DO  - 10.1007/s12117-019-09361-2",
        "ER  - ",
        "",
        "TY  - RPRT",
        "AU  - UNODC",
        "TI  - Global Report on Trafficking in Persons",
        "PY  - 2022",
        "PB  - United Nations",
        "UR  - https://www.unodc.org/glotip",
        "KW  - trafficking",
        "KW  - statistics",
        "ER  - ",
        "",
        "TY  - BOOK",
        "PY  - 2001",
        "ER  - ",
        "",
    ]
)


@pytest.fixture
def existing() -> dict:
    by_doi = PublicationFactory(title="Following the money", doi="10.1007/s12117-019-09361-2", authors=[])
    by_title = PublicationFactory(
        title="Trafficking in persons & the law!",
        publication_type="chapter",
        year=2014,
        synopsis="Written by the secretariat.",
        authors=[("Gallagher", "A.")],
    )
    return {"doi": by_doi, "title": by_title}


def outcomes(report: object) -> dict[str, tuple[str, str]]:
    return {r.label: (r.outcome, r.reason) for r in report.results}


def test_bibtex_report_created_updated_refused(existing: dict) -> None:
    report = import_references(BIBTEX, "bib", source_name="refs.bib")
    got = outcomes(report)
    assert got["known-doi"] == ("updated", "")
    assert got["known-title"] == ("updated", "")
    assert got["new-book"] == ("created", "")
    assert got["bad-doi"][0] == "refused" and "not a DOI" in got["bad-doi"][1]
    assert got["no-title"] == ("refused", "no title")
    assert got["bad-year"] == ("refused", "the year 'circa 1990' is not a year")
    assert got["bad-isbn"][0] == "refused" and "check digit" in got["bad-isbn"][1]
    assert report.summary() == "1 created, 2 updated, 4 refused"

    by_doi = Publication.objects.get(pk=existing["doi"].pk)
    assert by_doi.title == "Following the Money: a new title" and by_doi.pages == "245-267"
    assert [a.display_name for a in by_doi.ordered_authors] == ["Shelley, Louise", "Kleemans, Edward R."]
    chapter = Publication.objects.get(pk=existing["title"].pk)
    assert chapter.title == "Trafficking in Persons & the Law" and chapter.isbn == "9781452272269"
    assert chapter.synopsis == "Written by the secretariat."  # the file has no abstract: kept
    assert [(a.literal, a.family) for a in chapter.ordered_authors] == [
        ("United Nations Office on Drugs and Crime", ""),
        ("", "Gallagher"),
    ]
    book = Publication.objects.get(title="Organized Crime in West Africa")
    assert book.status == PublicationStatus.DRAFT and book.publication_type == "book" and book.year == 2010
    assert book.keywords == ["smuggling", "corruption"] and book.synopsis == "A comparative study."
    assert book.original_language.code == "en" and "refs.bib" in book.provenance
    assert Publication.objects.count() == 3


def test_ris_report_and_language_of_new_entries(existing: dict) -> None:
    report = import_references(RIS.encode(), "ris", source_name="refs.ris")
    assert [(r.outcome, r.reason) for r in report.results] == [
        ("updated", ""),
        ("created", ""),
        ("refused", "no title"),
    ]
    glotip = Publication.objects.get(title="Global Report on Trafficking in Persons")
    assert [a.literal for a in glotip.ordered_authors] == ["UNODC"]
    assert glotip.publication_type == "report" and glotip.url == "https://www.unodc.org/glotip"
    assert glotip.keywords == ["trafficking", "statistics"] and glotip.publisher == "United Nations"


def test_a_file_with_one_doi_twice_refuses_the_second(db: None) -> None:
    text = (
        "@article{a, title={One}, year={2000}, doi={10.1000/x}}\n@article{b, title={Two}, year={2000}, doi={10.1000/X}}"
    )
    report = import_references(text, "bib")
    assert [(r.label, r.outcome) for r in report.results] == [("a", "created"), ("b", "refused")]
    assert "also on entry 'a'" in report.results[1].reason


def test_dry_run_writes_nothing(existing: dict) -> None:
    report = import_references(BIBTEX, "bib", dry_run=True)
    assert report.summary() == "dry run, nothing written: 1 created, 2 updated, 4 refused"
    assert Publication.objects.count() == 2 and Publication.objects.get(pk=existing["doi"].pk).pages == "245-267"
    assert Publication.objects.get(pk=existing["doi"].pk).title == "Following the money"


@pytest.mark.parametrize(
    ("data", "fmt", "message"),
    [
        ("@article{a, title={One}, year={2000}}\n@book{b, title={Unclosed\n", "bib", "BibTeX syntax error"),
        ("just some text", "bib", "no BibTeX entry found"),
        ("TY  - JOUR\nTI  - Unterminated\n", "ris", "has no 'ER  - ' line"),
        ("Author: Someone\nTitle: Something\n", "ris", "no RIS reference found"),
        (b"\xff\xfe@article{a}", "bib", "not UTF-8"),
        ("@article{a, title={x}}", "docx", "unknown format"),
    ],
)
def test_malformed_file_is_refused_whole(existing: dict, data: object, fmt: str, message: str) -> None:
    before = list(Publication.objects.values_list("pk", "title", "updated_at"))
    with pytest.raises(MalformedFile, match=message):
        import_references(data, fmt)
    assert list(Publication.objects.values_list("pk", "title", "updated_at")) == before


def test_admin_upload_shows_the_report(client: object, existing: dict) -> None:
    client.force_login(UserFactory(username="secretariat", is_staff=True, is_superuser=True))
    changelist = client.get("/admin/bibliography/publication/").content.decode()
    assert "/admin/bibliography/publication/import/" in changelist
    upload = SimpleUploadedFile("refs.bib", BIBTEX.encode(), content_type="application/x-bibtex")
    response = client.post("/admin/bibliography/publication/import/", {"file": upload})
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 created, 2 updated, 4 refused" in html and "the year &#x27;circa 1990&#x27; is not a year" in html
    assert Publication.objects.count() == 3


def test_admin_upload_of_a_malformed_file_is_a_400_and_imports_nothing(client: object, existing: dict) -> None:
    client.force_login(UserFactory(username="secretariat", is_staff=True, is_superuser=True))
    upload = SimpleUploadedFile("refs.ris", b"TY  - JOUR\nTI  - Unterminated\n")
    response = client.post("/admin/bibliography/publication/import/", {"file": upload})
    assert response.status_code == 400
    assert (
        "Nothing was imported" in response.content.decode()
        and "has no &#x27;ER  - &#x27; line" in response.content.decode()
    )
    unnamed = SimpleUploadedFile("refs.txt", b"@article{a, title={x}}")
    response = client.post("/admin/bibliography/publication/import/", {"file": unnamed})
    assert response.status_code == 400 and "does not end in .bib or .ris" in response.content.decode()
    assert Publication.objects.count() == 2


def test_admin_upload_needs_the_add_permission(client: object, existing: dict) -> None:
    client.force_login(UserFactory(username="viewer", is_staff=True))
    assert client.get("/admin/bibliography/publication/import/").status_code == 403


def test_command(existing: dict, tmp_path: Path, run_command: object) -> None:
    path = tmp_path / "refs.ris"
    path.write_text(RIS, encoding="utf-8")
    out, _ = run_command("import_references", str(path))
    assert out.splitlines()[-1] == "1 created, 1 updated, 1 refused"
    bad = tmp_path / "bad.ris"
    bad.write_text("TY  - JOUR\n", encoding="utf-8")
    with pytest.raises(CommandError, match="nothing imported"):
        run_command("import_references", str(bad))
