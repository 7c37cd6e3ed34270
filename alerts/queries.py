"""A saved search's query string: validated and normalised by the search service, rebuilt from it.

Normalising (the service's canonical codes, filters by name, values sorted, no paging or facets) makes
`?country=bra&q=smuggling` and `?q=smuggling&country=BRA` one saved search, and keeps the stored string
free of anything the search page would reject.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from urllib.parse import parse_qs, urlencode

from django.conf import settings

from search import service
from search.query import SearchQuery, Sort

#: Parameters of a search page URL that say where the reader is, not what was searched.
POSITION_PARAMS = ("page", "page_size", "cursor", "facets")


def _pairs(query: SearchQuery) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    if query.text.strip():
        pairs.append(("q", " ".join(query.text.split())))
    for name in sorted(query.filters):
        pairs.extend((name, value) for value in sorted(set(query.filters[name])))
    if query.year_from is not None:
        pairs.append(("year_from", str(query.year_from)))
    if query.year_to is not None:
        pairs.append(("year_to", str(query.year_to)))
    if query.sort != Sort.RELEVANCE:
        pairs.append(("sort", query.sort.value))
    return pairs


def normalise(params: Mapping[str, list[str] | str], language: str) -> str:
    """The canonical query string of search parameters (a QueryDict or a mapping). Raises
    search.query.QueryError naming a bad parameter, exactly as the search page would."""
    query = service.query_from_params(params, language, ignore=POSITION_PARAMS)
    return urlencode(_pairs(query))


def parse(query_string: str, language: str) -> SearchQuery:
    """The SearchQuery of a stored query string, ready for walking: largest pages, no facets or snippets."""
    params = parse_qs(query_string, keep_blank_values=False)
    query = service.query_from_params(params, language)
    return replace(query, page=1, page_size=settings.SEARCH_MAX_PAGE_SIZE, cursor=None, facets=(), highlight=False)


def describe(query_string: str, language: str) -> list[str]:
    """The saved search in words: its text in quotes, then its filters' labels in `language`."""
    parts = []
    for name, values in parse_qs(query_string).items():
        for value in values:
            if name == "q":
                parts.insert(0, f"“{value}”")
            elif name in ("year_from", "year_to", "year"):  # years in words of no language: "2010–", "–2015"
                parts.append({"year_from": f"{value}–", "year_to": f"–{value}"}.get(name, value))
            elif name == "sort":
                continue
            else:
                parts.append(service.facet_labels(name, language).get(value, value))
    return parts
