"""Records shaped as SHERLOC holds them import whole and are shown as they are (issue #14, part 1).

`tests/data/sherloc_like_cases.jsonl`: year-only, year-month and missing decision dates, cases without a
court, a court without a level, no procedural stage, one source number used by two different cases,
the 16th crime type, source URLs, two international courts, plain-text summaries with paragraphs.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from caselaw.models import Case
from interchange.exporter import iter_records
from search import indexing, service
from search.query import SearchQuery, Sort
from submissions.duplicates import possible_duplicates

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "sherloc_like_cases.jsonl"
LINES = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
BY_NUMBER = {line["portal_number"]: line for line in LINES}


@pytest.fixture
def imported(db: None, run_command) -> dict[str, Case]:  # noqa: ANN001
    out, _err = run_command("import_records", str(FIXTURE))
    assert f"created {len(LINES)} case;" in out and "skipped 0 invalid" in out, out
    cache.clear()  # the API throttles count in the shared cache
    indexing.rebuild()  # the import indexes on commit, which a test transaction never reaches
    return {case.portal_number: case for case in Case.objects.select_related("court")}


def page(client, case: Case) -> str:  # noqa: ANN001
    response = client.get(case.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def api_case(case: Case) -> dict:
    response = APIClient().get(f"/api/v1/cases/{case.pk}/")
    assert response.status_code == 200, response.content
    return response.json()


def test_the_whole_file_imports_with_what_it_says(imported: dict[str, Case]) -> None:
    assert len(imported) == len(LINES) == 12
    for number, line in BY_NUMBER.items():
        case = imported[number]
        assert case.source_number == line["source_number"]
        assert case.source_url == line["source_url"]
        assert (case.court.name if case.court else None) == (line.get("court") or {}).get("name")
        assert case.procedural_stage == line.get("procedural_stage", "")
        assert list(case.crime_types.values_list("code", flat=True).order_by("code")) == sorted(line["crime_types"])
    assert imported["BRA901"].decision_date_precision == "year"
    assert imported["XIR901"].decision_date_precision == "month"
    assert imported["MEX901"].decision_date is None and imported["MEX901"].decision_date_precision is None


def test_year_only_case_page_shows_the_year_no_court_no_stage(client, imported: dict[str, Case]) -> None:  # noqa: ANN001
    html = page(client, imported["BRA901"])
    assert '<time datetime="2018">2018</time>' in html
    assert "Jan. 1, 2018" not in html and "2018-01-01" not in html
    assert ">Court<" not in html and "Court level" not in html and "Procedural stage" not in html
    assert "BRA016" in html  # the source number, beside the portal number
    assert 'href="https://sherloc.unodc.org/cld/case-law-doc/bra/2018/public_prosecutor_v_ras.html"' in html
    assert "Original record" in html
    # The plain-text summary keeps its paragraphs.
    assert html.count("<p>", html.index('id="facts"')) >= 4
    # The citation names what is known: no court, the year alone.
    assert "<bdi>Public Prosecutor v. R.A.S. (textile workshops)</bdi> (<bdi>Brazil</bdi>, <bdi>2018</bdi>)." in html


def test_partial_and_missing_dates_read_as_recorded(client, imported: dict[str, Case]) -> None:  # noqa: ANN001
    assert '<time datetime="2020-07">July 2020</time>' in page(client, imported["XIR901"])
    assert '<time datetime="2019-08-30">Aug. 30, 2019</time>' in page(client, imported["ZAF901"])
    html = page(client, imported["MEX901"])
    assert "Date not recorded" in html and "<time" not in html.split('id="cite-title"')[0]
    assert "<bdi>Causa penal contra H.G.S. (lavado de dinero)</bdi> (<bdi>Mexico</bdi>)." in html
    french = client.get(imported["XIR901"].get_absolute_url().replace("/en/", "/fr/", 1)).content.decode()
    assert "juillet 2020" in french


def test_court_without_level_shows_the_court_only(client, imported: dict[str, Case]) -> None:  # noqa: ANN001
    html = page(client, imported["BRA902"])
    assert "Tribunal Regional Federal da 1ª Região" in html
    assert "Court level" not in html and "Procedural stage" not in html


def test_api_gives_partial_dates_and_nulls(imported: dict[str, Case]) -> None:
    year_only = api_case(imported["BRA901"])
    assert (year_only["decision_date"], year_only["decision_date_precision"], year_only["year"]) == (
        "2018",
        "year",
        2018,
    )
    assert year_only["court"] is None and year_only["procedural_stage"] == ""
    assert (year_only["source_number"], year_only["source_url"]) == ("BRA016", BY_NUMBER["BRA901"]["source_url"])
    month = api_case(imported["XIR901"])
    assert (month["decision_date"], month["decision_date_precision"]) == ("2020-07", "month")
    assert month["court"] == {"name": "European Court of Human Rights", "level": "international", "country": "XIR"}
    unknown = api_case(imported["MEX901"])
    assert (unknown["decision_date"], unknown["decision_date_precision"], unknown["year"]) == (None, None, None)
    no_level = api_case(imported["BRA902"])
    assert no_level["court"]["level"] == ""
    listing = APIClient().get("/api/v1/cases/?source_number=BRA016").json()
    assert sorted(item["portal_number"] for item in listing["results"]) == ["BRA901", "BRA902"]


def test_api_year_filter_and_newest_first_with_unknown_dates_last(imported: dict[str, Case]) -> None:
    listing = APIClient().get("/api/v1/cases/?year_from=2019&year_to=2019").json()
    assert sorted(item["portal_number"] for item in listing["results"]) == ["BRA902", "ZAF901"]
    for ordering in ("-decision_date", "decision_date"):
        items = APIClient().get(f"/api/v1/cases/?ordering={ordering}&page_size=50").json()["results"]
        dates = [item["decision_date"] for item in items]
        assert dates[-2:] == [None, None], dates  # USA901 and MEX901 have no date
        known = [d for d in dates if d]
        assert known == sorted(known, reverse=ordering.startswith("-"))


def test_export_writes_back_exactly_what_was_imported(imported: dict[str, Case]) -> None:
    exported = {r["portal_number"]: r for r in iter_records(["case"])}
    for number, line in BY_NUMBER.items():
        out = exported[number]
        assert out["decision_date"] == line.get("decision_date")
        assert out["court"] == (
            None
            if "court" not in line
            else {**line["court"], "level": line["court"].get("level", ""), "country": line["court"]["country"]}
        )
        assert out["procedural_stage"] == line.get("procedural_stage", "")
        assert (out["source_number"], out["source_url"]) == (line["source_number"], line["source_url"])


def test_api_export_writes_partial_dates(imported: dict[str, Case]) -> None:
    response = APIClient().get("/api/v1/export/?format=csv&type=case&country=BRA,MEX")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row["record_id"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows[str(imported["BRA901"].pk)]["Date"] == "2018"
    assert rows[str(imported["MEX901"].pk)]["Date"] == ""
    response = APIClient().get("/api/v1/export/?format=jsonl&type=case&country=BRA")
    lines = [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]
    cases = {line["portal_number"]: line for line in lines if line.get("type") == "case"}
    assert cases["BRA901"]["decision_date"] == "2018" and cases["BRA901"]["court"] is None


def test_search_year_facet_source_number_and_subtitle(imported: dict[str, Case]) -> None:
    cases = {"type": ("case",)}
    result = service.search(SearchQuery(filters=cases, facets=("year",)))
    years = {str(value.value): value.count for value in result.facets["year"]}
    assert years.get("2018") == 1 and years.get("2019") == 2 and sum(years.values()) == 10  # 2 have no year
    hits = service.search(SearchQuery(text="BRA016")).hits
    assert {hit.record_id for hit in hits} >= {imported["BRA901"].pk, imported["BRA902"].pk}
    in_2019 = service.search(SearchQuery(filters=cases, year_from=2019, year_to=2019)).hits
    assert {hit.record_id for hit in in_2019} == {imported["BRA902"].pk, imported["ZAF901"].pk}
    for sort in (Sort.NEWEST, Sort.OLDEST):
        ordered = service.search(SearchQuery(filters=cases, sort=sort, page_size=50)).hits
        assert {hit.record_id for hit in ordered[-2:]} == {imported["MEX901"].pk, imported["USA901"].pk}
    subtitles = {hit.record_id: hit.source.get("subtitle") for hit in ordered}
    assert subtitles[imported["BRA901"].pk] == "Brazil · 2018"
    assert subtitles[imported["XIR901"].pk].endswith("European Court of Human Rights · 2020-07")


def test_shared_source_number_is_a_possible_duplicate(imported: dict[str, Case]) -> None:
    assert possible_duplicates(imported["BRA902"]) == [imported["BRA901"]]
    assert imported["PHL901"] not in possible_duplicates(imported["PHL902"])


def test_international_jurisdiction_has_its_own_page(client, imported: dict[str, Case]) -> None:  # noqa: ANN001
    html = client.get("/en/countries/XIR/").content.decode()
    assert "European Court of Human Rights" in html and "Inter-American Court of Human Rights" in html
    assert "Case of V.T. and others v. the Republic of Moldova" in html
    assert "Instruments applied" in html
    assert "Competent national authorities" not in html and "No legislation" not in html
