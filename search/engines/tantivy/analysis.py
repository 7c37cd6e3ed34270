"""Text analysis for the tantivy engine: one analyzer per key of search.schema.ANALYZERS.

Stemming analyzers are built from tantivy's own tokenizer and filters, so indexing runs in Rust:
simple tokenizer (splits on anything that is not a letter or digit, Unicode-aware) -> drop very long
tokens -> lower-case -> Snowball stemmer -> ASCII folding. Folding comes *after* stemming because the
French, Spanish and Portuguese stemmers rely on accents; folding afterwards still lets 'resume'
find 'résumé'. `std` is the same without a stemmer.

Chinese has no spaces between words, so `zh` text is segmented in Python with jieba and handed to
tantivy as pre-tokenized text: each word gets one position, and the dictionary words inside a long
word (as jieba's search mode finds them) share that position, so a query for a two-character word
also matches inside a longer compound while phrases of whole words keep consecutive positions.
Queries are segmented the same way, so every term an engine query asks for exists in the index.
"""

import logging
import re
import threading
from functools import cache

import jieba
import tantivy

from ...schema import ANALYZERS

jieba.setLogLevel(logging.WARNING)

STEMMERS: dict[str, str] = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "pt": "portuguese",
    "ru": "russian",
    "ar": "arabic",
}
MAX_TOKEN_CHARS = 64
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_WORD = re.compile(r"[^\W_]+")
_jieba_lock = threading.Lock()
_jieba_ready = False


def tokenizer_name(analyzer: str) -> str:
    return f"sherloc_{analyzer}"


@cache
def text_analyzer(analyzer: str) -> tantivy.TextAnalyzer:
    """The tantivy analyzer registered for `analyzer` (also used to analyze query terms)."""
    if analyzer == "zh":
        # Only used if tantivy itself tokenizes zh text (it does not: we pre-tokenize).
        return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).filter(tantivy.Filter.lowercase()).build()
    builder = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(MAX_TOKEN_CHARS))
        .filter(tantivy.Filter.lowercase())
    )
    if analyzer in STEMMERS:
        builder = builder.filter(tantivy.Filter.stemmer(STEMMERS[analyzer]))
    return builder.filter(tantivy.Filter.ascii_fold()).build()


def register_analyzers(index: tantivy.Index) -> None:
    """Analyzers are not persisted in the index: register them every time an index is opened."""
    for analyzer in ANALYZERS:
        index.register_tokenizer(tokenizer_name(analyzer), text_analyzer(analyzer))


def _jieba() -> "jieba.Tokenizer":
    global _jieba_ready
    if not _jieba_ready:
        with _jieba_lock:
            if not _jieba_ready:
                jieba.dt.check_initialized()
                _jieba_ready = True
    return jieba.dt


def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def zh_words(text: str) -> list[tuple[str, int, int]]:
    """jieba's precise segmentation as (word, start, end) character spans, punctuation dropped."""
    return [(w, s, e) for w, s, e in _jieba().tokenize(text) if _is_word(w)]


def zh_tokens(text: str) -> list[tuple[str, int, int, int]]:
    """Index-time tokens for Chinese text, (text, position, start, end): words plus the dictionary
    sub-words of long words. Plain tuples, so that worker processes can make them (fields.assemble)."""
    freq = _jieba().FREQ
    tokens = []
    for position, (word, start, end) in enumerate(zh_words(text)):
        tokens.append((word.lower(), position, start, end))
        for size in (2, 3):
            if len(word) > size:
                for i in range(len(word) - size + 1):
                    gram = word[i : i + size]
                    if freq.get(gram):
                        tokens.append((gram.lower(), position, start + i, start + i + size))
    return tokens


def zh_search_spans(text: str) -> list[tuple[str, int, int]]:
    """All tokens (words and sub-words) with their spans: what a highlighter compares to query terms."""
    return [(w.lower(), s, e) for w, s, e in _jieba().tokenize(text, mode="search") if _is_word(w)]


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def query_tokens(analyzer: str, term: str) -> tuple[str, ...]:
    """The index terms a query term becomes in `analyzer`'s fields (several = search as a phrase)."""
    if analyzer == "zh":
        if not has_cjk(term):  # jieba keeps Latin words and numbers whole: no need to load it
            return tuple(w.lower() for w in _WORD.findall(term))
        return tuple(w.lower() for w, _, _ in zh_words(term))
    return tuple(text_analyzer(analyzer).analyze(term))
