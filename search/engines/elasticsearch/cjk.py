"""Chinese word boundaries for the Elasticsearch-family engines, with built-in analysis only.

The `zh` analyzer (mapping.py) makes CJK bigrams: every pair of adjacent Han characters is a term, so
"人口贩运" (trafficking in persons) indexes 人口, 口贩, 贩运 and a search for the meaningless 口贩 would
find it. The tantivy engine segments Chinese into words with jieba and does not. To get the same
results without a segmentation plugin on the server, the text is segmented with the same jieba
dictionary before it is sent: a zero-width space (U+200B) goes between two adjacent Chinese words.
The standard tokenizer splits there, and Lucene's CJK bigram filter never joins tokens whose offsets
are not contiguous, so bigrams stay inside words: 人口|贩运 gives 人口 and 贩运, and a long word such as
拐卖妇女 still gives 妇女 (a word inside a compound is found, as in tantivy). Queries are segmented the
same way, so a query's bigrams are the ones the index holds.

The zero-width space is invisible in snippets; parsing removes it anyway.
"""

from __future__ import annotations

import logging
import re
import threading

ZWSP = "\u200b"
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_lock = threading.Lock()
_tokenizer = None


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def _jieba():  # noqa: ANN202
    """jieba's default tokenizer, initialised once (it loads its dictionary on first use)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                jieba.dt.check_initialized()
                _tokenizer = jieba.dt
    return _tokenizer


def mark_word_boundaries(text: str) -> str:
    """`text` with U+200B between adjacent Chinese words (jieba's precise mode); other text as is."""
    if not text or not has_cjk(text):
        return text
    out: list[str] = []
    previous_cjk = False
    for word, _start, _end in _jieba().tokenize(text):
        if previous_cjk and bool(_CJK.match(word[0])):
            out.append(ZWSP)
        out.append(word)
        previous_cjk = bool(_CJK.match(word[-1]))
    return "".join(out)
