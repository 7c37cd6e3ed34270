"""PDF text extraction is bounded by work, not only by the seconds checked between pages (issue #19,
item 7): a tiny PDF whose page inflates to megabytes of content-stream operators is answered quickly."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sherloc import uploads
from tests.pdfs import make_bomb_pdf, make_pdf
from tests.submissions.conftest import as_user
from tests.submissions.test_law_form import edit_url
from tests.submissions.test_uploads import form_data

pytestmark = pytest.mark.django_db
BOMB = make_bomb_pdf(20_000_000, repeats=100, before="Opening page Wombatlaw", after="Closing page Numbatcode")


def timed_check(content: bytes) -> tuple[str, float]:
    started = time.monotonic()
    text = uploads.check_pdf(SimpleUploadedFile("bomb.pdf", content)).extracted_text
    return text, time.monotonic() - started


def test_a_page_repeating_one_stream_to_20_mb_is_skipped_quickly() -> None:
    assert len(BOMB) < 25_000
    text, seconds = timed_check(BOMB)
    assert seconds < 3
    assert "Wombatlaw" in text and "Numbatcode" in text  # the ordinary pages around it keep their text
    assert "bomb words" not in text


def test_one_stream_inflating_past_the_budget_is_skipped_quickly() -> None:
    text, seconds = timed_check(make_bomb_pdf(20_000_000, repeats=1, before="Opening page Wombatlaw"))
    assert seconds < 3
    assert "Wombatlaw" in text and "bomb words" not in text


def test_the_total_content_budget_stops_extraction(settings) -> None:  # noqa: ANN001
    content = make_pdf("first page", "second page", "third page")
    assert "third page" in timed_check(content)[0]
    settings.ATTACHMENT_TEXT_MAX_CONTENT_BYTES = 80  # each page's stream is about 45 bytes
    text, _seconds = timed_check(content)
    assert "first page" in text and "second page" not in text


def test_the_law_form_accepts_the_bomb_quickly_without_its_text(client, fp_bra, draft_law) -> None:  # noqa: ANN001
    client = as_user(client, fp_bra)
    started = time.monotonic()
    upload = SimpleUploadedFile("bomb.pdf", BOMB, content_type="application/pdf")
    response = client.post(edit_url(draft_law), form_data(draft_law, **{"attachments-files": upload}))
    assert time.monotonic() - started < 5
    assert response.status_code == 302
    attachment = draft_law.attachments.get()
    assert "Numbatcode" in attachment.extracted_text and "bomb words" not in attachment.extracted_text
