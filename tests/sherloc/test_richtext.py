"""Rich text of cases: allow-listed HTML kept, everything else removed, plain text unchanged."""

import pytest

from sherloc import richtext
from sherloc.models import PublicationStatus
from tests.factories import CaseFactory


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<p>The <strong>court</strong> held</p>", "<p>The <strong>court</strong> held</p>"),
        ("<script>alert(1)</script><p>x</p>", "<p>x</p>"),
        ('<p onclick="steal()">x</p>', "<p>x</p>"),
        ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'),
        (
            '<a href="https://example.org/j">judgment</a>',
            '<a href="https://example.org/j" rel="noopener noreferrer nofollow">judgment</a>',
        ),
        ('<img src=x onerror="alert(1)">text', "text"),
        ('<iframe src="https://evil"></iframe><em>ok</em>', "<em>ok</em>"),
        ("Plain text with 3 < 4 and no tags", "Plain text with 3 < 4 and no tags"),
    ],
)
def test_clean(raw, expected) -> None:  # noqa: ANN001
    assert richtext.clean(raw) == expected


def test_render_plain_text_escapes_and_keeps_paragraphs() -> None:
    assert richtext.render("A & B\n\nC") == "<p>A &amp; B</p>\n\n<p>C</p>"


def test_plain_strips_markup_for_the_index() -> None:
    assert richtext.plain("<p>The <b>Palermo</b> Protocol</p><script>x</script>") == "The Palermo Protocol"


@pytest.mark.django_db
def test_case_page_never_renders_stored_script(client) -> None:  # noqa: ANN001
    case = CaseFactory(
        status=PublicationStatus.PUBLISHED,
        fact_summary='<p>Victims were <em>recruited</em> online.</p><script>alert("x")</script>',
        commentary="<img src=x onerror=alert(1)>Plain <b>bold</b>",
    )
    page = client.get(case.get_absolute_url()).content.decode()
    assert "<p>Victims were <em>recruited</em> online.</p>" in page
    assert 'alert("x")' not in page and "onerror" not in page
    assert "Plain <b>bold</b>" in page
