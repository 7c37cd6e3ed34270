"""The whole submission path in a real browser, as the issue describes it.

A focal point signs in, submits a law with two provisions and a PDF; a reviewer returns it with a
comment; the focal point sees the comment, fixes the law and resubmits; the reviewer publishes; a visitor
finds the law by a word that appears only in the PDF. On the way: the autosave puts back what was typed
after a reload that was never saved.
"""

from __future__ import annotations

import os
import re

import pytest

from tests.pdfs import make_pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF_WORD = "Quetzalcoatlus"
PASSWORD = "a-long-test-passphrase-42"


@pytest.fixture
def people(reference_data):  # noqa: ANN001, ANN201
    from sherloc.access import FOCAL_POINTS, REVIEWERS
    from submissions.models import FocalPointScope
    from tests.factories import UserFactory, country

    focal = UserFactory(username="fp-bra", email="fp@example.org", groups=[FOCAL_POINTS])
    focal.set_password(PASSWORD)
    focal.save()
    FocalPointScope.objects.create(user=focal).countries.set([country("BRA")])
    reviewer = UserFactory(username="reviewer", email="rev@example.org", groups=[REVIEWERS])
    reviewer.set_password(PASSWORD)
    reviewer.save()
    return focal, reviewer


def sign_in(page, base: str, username: str) -> None:  # noqa: ANN001
    page.goto(f"{base}/en/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_load_state()
    assert "/accounts/login/" not in page.url, page.content()[:2000]


def test_submit_return_resubmit_publish_and_find_by_pdf_word(browser, live_server, people, tmp_path) -> None:  # noqa: ANN001
    from legislation.models import Law

    base = live_server.url
    pdf = tmp_path / "gazette-2016.pdf"
    pdf.write_bytes(make_pdf(f"Official gazette. The {PDF_WORD} clause on exploitation."))

    focal_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    fp = focal_ctx.new_page()
    fp.set_default_timeout(15_000)
    sign_in(fp, base, "fp-bra")

    # The header leads to the submission area.
    fp.goto(f"{base}/en/")
    fp.locator("header a", has_text="Submit").first.click()
    fp.wait_for_load_state()
    fp.goto(f"{base}/en/submit/laws/new/")

    fp.select_option("#id_country", label="Brazil")
    fp.fill("#id_title", "Law No. 13.344 on trafficking in persons")
    # Autosave: what was typed survives a reload that never reached the server.
    fp.wait_for_timeout(900)
    fp.reload()
    assert fp.input_value("#id_title") == "Law No. 13.344 on trafficking in persons"
    assert fp.locator(".autosave-restored").count() == 1

    fp.select_option("#id_original_language", index=1)
    fp.fill("#id_provisions-0-label", "Art. 1")
    fp.fill("#id_provisions-0-text", "This law provides for the prevention and repression of trafficking in persons.")
    fp.fill("#id_provisions-1-label", "Art. 149-A")
    fp.fill("#id_provisions-1-text", "Recruiting or harbouring a person by threat for the purpose of exploitation.")
    fp.set_input_files("input[type=file]", str(pdf))
    fp.locator("button[name=action][value=submit]").click()
    fp.wait_for_url(re.compile(r"/en/submit/mine/"))
    assert "Submitted" in fp.content()

    law = Law.objects.get(title="Law No. 13.344 on trafficking in persons")
    assert law.status == "submitted" and law.provisions.count() == 2 and law.attachments.count() == 1

    # The reviewer returns it with a comment.
    review_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    rv = review_ctx.new_page()
    rv.set_default_timeout(15_000)
    sign_in(rv, base, "reviewer")
    rv.goto(f"{base}/en/review/")
    rv.locator("a", has_text="Law No. 13.344 on trafficking in persons").click()
    rv.wait_for_load_state()
    rv.fill("#id_return_comment", "Please add the official number.")
    rv.locator("form", has=rv.locator("#id_return_comment")).locator("button[type=submit]").click()
    rv.wait_for_url(re.compile(r"/en/review/$"))
    law.refresh_from_db()
    assert law.status == "returned"

    # The focal point sees the comment, fixes the law and resubmits.
    fp.goto(f"{base}/en/submit/mine/")
    assert "Please add the official number." in fp.content()
    fp.goto(f"{base}/en/submit/laws/{law.pk}/edit/")
    assert "Please add the official number." in fp.content()
    fp.fill("#id_number", "13.344/2016")
    fp.locator("button[name=action][value=submit]").click()
    fp.wait_for_url(re.compile(r"/en/submit/mine/"))
    law.refresh_from_db()
    assert law.status == "submitted" and law.number == "13.344/2016"

    # The reviewer publishes it.
    rv.goto(f"{base}/en/review/law/{law.pk}/")
    rv.locator("button", has_text="Approve and publish").click()
    rv.wait_for_url(re.compile(r"/en/review/$"))
    law.refresh_from_db()
    assert law.status == "published"

    # A visitor finds it by a word that is only in the PDF, and can download the PDF.
    visitor = browser.new_context().new_page()
    visitor.goto(f"{base}/en/search/?q={PDF_WORD}")
    assert visitor.locator(".result", has_text="Law No. 13.344 on trafficking in persons").count() == 1
    visitor.locator(".result h3 a").first.click()
    visitor.wait_for_load_state()
    link = visitor.locator("a[href*='/files/law/']").first
    response = visitor.request.get(base + link.get_attribute("href"))
    assert response.status == 200 and response.body().startswith(b"%PDF-")
    for ctx in (focal_ctx, review_ctx, visitor.context):
        ctx.close()


def test_picker_filters_long_lists_and_update_shows_the_diff(browser, live_server, people) -> None:  # noqa: ANN001
    """The article picker narrows 107 articles to what is typed; an update of a published law shows the
    reviewer what changed, provision by provision."""
    from legislation.models import Law
    from submissions import workflow
    from tests.factories import LawFactory, ProvisionFactory, country

    focal, reviewer = people
    law = LawFactory(title="Law 9.613 on money laundering", country=country("BRA"), status="draft")
    ProvisionFactory(law=law, order=1, label="Art. 1", text="Concealing the origin of assets is a crime.")
    workflow.submit(law, focal)
    workflow.start_review(law, reviewer)
    workflow.publish(law, reviewer)

    base = live_server.url
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    fp = ctx.new_page()
    fp.set_default_timeout(15_000)
    sign_in(fp, base, "fp-bra")
    fp.goto(f"{base}{law.get_absolute_url()}")
    fp.locator("button", has_text="Propose an update").click()
    fp.wait_for_url(re.compile(r"/en/submit/laws/\d+/edit/"))
    assert "update of a published record" in fp.content()

    articles = "#id_provisions-0-articles"
    total = fp.locator(f"{articles} option").count()
    fp.locator(".picker-filter").first.fill("laundering")
    visible = fp.evaluate(f"Array.from(document.querySelectorAll('{articles} option')).filter(o => !o.hidden).length")
    assert 0 < visible < total
    fp.select_option(articles, "UNTOC-6")
    assert "Chosen:" in fp.locator(".picker-chosen").first.inner_text()
    fp.fill("#id_provisions-0-text", "Concealing or disguising the origin of assets is a crime.")
    fp.locator("button[name=action][value=submit]").click()
    fp.wait_for_url(re.compile(r"/en/submit/mine/"))

    copy = Law.objects.get(revision_of=law)
    rv = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(rv, base, "reviewer")
    rv.goto(f"{base}/en/review/law/{copy.pk}/")
    diff = rv.locator(".diff")
    assert diff.locator("ins", has_text="or disguising").count() == 1 or "or disguising" in diff.inner_text()
    assert "UNTOC-6" in diff.inner_text()
    if os.environ.get("SHERLOC_SCREENSHOTS"):
        rv.screenshot(path="docs/screenshots/review-diff.png", full_page=True)
        fp.goto(f"{base}/en/submit/laws/new/")
        fp.screenshot(path="docs/screenshots/submit-law-form.png", full_page=True)
    ctx.close()
    rv.context.close()


def test_add_row_buttons_add_provisions_beyond_the_empty_rows(browser, live_server, people) -> None:  # noqa: ANN001
    from legislation.models import Law

    base = live_server.url
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    fp = ctx.new_page()
    fp.set_default_timeout(15_000)
    sign_in(fp, base, "fp-bra")
    fp.goto(f"{base}/en/submit/laws/new/")
    fp.select_option("#id_country", label="Brazil")
    fp.fill("#id_title", "Law with three provisions")
    for i in range(2):
        fp.fill(f"#id_provisions-{i}-label", f"Art. {i + 1}")
        fp.fill(f"#id_provisions-{i}-text", f"Text of article {i + 1}.")
    fp.locator("button[data-add-row=provisions]").click()
    fp.fill("#id_provisions-2-label", "Art. 3")
    fp.fill("#id_provisions-2-text", "Text of article 3.")
    assert fp.locator("#id_provisions-2-articles").count() == 1
    # the new row's three pickers (articles, crime types, issues) are searchable too
    assert fp.locator(".added-row .picker-filter").count() == 3
    fp.locator("button[name=action][value=save]").click()
    fp.wait_for_url(re.compile(r"/en/submit/laws/\d+/edit/"))
    law = Law.objects.get(title="Law with three provisions")
    assert list(law.provisions.order_by("order").values_list("label", flat=True)) == ["Art. 1", "Art. 2", "Art. 3"]
    ctx.close()
