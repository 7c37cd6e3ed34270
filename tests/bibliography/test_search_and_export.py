"""The bibliography in the search (keyword, facets, the Bibliography tab) and its exports: one entry or a
whole search as BibTeX, RIS and CSL-JSON, read back with the libraries that write them (bibtexparser,
rispy) and a citation processor's CSL-JSON reader (citeproc-py), fields compared."""

import json

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from citeproc.source.json import CiteProcJSON

from search import indexing, service
from search.documents import documents_for
from sherloc.models import PublicationStatus
from tests.factories import PublicationFactory, lang

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf() -> dict:
    """Three published entries and a draft: an article, a chapter by an organisation, a report."""
    article = PublicationFactory(
        title="Following the money of trafficking networks",
        authors=[("Shelley", "Louise"), ("Kleemans", "Edward R.")],
        year=2019,
        doi="10.1007/S12117-019-09361-2",
        covered=["BRA", "ARG"],
        tags={"articles": [("TIP-3", "")], "crime_types": ["trafficking-in-persons"], "issues": ["prevention"]},
    )
    chapter = PublicationFactory(
        title="Trafficking in persons and migrant smuggling: the legal framework",
        authors=["United Nations Office on Drugs and Crime", ("Gallagher", "Anne T.")],
        publication_type="chapter",
        container_title="Handbook of Transnational Crime & Justice",
        year=2014,
        pages="115-139",
        publisher="SAGE",
        isbn="978-1-4522-7226-9",
        research_method="legal",
        original_language=lang("fr"),
        covered=["BRA"],
        tags={"articles": [("UNTOC-5", "")], "crime_types": ["trafficking-in-persons"]},
    )
    report = PublicationFactory(
        title="Cybercrime and the financing of organized groups",
        publication_type="report",
        container_title="",
        volume="",
        issue="",
        pages="",
        year=2021,
        research_method="quantitative",
        keywords=["cybercrime"],
        synopsis="A survey of ransomware proceeds.",
        covered=["FRA"],
    )
    draft = PublicationFactory(title="Trafficking draft never shown", status=PublicationStatus.DRAFT)
    indexing.rebuild()
    return {"article": article, "chapter": chapter, "report": report, "draft": draft}


def search(client: object, **params: str) -> object:
    return client.get("/en/search/", params)


def test_document_has_authors_countries_type_and_method(shelf: dict) -> None:
    (doc,), missing = documents_for("publication", [shelf["chapter"].pk])
    assert missing == []
    assert doc["type"] == "publication" and doc["url"] == f"/bibliography/{shelf['chapter'].pk}/"
    assert doc["country"] == "BRA" and doc["publication_type"] == "chapter" and doc["research_method"] == "legal"
    assert doc["language"] == "fr" and doc["year"] == 2014 and doc["article"] == ["UNTOC-5"]
    assert "United Nations Office on Drugs and Crime; Gallagher, Anne T." in doc["texts"]["fr"]["body"]
    (doc,), _ = documents_for("publication", [shelf["article"].pk])
    assert sorted(doc["country"]) == ["ARG", "BRA"]
    assert documents_for("publication", [shelf["draft"].pk])[0] == []


def test_keyword_search_with_facets(shelf: dict) -> None:
    query = service.query_from_params({"q": "trafficking", "type": "publication"}, "en")
    result = service.search(query)
    found = {hit.record_id for hit in result.hits}
    assert found == {shelf["article"].pk, shelf["chapter"].pk}  # not the report, not the draft
    facets = {name: {v.value: v.count for v in values} for name, values in result.facets.items()}
    assert facets["publication_type"] == {"article": 1, "chapter": 1}
    assert facets["country"] == {"BRA": 2, "ARG": 1}
    assert facets["research_method"] == {"qualitative": 1, "legal": 1}
    assert facets["language"] == {"en": 1, "fr": 1}
    assert facets["article"] == {"TIP-3": 1, "UNTOC-5": 1}
    labels = {v.value: v.label for v in result.facets["publication_type"]}
    assert labels["chapter"] == "Book chapter"
    # multi-select: two values of one facet widen, a second facet narrows
    both = service.search(
        service.query_from_params({"type": "publication", "publication_type": "chapter,report"}, "en")
    )
    assert {h.record_id for h in both.hits} == {shelf["chapter"].pk, shelf["report"].pk}
    narrowed = service.search(
        service.query_from_params({"type": "publication", "publication_type": "chapter,report", "country": "FRA"}, "en")
    )
    assert [h.record_id for h in narrowed.hits] == [shelf["report"].pk]
    by_year = service.search(service.query_from_params({"type": "publication", "year": "2019"}, "en"))
    assert [h.record_id for h in by_year.hits] == [shelf["article"].pk]


def test_unknown_facet_value_is_a_clear_error(client: object, shelf: dict) -> None:
    response = search(client, type="publication", research_method="astrology")
    assert response.status_code == 400
    assert "research_method" in response.content.decode() and "astrology" in response.content.decode()


def test_bibliography_tab_shows_hits_facets_highlights_and_export_links(client: object, shelf: dict) -> None:
    response = search(client, q="ransomware", type="publication")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bibliography" in html and "Cybercrime and the financing of organized groups" in html
    assert "<mark>ransomware</mark>" in html
    assert "Publication type" in html and "Research method" in html
    assert "/cite/bibliography.ris?q=ransomware" in html and "/cite/bibliography.json?q=ransomware" in html
    assert "/cite/bibliography.ris" not in search(client, q="ransomware").content.decode()  # the All tab


def test_record_page_shows_citation_keywords_synopsis_and_downloads(client: object, shelf: dict) -> None:
    chapter = shelf["chapter"]
    html = client.get(f"/en/bibliography/{chapter.pk}/").content.decode()
    assert "United Nations Office on Drugs and Crime" in html and "Gallagher, Anne T." in html
    assert "Handbook of Transnational Crime &amp; Justice" in html and "9781452272269" in html
    assert "Cite this record" in html and "financial investigation" in html
    assert "Follows the money" in html
    for fmt in ("ris", "bib", "json"):
        assert f"/cite/publication/{chapter.pk}.{fmt}" in html
    assert '<meta name="citation_author" content="Gallagher, Anne T.">' in html
    assert client.get(f"/en/bibliography/{shelf['draft'].pk}/").status_code == 404
    arabic = client.get(f"/ar/bibliography/{chapter.pk}/")
    assert arabic.status_code == 200 and 'dir="rtl"' in arabic.content.decode()
    assert "<bdi>Gallagher, Anne T.</bdi>" in arabic.content.decode()  # names keep their direction


def _bib(text: str) -> dict:
    library = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors(), SplitNameParts()])
    assert library.failed_blocks == []
    return {e.key: e for e in library.entries}


def test_search_export_as_bibtex_reads_back(client: object, shelf: dict) -> None:
    response = client.get("/cite/bibliography.bib", {"q": "trafficking", "sort": "oldest"})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/x-bibtex")
    entries = _bib(response.content.decode())
    chapter, article = shelf["chapter"], shelf["article"]
    assert list(entries) == [f"sherloc-publication-{chapter.pk}", f"sherloc-publication-{article.pk}"]
    got = entries[f"sherloc-publication-{chapter.pk}"]
    assert got.entry_type == "incollection"
    names = got["author"]
    assert names[0].last == ["{United Nations Office on Drugs and Crime}"] and names[0].first == []
    assert (names[1].last, names[1].first) == (["Gallagher"], ["Anne", "T."])
    assert got["title"] == chapter.title and got["year"] == "2014"
    assert got["booktitle"] == r"Handbook of Transnational Crime \& Justice"
    assert got["pages"] == "115--139" and got["publisher"] == "SAGE" and got["isbn"] == "9781452272269"
    got = entries[f"sherloc-publication-{article.pk}"]
    assert got.entry_type == "article" and got["journal"] == "Trends in Organized Crime"
    assert [n.last for n in got["author"]] == [["Shelley"], ["Kleemans"]]
    assert got["doi"] == "10.1007/s12117-019-09361-2" and got["volume"] == "22" and got["number"] == "3"


def test_search_export_as_ris_reads_back(client: object, shelf: dict) -> None:
    response = client.get("/cite/bibliography.ris", {"country": "BRA", "sort": "oldest"})
    assert response.status_code == 200
    refs = rispy.loads(response.content.decode())
    chapter, article = shelf["chapter"], shelf["article"]
    assert [r["id"] for r in refs] == [f"sherloc-publication-{chapter.pk}", f"sherloc-publication-{article.pk}"]
    assert refs[0]["type_of_reference"] == "CHAP"
    assert refs[0]["authors"] == ["United Nations Office on Drugs and Crime", "Gallagher, Anne T."]
    assert refs[0]["secondary_title"] == chapter.container_title
    assert (refs[0]["start_page"], refs[0]["end_page"], refs[0]["year"]) == ("115", "139", "2014")
    assert refs[0]["language"] == "fr" and refs[0]["issn"] == "9781452272269"
    assert refs[1]["type_of_reference"] == "JOUR" and refs[1]["doi"] == "10.1007/s12117-019-09361-2"
    assert refs[1]["authors"] == ["Shelley, Louise", "Kleemans, Edward R."]
    assert refs[1]["title"] == article.title and refs[1]["keywords"] == ["financial investigation", "money laundering"]


def test_search_export_as_csl_json_reads_back(client: object, shelf: dict) -> None:
    response = client.get("/cite/bibliography.json", {"type": "publication", "research_method": "legal,quantitative"})
    assert response.status_code == 200 and "csl+json" in response["Content-Type"]
    items = json.loads(response.content)
    source = CiteProcJSON(items)
    chapter = source[f"sherloc-publication-{shelf['chapter'].pk}"]
    assert chapter.type == "chapter" and str(chapter.title) == shelf["chapter"].title
    assert [dict(a) for a in chapter.author] == [
        {"literal": "United Nations Office on Drugs and Crime"},
        {"family": "Gallagher", "given": "Anne T."},
    ]
    assert chapter.issued.year == 2014 and str(chapter.container_title) == shelf["chapter"].container_title
    assert str(chapter.page) == "115-139" and str(chapter.ISBN) == "9781452272269"
    report = source[f"sherloc-publication-{shelf['report'].pk}"]
    assert report.type == "report" and report.issued.year == 2021 and "author" in report
    assert len(items) == 2


def test_one_entry_downloads(client: object, shelf: dict) -> None:
    article = shelf["article"]
    refs = rispy.loads(client.get(f"/cite/publication/{article.pk}.ris").content.decode())
    assert [r["title"] for r in refs] == [article.title]
    entries = _bib(client.get(f"/cite/publication/{article.pk}.bib").content.decode())
    assert entries[f"sherloc-publication-{article.pk}"]["doi"] == "10.1007/s12117-019-09361-2"
    item = CiteProcJSON(json.loads(client.get(f"/cite/publication/{article.pk}.json").content))
    assert str(item[f"sherloc-publication-{article.pk}"].DOI) == "10.1007/s12117-019-09361-2"
    assert client.get(f"/cite/publication/{shelf['draft'].pk}.ris").status_code == 404


@pytest.mark.parametrize(
    ("url", "params", "named"),
    [
        ("/cite/bibliography.pdf", {}, "format"),
        ("/cite/bibliography.ris", {"type": "case"}, "type"),
        ("/cite/bibliography.ris", {"country": "ATLANTIS"}, "country"),
        ("/cite/bibliography.bib", {"colour": "red"}, "colour"),
        ("/cite/bibliography.json", {"year_from": "twenty"}, "year_from"),
    ],
)
def test_bad_export_params_are_400_naming_the_problem(
    client: object, shelf: dict, url: str, params: dict, named: str
) -> None:
    response = client.get(url, params)
    assert response.status_code == 400
    assert response.content.decode().startswith(f"{named}:")


def test_country_and_article_pages_list_the_entries_covering_them(client: object, shelf: dict) -> None:
    brazil = client.get("/en/countries/BRA/").content.decode()
    assert 'id="bibliography"' in brazil
    assert shelf["article"].title in brazil and shelf["chapter"].title in brazil
    assert shelf["report"].title not in brazil and shelf["draft"].title not in brazil
    article_page = client.get("/en/instruments/UNTOC/articles/5/").content.decode()
    assert shelf["chapter"].title in article_page and shelf["article"].title not in article_page
    assert 'id="bibliography"' not in client.get("/en/countries/JPN/").content.decode()  # nothing: no section
