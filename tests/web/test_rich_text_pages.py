"""Every page that shows record rich text renders it (issue #14, part 2): HTML as HTML, plain text as
paragraphs, never as escaped tags; excerpts, snippets and citations as plain text."""

from __future__ import annotations

import re

import pytest
from django.db import transaction
from django.utils.html import escape

from search.indexing import rebuild
from sherloc.access import REVIEWERS
from submissions import revisions, workflow
from tests.factories import FocalPointFactory, UserFactory
from tests.web import rich_records as rr

pytestmark = pytest.mark.django_db
ESCAPED = re.compile(r"&lt;/?(p|br|strong|em|b|ul|ol|li|script)\b|&amp;(lt|gt|amp);")


@pytest.fixture
def records(db):  # noqa: ANN001, ANN201
    records = rr.build_rich_records()
    rebuild()
    return records


def page(client, url: str) -> str:  # noqa: ANN001
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert not ESCAPED.search(html), ESCAPED.search(html)
    return html


def paragraphs(texts: list[str], between: str = "\n\n") -> str:
    """Plain-text paragraphs as the pages must show them: escaped, newlines as <br>."""
    return between.join("<p>{}</p>".format(escape(t).replace("\n", "<br>\n")) for t in texts)


def test_case_page_renders_plain_html_and_mixed_rich_text(client, records) -> None:  # noqa: ANN001
    html = page(client, records.case.get_absolute_url())
    assert paragraphs(rr.FACTS_PARAGRAPHS) in html
    assert "<p>The first conviction for <strong>debt bondage</strong> under the 2016 law.</p>" in html
    assert "<li>Quarry owner liable.</li>" in html and "steal()" not in html and "alert(" not in html
    assert paragraphs(rr.REASONING_PARAGRAPHS[:2], between="") in html
    assert "<p><b>The withheld wages</b> were the purpose of exploitation.</p>" in html


def test_citation_box_is_plain_text(client, records) -> None:  # noqa: ANN001
    html = page(client, records.case.get_absolute_url())
    cite = re.search(r'<p class="cite-text"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert "Public Prosecutor v. Quarry Owners" in cite
    assert not re.search(r"<(?!/?(bdi|time|wbr)\b)", cite)  # direction isolates, the URL's breaks, the date


def test_law_page_renders_provision_html_and_plain_paragraphs(client, records) -> None:  # noqa: ANN001
    html = page(client, records.law.get_absolute_url())
    assert rr.PROVISION_HTML in html
    assert paragraphs(rr.PROVISION_EN_PARAGRAPHS) in html
    assert paragraphs(rr.PROVISION_PLAIN_PARAGRAPHS) in html


def test_authority_page_renders_requirements_for_practitioners(client, records) -> None:  # noqa: ANN001
    client.force_login(UserFactory(groups=["practitioners"]))
    html = page(client, records.authority.get_absolute_url())
    assert rr.LEGAL_REQUIREMENTS in html
    assert paragraphs(rr.PROCEDURAL_PARAGRAPHS) in html
    assert "<p>Urgent requests may be sent by e-mail,<br>\nfollowed by the original.</p>" in html


def test_article_page_shows_provision_excerpts_without_markup(client, records) -> None:  # noqa: ANN001
    html = page(client, "/en/instruments/TIP/articles/3/")
    excerpt = re.search(r'<p class="snippet"[^>]*>(Recrutar.*?)</p>', html, re.S).group(1)
    assert excerpt.startswith("Recrutar ou alojar pessoa mediante fraude para fins de exploração.")
    assert "<" not in excerpt


def test_search_snippets_of_html_provisions_show_no_tags(client, records) -> None:  # noqa: ANN001
    html = page(client, "/en/search/?q=servidão")
    # The snippet text sits in a span with its language (after a "Translation" mark when it is one).
    snippets = re.findall(
        r'<p class="snippet">(?:<span class="translation-mark">[^<]*</span> )?<span[^>]*>(.*?)</span></p>', html, re.S
    )
    assert snippets and any("<mark>servidão</mark>" in s for s in snippets)
    assert all(not re.search(r"<(?!/?mark>)", s) for s in snippets)


def test_country_page_renders(client, records) -> None:  # noqa: ANN001
    html = page(client, "/en/countries/BRA/")
    assert records.case.title in html and records.law.title in html


def test_review_page_diff_keeps_paragraphs_and_preview_renders_them(client, records) -> None:  # noqa: ANN001
    """A focal point's update of the case summary: the reviewer's diff keeps the paragraph breaks, the
    content preview shows the new summary as paragraphs."""
    focal = FocalPointFactory(username="fp-bra-rich", countries=["BRA"])
    with transaction.atomic():
        copy = revisions.start_revision(records.case, focal)
    copy.fact_summary = rr.FACTS + "\n\nThe quarry was closed in 2018."
    copy.save()
    workflow.submit(copy, focal)
    client.force_login(UserFactory(username="reviewer-rich", groups=[REVIEWERS]))

    html = page(client, f"/en/review/case/{copy.pk}/")
    diff = re.search(r'<section class="diff".*?</section>', html, re.S).group(0)
    assert "March 2017.<ins><br>\n<br>\nThe quarry was closed in 2018.</ins>" in diff  # a paragraph of its own
    assert "stone quarry.<br>\n<br>\nOn arrival" in diff  # unchanged paragraphs stay apart
    preview = re.search(r'<section class="record-content".*?</section>', html, re.S).group(0)
    assert "<p>The quarry was closed in 2018.</p>" in preview
    assert "<p>Labour inspectors found the workers during a raid in March 2017.</p>" in preview
