"""The one query model every caller (web UI, API, benchmark) builds and every engine consumes."""

from dataclasses import dataclass, field
from enum import StrEnum

from django.conf import settings

from sherloc.exceptions import InvalidParameter

from .facets import FACET_NAMES


class Sort(StrEnum):
    RELEVANCE = "relevance"
    NEWEST = "newest"
    OLDEST = "oldest"
    TITLE = "title"


class QueryError(InvalidParameter):
    """Invalid search parameter. `param` names it so the API can answer 400 {param: [message]}."""


@dataclass(frozen=True)
class ParsedText:
    """The user's text after the tolerant parser (search.textquery.parse_text).

    Semantics: every `must` word and every `phrases` entry must match (AND); each group in
    `any_of` needs at least one of its terms (from "a OR b"); `excluded` words/phrases must not
    match. Empty everything = match all.
    """

    must: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    any_of: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.must or self.phrases or self.any_of)

    def positive_terms(self) -> list[str]:
        """Everything a highlighter should mark."""
        return [*self.must, *self.phrases, *(t for group in self.any_of for t in group)]


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    # facet/filter name -> accepted values: OR within a field, AND between fields.
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    year_from: int | None = None
    year_to: int | None = None
    sort: Sort = Sort.RELEVANCE
    page: int = 1
    page_size: int = 20
    cursor: str | None = None  # opaque; when set, `page` is ignored
    facets: tuple[str, ...] = FACET_NAMES
    language: str = "en"  # for facet labels
    highlight: bool = True

    def __post_init__(self) -> None:
        if self.page < 1:
            raise QueryError("page", "must be 1 or more")
        if not 1 <= self.page_size <= settings.SEARCH_MAX_PAGE_SIZE:
            raise QueryError("page_size", f"must be between 1 and {settings.SEARCH_MAX_PAGE_SIZE}")
        if self.cursor is None and self.page * self.page_size > settings.SEARCH_MAX_DEPTH:
            raise QueryError(
                "page",
                f"results beyond the first {settings.SEARCH_MAX_DEPTH} are only reachable with a cursor",
            )
        if self.year_from is not None and self.year_to is not None and self.year_from > self.year_to:
            raise QueryError("year_from", "must not be after year_to")
        unknown = [f for f in self.facets if f not in FACET_NAMES]
        if unknown:
            raise QueryError("facets", f"unknown facet(s): {', '.join(unknown)}")

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size
