"""CSV/JSON Lines downloads from the country, article and coverage pages: the same export endpoint as the
search page, with the page's filters and language; following a link gives that page's published records."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

import pytest

from search.indexing import rebuild
from sherloc.models import PublicationStatus
from tests.factories import CaseFactory, LawFactory, ProvisionFactory, country

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(db):  # noqa: ANN001, ANN201
    bra_law = LawFactory(country=country("BRA"), title="Lei de tráfico")
    ProvisionFactory(law=bra_law, order=1, tags={"articles": ["TIP-3"]})
    fra_law = LawFactory(country=country("FRA"), title="Code pénal")
    ProvisionFactory(law=fra_law, order=1, tags={"articles": ["TIP-3"]})
    CaseFactory(country=country("BRA"), title="Caso publicado", tags={"articles": ["UNTOC-6"]})
    CaseFactory(country=country("BRA"), title="Caso rascunho", status=PublicationStatus.DRAFT)
    rebuild()


def csv_link(client, path: str) -> str:  # noqa: ANN001
    body = client.get(path).content.decode()
    links = [unescape(u) for u in re.findall(r'<a href="([^"]+)" download>CSV</a>', body)]
    assert len(links) == 1, links
    return links[0]


def rows_of(client, url: str) -> list[dict]:  # noqa: ANN001
    response = client.get(url)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def test_country_page_exports_its_records_in_the_page_language(client, records) -> None:  # noqa: ANN001
    url = csv_link(client, "/fr/countries/BRA/")
    assert url.startswith("/api/v1/export/?format=csv") and "country=BRA" in url and "lang=fr" in url
    rows = rows_of(client, url)
    assert {r["country"] for r in rows} == {"BRA"} and {r["Pays"] for r in rows} == {"Brésil"}
    titles = {r["Titre"] for r in rows}
    assert "Caso publicado" in titles and "Caso rascunho" not in titles


def test_article_page_exports_the_records_tagged_with_it(client, records) -> None:  # noqa: ANN001
    rows = rows_of(client, csv_link(client, "/en/instruments/TIP/articles/3/"))
    assert sorted(r["country"] for r in rows) == ["BRA", "FRA"]
    assert all("TIP-3" in r["article"].split("; ") for r in rows)


def test_coverage_page_exports_the_instruments_legislation_of_the_chosen_region(client, records) -> None:  # noqa: ANN001
    everywhere = rows_of(client, csv_link(client, "/en/instruments/TIP/coverage/"))
    assert {r["type"] for r in everywhere} == {"legislation"} and {r["country"] for r in everywhere} == {"BRA", "FRA"}
    americas = csv_link(client, "/en/instruments/TIP/coverage/?region=019")
    assert "region=019" in americas
    assert {r["country"] for r in rows_of(client, americas)} == {"BRA"}
