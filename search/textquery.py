"""The tolerant parser of what users type into the search box.

Users type words, "quoted phrases", -exclusions and `a OR b`. Whatever else they type (unbalanced
quotes, stray operators, Lucene/Elasticsearch syntax such as `title:x^2 (a*`, control characters,
pasted pages of text) must still give a sensible search and never an error, because no engine ever
sees the raw text: engines build their queries from the `ParsedText` this module returns.

Rules, in order:
- Control and format characters become spaces; the input is cut at MAX_INPUT_CHARS.
- `"..."` (also curly and French quotes) is a phrase; a quote without its closing partner is dropped
  and the rest is read as words. A one-word phrase is a word.
- `-word` / `-"a phrase"` excludes; a lone `-` is ignored; hyphens inside words stay (`anti-money`).
- `OR` (upper case, as in web search engines) between two positive terms joins them into one
  any-of group; `a OR b OR c` is one group. An `OR` with nothing positive on one side is a plain word.
  Function words (search/stopwords.py) leave a group that has another member.
- Query-syntax characters (`: ^ ( ) [ ] { } * ~ \\ ! ? + < > = / | &`) separate words; a token with
  no letter or digit is dropped.
- At most MAX_TERMS terms in total (later ones are ignored), each at most MAX_TERM_CHARS long.
- A plain (unquoted, not negated, not in an OR group) token holding a digit, with the labels written
  before it (`HCCR 123/2019`, `Law No. 13.344`), becomes a NumberTerm: its words, or its number keys
  (search/numbers.py). Its words leave `must`.

Nothing is lower-cased or stemmed here: that is the analyzers' job, per language.
Terms in `any_of` and `excluded` may contain spaces (they came from phrases): engines search such a
term as a phrase. `must` never contains spaces.
"""

import re
import unicodedata
from dataclasses import dataclass

from .numbers import query_numbers
from .query import NumberTerm, ParsedText
from .stopwords import is_function_word

MAX_INPUT_CHARS = 2_000
MAX_TERMS = 64
MAX_TERM_CHARS = 100

_QUOTES = str.maketrans({c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"})
_SYNTAX = re.compile(r"[:^()\[\]{}*~\\!?+<>=/|&;,\"]")
_SPACE = re.compile(r"\s+")


@dataclass
class _Item:
    text: str
    negated: bool = False
    is_or: bool = False

    @property
    def positive(self) -> bool:
        return not self.negated and not self.is_or


def _clean_chars(text: str) -> str:
    """Drop format characters (zero-width joiners...), turn control characters into spaces."""
    out = []
    for ch in text[:MAX_INPUT_CHARS]:
        cat = unicodedata.category(ch)
        if cat == "Cf":
            continue
        out.append(" " if cat in ("Cc", "Cs", "Co", "Zl", "Zp") else ch)
    return "".join(out).translate(_QUOTES)


def _words(chunk: str) -> list[str]:
    """Split a chunk on whitespace and query-syntax characters; keep tokens with a letter or digit."""
    result = []
    for token in _SPACE.split(_SYNTAX.sub(" ", chunk)):
        token = token.strip("-'.\u2019_")
        if token and any(ch.isalnum() for ch in token):
            result.append(token[:MAX_TERM_CHARS])
    return result


def _phrase(chunk: str) -> str:
    return " ".join(_words(chunk))[:MAX_TERM_CHARS].strip()


def _scan(text: str) -> list[_Item]:
    """Split the cleaned text into words, phrases and OR operators."""
    items: list[_Item] = []
    pos, n = 0, len(text)
    while pos < n:
        ch = text[pos]
        if ch.isspace():
            pos += 1
            continue
        negated = False
        if ch == "-":
            # "-word" or '-"phrase"'; a lone "-" (or "- word") excludes nothing.
            if pos + 1 < n and not text[pos + 1].isspace():
                negated = True
            pos += 1
            while pos < n and text[pos] == "-":
                pos += 1
            if pos >= n or text[pos].isspace():
                continue
            ch = text[pos]
        if ch == '"':
            end = text.find('"', pos + 1)
            if end == -1:  # unbalanced: drop the quote, read on as words
                pos += 1
                continue
            phrase = _phrase(text[pos + 1 : end])
            pos = end + 1
            if phrase:
                items.append(_Item(phrase, negated))
            continue
        end = pos
        while end < n and not text[end].isspace() and text[end] != '"':
            end += 1
        raw = text[pos:end]
        pos = end
        if raw == "OR" and not negated:
            items.append(_Item("OR", is_or=True))
            continue
        words = _words(raw)
        # "-a:b" excludes both a and b: the whole raw token was negated.
        items.extend(_Item(word, negated) for word in words)
    return items


def _fold_or(items: list[_Item]) -> list[list[_Item] | _Item]:
    """Join `x OR y (OR z...)` into groups; an OR without positive terms on both sides is a word."""
    out: list[list[_Item] | _Item] = []
    i = 0
    while i < len(items):
        item = items[i]
        if item.is_or and i + 1 < len(items) and items[i + 1].is_or:
            i += 1  # "a OR OR b" is "a OR b"
            continue
        if item.is_or:
            prev = out[-1] if out else None
            nxt = items[i + 1] if i + 1 < len(items) else None
            prev_ok = isinstance(prev, list) or (isinstance(prev, _Item) and prev.positive)
            if prev_ok and nxt is not None and nxt.positive:
                group = prev if isinstance(prev, list) else [prev]
                group.append(nxt)
                out[-1] = group
                i += 2
                continue
            out.append(_Item("OR"))  # dangling operator: searched as the plain word
            i += 1
            continue
        out.append(item)
        i += 1
    return out


def parse_text(text: str) -> ParsedText:
    """Parse user text into words, phrases, any-of groups and exclusions. Never raises."""
    if not isinstance(text, str) or not text:
        return ParsedText()
    must: list[str] = []
    phrases: list[str] = []
    any_of: list[tuple[str, ...]] = []
    excluded: list[str] = []
    budget = MAX_TERMS

    def add(target: list, value: str) -> None:
        nonlocal budget
        if budget > 0 and value not in target:
            target.append(value)
            budget -= 1

    for entry in _fold_or(_scan(_clean_chars(text))):
        if isinstance(entry, list):
            terms = tuple(dict.fromkeys(item.text for item in entry))[: max(budget, 0)]
            # "smuggling OR the" must not count every record with "the": function words leave a group
            # that has another member.
            terms = tuple(t for t in terms if not is_function_word(t)) or terms
            if len(terms) == 1:
                add(phrases if " " in terms[0] else must, terms[0])
            elif terms and terms not in any_of:
                any_of.append(terms)
                budget -= len(terms)
        elif entry.negated:
            add(excluded, entry.text)
        else:
            add(phrases if " " in entry.text else must, entry.text)
    must, numbers = _numbers(_clean_chars(text), must)
    return ParsedText(
        must=tuple(must), phrases=tuple(phrases), any_of=tuple(any_of), excluded=tuple(excluded), numbers=numbers
    )


def _numbers(text: str, must: list[str]) -> tuple[list[str], tuple[NumberTerm, ...]]:
    """Take the words of number-like tokens out of `must` and into NumberTerms (see the module rules)."""
    tokens = text.split()
    available = set(must)
    numbers: list[NumberTerm] = []
    for keys, indexes in query_numbers(tokens):
        if any('"' in tokens[i] for i in indexes):  # part of a phrase: it stays a phrase
            continue
        words = tuple(dict.fromkeys(w for i in indexes for w in _words(tokens[i])))
        if not words or not all(w in available for w in words):  # excluded, in an OR group, or over budget
            continue
        available.difference_update(words)
        numbers.append(NumberTerm(keys=keys, words=words, text=" ".join(tokens[i] for i in indexes)))
    return [w for w in must if w in available], tuple(numbers)


def _quoted(term: str) -> str:
    return f'"{term}"' if " " in term else term


def unparse(parsed: ParsedText) -> str:
    """Search-box text that parses back to `parsed` (for "search these words instead" links)."""
    parts = [*parsed.must, *(n.text or " ".join(n.words) for n in parsed.numbers)]
    parts += [f'"{p}"' for p in parsed.phrases]
    parts += [" OR ".join(_quoted(t) for t in group) for group in parsed.any_of]
    parts += [f"-{_quoted(t)}" for t in parsed.excluded]
    return " ".join(parts)
