"""What a record family declares about itself for the layers above it (search first), in the base's words.

A family app may not import `search`, `interchange` or `submissions` (import-linter's layers), so it cannot
register a builder with them. Instead it puts a declaration on its model, plain data and dotted paths to its
own functions, and the upper layer reads every declaration and interprets it, knowing no family by name: the
same pattern as `version_parts` (sherloc/versions.py). docs/ARCHITECTURE.md, "Adding a record family", is
the checklist.

`SearchDocument` (the attribute `search_document` on a model): how rows of that model become documents of
the search index (search/schema.py is the document's shape, search/documents.py the reader). The model is
usually the family's record; a family whose searchable unit is a part of its record declares it there
(a law's documents are its provisions).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# Between the parts of a document's subtitle ("Brazil · Law No. 13.344").
SEPARATOR = " · "


@dataclass(frozen=True)
class SearchDocument:
    """How one kind of search document is read from the database and built.

    The upper layer reads `fields` with `values()` in keyset batches, loads every relation in `tags` with one
    query per batch (article tags with their paragraph, vocabularies by pk, attachments' extracted text: the
    kind of each is found from the relation's model), fills in what every document has (id, type, url,
    version, country and region, tag facets) and calls `build(row, tags, vocab)` for the rest."""

    kind: str  # document kind: the id prefix ("strategy:12"), the re-index unit (a family's `record_kind`)
    type: str  # the `type` facet value, the search page's tab (several kinds may share one)
    label: Any  # that type's name in the UI: a lazy translation
    fields: tuple[str, ...]  # row values `build` reads; `pk` first
    tags: tuple[str, ...]  # relations of the model whose rows are tags, covered countries or attachment texts
    build: str  # "app.module.function": (row, tags, vocab) -> the document's own fields (title, texts...)
    viewname: str  # the page a hit leads to (a URL name taking `pk`); the parent's page when `parent` is set
    country: str = "country"  # row value holding the country's pk
    parent: str | None = None  # row value: the record whose page shows this one (`parent_id`, `#<kind>-<pk>`)
    version_field: str = "updated_at"  # row value of the document's version (the record's updated_at)
    type_facets: tuple[str, ...] = ()  # facets only documents of this type have (left out of other searches)
    annotations: str | None = None  # "app.module.function": () -> {name: expression} added to each row
    loaders: tuple[str, ...] = ()  # "app.module.function": (rows, tags) -> None, extra per-batch data


def join_text(*parts: object) -> str:
    """Non-empty parts of a document body, one paragraph each."""
    return "\n\n".join(str(p).strip() for p in parts if p and str(p).strip())


def numbers(*values: object) -> list[str]:
    """A record's numbers as written, without blanks and duplicates (search/numbers.py indexes their keys)."""
    return list(dict.fromkeys(str(v).strip() for v in values if v and str(v).strip()))


def declared(attribute: str, models: Iterable[type]) -> list[tuple[type, Any]]:
    """(model, declaration) of the models that declare `attribute` themselves, in the given order."""
    return [(model, model.__dict__[attribute]) for model in models if attribute in model.__dict__]
