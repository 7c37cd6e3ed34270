"""Download links of the record export (/api/v1/export/): the search page's "Download these results"
and the country, article and coverage pages' downloads are built here, so every page exports the same
way (the API's parameters, comma lists, the page's language for the CSV's headings and labels)."""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language

from search.facets import FILTER_NAMES

from .urlstate import Params, encode

register = template.Library()

EXPORT_FORMATS = (("csv", "CSV"), ("jsonl", "JSON Lines"))


def export_links_for(params: Params) -> list[dict]:
    """[{label, url}] per format for search parameters (repeated filters merged into comma lists)."""
    merged: dict[str, list[str]] = {}
    for key, value in params:
        merged.setdefault(key, []).append(value)
    pairs = [(k, ",".join(v) if k in FILTER_NAMES else v[-1]) for k, v in merged.items()]
    try:
        export = reverse("api:export")
    except NoReverseMatch:  # the API is mounted by portal/api/urls.py; keep the pages working without it
        export = "/api/v1/export/"
    language = [("lang", get_language())] if get_language() else []
    return [
        {"label": label, "url": export + encode([("format", fmt), *pairs, *language])} for fmt, label in EXPORT_FORMATS
    ]


def bibliography_links_for(params: Params) -> list[dict]:
    """[{label, url}]: the search's bibliography entries as reference-manager files (portal.views.cite); paging
    and the type (always publications there) are left out."""
    kept = [(k, v) for k, v in params if k not in ("page", "cursor", "page_size", "type")]
    return [
        {"label": label, "url": reverse("bibliography-export", args=[fmt]) + encode(kept)}
        for fmt, label in (("ris", "RIS"), ("bib", "BibTeX"), ("json", "CSL-JSON"))
    ]


@register.simple_tag
def export_links(**filters: object) -> list[dict]:
    """`{% export_links country=country.alpha3 type="legislation" as downloads %}`; empty values are left out."""
    params = [(name, str(value)) for name, value in filters.items() if value not in (None, "")]
    return export_links_for(params)
