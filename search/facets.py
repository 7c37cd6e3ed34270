"""The facet registry: one list of facet names shared by the query model, both engines, the API and UI.

A facet is a keyword field of the search document. Tree facets (instrument > article, issue >
sub-issue, crime sub-type family > value) are flattened at indexing time: each tag is stored with its
ancestors, so a filter on a parent matches every descendant without any query-time expansion. (A
crime sub-type is stored with its family, 'trafficking-in-persons.means'; its crime type is a facet
of its own, which the importer requires beside it.)
"""

from dataclasses import dataclass

from .schema import CASE_PEOPLE_FIELDS


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
        Facet("crime_subtype", "crime_subtype"),
        Facet("issue", "issue"),
        Facet("year", "year", numeric=True),
        Facet("language", "language"),
        Facet("role", "role"),
        Facet("court_level", "court_level"),
        Facet("publication_type", "publication_type"),
        Facet("research_method", "research_method"),
        *(Facet(name, name) for name in CASE_PEOPLE_FIELDS),
    )
}
FACET_NAMES: tuple[str, ...] = tuple(FACETS)


# Filterable keyword fields that are not returned as facets by default.
EXTRA_FILTERS: tuple[str, ...] = ("legal_status",)
FILTER_NAMES: tuple[str, ...] = FACET_NAMES + EXTRA_FILTERS


def doc_types() -> tuple[str, ...]:
    """The `type` facet's values, in the order of the models' declarations (search.documents.builders)."""
    from .documents import builders

    return tuple(dict.fromkeys(builder.spec.type for builder in builders().values()))


def facet_types() -> dict[str, str]:
    """Facets whose values only documents of one type have (each declaration's `type_facets`): a search
    limited to other types leaves them out of its default facets (their counts would be 0 anyway), so a
    search of laws does not pay for them."""
    from .documents import builders

    return {name: builder.spec.type for builder in builders().values() for name in builder.spec.type_facets}


def __getattr__(name: str) -> object:
    """`DOC_TYPES` and `FACET_TYPES` for code that reads them as constants, once the apps are loaded."""
    if name == "DOC_TYPES":
        return doc_types()
    if name == "FACET_TYPES":
        return facet_types()
    raise AttributeError(name)
