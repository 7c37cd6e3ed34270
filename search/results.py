"""The one result shape. Engines return `EngineResult`; the service adds labels to make `SearchResult`."""

from dataclasses import dataclass, field


@dataclass(slots=True)
class Hit:
    id: str  # document id, e.g. "provision:42"
    type: str  # legislation | case | authority
    record_id: int  # primary key of the provision / case / authority
    url: str
    title: str
    score: float | None = None
    snippets: list[str] = field(default_factory=list)  # HTML, matches wrapped in <mark>, rest escaped
    # The language of the text the snippets were cut from: the original's, or "en" for its English
    # translation, so a page can mark a translation as one (with the right `lang`); "" when unknown.
    snippet_language: str = ""
    source: dict = field(default_factory=dict)  # stored document fields (country, year, law_title, ...)


@dataclass
class EngineResult:
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]  # facet name -> {value: count}
    next_cursor: str | None = None


class FacetValue(dict):
    """One facet value with its label and count: `.value`, `.label`, `.count`.

    A dict underneath, because the JSON API writes every response's facets (several hundred values) and
    orjson encodes a dict about ten times faster than a dataclass instance; templates read the keys alike.
    """

    __slots__ = ()

    def __init__(self, value: str, label: str, count: int) -> None:
        dict.__init__(self, value=value, label=label, count=count)

    @property
    def value(self) -> str:
        return self["value"]

    @property
    def label(self) -> str:
        return self["label"]

    @property
    def count(self) -> int:
        return self["count"]


@dataclass(frozen=True)
class Suggestion:
    """A way out of an empty result, with the number of records it finds.

    kind "filter": drop the filter `name` (a filter name of search.facets, or "year_range" for
    year_from/year_to); kind "words": search `text` instead, i.e. without `dropped`.
    """

    kind: str
    count: int
    name: str = ""
    text: str = ""
    dropped: tuple[str, ...] = ()


@dataclass
class SearchResult:
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    page: int
    page_size: int
    next_cursor: str | None = None
    took_ms: float = 0.0
    # No record had all the words: these are the records with most of them (search.service).
    relaxed: bool = False
    suggestions: list[Suggestion] = field(default_factory=list)  # only for an empty result
