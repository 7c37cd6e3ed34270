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

`RecordFormat` (the attribute `record_format` on a family's record model): its line in the JSON Lines
interchange format (interchange/ derives its type, field, order and identity tables from these).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation

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
    viewname: str  # the page a hit leads to (a URL name taking `pk`); the parent's page when `parent` is set;
    # "" when `build` returns the document's `url` itself (guidance: its article's page)
    country: str | None = "country"  # row value holding the country's pk; None: `build` returns country/region
    parent: str | None = None  # row value: the record whose page shows this one (`parent_id`, `#<kind>-<pk>`)
    version_field: str = "updated_at"  # row value of the document's version (the record's updated_at)
    type_facets: tuple[str, ...] = ()  # facets only documents of this type have (left out of other searches)
    annotations: str | None = None  # "app.module.function": () -> {name: expression} added to each row
    loaders: tuple[str, ...] = ()  # "app.module.function": (rows, tags) -> None, extra per-batch data
    # The field naming the record a hit leads to (the parent's, when `parent` is set), read from the
    # database for alert digests and feeds; None: the document's indexed title (built from the database).
    entry_title: str | None = "title"


def join_text(*parts: object) -> str:
    """Non-empty parts of a document body, one paragraph each."""
    return "\n\n".join(str(p).strip() for p in parts if p and str(p).strip())


def numbers(*values: object) -> list[str]:
    """A record's numbers as written, without blanks and duplicates (search/numbers.py indexes their keys)."""
    return list(dict.fromkeys(str(v).strip() for v in values if v and str(v).strip()))


def neutral_url(viewname: str, **kwargs: object) -> str:
    """A page's URL without the language prefix: one document serves every UI language, and the UI adds
    the reader's prefix."""
    with translation.override(settings.LANGUAGE_CODE):
        url = reverse(viewname, kwargs=kwargs)
    prefix = f"/{settings.LANGUAGE_CODE}/"
    return url[len(prefix) - 1 :] if url.startswith(prefix) else url


def countries_of(own: int | None, covered: Iterable[int], vocab: Any) -> tuple[str | list[str], list[str]]:
    """`country` and `region` of a record found under several countries (a regional strategy: the issuing
    jurisdiction and each State it covers; a study: the countries it covers): a list then, a single code
    otherwise. `vocab` is the search layer's vocabularies."""
    terms = [t for pk in dict.fromkeys([own, *covered]) if pk and (t := vocab.countries.by_pk(pk)) is not None]
    regions = sorted({r for t in terms for r in t.regions})
    codes = [t.code for t in terms]
    return (codes if len(codes) > 1 else (codes[0] if codes else "")), regions


def declared(attribute: str, models: Iterable[type]) -> list[tuple[type, Any]]:
    """(model, declaration) of the models that declare `attribute` themselves, in the given order."""
    return [(model, model.__dict__[attribute]) for model in models if attribute in model.__dict__]


@dataclass(frozen=True)
class RecordFormat:
    """How one record type is written in the JSON Lines interchange format (docs/import-format.md).

    `interchange` reads every declaration (the attribute `record_format` on a family's record model) and
    derives its tables from them: the types and their models, the export and import order, the fields a
    line may carry, the natural identity the importer keeps unique. The code that turns rows into lines
    and back needs interchange's helpers (vocabulary codes, the checker, the shared writer), so it stays
    there, found by name: `serialise_<plural>` (interchange/jsonl_format.py), `_validate_<type>`
    (interchange/validation.py), `RecordWriter.create_<plural>` and `update_<type>` (interchange/writer.py)."""

    type: str  # the line's `type` ("strategy"); the record's `record_kind` where it has one
    plural: str  # names the chunk functions: serialise_<plural>, create_<plural> ("strategies")
    position: int  # export and import order, ascending: a type naming another (material -> law) comes after it
    fields: tuple[str, ...]  # the line's own fields, beside the header, workflow and provenance ones
    identity: tuple[str, ...]  # lookups of the natural key kept unique; the first part of each is the line's field
    identity_path: str  # the field an identity clash is reported on
    identity_description: str  # the key in words ("country + title")
    curated: bool = False  # written by the secretariat only: no focal-point submission, intake or review
