"""Strategies and explanatory materials as search documents: the fields only these families know.

Declared on the models (`search_document`, sherloc.families.SearchDocument) and called by search.documents,
which adds what every document has (id, type, url, version, country and region, tag facets). `tags` and
`vocab` are the search layer's per-record tag values and vocabularies (this layer does not import it).
"""

from __future__ import annotations

from typing import Any

from sherloc import richtext
from sherloc.families import SEPARATOR, countries_of, join_text, numbers


def build_strategy(row: dict, tags: Any, vocab: Any) -> dict:
    country = vocab.countries.by_pk(row["country"])
    language = vocab.language(row["original_language"])
    date = row["adoption_date"] or row["period_start"]
    body = join_text(row["issuing_body"], richtext.plain(row["summary"]), *tags.attachment_texts)
    texts = {language: {"title": row["original_title"] or row["title"], "body": body}}
    if row["original_title"] and row["original_title"] != row["title"]:
        texts.setdefault("en", {"title": row["title"], "body": ""})
    codes, regions = countries_of(row["country"], tags.countries, vocab)
    return {
        "title": row["title"],
        "subtitle": SEPARATOR.join(
            p for p in (country.label if country else "", row["issuing_body"], str(date.year) if date else "") if p
        ),
        "texts": texts,
        "language": language,
        "country": codes,
        "region": regions,
        "year": date.year if date else None,
        "date": date.isoformat() if date else None,
        "sort_title": row["title"].lower(),
    }


def build_material(row: dict, tags: Any, vocab: Any) -> dict:
    """An explanatory material: its hit leads to its law's page (its declaration's `parent`)."""
    country = vocab.countries.by_pk(row["law__country"])
    language = vocab.language(row["original_language"])
    date = row["date"]
    body = join_text(richtext.plain(row["summary"]), richtext.plain(row["text"]), *tags.attachment_texts)
    return {
        "title": row["title"],
        "subtitle": SEPARATOR.join(p for p in (country.label if country else "", row["law__title"]) if p),
        "texts": {language: {"title": row["title"], "body": body}},
        "language": language,
        "year": date.year if date else None,
        "date": date.isoformat() if date else None,
        "sort_title": row["title"].lower(),
        "numbers": numbers(row["law__number"]),
    }
