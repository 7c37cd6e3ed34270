"""Treaty status in a real browser: the country profile's status table with an 18(13) notification leading to
the authority's page, and the instrument page's table sorted by its column headings without JavaScript.
Screenshots go to $SHERLOC_SCREENSHOTS (default: the test's tmp dir) for a human to look at."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from tests.browser.test_accessibility import FAILING, describe, run_axe
from tests.factories import AuthorityFactory, TreatyStatusFactory, article, country

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def treaty_site(site):  # noqa: ANN001, ANN201
    from taxonomy.models import Instrument
    from treaties.models import Declaration, Notification

    base, _ = site
    authority = AuthorityFactory(country=country("BRA"), name="Synthetic Central Authority for Mutual Legal Assistance")
    untoc = TreatyStatusFactory(country=country("BRA"), note="Synthetic test data: not the real treaty status.")
    Declaration.objects.create(
        status=untoc,
        kind="reservation",
        article=article("UNTOC-35"),
        text="The State does not consider itself bound by article 35, paragraph 2 (synthetic).",
    )
    Notification.objects.create(
        status=untoc,
        article=article("UNTOC-18"),
        paragraph="13",
        text="Designation of the central authority (synthetic).",
        date=dt.date(2004, 3, 1),
        authority=authority,
    )
    tip = Instrument.objects.get(code="TIP")
    TreatyStatusFactory(country=country("BRA"), instrument=tip, consent_kind="accession", signature_date=None)
    for alpha3, consent in (("FRA", dt.date(2002, 10, 29)), ("NGA", dt.date(2001, 6, 28)), ("JPN", None)):
        TreatyStatusFactory(
            country=country(alpha3),
            signature_date=dt.date(2000, 12, 12),
            consent_kind="ratification" if consent else "",
            consent_date=consent,
            entry_into_force_date=consent and dt.date(2003, 9, 29),
        )
    return base, authority


def _shots(tmp_path: Path) -> Path:
    path = Path(os.environ.get("SHERLOC_SCREENSHOTS", tmp_path))
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_country_profile_and_instrument_page(page, treaty_site, tmp_path: Path) -> None:  # noqa: ANN001
    base, authority = treaty_site
    shots = _shots(tmp_path)
    page.goto(f"{base}/en/countries/BRA/")
    status = page.locator("section[aria-labelledby=treaty-status]")
    assert status.locator("tbody tr").count() == 4
    status.screenshot(path=str(shots / "country-treaty-status.png"))
    page.screenshot(path=str(shots / "country-profile.png"), full_page=True)
    status.get_by_role("link", name=authority.name).click()
    page.wait_for_url(f"**/en/authorities/{authority.pk}/")

    page.goto(f"{base}/en/instruments/UNTOC/")
    parties = page.locator("section[aria-labelledby=parties]")
    assert "3 parties" in parties.locator(".stats-line").inner_text()
    parties.get_by_role("link", name="Consent to be bound").click()  # a plain link: no script involved
    page.wait_for_url("**/instruments/UNTOC/?sort=consent#parties")
    names = parties.locator("tbody th").all_inner_texts()
    assert names == ["Nigeria", "France", "Brazil", "Japan"]  # no consent date: last
    assert parties.locator("th[aria-sort=ascending]").inner_text().startswith("Consent to be bound")
    parties.screenshot(path=str(shots / "instrument-parties.png"))
    page.goto(f"{base}/ar/instruments/UNTOC/?sort=-consent")
    page.locator("section[aria-labelledby=parties]").screenshot(path=str(shots / "instrument-parties-ar.png"))


def test_treaty_sections_have_no_serious_axe_violation(browser, treaty_site) -> None:  # noqa: ANN001
    base, _ = treaty_site
    context = browser.new_context(viewport={"width": 1366, "height": 900}, bypass_csp=True)  # axe is injected
    page = context.new_page()
    failures = []
    for path in ("/en/countries/BRA/", "/en/instruments/UNTOC/?sort=-signature", "/ar/instruments/UNTOC/"):
        page.goto(f"{base}{path}")
        failures += [describe(v, path) for v in run_axe(page) if v["impact"] in FAILING]
    context.close()
    assert not failures, "\n".join(failures)
