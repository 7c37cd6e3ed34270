"""Rich text of cases: allow-listed HTML kept, everything else removed, plain text unchanged."""

import pytest
from django.template import Context, Template

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


# --- display: the one function (and template filter) every page uses -----------------------------------
def rendered(text: str) -> str:
    """What a page shows: the text through the `rich` filter in an autoescaping template."""
    return Template("{% load portal %}{{ text|rich }}").render(Context({"text": text}))


def test_plain_text_becomes_paragraphs_and_line_breaks_escaped_once() -> None:
    text = "First paragraph & more.\n\nSecond paragraph,\nwith a line break.\r\n \r\nThird."
    assert rendered(text) == (
        "<p>First paragraph &amp; more.</p>\n\n<p>Second paragraph,<br>\nwith a line break.</p>\n\n<p>Third.</p>"
    )


@pytest.mark.parametrize(
    "text", ["Victims under 18 (age < 18).", "x<y and y>z", "Between <Person A> and <Person B>", "a <3 b"]
)
def test_angle_brackets_that_are_not_html_are_shown_as_text(text) -> None:  # noqa: ANN001
    html = rendered(text)
    assert html == "<p>" + text.replace("<", "&lt;").replace(">", "&gt;") + "</p>"


def test_html_is_kept_and_not_escaped() -> None:
    html = "<p>The <strong>court</strong> held:</p><ol><li>one</li><li>two</li></ol>"
    assert rendered(html) == html


def test_scripts_event_handlers_and_unsafe_links_are_removed_on_display() -> None:
    html = rendered('<p onclick="x()">Kept</p><script>alert(1)</script><a href="javascript:alert(2)">link</a>')
    assert html == '<p>Kept</p><p><a rel="noopener noreferrer nofollow">link</a></p>'


def test_text_typed_between_html_blocks_gets_paragraphs() -> None:
    text = "<p>Held in HTML.</p>\n\nTyped after it,\non two lines.\n\nThen <b>bold</b> typed.<ul><li>a</li></ul>Tail"
    assert rendered(text) == (
        "<p>Held in HTML.</p><p>Typed after it,<br>\non two lines.</p><p>Then <b>bold</b> typed.</p>"
        "<ul><li>a</li></ul><p>Tail</p>"
    )


def test_inline_markup_only_keeps_the_paragraphs_of_the_text() -> None:
    assert rendered("The <em>first</em> one.\n\nThe second.") == "<p>The <em>first</em> one.</p><p>The second.</p>"


def test_html_with_a_bare_less_than_sign_shows_it_as_text() -> None:
    assert rendered("<p>Victims aged < 18 & women</p>") == "<p>Victims aged &lt; 18 &amp; women</p>"


def test_a_blank_line_inside_an_inline_element_does_not_break_its_nesting() -> None:
    assert rendered("<em>one\n\ntwo</em> three") == "<p><em>one<br>\ntwo</em> three</p>"


@pytest.mark.parametrize("text", ["", "   \n\n  ", None])
def test_empty_text_renders_nothing(text) -> None:  # noqa: ANN001
    assert rendered(text) == ""


def test_plaintext_filter_gives_an_excerpt_without_markup() -> None:
    out = Template("{% load portal %}{{ text|plaintext|truncatewords:3 }}").render(
        Context({"text": "<p>One <strong>two</strong> three four</p><script>x</script>"})
    )
    assert out == "One two three …"
