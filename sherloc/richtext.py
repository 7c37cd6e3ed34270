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


def plain(text: str) -> str:
    """Text without markup, for the search index and e-mails."""
    if not has_markup(text):
        return text or ""
    return nh3.clean(text, tags=set(), clean_content_tags={"script", "style"})
