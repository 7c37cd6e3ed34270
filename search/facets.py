"""The facet registry: one list of facet names shared by the query model, both engines, the API and UI.

A facet is a keyword field of the search document. Tree facets (instrument > article, issue >
sub-issue) are flattened at indexing time: each tag is stored with its ancestors, so a filter on a
parent matches every descendant without any query-time expansion.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Facet:
    name: str
    field: str  # document field holding the keyword values
    numeric: bool = False  # year: histogram-like terms over integers
    size: int = 300  # max buckets returned (articles: 107 + future instruments)


FACETS: dict[str, Facet] = {
    f.name: f
    for f in (
        Facet("type", "type"),
        Facet("country", "country"),
        Facet("region", "region"),
        Facet("instrument", "instrument"),
        Facet("article", "article"),
        Facet("crime_type", "crime_type"),
        Facet("issue", "issue"),
        Facet("year", "year", numeric=True),
        Facet("language", "language"),
    )
}
FACET_NAMES: tuple[str, ...] = tuple(FACETS)

# Filterable keyword fields that are not returned as facets by default.
EXTRA_FILTERS: tuple[str, ...] = ("crime_subtype", "court_level", "legal_status", "role")
FILTER_NAMES: tuple[str, ...] = FACET_NAMES + EXTRA_FILTERS

DOC_TYPES: tuple[str, ...] = ("legislation", "case", "authority")
