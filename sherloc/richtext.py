"""Rich text of case summaries, commentary and legal reasoning: a small, safe subset of HTML.

Secretariat staff paste summaries from word processors and court websites, with paragraphs, emphasis,
lists and links worth keeping; focal points type plain text. Both must display safely. The rule, applied
on input (forms, API) and again on output (the `rich` filter), so a row written by any other path (an
import, the admin, an old backup) is still safe: an allow-list of tags and attributes through nh3
(ammonia), links limited to http(s)/mailto and opened with rel="noopener noreferrer nofollow". Plain text
(no tag at all) keeps today's rendering: paragraphs from blank lines, escaped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nh3
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

TAGS = frozenset(
    {"p", "br", "strong", "em", "b", "i", "u", "sup", "sub", "ul", "ol", "li", "blockquote", "a", "h3", "h4"}
)
ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "ol": {"start"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer nofollow"
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def has_markup(text: str) -> bool:
    return bool(_TAG.search(text or ""))


def clean(text: str) -> str:
    """The stored form: markup reduced to the allow-list; plain text unchanged."""
    if not has_markup(text):
        return text or ""
    return nh3.clean(
        text,
        tags=set(TAGS),
        attributes={tag: set(attrs) for tag, attrs in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        clean_content_tags={"script", "style"},
    )


def render(text: str) -> SafeString:
    """HTML for display: sanitised markup, or escaped plain text with its paragraphs."""
    if not has_markup(text):
        return linebreaks(text or "", autoescape=True)
    return mark_safe(clean(text))  # noqa: S308 - nh3 output: allow-listed tags and attributes only


# Elements that end a line of text when HTML is turned into plain text. Inline elements (strong, em, a...)
# do not: "<b>Traf</b>ficking" is one word. Any HTML may arrive here (rows written before the allow-list
# existed, imports), so the set is wider than TAGS.
BLOCK_TAGS = frozenset(
    {
        *("p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "address", "pre"),
        *("blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr"),
        *("td", "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "figure", "figcaption"),
    }
)
_SKIPPED_CONTENT = frozenset({"script", "style", "template", "noscript", "title", "head"})


class _TextExtractor(HTMLParser):
    """Text of an HTML fragment, with a line break at every block boundary and entities decoded once."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIPPED_CONTENT:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_CONTENT:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def plain(text: str) -> str:
    """Text without markup, for the search index and e-mails: words in different blocks stay apart
    ("<p>alpha</p><p>beta</p>" is "alpha" and "beta" on two lines, never "alphabeta"), entities are
    decoded ("&amp;" is "&": whoever displays the text escapes it, once), runs of spaces collapse."""
    if not has_markup(text):
        return text or ""
    extractor = _TextExtractor()
    extractor.feed(text)
    extractor.close()
    lines = (" ".join(line.split()) for line in "".join(extractor.parts).split("\n"))
    return "\n".join(line for line in lines if line)
