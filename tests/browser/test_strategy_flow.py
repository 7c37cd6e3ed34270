"""Strategies and explanatory memoranda in a real browser, as issue #15's "done when" describes it.

A focal point submits a national strategy with a PDF through the web form; a reviewer publishes it; a visitor
finds it by a word that is only in the PDF, by country (the country profile and the search's Strategies tab)
and by article (the article page). Then the same for an explanatory memorandum attached to a law: its hit
leads to the law's page, where the memorandum is listed.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.test_submission_flow import people, sign_in  # noqa: F401 - `people` is a fixture
from tests.pdfs import make_pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STRATEGY_WORD = "Ornithorhynchus"
MEMO_WORD = "Pachycephalosaur"


def submit_and_publish(browser, base: str, form_url: str, fill, title: str) -> None:  # noqa: ANN001
    """The focal point fills the form (`fill(page)`) and submits; the reviewer approves it from the queue."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    fp = ctx.new_page()
    fp.set_default_timeout(15_000)
    sign_in(fp, base, "fp-bra")
    fp.goto(f"{base}/en/submit/")
    fp.locator("a", has_text=form_url[0]).first.click()
    fp.wait_for_url(re.compile(form_url[1]))
    fill(fp)
    fp.locator("button[name=action][value=submit]").click()
    fp.wait_for_url(re.compile(r"/en/submit/mine/"))
    assert title in fp.content() and "Submitted" in fp.content()
    ctx.close()

    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    rv = ctx.new_page()
    rv.set_default_timeout(15_000)
    sign_in(rv, base, "reviewer")
    rv.goto(f"{base}/en/review/")
    rv.locator("a", has_text=title).click()
    rv.wait_for_load_state()
    rv.locator("button", has_text="Approve and publish").click()
    rv.wait_for_url(re.compile(r"/en/review/$"))
    ctx.close()


def test_strategy_and_memorandum_submitted_published_and_found(browser, live_server, people, tmp_path) -> None:  # noqa: ANN001, F811
    from strategies.models import ExplanatoryMaterial, Strategy
    from tests.factories import LawFactory, country

    base = live_server.url
    plan_pdf = tmp_path / "plan.pdf"
    plan_pdf.write_bytes(make_pdf(f"National plan. The {STRATEGY_WORD} task force coordinates prosecutions."))
    memo_pdf = tmp_path / "memo.pdf"
    memo_pdf.write_bytes(make_pdf(f"Explanatory memorandum. The {MEMO_WORD} clause explained."))
    law = LawFactory(title="Law 12.850 on criminal organizations", country=country("BRA"))

    strategy_title = "National Plan to Combat Organized Crime 2024-2028"

    def fill_strategy(page) -> None:  # noqa: ANN001
        page.select_option("#id_country", label="Brazil")
        page.fill("#id_title", strategy_title)
        page.select_option("#id_strategy_type", "action_plan")
        page.fill("#id_issuing_body", "Ministry of Justice and Public Security")
        page.fill("#id_period_start", "2024-01-01")
        page.fill("#id_period_end", "2028-12-31")
        page.select_option("#id_articles", ["UNTOC-5"])
        page.select_option("#id_original_language", index=1)
        page.set_input_files("input[type=file]", str(plan_pdf))

    submit_and_publish(browser, base, ("New strategy", r"/en/submit/strategies/new/"), fill_strategy, strategy_title)
    strategy = Strategy.objects.get(title=strategy_title)
    assert strategy.status == "published" and strategy.attachments.count() == 1

    visitor = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    visitor.set_default_timeout(15_000)
    # by a word that is only in the PDF
    visitor.goto(f"{base}/en/search/?q={STRATEGY_WORD}")
    assert visitor.locator(".result", has_text=strategy_title).count() == 1
    # by country: the Strategies tab of the country's search, and the country profile
    visitor.goto(f"{base}/en/search/?country=BRA")
    visitor.locator(".tabs a", has_text="Strategies and policies").click()
    visitor.wait_for_load_state()
    assert "type=strategy" in visitor.url and visitor.locator(".result", has_text=strategy_title).count() == 1
    visitor.goto(f"{base}/en/countries/BRA/")
    visitor.locator("#strategies + ul a", has_text=strategy_title).click()
    visitor.wait_for_url(re.compile(rf"/en/strategies/{strategy.pk}/"))
    assert "Cite this record" in visitor.content()
    # by article
    visitor.goto(f"{base}/en/instruments/UNTOC/articles/5/")
    assert visitor.locator("a", has_text=strategy_title).count() == 1

    memo_title = "Explanatory memorandum to the bill on criminal organizations"

    def fill_memo(page) -> None:  # noqa: ANN001
        page.select_option("#id_law", str(law.pk))
        page.select_option("#id_kind", "memorandum")
        page.fill("#id_title", memo_title)
        page.fill("#id_date", "2013-08-02")
        page.select_option("#id_articles", ["UNTOC-2"])
        page.select_option("#id_original_language", index=1)
        page.set_input_files("input[type=file]", str(memo_pdf))

    submit_and_publish(
        browser, base, ("New explanatory material", r"/en/submit/explanatory-materials/new/"), fill_memo, memo_title
    )
    memo = ExplanatoryMaterial.objects.get(title=memo_title)
    assert memo.status == "published"

    visitor.goto(f"{base}/en/search/?q={MEMO_WORD}")
    result = visitor.locator(".result", has_text=memo_title)
    assert result.count() == 1
    result.locator("h3 a").click()
    visitor.wait_for_url(re.compile(rf"/en/laws/{law.pk}/#material-{memo.pk}"))
    assert visitor.locator(f"#material-{memo.pk}", has_text=memo_title).count() == 1
    visitor.goto(f"{base}/en/search/?country=BRA&type=material")
    assert visitor.locator(".result", has_text=memo_title).count() == 1
    visitor.goto(f"{base}/en/instruments/UNTOC/articles/2/")
    assert visitor.locator("a", has_text=memo_title).count() == 1
    visitor.context.close()
