"""Competent authorities as search documents: public fields only (name, country, designations); contact
details never reach the index.

Declared on `CompetentAuthority` (`search_document`, sherloc.families.SearchDocument) and called by
search.documents, which adds what every document has (id, type, url, version, country and region, tag
facets). `tags` and `vocab` are the search layer's per-record tag values and vocabularies.
"""

from __future__ import annotations

from typing import Any

from sherloc.families import SEPARATOR


def build_authority(row: dict, tags: Any, vocab: Any) -> dict:
    country = vocab.countries.by_pk(row["country"])
    language = vocab.language(row["original_language"])
    found = {t.code: t for r in tags.roles if (t := vocab.roles.by_pk(r)) is not None}
    roles = sorted(found.values(), key=lambda t: (t.sort_order, t.code))
    texts = {language: {"title": row["name"], "body": "\n".join(r.label_in(language) for r in roles)}}
    if language != "en":
        texts["en"] = {"title": row["name"], "body": "\n".join(r.label for r in roles)}
    return {
        "title": row["name"],
        "subtitle": SEPARATOR.join(
            p for p in (country.label if country else "", ", ".join(r.label for r in roles)) if p
        ),
        "texts": texts,
        "language": language,
        "sort_title": row["name"].lower(),
    }
