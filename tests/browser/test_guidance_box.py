"""The article page's guidance box in a real browser: English, the English fallback on a Spanish page, and
Arabic right to left; axe finds no serious or critical violation, nothing scrolls sideways at 360 px.

Screenshots go to $SHERLOC_SCREENSHOTS when set (bench/screenshots.py sets it), else to the test's tmp dir.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.test_accessibility import FAILING, describe, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    "en": ("/en/instruments/UNTOC/articles/5/", "en"),
    "es-fallback": ("/es/instruments/UNTOC/articles/5/", "en"),  # no Spanish guidance on article 5
    "ar": ("/ar/instruments/UNTOC/articles/5/", "ar"),
}
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
WIDTHS = {"desktop": (1280, 900), "phone": (360, 780)}


def test_guidance_box_reads_in_each_direction(browser, live_server, reference_data, tmp_path) -> None:  # noqa: ANN001
    from demo.generator import SeedReport
    from demo.guidance import write_guidance
    from search import indexing

    write_guidance("demo-", SeedReport())  # bulk-written without signals, as seed_demo does
    indexing.rebuild()
    shots = Path(os.environ.get("SHERLOC_SCREENSHOTS") or tmp_path)
    failures = []
    for width, (w, h) in WIDTHS.items():
        context = browser.new_context(viewport={"width": w, "height": h}, bypass_csp=True)
        page = context.new_page()
        page.set_default_timeout(15_000)
        for name, (path, text_lang) in PAGES.items():
            response = page.goto(live_server.url + path)
            assert response is not None and response.status == 200
            box = page.locator("#guidance")
            assert box.is_visible()
            texts = box.locator("div.legal-text")
            assert texts.first.get_attribute("lang") == text_lang
            assert texts.first.get_attribute("dir") == ("rtl" if text_lang == "ar" else "ltr")
            fallback = box.locator(".guidance-fallback")
            assert fallback.count() == (1 if name == "es-fallback" else 0)
            # the box comes before the provisions and the cases
            assert page.evaluate(
                "() => document.getElementById('guidance').compareDocumentPosition("
                "document.getElementById('provisions')) & Node.DOCUMENT_POSITION_FOLLOWING"
            )
            overflow = page.evaluate(SIDEWAYS)
            assert overflow <= 1, f"{name} {width} scrolls sideways by {overflow}px"
            for violation in run_axe(page):
                if violation["impact"] in FAILING:
                    failures.append(describe(violation, f"{name} {width}"))
            page.screenshot(path=str(shots / f"article-guidance-{name}-{width}.png"), full_page=True)
        # the search finds it under its own tab, and its hit opens the article page at the box
        page.goto(live_server.url + "/fr/search/?q=laundering")
        page.locator(".tabs a[href*='type=guidance']").click()  # 'Orientations' in French
        page.wait_for_load_state()
        assert "type=guidance" in page.url
        page.screenshot(path=str(shots / f"search-guidance-{width}.png"), full_page=True)
        page.locator(".results a[href*='#guidance']").first.click()
        page.wait_for_load_state()
        assert page.url.endswith("/fr/instruments/UNTOC/articles/6/#guidance")
        assert page.locator("#guidance div.legal-text").first.get_attribute("lang") == "en"  # no French on art. 6
        context.close()
    assert not failures, "\n".join(failures)
