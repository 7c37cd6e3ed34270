"""The escaped-markup check (issue #14, part 2): one page of every record page type, in a real browser,
with records whose rich-text fields hold HTML, plain text with paragraphs, and both mixed
(tests/web/rich_records.py). Fails when the rendered text shows markup as text (`&lt;p&gt;`, `<br>`, ...)
or when a plain-text field lost its paragraphs.

With SHERLOC_SCREENSHOTS=<dir>, each page is also saved as <dir>/richtext-<page>.png for a person to look
at: formatted text, no tags.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.web import rich_records as rr

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-passphrase-42"
OUTPUT = os.environ.get("SHERLOC_SCREENSHOTS", "")
MAX_HEIGHT = 3000
# Markup shown as text: an entity the browser did not decode (double escaping), or a tag it did not parse.
ESCAPED = re.compile(r"&(lt|gt|amp|quot|#x?[0-9a-f]+);", re.IGNORECASE)
TAG_AS_TEXT = re.compile(
    r"</?(p|br|strong|em|b|i|u|sup|sub|ul|ol|li|a|h[1-6]|blockquote|div|span|script|style|img)\b[^>]*>", re.IGNORECASE
)


@pytest.fixture
def people(reference_data):  # noqa: ANN001, ANN201
    from sherloc.access import REVIEWERS
    from tests.factories import FocalPointFactory, UserFactory

    users = {
        "practitioner": UserFactory(username="practitioner", groups=["practitioners"]),
        "reviewer": UserFactory(username="reviewer", groups=[REVIEWERS]),
        "focal": FocalPointFactory(username="fp-bra", countries=["BRA"]),
    }
    for user in users.values():
        user.set_password(PASSWORD)
        user.save()
    return users


@pytest.fixture
def records(people):  # noqa: ANN001, ANN201
    """The rich-text records, published and indexed, and a focal point's pending update of the case that
    adds a paragraph to its summary (the review queue item)."""
    from django.db import transaction

    from search.indexing import rebuild
    from submissions import revisions, workflow

    records = rr.build_rich_records()
    with transaction.atomic():
        update = revisions.start_revision(records.case, people["focal"])
    update.fact_summary = rr.FACTS + "\n\n" + NEW_PARAGRAPH
    update.save()
    workflow.submit(update, people["focal"])
    rebuild()
    return records, update


NEW_PARAGRAPH = "The quarry was closed in 2018."


def sign_in(page, base: str, username: str) -> None:  # noqa: ANN001
    page.goto(f"{base}/en/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_load_state()
    assert "/accounts/login/" not in page.url, page.url


def paragraphs(page, selector: str) -> list[str]:  # noqa: ANN001
    """The visible text of each <p> under `selector`, line breaks as "\\n"."""
    return [t.strip() for t in page.locator(selector).locator("p").all_inner_texts()]


def check_page(page, name: str) -> str:  # noqa: ANN001
    """The page's rendered text, after failing on markup shown as text; saves the screenshot if asked."""
    page.wait_for_load_state("networkidle")
    text = page.inner_text("body")
    escaped, tag = ESCAPED.search(text), TAG_AS_TEXT.search(text)
    assert not escaped, f"{name}: escaped markup visible: {text[max(0, escaped.start() - 80) : escaped.end() + 80]!r}"
    assert not tag, f"{name}: a tag shown as text: {text[max(0, tag.start() - 80) : tag.end() + 80]!r}"
    assert "alert(" not in text and "steal()" not in text, f"{name}: script text visible"
    if OUTPUT:
        out = Path(OUTPUT)
        out.mkdir(parents=True, exist_ok=True)
        width = page.viewport_size["width"]
        height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
        clip = {"x": 0, "y": 0, "width": width, "height": height}
        page.screenshot(path=str(out / f"richtext-{name}.png"), full_page=True, clip=clip)
    return text


def test_no_record_page_shows_markup_as_text(browser, live_server, records) -> None:  # noqa: ANN001
    records, update = records
    base = live_server.url
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)

    # Case page: plain-text facts keep their three paragraphs (and the line break in the second); the
    # commentary's HTML is rendered; the mixed reasoning has a paragraph per block.
    page.goto(base + records.case.get_absolute_url())
    text = check_page(page, "case")
    assert paragraphs(page, "section[aria-labelledby=facts]") == rr.FACTS_PARAGRAPHS
    assert "Two of the victims were under 18 (age < 18)" in text
    assert page.locator("section[aria-labelledby=commentary] strong").inner_text() == "debt bondage"
    assert page.locator("section[aria-labelledby=commentary] li").count() == 2
    assert paragraphs(page, "section[aria-labelledby=reasoning]") == rr.REASONING_PARAGRAPHS
    assert "Public Prosecutor v. Quarry Owners" in page.inner_text("#cite-text")

    # Law page, and the provision anchor on it: HTML text rendered (a list), plain texts in paragraphs.
    page.goto(base + records.law.get_absolute_url())
    check_page(page, "law")
    html_provision = f"#provision-{records.provision_html.pk}"
    assert page.locator(f"{html_provision} .text-original strong").inner_text() == "fraude"
    assert page.locator(f"{html_provision} .text-original li").all_inner_texts() == ["trabalho escravo;", "servidão."]
    assert paragraphs(page, f"{html_provision} .text-translation .legal-text") == rr.PROVISION_EN_PARAGRAPHS
    page.goto(base + records.law.get_absolute_url() + f"#provision-{records.provision_plain.pk}")
    check_page(page, "provision")
    assert paragraphs(page, f"#provision-{records.provision_plain.pk} .legal-text") == rr.PROVISION_PLAIN_PARAGRAPHS

    # Country profile and article page: lists of records, provision excerpts as plain text.
    page.goto(base + "/en/countries/BRA/")
    assert records.case.title in check_page(page, "country")
    page.goto(base + "/en/instruments/TIP/articles/3/")
    text = check_page(page, "article")
    assert "Recrutar ou alojar pessoa mediante fraude para fins de exploração." in text

    # Search results: snippets of the case and of the provision's HTML text, matches marked, no tags.
    page.goto(base + "/en/search/?q=quarry")
    check_page(page, "search")
    assert page.locator(".result").count() >= 2
    assert page.locator(".snippet mark").count() >= 2
    page.goto(base + "/en/search/?q=servid%C3%A3o")
    check_page(page, "search-html-provision")
    assert page.locator(".snippet mark").first.inner_text() == "servidão"

    # Authority page, signed in as a practitioner (the requirements are contact details).
    sign_in(page, base, "practitioner")
    page.goto(base + records.authority.get_absolute_url())
    text = check_page(page, "authority")
    assert "Requests must cite the treaty or reciprocity." in text
    procedural = "xpath=//h3[normalize-space()='Procedural requirements']/following-sibling::div[1]"
    assert paragraphs(page, procedural) == rr.PROCEDURAL_PARAGRAPHS
    context.close()

    # Review queue and the pending update: the diff keeps paragraphs apart, the preview renders them.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, base, "reviewer")
    page.goto(base + "/en/review/")
    assert records.case.title in check_page(page, "review-queue")
    page.goto(base + f"/en/review/case/{update.pk}/")
    check_page(page, "review-item")
    diff = page.locator(".diff .word-diff").inner_text()
    assert "March 2017.\n\nThe quarry was closed in 2018." in diff
    assert page.locator(".diff ins").inner_text().strip() == NEW_PARAGRAPH
    preview = paragraphs(page, ".record-content")
    assert preview[: len(rr.FACTS_PARAGRAPHS) + 1] == [*rr.FACTS_PARAGRAPHS, NEW_PARAGRAPH]
    context.close()
