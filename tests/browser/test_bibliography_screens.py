"""The bibliography in a real browser: the search's Bibliography tab (facets, hits, reference exports) and a
record page (citation box, keywords, synopsis, downloads). Screenshots go to SHERLOC_SCREENSHOTS when set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.test_accessibility import contexts  # noqa: F401 - a fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def shelf(live_server, reference_data):  # noqa: ANN001, ANN201
    from tests.factories import PublicationFactory, lang

    entries = [
        PublicationFactory(
            title="Following the money of trafficking networks",
            authors=[("Shelley", "Louise"), ("Kleemans", "Edward R.")],
            doi="10.5555/demo.shelley.2019",
            covered=["BRA", "ARG"],
            tags={"articles": [("TIP-3", "")], "crime_types": ["trafficking-in-persons"], "issues": ["prevention"]},
        ),
        PublicationFactory(
            title="Trafficking in persons and the legal framework of the Protocol",
            authors=["United Nations Office on Drugs and Crime", ("Gallagher", "Anne T.")],
            publication_type="chapter",
            container_title="Handbook of Transnational Crime and Justice",
            volume="",
            issue="",
            year=2014,
            pages="115-139",
            publisher="SAGE",
            isbn="9781452272269",
            research_method="legal",
            original_language=lang("fr"),
            synopsis="Reads the Protocol's definition of trafficking and how States wrote it into law.",
            keywords=["definition", "consent"],
            covered=["BRA"],
            tags={"articles": [("UNTOC-5", "")], "crime_types": ["trafficking-in-persons"]},
        ),
        PublicationFactory(
            title="Trafficking for forced labour in the fishing industry",
            publication_type="report",
            container_title="",
            year=2021,
            research_method="mixed",
            covered=["THA"],
            tags={"crime_types": ["trafficking-in-persons"]},
        ),
    ]
    return live_server.url, entries


def shot(page, name: str) -> None:  # noqa: ANN001
    folder = os.environ.get("SHERLOC_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / name), full_page=True)


def test_bibliography_tab_and_record_page(page, shelf) -> None:  # noqa: ANN001
    base, entries = shelf
    page.goto(f"{base}/en/search/?q=trafficking&type=publication")
    assert page.locator(".facet-publication_type legend").inner_text() == "Publication type"
    assert page.locator(".facet-research_method legend").inner_text() == "Research method"
    assert page.locator("a", has_text="CSL-JSON").count() == 1
    body = page.content()
    for entry in entries:
        assert entry.title in body
    shot(page, "bibliography-tab.png")

    page.check("#f-publication_type-chapter")
    page.wait_for_url(lambda url: "publication_type=chapter" in url)
    assert page.locator(".result h3 a").count() == 1 and entries[0].title not in page.content()

    page.locator(".result h3 a").first.click()
    page.wait_for_url(lambda url: f"/bibliography/{entries[1].pk}/" in url)
    body = page.content()
    assert "Cite this record" in body and "Gallagher, Anne T." in body and "Download as CSL-JSON" in body
    shot(page, "bibliography-record.png")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_bibliography_pages_have_no_serious_axe_violation(contexts, shelf, lang) -> None:  # noqa: ANN001, F811
    from tests.browser.test_accessibility import FAILING, describe, run_axe

    base, entries = shelf
    failures = []
    for width in ("desktop", "phone"):
        page = contexts(width)
        for path in (f"/{lang}/search/?q=trafficking&type=publication", f"/{lang}/bibliography/{entries[1].pk}/"):
            assert page.goto(base + path).status == 200
            failures += [describe(v, f"{width} {path}") for v in run_axe(page) if v["impact"] in FAILING]
    assert not failures, "\n".join(failures)
