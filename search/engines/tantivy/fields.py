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
- `_idver`: `id \\x00 version` as one raw term, so versions() walks a term dictionary instead of
  loading 100k stored documents.
"""

import datetime as dt
import json
import re
import zlib

import tantivy

from ...schema import (
    ANALYZERS,
    DATE_FIELDS,
    DOC_KINDS,
    INTEGER_FIELDS,
    KEYWORD_FIELDS,
    analyzer_for,
)
from .analysis import tokenizer_name, zh_pretokenized

DOC = "_doc"
UID = "_uid"
IDVER = "_idver"
SORT_KEYS: dict[str, str] = {"newest": "_sk_newest", "oldest": "_sk_oldest", "title": "_sk_title"}
ID_SORT = "id"  # relevance without text: every score is equal, so the order is the id order
SEP = "\x00"
MAX_KEYWORD_CHARS = 1_000
MAX_SORT_TITLE_CHARS = 200
_KIND_ORDER = {kind: i for i, kind in enumerate(sorted(DOC_KINDS))}
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


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
    builder.add_integer_field(UID, fast=True)
    for name in SORT_KEYS.values():
        builder.add_text_field(name, fast=True, tokenizer_name="raw", index_option="basic")
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


def sort_keys(doc: dict) -> dict[str, str]:
    doc_id = doc["id"]
    digits = _date_digits(doc.get("date"))
    newest = f"{99_999_999 - int(digits):08d}" if digits else "~"  # "~" sorts after every digit
    oldest = digits or "~"
    title = str(doc.get("sort_title") or doc.get("title") or "").replace(SEP, "")[:MAX_SORT_TITLE_CHARS]
    return {
        SORT_KEYS["newest"]: f"{newest}{SEP}{doc_id}",
        SORT_KEYS["oldest"]: f"{oldest}{SEP}{doc_id}",
        SORT_KEYS["title"]: f"{title}{SEP}{doc_id}",
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


def to_document(doc: dict) -> tantivy.Document:
    """A search document dict (search/schema.py) as a tantivy document."""
    doc_id = doc["id"]
    out = tantivy.Document()
    for name in KEYWORD_FIELDS:
        for value in _values(doc.get(name)):
            out.add_text(name, str(value)[:MAX_KEYWORD_CHARS])
    for name in INTEGER_FIELDS:
        for value in _values(doc.get(name)):
            out.add_integer(name, int(value))
    for name in DATE_FIELDS:
        date = _parse_date(doc.get(name))
        if date is not None:
            out.add_date(name, date)
    for lang, text in (doc.get("texts") or {}).items():
        analyzer = analyzer_for(lang)
        for field, value in ((title_field(analyzer), text.get("title")), (body_field(analyzer), text.get("body"))):
            if not value:
                continue
            if analyzer == "zh":
                out.add_pre_tokenized_text(field, zh_pretokenized(value))
            else:
                out.add_text(field, value)
    out.add_integer(UID, uid(doc_id))
    for name, key in sort_keys(doc).items():
        out.add_text(name, key)
    out.add_text(IDVER, f"{doc_id}{SEP}{doc.get('version') or ''}")
    out.add_bytes(DOC, json.dumps(doc, ensure_ascii=False, separators=(",", ":"), default=str).encode())
    return out
