"""Record numbers (portal, source, court file and law numbers) as the search box finds them.

People type numbers as they read them: `BRA016`, `2017/0345-12`, `HCCR 123/2019`, `Law No. 13.344`
(without the year), `13.344/2016`. The word analyzers cut such numbers at every slash, dot or hyphen
(tantivy) or keep some of them whole (OpenSearch's standard tokenizer), so the two engines would find
different records and neither would find a number reliably. Instead each document carries its numbers in
a field of *keys*: a number in lower case with everything but letters and digits removed, for the whole
number and for the parts people leave out (a leading label such as "Law No.", a trailing "/2016").
A query token that holds a digit (with the labels written before it) is turned into the same keys, and
the engines match them exactly, as an alternative to matching its words in the text.
"""

import re
import unicodedata
from functools import lru_cache

_ALNUM = re.compile(r"[^\W_]+")
_YEAR = re.compile(r"(1[89]|2[0-9])\d\d")
_NUMBER_TOKEN = re.compile(r"[\w./-]+")  # letters, digits and the separators numbers use; no query syntax
MIN_KEY_CHARS = 3
MIN_DIGITS = 3  # "G20", "COVID-19", "w10" are words; "BRA016", "123/2019", "13.344" are numbers
MAX_KEY_CHARS = 100
MAX_LABELS = 2
# Words written before a number that belong to it ("Law No. 13.344", "Case no. 12/2020").
LABEL_WORDS = frozenset(
    {"no", "nr", "nº", "n°", "num", "number", "law", "act", "decree", "case", "file", "ref", "lei", "ley", "loi"}
)


def key(text: str) -> str:
    """Lower case, letters and digits only: `Law No. 13.344/2016` -> `lawno133442016`."""
    return "".join(_ALNUM.findall(unicodedata.normalize("NFKC", text).casefold()))[:MAX_KEY_CHARS]


def has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _usable(value: str) -> bool:
    return len(value) >= MIN_KEY_CHARS and sum(ch.isdigit() for ch in value) >= MIN_DIGITS


def number_keys(numbers: list[str] | tuple[str, ...]) -> list[str]:
    """Index keys of a record's numbers: each number whole, without its leading words, and the parts of
    its numbered token before each slash (`13.344/2016` -> `13344`; a bare year is never a key)."""
    return list(_number_keys(tuple(str(n or "") for n in numbers)))


@lru_cache(maxsize=4096)
def _number_keys(numbers: tuple[str, ...]) -> tuple[str, ...]:
    """Memoised: every provision of a law carries the law's numbers, so a rebuild meets each set of
    numbers about five times in a row (a quarter of the per-document indexing work without it)."""
    keys: dict[str, None] = {}
    for number in numbers:
        tokens = str(number or "").split()
        for i in range(len(tokens)):  # "Law No. 13.344/2016", "No. 13.344/2016", "13.344/2016"
            whole = key(" ".join(tokens[i:]))
            if _usable(whole):
                keys[whole] = None
        for token in tokens:
            if not has_digit(token):
                continue
            parts = token.split("/")
            for end in range(1, len(parts)):
                prefix = key("/".join(parts[:end]))
                if _usable(prefix) and not _YEAR.fullmatch(prefix):
                    keys[prefix] = None
    return tuple(keys)


def _is_label(token: str) -> bool:
    word = token.strip(".:,;")
    if not word or not word.isalpha():
        return False
    return word.casefold() in LABEL_WORDS or (word.isupper() and 2 <= len(word) <= 6)


def query_numbers(tokens: list[str]) -> list[tuple[tuple[str, ...], tuple[int, ...]]]:
    """Number candidates among whitespace-separated query tokens: (keys, indexes of the tokens they cover).

    A candidate is a token holding a digit and nothing but letters, digits and `. / - _`, with up to
    MAX_LABELS label tokens before it ("HCCR", "Law No."); its keys are the token alone and with each
    label prefix, as number_keys() indexes them.
    """
    found = []
    for i, token in enumerate(tokens):
        if not has_digit(token) or token.startswith("-") or not _NUMBER_TOKEN.fullmatch(token.rstrip(".,;:")):
            continue
        start = i
        while start > 0 and i - start < MAX_LABELS and _is_label(tokens[start - 1]):
            start -= 1
        keys = [key(" ".join(tokens[j : i + 1])) for j in range(i, start - 1, -1)]
        keys = tuple(dict.fromkeys(k for k in keys if _usable(k) and not _YEAR.fullmatch(k)))
        if keys:
            found.append((keys, tuple(range(start, i + 1))))
    return found
