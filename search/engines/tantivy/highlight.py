"""HTML snippets for hits: matched terms in <mark>, everything else HTML-escaped.

For stemmed languages tantivy's SnippetGenerator (Rust) picks the best fragment of a body and
reports the byte ranges of the matched tokens; we escape the fragment ourselves and wrap those
ranges in <mark>, so document text can never inject markup (tantivy's own to_html uses <b>).
Chinese is segmented in Python (see analysis.py), so its snippets are cut here from jieba's spans.

A hit's texts are tried in this order: the UI language, the document's original language, then the
others; the first text with a match gives the snippet. A hit with no matching body text gets the
escaped opening of its body instead, so result lists always have something to show.
"""

from html import escape

import tantivy

from ...schema import analyzer_for
from .analysis import query_tokens, zh_search_spans
from .fields import body_field

SNIPPET_CHARS = 220
MAX_HIGHLIGHT_CHARS = 100_000  # a longer body is highlighted in its first part only (bounded cost per hit)
ZH_SNIPPET_CHARS = 110  # Chinese packs about twice the information per character
ELLIPSIS = "\u2026"


def _render(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    """text[start:end] escaped, with the (character) spans inside it marked."""
    out, pos = [], start
    for s, e in sorted(spans):
        s, e = max(s, pos), min(e, end)
        if s >= e:
            continue
        out.append(escape(text[pos:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        pos = e
    out.append(escape(text[pos:end]))
    return (ELLIPSIS if start > 0 else "") + "".join(out).strip() + (ELLIPSIS if end < len(text) else "")


def _snippet_html(snippet: tantivy.Snippet, body: str) -> str | None:
    ranges = snippet.highlighted()
    if not ranges:
        return None
    fragment = snippet.fragment()
    raw = fragment.encode()
    spans = [(len(raw[: r.start].decode(errors="ignore")), len(raw[: r.end].decode(errors="ignore"))) for r in ranges]
    html = _render(fragment, spans, 0, len(fragment))
    frag_range = snippet.fragment_range()
    body_bytes = len(body.encode())
    prefix = ELLIPSIS if frag_range.start > 0 else ""
    suffix = ELLIPSIS if frag_range.end < body_bytes else ""
    return prefix + html + suffix


def _best_window(spans: list[tuple[int, int]], size: int) -> tuple[int, int]:
    """The span range [i, j) whose spans fit in `size` characters and that holds the most spans."""
    best, j = (0, 1), 0
    for i in range(len(spans)):
        j = max(j, i + 1)
        while j < len(spans) and spans[j][1] - spans[i][0] <= size:
            j += 1
        if j - i > best[1] - best[0]:
            best = (i, j)
    return best


def _cut(text: str, spans: list[tuple[int, int]], size: int) -> str:
    """A window of about `size` characters around the densest group of spans."""
    spans = sorted(set(spans))
    i, j = _best_window(spans, size)
    chosen = spans[i:j]
    first, last = chosen[0][0], chosen[-1][1]
    slack = max(0, size - (last - first))
    start = max(0, first - slack // 3)
    end = min(len(text), max(last, start + size))
    if start > 0:  # start on a word boundary when one is near
        space = text.rfind(" ", max(0, start - 15), start)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.find(" ", end, end + 15)
        end = space if space != -1 else end
    return _render(text, [s for s in spans if s[0] >= start and s[1] <= end], start, end)


def leading_excerpt(text: str, size: int = SNIPPET_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= size:
        return escape(text)
    cut = text.rfind(" ", 0, size)
    return escape(text[: cut if cut > size // 2 else size]) + ELLIPSIS


class Highlighter:
    """Snippets for one search: snippet generators are created per field on first use."""

    def __init__(
        self, searcher: tantivy.Searcher, schema: tantivy.Schema, query: tantivy.Query | None, terms: list[str]
    ) -> None:
        self.searcher = searcher
        self.schema = schema
        self.query = query
        self.terms = terms
        self._generators: dict[str, tantivy.SnippetGenerator] = {}
        self._zh_terms: set[str] | None = None

    def _generator(self, analyzer: str) -> tantivy.SnippetGenerator:
        field = body_field(analyzer)
        if field not in self._generators:
            generator = tantivy.SnippetGenerator.create(self.searcher, self.query, self.schema, field)
            generator.set_max_num_chars(SNIPPET_CHARS)
            self._generators[field] = generator
        return self._generators[field]

    def _zh(self, body: str) -> str | None:
        if self._zh_terms is None:
            self._zh_terms = {token for term in self.terms for token in query_tokens("zh", term)}
        lowered = body.lower()
        if not any(term in lowered for term in self._zh_terms):
            return None  # segmenting is the expensive part: skip bodies that cannot match
        spans = [(s, e) for token, s, e in zh_search_spans(body) if token in self._zh_terms]
        return _cut(body, spans, ZH_SNIPPET_CHARS) if spans else None

    def snippet(self, body: str, language: str) -> str | None:
        body = body[:MAX_HIGHLIGHT_CHARS]
        analyzer = analyzer_for(language)
        if analyzer == "zh":
            return self._zh(body)
        document = tantivy.Document()
        document.add_text(body_field(analyzer), body)
        return _snippet_html(self._generator(analyzer).snippet_from_doc(document), body)

    def snippets(self, doc: dict, ui_language: str) -> list[str]:
        return self.snippet_source(doc, ui_language)[1]

    def snippet_source(self, doc: dict, ui_language: str) -> tuple[str, list[str]]:
        """(language of the text the snippets come from, snippets): the first text with a match, in the
        reader's language first, then the original's."""
        texts = doc.get("texts") or {}
        order = sorted(
            texts,
            key=lambda lang: (
                analyzer_for(lang) != analyzer_for(ui_language),
                lang != doc.get("language"),
                lang,
            ),
        )
        bodies = [(lang, (texts[lang] or {}).get("body") or "") for lang in order]
        if self.query is not None:
            for lang, body in bodies:
                if body:
                    html = self.snippet(body, lang)
                    if html:
                        return lang, [html]
        for lang, body in bodies:
            if body.strip():
                return lang, [leading_excerpt(body)]
        return "", []
