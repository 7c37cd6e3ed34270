"""The MLA request writer in a real browser, as issue #17's "done when" describes it.

A practitioner drafts a request from Brazil to Argentina in a trafficking case: choosing Argentina brings its
central authority and the languages it accepts by themselves; a Brazilian provision is cited (the picker
filters as one types) and Argentina's provisions on the same article appear beside it; the completeness
check blocks export until the required parts are filled; then the DOCX and the PDF download.

With SHERLOC_SCREENSHOTS=<dir> (bench/screenshots.py sets docs/screenshots) it also writes a screenshot of
each step and the PDF's first page rendered to PNG (pypdfium2).
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OUTPUT = os.environ.get("SHERLOC_SCREENSHOTS", "")


def shot(page, name: str) -> None:  # noqa: ANN001
    """A full-page screenshot of the current step, only when screenshots are asked for."""
    if OUTPUT:
        Path(OUTPUT).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(OUTPUT) / f"mla-{name}.png"), full_page=True)


def test_practitioner_drafts_and_exports_a_request(browser, live_server, reference_data, tmp_path) -> None:  # noqa: ANN001
    from mla.models import RequestDraft, RequestExport
    from tests.mla.conftest import PASSWORD, build_world

    world = build_world()
    base = live_server.url
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{base}/en/accounts/login/")
    page.fill("input[name=username]", "prosecutor")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_load_state()

    page.locator("header a", has_text="MLA requests").click()
    page.wait_for_url(re.compile(r"/en/mla/$"))
    page.locator("button", has_text="New request").click()
    page.wait_for_url(re.compile(r"/en/mla/\d+/authority/$"))
    page.fill("#id_title", "Operation Harbour")
    page.select_option("#id_requesting_country", label="Brazil")
    page.fill("#id_requesting_authority", "Federal Public Prosecutor's Office")
    page.fill("#id_requesting_contact", "Dr. Ana Souza, Federal Prosecutor, Brasília; +55 61 3105 5100")
    shot(page, "1-authority")
    page.locator("button", has_text="Save and continue").click()
    page.wait_for_url(re.compile(r"/requested/$"))

    # Choosing the State brings its central authority and accepted languages, without another click.
    page.select_option("#id_requested_country", label="Argentina")
    page.wait_for_selector(".mla-authority")
    authority = page.locator(".mla-authority")
    assert world.authority.name in authority.inner_text()
    assert "Spanish" in authority.locator(".mla-languages").inner_text()
    shot(page, "2-requested")
    page.locator("button", has_text="Save and continue").click()
    page.wait_for_url(re.compile(r"/legal-basis/$"))

    # Export is blocked while the request is incomplete: the review lists what is missing.
    draft = RequestDraft.objects.get(owner=world.practitioner)
    page.goto(f"{base}/en/mla/{draft.pk}/review/")
    missing = page.locator(".mla-missing").inner_text()
    assert "The summary of the facts." in missing and "At least one offence provision" in missing
    assert page.locator("button", has_text="Download PDF").is_disabled()
    shot(page, "9-review-incomplete")
    page.locator(".mla-missing a", has_text="Legal basis").first.click()

    page.check("input[name=legal_basis][value=untoc]")
    shot(page, "3-legal-basis")
    page.locator("button", has_text="Save and continue").click()
    page.wait_for_url(re.compile(r"/facts/$"))
    page.fill("#id_facts", "Between 2021 and 2023 a network recruited women in Goiás with false job offers.")
    page.fill("#id_investigation", "Criminal investigation 1234/2023 into trafficking in persons.")
    shot(page, "4-facts")
    page.locator("button", has_text="Save and continue").click()
    page.wait_for_url(re.compile(r"/offences/$"))

    # The picker filters as one types; the cited provision's counterparts of the requested State appear.
    page.fill("#mla-q", "Tráfico")
    assert page.locator("#mla-provisions li", has_text="Art. 288").is_hidden()
    page.locator("#mla-provisions label", has_text="Art. 149-A").click()
    page.locator("button", has_text="Save").last.click()
    page.wait_for_url(re.compile(r"/offences/$"))
    dual = page.locator(".mla-dual").inner_text()
    assert "Art. 149-A" in dual and "TIP 5" in dual and "Art. 2" in dual and "Ley 26.364" in dual
    assert "Art. 10" not in dual
    shot(page, "5-offences")
    page.locator("button", has_text="Save and continue").click()
    page.wait_for_url(re.compile(r"/assistance/$"))

    page.check("#id_measure_records")
    page.fill("#id_details_records", "Certified copies of the statements of account 000-123, 2021-2023.")
    page.check("#id_measure_evidence")
    page.fill("#id_details_evidence", "Hear the hotel manager as a witness.")
    page.fill("#id_purpose", "Evidence of the payments for the prosecution.")
    shot(page, "6-assistance")
    page.locator("button", has_text="Save and continue").click()
    page.wait_for_url(re.compile(r"/persons/$"))
    page.fill("#id_persons", "J. D., born 1980, Argentine national, living in Buenos Aires.")
    shot(page, "7-persons")
    page.locator("button", has_text="Save and continue").click()
    page.wait_for_url(re.compile(r"/handling/$"))
    page.check("#id_urgent")
    page.fill("#id_urgency_reasons", "The trial opens on 12 May.")
    page.select_option("#id_output_language", "fr")
    page.locator("button", has_text="Save").last.click()
    page.wait_for_url(re.compile(r"/handling/$"))
    assert "does not list this language" in page.locator(".mla-language-warning").inner_text()
    shot(page, "8-handling")
    page.select_option("#id_output_language", "es")
    page.locator("button", has_text="Save and continue").click()
    page.wait_for_url(re.compile(r"/review/$"))

    assert "The request is complete." in page.content()
    shot(page, "9-review")
    with page.expect_download() as docx_download:
        page.locator("button", has_text="Download DOCX").click()
    with page.expect_download() as pdf_download:
        page.locator("button", has_text="Download PDF").click()
    docx_path, pdf_path = tmp_path / "request.docx", tmp_path / "request.pdf"
    docx_download.value.save_as(docx_path)
    pdf_download.value.save_as(pdf_path)
    assert docx_download.value.suggested_filename == "operation-harbour-es.docx"

    from docx import Document
    from pypdf import PdfReader

    docx_text = "\n".join(p.text for p in Document(str(docx_path)).paragraphs)
    assert world.authority.name in docx_text and world.bra_provision.text in docx_text
    pdf_text = "\n".join(p.extract_text() for p in PdfReader(str(pdf_path)).pages)
    assert world.authority.name in pdf_text
    assert sorted(RequestExport.objects.values_list("file_format", flat=True)) == ["docx", "pdf"]

    if OUTPUT:
        import pypdfium2

        pdf = pypdfium2.PdfDocument(io.BytesIO(pdf_path.read_bytes()))
        try:
            pdf[0].render(scale=1.5).to_pil().save(str(Path(OUTPUT) / "mla-pdf-first-page.png"))
        finally:
            pdf.close()
    context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_writer_pages_pass_axe_and_fit_a_phone(browser, live_server, reference_data, lang) -> None:  # noqa: ANN001
    """Every step of a complete draft (and the list of drafts), in English and in Arabic (right to left), at
    1366 and 360 px: no critical or serious axe-core violation, no sideways scrolling on the phone."""
    from mla.views import STEPS
    from tests.browser.test_accessibility import FAILING, WIDTHS, describe, run_axe
    from tests.factories import AssistanceMeasureFactory, RequestDraftFactory
    from tests.mla.conftest import PASSWORD, build_world

    world = build_world()
    draft = RequestDraftFactory(
        owner=world.practitioner,
        requested_authority=world.authority,
        offences=[world.bra_provision],
        output_language="fr",  # not accepted: the warning is on the page too
    )
    AssistanceMeasureFactory(draft=draft)
    base = live_server.url
    paths = [f"/{lang}/mla/"] + [f"/{lang}/mla/{draft.pk}/{step.slug}/" for step in STEPS]
    failures = []
    for width, (w, h) in WIDTHS.items():
        context = browser.new_context(viewport={"width": w, "height": h}, bypass_csp=True)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(f"{base}/en/accounts/login/")
        page.fill("input[name=username]", "prosecutor")
        page.fill("input[name=password]", PASSWORD)
        page.locator("main form button[type=submit]").last.click()
        page.wait_for_load_state()
        for path in paths:
            response = page.goto(base + path)
            assert response is not None and response.status == 200, path
            failures += [describe(v, f"{width} {path}") for v in run_axe(page) if v["impact"] in FAILING]
            if width == "phone":
                overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
                if overflow > 1:
                    failures.append(f"{width} {path}: scrolls sideways by {overflow}px")
        if OUTPUT and lang == "ar" and width == "desktop":
            page.goto(f"{base}/ar/mla/{draft.pk}/offences/")
            shot(page, "5-offences-ar")
        context.close()
    assert not failures, "\n".join(failures)
