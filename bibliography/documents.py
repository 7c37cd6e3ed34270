"""Bibliography entries as search documents: the fields only this family knows.

Declared on the model (`Publication.search_document`, sherloc.families.SearchDocument) and called by
search.documents, which adds what every document has. `tags` and `vocab` are the search layer's per-record
tag values and vocabularies (this layer does not import it).
"""

from __future__ import annotations

from typing import Any

from sherloc import richtext
from sherloc.families import SEPARATOR, countries_of, join_text

from .models import PublicationAuthor


def author_name(family: str, given: str, literal: str) -> str:
    """An author as cited in a result: "Family, Given", or an organisation as written."""
    return literal or (f"{family}, {given}" if given else family)


def load_authors(rows: list[dict], tags: Any) -> None:
    """A batch's authors in one query, as display names with their position."""
    found = PublicationAuthor.objects.filter(publication_id__in=[r["pk"] for r in rows]).order_by()
    for pk, position, family, given, literal in found.values_list(
        "publication_id", "position", "family", "given", "literal"
    ):
        tags[pk].authors.append((position, author_name(family, given, literal)))


def build_publication(row: dict, tags: Any, vocab: Any) -> dict:
    """A bibliography entry: found under every country it covers; authors and container are searchable."""
    language = vocab.language(row["original_language"])
    authors = [name for _, name in sorted(tags.authors)]
    keywords = [str(k) for k in (row["keywords"] or [])]
    # The synopsis first: a hit's snippet comes from the body, and the annotation is what a reader wants there.
    body = join_text(
        richtext.plain(row["synopsis"]),
        "; ".join(authors),
        row["container_title"],
        row["publisher"],
        ", ".join(keywords),
    )
    codes, regions = countries_of(None, tags.countries, vocab)
    year = row["year"]
    byline = "; ".join(authors[:3]) + (" et al." if len(authors) > 3 else "")
    return {
        "title": row["title"],
        "subtitle": SEPARATOR.join(p for p in (byline, row["container_title"], str(year) if year else "") if p),
        "texts": {language: {"title": row["title"], "body": body}},
        "language": language,
        "country": codes,
        "region": regions,
        "year": year,
        "date": f"{year:04d}-01-01" if year else None,
        "sort_title": row["title"].lower(),
        "numbers": [n for n in (row["doi"], row["isbn"]) if n],
        "publication_type": row["publication_type"],
        "research_method": row["research_method"],
    }
