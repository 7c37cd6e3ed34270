"""Article guidance as search documents: the fields only this family knows.

Declared on the model (`ArticleGuidance.search_document`) and called by search.documents. A hit leads to
the article page's guidance box, so the document's URL is built here (the declaration has no viewname).
"""

from __future__ import annotations

from typing import Any

from sherloc import richtext
from sherloc.families import join_text, neutral_url

from .models import ArticleGuidance


def build_guidance(row: dict, tags: Any, vocab: Any) -> dict:
    """Faceted by its article, instrument and language (it has no country or year)."""
    language = row["language"]
    info = vocab.articles.by_pk(row["article"])
    title = f"{info.instrument} {info.label_in(language)}" if info is not None else row["article__code"]
    url = neutral_url("taxonomy:article-detail", code=row["article__instrument__code"], number=row["article__number"])
    body = join_text(*(richtext.plain(row[name]) for name in ArticleGuidance.RICH_TEXT_FIELDS))
    tags.article_refs.append((row["article"], ""))  # its article is its tag: the article/instrument facets
    return {
        "url": url + "#guidance",
        "title": title,
        "subtitle": info.instrument if info else "",  # the language is the result's lang and its facet
        "texts": {language: {"title": title, "body": body}},
        "language": language,
        "sort_title": title.lower(),
    }
