"""Rich text reaches the index as block-aware plain text (issue #19, item 8): words in different HTML
blocks stay apart, entities are decoded once, and snippets escape them once."""

import pytest
from django.db import transaction

from search import service
from search.query import SearchQuery
from sherloc import richtext
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db
SUMMARY = "<p>alpha</p><p>beta</p><ul><li>Gamma</li><li>delta &amp; epsilon</li></ul>"


@pytest.fixture
def case(django_capture_on_commit_callbacks):  # noqa: ANN001, ANN201
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        return CaseFactory(title="Block boundaries case", fact_summary=SUMMARY)


def case_hits(text: str) -> list:
    return [hit for hit in service.search(SearchQuery(text=text)).hits if hit.type == "case"]


@pytest.mark.parametrize("word", ["alpha", "beta", "gamma", "delta", "epsilon"])
def test_words_of_every_block_are_found(case, word) -> None:  # noqa: ANN001
    assert [hit.record_id for hit in case_hits(word)] == [case.pk]


def test_glued_words_are_not_indexed(case) -> None:  # noqa: ANN001
    assert case_hits("alphabeta") == [] and case_hits("betagamma") == []


def test_snippet_keeps_blocks_apart_and_escapes_once(case) -> None:  # noqa: ANN001
    [hit] = case_hits("beta")
    snippet = " ".join(hit.snippets)
    assert "<mark>beta</mark>" in snippet
    assert "alphabeta" not in snippet and "betaGamma" not in snippet
    assert "delta &amp; epsilon" in snippet and "&amp;amp;" not in snippet


def test_search_page_and_api_show_the_snippet_escaped_once(client, case) -> None:  # noqa: ANN001
    page = client.get("/en/search/?q=epsilon").content.decode()
    assert "&amp; <mark>epsilon</mark>" in page and "&amp;amp;" not in page and "alphabeta" not in page
    body = client.get("/api/v1/search/?q=epsilon").json()
    [snippet] = [s for hit in body["results"] for s in hit["snippets"]]
    assert "&amp; <mark>epsilon</mark>" in snippet and "&amp;amp;" not in snippet


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>alpha</p><p>beta</p>", "alpha\nbeta"),
        ("<p>The <b>Palermo</b> Proto<em>col</em></p>", "The Palermo Protocol"),
        ("one<br>two<br/>three", "one\ntwo\nthree"),
        ("<div>a &amp; b &lt;c&gt;</div><table><tr><td>x</td><td>y</td></tr></table>", "a & b <c>\nx\ny"),
        ("<p>kept</p><script>alert('x')</script><style>p{}</style>", "kept"),
        ("Plain &amp; text, no tags", "Plain &amp; text, no tags"),
    ],
)
def test_plain_text_for_the_index(html, text) -> None:  # noqa: ANN001
    assert richtext.plain(html) == text
