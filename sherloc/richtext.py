"""Rich text of records (case summaries, commentary and legal reasoning; provision texts; an authority's
requirements): a small, safe subset of HTML, or plain text with its paragraphs.

Secretariat staff paste summaries from word processors and court websites, with paragraphs, emphasis,
lists and links worth keeping; focal points type plain text, and real records (SHERLOC's) arrive as plain
text with blank lines between paragraphs. Both must display as formatted text. The rule, applied on input
(forms, API) and again on output (`render`, the `rich` template filter: the one place pages turn stored
text into HTML), so a row written by any other path (an import, the admin, an old backup) is still safe:
an allow-list of tags and attributes through nh3 (ammonia), links limited to http(s)/mailto and opened
with rel="noopener noreferrer nofollow". Plain text (no HTML element at all; "age < 18" is text) is
escaped, a blank line starts a paragraph, a single newline is a line break. Text typed between HTML
blocks gets the same paragraphs.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

TAGS = frozenset(
    {"p", "br", "strong", "em", "b", "i", "u", "sup", "sub", "ul", "ol", "li", "blockquote", "a", "h3", "h4"}
)
ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "ol": {"start"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer nofollow"
_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)(?:[\s/][^>]*)?>")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def has_markup(text: str) -> bool:
    """Whether the text holds an HTML element. Only element names count, so "<Person A>" or "x<y and y>z"
    in a legal text stay text (escaped on display) instead of being parsed away as unknown tags."""
    return any(m.group(1).lower() in HTML_ELEMENTS for m in _TAG.finditer(text or ""))


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
    """HTML for display: sanitised markup, or escaped plain text with its paragraphs. Always a SafeString:
    a plain str would be escaped a second time by the template and show literal <p> tags."""
    if not has_markup(text):
        return mark_safe(_paragraphs(escape(text or "")))  # noqa: S308 - escaped just before
    parser = _LooseText()
    parser.feed(clean(text))
    parser.close()
    return mark_safe(parser.html())  # noqa: S308 - nh3 output, plus our own <p> and <br>


def _paragraphs(escaped: str) -> str:
    """Escaped text as paragraphs: a blank line (spaces allowed) starts a new one, a newline is a <br>."""
    text = escaped.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ""
    paras = (p.strip() for p in _BLANK_LINE.split(text))
    return "\n\n".join("<p>{}</p>".format(p.replace("\n", "<br>\n")) for p in paras if p)


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
# Every element name of HTML, for has_markup: any of these makes the text HTML (sanitised by the allow-list);
# anything else between angle brackets is text.
HTML_ELEMENTS = (
    TAGS
    | BLOCK_TAGS
    | _SKIPPED_CONTENT
    | {
        *("html", "body", "meta", "link", "base", "span", "font", "img", "picture", "source", "track", "video"),
        *("audio", "iframe", "frame", "frameset", "object", "embed", "param", "applet", "canvas", "svg", "math"),
        *("form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "legend"),
        *("datalist", "output", "code", "kbd", "samp", "var", "s", "strike", "small", "big", "mark", "abbr"),
        *("cite", "q", "dfn", "del", "ins", "time", "data", "wbr", "bdi", "bdo", "ruby", "rt", "rp", "tt"),
        *("center", "col", "colgroup", "details", "summary", "dialog", "menu", "area", "map", "meter"),
        *("progress", "marquee", "blink", "xmp", "listing", "plaintext", "noembed", "noframes", "hgroup"),
        *("slot", "image"),
    }
)


class _LooseText(HTMLParser):
    """Sanitised HTML written back unchanged, except text outside any block element ("<p>One</p>Two\n\nThree"
    as pasted, or a summary whose only markup is <strong>): that text gets paragraphs like plain text. Reads
    nh3 output only, so tags are well formed and allow-listed; text and entities pass through as they came."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.blocks = 0  # open block elements, outside loose content
        self.inline = 0  # open elements inside loose content: a blank line there cannot end a <p>
        self._new_paragraph()
        self.paras = [self.para]

    def _new_paragraph(self) -> None:
        # pieces are (is_text, html); a paragraph holding a block element (<a><p>..</p></a>) is not wrapped
        self.para: dict = {"pieces": [], "wrap": True}

    def _loose(self, piece: str, text: bool = False) -> None:
        self.para["pieces"].append((text, piece))

    def _flush(self) -> None:
        for para in self.paras:
            self.out.append(_paragraph_html(para["pieces"], para["wrap"]))
        self._new_paragraph()
        self.paras = [self.para]

    def handle_starttag(self, tag: str, attrs: list) -> None:
        raw = self.get_starttag_text() or f"<{tag}>"
        if self.blocks:
            self.blocks += tag in BLOCK_TAGS and tag != "br"
            self.out.append(raw)
        elif tag == "br":
            self._loose(raw)
        elif tag in BLOCK_TAGS and not self.inline:
            self._flush()
            self.blocks = 1
            self.out.append(raw)
        else:
            self.para["wrap"] = self.para["wrap"] and tag not in BLOCK_TAGS
            self.inline += 1
            self._loose(raw)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        raw = self.get_starttag_text() or f"<{tag}>"
        self.out.append(raw) if self.blocks else self._loose(raw)

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":
            return
        if self.blocks:
            self.blocks -= tag in BLOCK_TAGS
            self.out.append(f"</{tag}>")
        else:
            self.inline = max(0, self.inline - 1)
            self._loose(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.blocks:
            self.out.append(data)
            return
        if self.inline:
            self._loose(data, text=True)
            return
        first, *rest = _BLANK_LINE.split(data.replace("\r\n", "\n"))
        self._loose(first, text=True)
        for part in rest:
            self._new_paragraph()
            self.paras.append(self.para)
            self._loose(part, text=True)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")

    def html(self) -> str:
        self._flush()
        return "".join(self.out)


def _paragraph_html(pieces: list[tuple[bool, str]], wrap: bool) -> str:
    """One paragraph of loose content: trimmed, its newlines made <br>, inside <p> unless it holds a block."""
    if not any(not text or piece.strip() for text, piece in pieces if piece != "<br>"):
        return ""
    if not wrap:
        return "".join(piece for _text, piece in pieces)
    parts = [list(p) for p in pieces]
    for index in (range(len(parts)), range(len(parts) - 1, -1, -1)):
        for i in index:  # trim the outer whitespace: leading, then trailing
            if not parts[i][0]:
                break
            parts[i][1] = parts[i][1].lstrip() if index.step == 1 else parts[i][1].rstrip()
            if parts[i][1]:
                break
    html = []
    for text, piece in parts:
        if text:
            if html and html[-1].startswith("<br"):  # "line<br>\nnext" is one break, not two
                piece = re.sub(r"^[ \t]*\n\s*", "", piece)
            piece = re.sub(r"[ \t]*\n\s*", "<br>\n", piece)
        html.append(piece)
    return "<p>{}</p>".format("".join(html))


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
