"""Screenshots of the main pages at desktop (1280 px) and phone (390 px) widths, for review and docs.

Skipped unless SHERLOC_SCREENSHOTS names an output directory (bench/screenshots.py sets it to
docs/screenshots). Uses the demo generator (`seed_demo`) when it is available so the pages look
like a real portal, and the web test data set otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OUTPUT = os.environ.get("SHERLOC_SCREENSHOTS", "")
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
DEMO_RECORDS = int(os.environ.get("SHERLOC_SCREENSHOTS_RECORDS", "300"))
MAX_HEIGHT = 2400  # result lists are long: the top of the page is what a review needs


@pytest.mark.skipif(not OUTPUT, reason="set SHERLOC_SCREENSHOTS=<dir> (or run bench/screenshots.py) to write them")
def test_write_screenshots(browser, site) -> None:  # noqa: ANN001
    base, data = site
    try:
        call_command("seed_demo", records=DEMO_RECORDS, verbosity=0)
        from search.indexing import rebuild

        rebuild()
    except (CommandError, TypeError):
        pass  # no demo generator yet: the web data set is enough to show every element
    from django.core.cache import cache

    cache.clear()
    pages = {
        "home": "/en/",
        "search": "/en/search/?q=trafficking&crime_type=trafficking-in-persons",
        "law": data.law.get_absolute_url(),
        "case": data.case.get_absolute_url(),
        "country": "/en/countries/BRA/",
        "search-ar": "/ar/search/?q=trafficking",
        "coverage": "/en/instruments/TIP/coverage/",
    }
    out = Path(OUTPUT)
    out.mkdir(parents=True, exist_ok=True)
    for width_name, (width, height) in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
        page = context.new_page()
        for name, path in pages.items():
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            full_height = page.evaluate("document.documentElement.scrollHeight")
            clip = {"x": 0, "y": 0, "width": width, "height": min(full_height, MAX_HEIGHT)}
            page.screenshot(path=str(out / f"{name}-{width_name}.png"), full_page=True, clip=clip)
        context.close()


@pytest.mark.skipif(not OUTPUT, reason="set SHERLOC_SCREENSHOTS=<dir> (or run bench/screenshots.py) to write them")
def test_write_arabic_record_screenshots(browser, site) -> None:  # noqa: ANN001
    """The Arabic law and case pages and their citation boxes: mixed-direction titles, dates and links."""
    import datetime as dt

    base, data = site
    data.case.decision_date, data.case.decision_date_precision = dt.date(2025, 7, 13), "day"
    data.case.save()
    out = Path(OUTPUT)
    out.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    context_2x = browser.new_context(viewport={"width": 900, "height": 900}, device_scale_factor=2)  # legible crops
    page = context.new_page()
    for name, record in (("law", data.law), ("case", data.case)):
        page.goto(base + record.get_absolute_url().replace("/en/", "/ar/", 1))
        page.wait_for_load_state("networkidle")
        page.evaluate("document.querySelectorAll('details.provision-cite').forEach(d => { d.open = true; })")
        full_height = page.evaluate("document.documentElement.scrollHeight")
        clip = {"x": 0, "y": 0, "width": 1280, "height": min(full_height, MAX_HEIGHT)}
        page.screenshot(path=str(out / f"{name}-ar-desktop.png"), full_page=True, clip=clip)
        zoomed = context_2x.new_page()
        zoomed.goto(page.url)
        zoomed.locator("aside.cite").screenshot(path=str(out / f"cite-{name}-ar.png"))
    page = context_2x.new_page()
    page.goto(base + data.law.get_absolute_url().replace("/en/", "/ar/", 1))
    first = page.locator("section.provision").first
    first.locator("details.provision-cite").evaluate("d => { d.open = true; }")
    first.screenshot(path=str(out / "cite-provision-ar.png"))
    context.close()
    context_2x.close()
