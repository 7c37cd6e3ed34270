"""Index mapping, settings and the indexed form of a document, all derived from search/schema.py.

Why: both engines must index the same document the same way. Deriving the mapping from the schema
constants (instead of hand-writing it) means a field added to the schema appears in both engines, and
the golden test of the mapping shows the change in review. `dynamic: strict` makes Elasticsearch
refuse a document with a field the schema does not know, instead of silently guessing a type.
"""

from __future__ import annotations

from elasticsearch.dsl import Date, Integer, Keyword, Long, Mapping, Text, analyzer, token_filter
from elasticsearch.dsl.analysis import Analyzer, TokenFilter

from ...numbers import number_keys
from ...schema import (
    ANALYZERS,
    DATE_FIELDS,
    INTEGER_FIELDS,
    KEYWORD_FIELDS,
    NUMBER_FIELDS,
    NUMBER_KEYS,
    STORED_ONLY,
    analyzer_for,
)
from .cjk import mark_word_boundaries

# Schema analyzer key -> custom analyzer: standard tokenizer, lowercase, the *Snowball* stemmer of the
# language, ASCII folding - the pipeline of the tantivy engine (search/engines/tantivy/analysis.py), so
# both engines reduce a word to the same term and find the same records:
# - Snowball, not the stemmers of the built-in language analyzers: those differ from tantivy's (Porter 1
#   for English: "proceeds" -> "proce", not "proceed"; light_french/spanish/portuguese: "violência" ->
#   "violenci", not "violenc"; a light Arabic stemmer after arabic_normalization), and every such word
#   was found by one engine and not the other (bench/engines.py). Snowball English removes possessives
#   itself; French keeps elision ("l'exploitation" -> "exploit"; tantivy's tokenizer splits at the
#   apostrophe instead, the word is found either way);
# - no stop-word filter: "trafficking in persons" and "in force" keep every word, as in tantivy;
# - ASCII folding *after* the stemmer (stemmers rely on accents): "trafico" finds "tráfico".
# All filters are built in: any stock node (and the CI docker image) can host the index, no plugins.
# Chinese uses CJK bigrams, kept inside words: to_source() and the queries mark jieba's word boundaries
# (cjk.py), so no plugin is needed. The smartcn plugin segments words on the server but must be
# installed on every node: switch `zh` here (and rebuild) once that is a deployment rule.
FOLD = "asciifolding"


def _stemmer(key: str, language: str) -> TokenFilter:
    return token_filter(f"sherloc_{key}_stemmer", type="snowball", language=language)


FRENCH_ELISION = token_filter(
    "sherloc_fr_elision",
    type="elision",
    articles_case=True,
    articles=["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
)
ANALYZER_FILTERS: dict[str, list[str | TokenFilter]] = {
    "en": ["lowercase", _stemmer("en", "English"), FOLD],
    "fr": [FRENCH_ELISION, "lowercase", _stemmer("fr", "French"), FOLD],
    "es": ["lowercase", _stemmer("es", "Spanish"), FOLD],
    "pt": ["lowercase", _stemmer("pt", "Portuguese"), FOLD],
    "ru": ["lowercase", _stemmer("ru", "Russian"), FOLD],
    "ar": ["lowercase", _stemmer("ar", "Arabic"), FOLD],  # Snowball Arabic normalises by itself
    "zh": ["cjk_width", "lowercase", "cjk_bigram", FOLD],
    "std": ["lowercase", FOLD],  # schema contract: lower-case + ASCII folding, no stemming
}
ES_ANALYZERS: dict[str, Analyzer] = {
    key: analyzer(f"sherloc_{key}", tokenizer="standard", filter=filters) for key, filters in ANALYZER_FILTERS.items()
}


def analysis_settings() -> dict:
    """The `analysis` block of the index settings: every custom analyzer and the filters it names."""
    merged: dict[str, dict] = {}
    for key in ANALYZERS:
        for section, entries in ES_ANALYZERS[key].get_analysis_definition().items():
            merged.setdefault(section, {}).update(entries)
    return merged


# Record ids are BigAutoField primary keys; a year fits an integer.
INTEGER_TYPES: dict[str, type] = {"year": Integer}

# Lucene refuses terms over 32766 bytes; a sort key never needs more than its first characters.
SORT_TITLE_MAX = 256

DEFAULT_REFRESH_INTERVAL = "1s"


def title_field(key: str) -> str:
    return f"title_{key}"


def body_field(key: str) -> str:
    return f"body_{key}"


TITLE_FIELDS: tuple[str, ...] = tuple(title_field(k) for k in ANALYZERS)
BODY_FIELDS: tuple[str, ...] = tuple(body_field(k) for k in ANALYZERS)
TEXT_FIELDS: tuple[str, ...] = TITLE_FIELDS + BODY_FIELDS
ALLOWED_FIELDS: frozenset[str] = frozenset(
    {*KEYWORD_FIELDS, *INTEGER_FIELDS, *DATE_FIELDS, *STORED_ONLY, *NUMBER_FIELDS, "texts"}
)


def build_mapping() -> Mapping:
    """The strict mapping: keywords for filters/facets/sort, numbers, dates, display-only fields, text."""
    m = Mapping()
    m.meta("dynamic", "strict")
    for name in KEYWORD_FIELDS:
        m.field(name, Keyword())
    for name in INTEGER_FIELDS:
        m.field(name, INTEGER_TYPES.get(name, Long)())
    for name in DATE_FIELDS:
        m.field(name, Date())
    # Display-only: kept in _source, neither searchable nor aggregatable (no index, no doc values).
    for name in (*STORED_ONLY, *NUMBER_FIELDS):
        m.field(name, Keyword(index=False, doc_values=False))
    # Record numbers are matched through their keys (search/numbers.py), computed here as in tantivy.
    m.field(NUMBER_KEYS, Keyword())
    for key in ANALYZERS:
        es_analyzer = ES_ANALYZERS[key]
        m.field(title_field(key), Text(analyzer=es_analyzer))
        # Offsets in the postings let the unified highlighter work without re-analysing the body:
        # faster, and not capped by index.highlight.max_analyzed_offset (long case texts/PDFs).
        m.field(body_field(key), Text(analyzer=es_analyzer, index_options="offsets"))
    return m


def index_body(
    *,
    shards: int = 1,
    replicas: int = 1,
    refresh_interval: str = DEFAULT_REFRESH_INTERVAL,
    max_result_window: int = 10_000,
) -> dict[str, dict]:
    """`settings` + `mappings` for indices.create (keyword arguments of the same names)."""
    mapping = build_mapping()
    settings = {
        "number_of_shards": shards,
        "number_of_replicas": replicas,
        "refresh_interval": refresh_interval,
        "max_result_window": max_result_window,
        "analysis": analysis_settings(),
    }
    return {"settings": settings, "mappings": mapping.to_dict()}


def to_source(doc: dict) -> dict:
    """The indexed form of a schema document: `texts` flattened to title_<analyzer>/body_<analyzer>.

    Several languages can share an analyzer (every language without a dedicated one uses `std`), so
    each text field holds a list; Elasticsearch's position gap keeps phrases from spanning values.
    """
    unknown = set(doc) - ALLOWED_FIELDS
    if unknown:
        raise ValueError(f"document {doc.get('id')!r} has field(s) not in search/schema.py: {sorted(unknown)}")
    source = {key: value for key, value in doc.items() if key != "texts"}
    keys = number_keys([n for name in NUMBER_FIELDS for n in (doc.get(name) or ())])
    if keys:
        source[NUMBER_KEYS] = keys
    for language, parts in (doc.get("texts") or {}).items():
        key = analyzer_for(language)
        for part, field_name in (("title", title_field(key)), ("body", body_field(key))):
            value = (parts or {}).get(part)
            if value:
                if key == "zh":
                    value = mark_word_boundaries(value)
                source.setdefault(field_name, []).append(value)
    # Never null: search_after cannot resume from a null sort value.
    sort_title = source.get("sort_title") or (source.get("title") or "").lower()
    source["sort_title"] = sort_title[:SORT_TITLE_MAX]
    return source
