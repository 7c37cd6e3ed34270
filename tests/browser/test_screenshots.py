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
