"""End-to-end flows in a real browser: search, facets, chips, record pages, Arabic, phones, no JavaScript."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def no_horizontal_overflow(page) -> bool:  # noqa: ANN001
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_search_tick_two_facets_remove_a_chip_and_open_a_result(page, site) -> None:  # noqa: ANN001
    base, data = site
    page.goto(f"{base}/en/")
    page.fill("#home-q", "trafficking")
    page.press("#home-q", "Enter")
    page.wait_for_url(re.compile(r"/en/search/\?q=trafficking"))
    assert page.locator(".result").count() >= 1

    page.check("#f-country-BRA")  # autosubmits (JS)
    page.wait_for_url(re.compile(r"country=BRA"))
    page.check("#f-crime_type-trafficking-in-persons")
    page.wait_for_url(re.compile(r"crime_type=trafficking-in-persons"))
    assert "country=BRA" in page.url
    assert page.locator(".chip").count() == 2
    assert page.locator("#f-country-BRA").is_checked()
    assert page.locator("#f-crime_type-trafficking-in-persons").is_checked()

    page.locator(".chip", has_text="Brazil").click()
    page.wait_for_url(lambda url: "country=BRA" not in url)
    assert page.locator(".chip").count() == 1
    assert "crime_type=trafficking-in-persons" in page.url

    page.locator(".result h3 a").first.click()
    page.wait_for_load_state()
    assert re.search(r"/en/(laws|cases|authorities)/\d+/", page.url)
    assert page.locator("h1").inner_text().strip()


def test_switch_to_arabic_gives_rtl_layout(page, site) -> None:  # noqa: ANN001
    base, data = site
    page.goto(f"{base}/en/search/?q=trafficking&country=BRA")
    page.click(".lang-switch summary")
    page.click(".lang-switch a[lang='ar']")
    page.wait_for_url(re.compile(r"/ar/search/\?"))
    assert "country=BRA" in page.url  # the state survives the switch
    assert page.get_attribute("html", "dir") == "rtl" and page.get_attribute("html", "lang") == "ar"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # Logical properties: the brand sits on the right, the language menu on the left.
    brand = page.locator(".brand").bounding_box()
    switch = page.locator(".lang-switch").bounding_box()
    assert brand["x"] > switch["x"]
    assert "البرازيل" in page.locator(".chips").inner_text()


@pytest.mark.parametrize("path", ["/en/", "/en/search/?q=trafficking", "law", "case", "/en/countries/BRA/", "coverage"])
def test_phone_width_has_no_horizontal_overflow(browser, site, path) -> None:  # noqa: ANN001
    base, data = site
    urls = {
        "law": data.law.get_absolute_url(),
        "case": data.case.get_absolute_url(),
        "coverage": "/en/instruments/TIP/coverage/?all=1",
    }
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(base + urls.get(path, path))
        assert no_horizontal_overflow(page), page.evaluate("document.documentElement.scrollWidth")
    finally:
        context.close()


def test_search_flow_without_javascript(browser, site) -> None:  # noqa: ANN001
    base, data = site
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{base}/en/search/")
        page.fill("#q", "trafficking")
        page.press("#q", "Enter")
        page.wait_for_url(re.compile(r"q=trafficking"))
        page.check("#f-country-BRA")  # no autosubmit without JS...
        assert "country=BRA" not in page.url
        page.click("button.apply")  # ...the Apply button submits the form
        page.wait_for_url(re.compile(r"country=BRA"))
        assert page.locator(".chip").count() == 1
        page.select_option("#sort", "title")
        page.click(".sort button")
        page.wait_for_url(re.compile(r"sort=title"))
        assert "country=BRA" in page.url
        page.click(".tabs a:has-text('Legislation')")
        page.wait_for_url(re.compile(r"type=legislation"))
        assert page.locator(".result .badge-legislation").count() == page.locator(".result").count() > 0
        page.locator(".chip").first.click()
        page.wait_for_url(lambda url: "country=BRA" not in url)
        page.locator(".result h3 a").first.click()
        page.wait_for_url(re.compile(r"/en/laws/\d+/"))
    finally:
        context.close()


def test_long_facet_list_filter_box(page, site) -> None:  # noqa: ANN001
    """With JS a long list gets a filter box; typing opens the "show more" part and hides non-matches."""
    from tests.factories import LawFactory, ProvisionFactory, country

    base, _ = site
    for alpha3 in ("ARG", "CAN", "DEU", "EGY", "ESP", "IND", "ITA", "KEN", "MEX", "NGA", "PHL"):
        ProvisionFactory(law=LawFactory(country=country(alpha3)), order=1)
    page.goto(f"{base}/en/search/")
    facet = page.locator(".facet-country")
    box = facet.locator(".facet-filter")
    assert box.is_visible()
    assert facet.locator("details.more").count() == 1
    assert not facet.locator("#f-country-PHL").is_visible() or not facet.locator("#f-country-ARG").is_visible()
    box.fill("phil")
    assert facet.locator("#f-country-PHL").is_visible()
    assert facet.locator("li:visible").count() == 1
    box.fill("")
    assert facet.locator("#f-country-BRA").is_visible()
