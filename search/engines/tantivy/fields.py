"""The tantivy schema derived from search.schema, and the conversion of a document dict into it.

Besides the contract's fields, the index holds a few internal ones (names start with `_`):

- `_doc`: the whole document as JSON (stored only): hits, sources and snippets are built from it, so
  a page costs one stored-document read per hit.
- `_uid`: an integer fast field `(kind << 40) | pk`, the tie-breaker for equal relevance scores
  (tantivy's Python API can read numeric fast fields for a batch of hits, not text ones).
- `_sk_newest`, `_sk_oldest`, `_sk_title`: one raw, fast text field per field sort whose value is the
  sort key followed by `\\x00` and the document id. Each is unique per document, so sorting on it
  alone gives a total, segment-independent order: the same order as Elasticsearch's
  `[<key>, id]`, and a stable basis for cursors. Missing dates sort last in both date orders.
- `_nk_id`, `_nk_newest`, `_nk_oldest`: the same orders (id order for relevance without text) as one
  unsigned fast integer, for documents whose id is `<kind>:<at most 10 digits>` (every id the project
  makes). Tantivy sorts a numeric column far faster than a text one (a text sort turns every
  collected ordinal into its string: about offset + limit lookups per segment), and a cursor on a
  number is a range filter (`> last key`), so its cost does not grow with its depth. The id's
  digits are encoded one base-11 digit each (digit + 1, 0 pads), which keeps the string order.
- `_nk_title`: a coarse numeric key of the title order (titlekeys.py): never out of order, ties broken
  by `_sk_title`, which tantivy then reads only inside a run of equal keys.
- `_idver`: `id \\x00 version` as one raw term, so versions() walks a term dictionary instead of
  loading 100k stored documents.
"""

import datetime as dt
import functools
import re
import zlib

import orjson
import tantivy

from ...numbers import number_keys
from ...schema import (
    ANALYZERS,
    DATE_FIELDS,
    DOC_KINDS,
    INTEGER_FIELDS,
    KEYWORD_FIELDS,
    NUMBER_FIELDS,
    NUMBER_KEYS,
    analyzer_for,
)
from .analysis import tokenizer_name, zh_tokens
from .titlekeys import EMPTY, TitleTable

DOC = "_doc"
UID = "_uid"
IDVER = "_idver"
SORT_KEYS: dict[str, str] = {"newest": "_sk_newest", "oldest": "_sk_oldest", "title": "_sk_title"}
ID_SORT = "id"  # relevance without text: every score is equal, so the order is the id order
# Numeric twins of the text sort keys (not for title: a title does not fit in 64 bits); a field is
# used only when every document of the index has it (see TantivyEngine._sort_field).
NUMERIC_SORT_KEYS: dict[str, str] = {ID_SORT: "_nk_id", "newest": "_nk_newest", "oldest": "_nk_oldest"}
# Numeric keys that only narrow an order (equal keys are ordered by the text key): title (titlekeys.py).
COARSE_SORT_KEYS: dict[str, str] = {"title": "_nk_title"}
PK_DIGITS = 10
SEP = "\x00"
MAX_KEYWORD_CHARS = 1_000
MAX_SORT_TITLE_CHARS = 200
_KIND_ORDER = {kind: i for i, kind in enumerate(sorted(DOC_KINDS))}
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ID_SPAN = len(_KIND_ORDER) * 11**PK_DIGITS  # id numbers are below this
_NO_DATE = 10**8  # after every 8-digit date, like "~" in the text keys


def title_field(analyzer: str) -> str:
    return f"title_{analyzer}"


def body_field(analyzer: str) -> str:
    return f"body_{analyzer}"


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for name in KEYWORD_FIELDS:
        builder.add_text_field(name, fast=True, tokenizer_name="raw", index_option="basic")
    for name in INTEGER_FIELDS:
        builder.add_integer_field(name, indexed=True, fast=True)
    for name in DATE_FIELDS:
        builder.add_date_field(name, indexed=True, fast=True)
    for name in ANALYZERS:
        builder.add_text_field(title_field(name), tokenizer_name=tokenizer_name(name))
        builder.add_text_field(body_field(name), tokenizer_name=tokenizer_name(name))
    builder.add_text_field(NUMBER_KEYS, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field(UID, fast=True)
    for name in SORT_KEYS.values():
        builder.add_text_field(name, fast=True, tokenizer_name="raw", index_option="basic")
    for name in (*NUMERIC_SORT_KEYS.values(), *COARSE_SORT_KEYS.values()):
        builder.add_unsigned_field(name, fast=True)
    builder.add_text_field(IDVER, tokenizer_name="raw", index_option="basic")
    builder.add_bytes_field(DOC, stored=True)
    return builder.build()


def uid(doc_id: str) -> int:
    """A unique integer per id, ordered by (kind, pk); ids of an unknown shape are hashed."""
    kind, _, pk = doc_id.partition(":")
    if kind in _KIND_ORDER and pk.isdigit() and int(pk) < 1 << 40:
        return (_KIND_ORDER[kind] << 40) | int(pk)
    return (len(_KIND_ORDER) << 40) | zlib.crc32(doc_id.encode())


def _date_digits(value: object) -> str | None:
    match = _DATE.match(str(value or ""))
    return "".join(match.groups()) if match else None


def sort_title(doc: dict) -> str:
    """The title as the title order compares it (before the id that makes `_sk_title` unique)."""
    return str(doc.get("sort_title") or doc.get("title") or "").replace(SEP, "")[:MAX_SORT_TITLE_CHARS]


def sort_keys(doc: dict) -> dict[str, str]:
    doc_id = doc["id"]
    digits = _date_digits(doc.get("date"))
    newest = f"{99_999_999 - int(digits):08d}" if digits else "~"  # "~" sorts after every digit
    oldest = digits or "~"
    title = sort_title(doc)
    return {
        SORT_KEYS["newest"]: f"{newest}{SEP}{doc_id}",
        SORT_KEYS["oldest"]: f"{oldest}{SEP}{doc_id}",
        SORT_KEYS["title"]: f"{title}{SEP}{doc_id}",
    }


def id_number(doc_id: str) -> int | None:
    """The id's place in string order as a number, for `<kind>:<digits>` ids; None for other shapes."""
    kind, sep, pk = doc_id.partition(":")
    if not sep or kind not in _KIND_ORDER or not 0 < len(pk) <= PK_DIGITS or not (pk.isascii() and pk.isdigit()):
        return None
    value = _KIND_ORDER[kind]
    for i in range(PK_DIGITS):
        value = value * 11 + (int(pk[i]) + 1 if i < len(pk) else 0)
    return value


def numeric_sort_keys(doc: dict) -> dict[str, int]:
    """The numeric twins of sort_keys() (same orders); empty for an id id_number() cannot encode."""
    number = id_number(doc["id"])
    if number is None:
        return {}
    digits = _date_digits(doc.get("date"))
    newest = 99_999_999 - int(digits) if digits else _NO_DATE
    oldest = int(digits) if digits else _NO_DATE
    return {
        NUMERIC_SORT_KEYS[ID_SORT]: number,
        NUMERIC_SORT_KEYS["newest"]: newest * _ID_SPAN + number,
        NUMERIC_SORT_KEYS["oldest"]: oldest * _ID_SPAN + number,
    }


def _values(value: object) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return [v for v in value if v is not None and v != ""]
    return [value]


def _parse_date(value: object) -> dt.datetime | None:
    digits = _date_digits(value)
    if not digits:
        return None
    try:
        return dt.datetime(int(digits[:4]), int(digits[4:6]), int(digits[6:]), tzinfo=dt.UTC)
    except ValueError:
        return None


def document_fields(doc: dict, titles: TitleTable = EMPTY) -> tuple[dict[str, list], list[tuple[str, str, list]]]:
    """A search document dict (search/schema.py) as plain values: ({field: [values]}, Chinese texts as
    (field, text, token tuples)). Picklable, so worker processes of a rebuild can make it (assemble()
    turns it into a tantivy document); `titles`: the generation's table of title keys (titlekeys.py)."""
    doc_id = doc["id"]
    out: dict[str, list] = {}
    zh: list[tuple[str, str, list]] = []
    for name in KEYWORD_FIELDS:
        values = _values(doc.get(name))
        if values:
            out[name] = [str(value)[:MAX_KEYWORD_CHARS] for value in values]
    for name in INTEGER_FIELDS:
        values = _values(doc.get(name))
        if values:
            out[name] = [int(value) for value in values]
    for name in DATE_FIELDS:
        date = _parse_date(doc.get(name))
        if date is not None:
            out[name] = [date]
    for lang, text in (doc.get("texts") or {}).items():
        analyzer = analyzer_for(lang)
        for field, value in ((title_field(analyzer), text.get("title")), (body_field(analyzer), text.get("body"))):
            if not value:
                continue
            if analyzer == "zh":
                zh.append((field, value, zh_tokens(value)))
            else:
                out.setdefault(field, []).append(value)
    keys = number_keys([n for name in NUMBER_FIELDS for n in _values(doc.get(name))])
    if keys:
        out[NUMBER_KEYS] = list(keys)
    out[UID] = [uid(doc_id)]
    for name, key in sort_keys(doc).items():
        out[name] = [key]
    for name, number in numeric_sort_keys(doc).items():
        out[name] = [number]
    out[COARSE_SORT_KEYS["title"]] = [titles.key(sort_title(doc))]
    out[IDVER] = [f"{doc_id}{SEP}{doc.get('version') or ''}"]
    # orjson: the same bytes as json.dumps(ensure_ascii=False, compact, default=str) at a sixth of the
    # cost (datetimes passed to `str` too), which bulk indexing pays once per document.
    out[DOC] = [orjson.dumps(doc, default=str, option=orjson.OPT_PASSTHROUGH_DATETIME)]
    return out, zh


# A document converted ahead of writing (in a worker process of a parallel rebuild): (id, fields, zh).
# A plain tuple: unpickling a NamedTuple cost the writing process 39 µs a document, a tuple 13 µs.
Prepared = tuple[str, dict[str, list], list[tuple[str, str, list]]]


def prepare(doc: dict, titles: TitleTable = EMPTY) -> Prepared:
    """document_fields() with the id: what TantivyEngine.preparer() runs in worker processes."""
    return (doc["id"], *document_fields(doc, titles))


@functools.cache
def _schema() -> tantivy.Schema:
    return build_schema()


def assemble(fields: dict[str, list], zh: list[tuple[str, str, list]]) -> tantivy.Document:
    """The tantivy document of document_fields()' values (one call into tantivy for the plain ones)."""
    out = tantivy.Document.from_dict(fields, _schema())
    for field, text, tokens in zh:
        out.add_pre_tokenized_text(field, tantivy.PreTokenizedString(text, [tantivy.Token(*t) for t in tokens]))
    return out


def to_document(doc: dict, titles: TitleTable = EMPTY) -> tantivy.Document:
    """A search document dict (search/schema.py) as a tantivy document; `titles`: the generation's
    table of title keys (titlekeys.py)."""
    return assemble(*document_fields(doc, titles))
