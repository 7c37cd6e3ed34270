"""The web search page: one GET form whose URL holds the whole state (text, filters, type, sort, page).

The view only translates between the URL and search.service: the service parses and validates the
parameters (QueryError names the bad one -> 400 here), runs the query and labels the facets in the
reader's language. Everything else (facet panels, chips, tabs, pagination, download links) is derived
from the parsed parameters without touching the database, except labels for active filters that
the facets did not return, which cost one small query per filter kind.
"""

from __future__ import annotations

import dataclasses
import math

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from alerts.models import Frequency
from caselaw.dates import format_partial, parse_partial_date
from portal.caching import cache_public_briefly
from portal.templatetags.exports import bibliography_links_for, export_links_for
from portal.templatetags.facet_panels import (
    FACET_TITLES,
    SORT_LABELS,
    TYPE_LABELS,
    build_panels,
    filter_labels,
    shown,
)
from portal.templatetags.portal import localized_path
from portal.templatetags.urlstate import Params, drop, encode, params_from, remove_value, replace, values_of
from search.documents import SEPARATOR
from search.engines import EngineError
from search.facets import DOC_TYPES, FILTER_NAMES
from search.query import QueryError
from search.results import SearchResult
from search.service import YEAR_RANGE, default_sort, facet_labels
from sherloc.language_codes import base_language

PAGE_WINDOW = 2  # page links either side of the current page
# Filters kept as hidden inputs: the sidebar has no checkbox for them, but they are part of the state.
HIDDEN_FILTERS = ("type", "page_size", "legal_status", "year")
RANGE_KEYS = ("year_from", "year_to")


def _search(request: HttpRequest, lang: str) -> SearchResult:
    """The search of the page. Facets of one record type (designations, the people of cases) are counted
    only when their panel shows (facet_panels.shown): a search of every type does not pay for them."""
    from search.service import query_from_params, search

    query = query_from_params(request.GET, lang)
    selected = set(params_from(request.GET))
    return search(dataclasses.replace(query, facets=tuple(f for f in query.facets if shown(f, selected))))


def search_page(request: HttpRequest) -> HttpResponse:
    """The search page. Bad parameters answer 400 with the message; an engine failure 503; never 500."""
    lang = get_language()
    params = params_from(request.GET)
    context: dict = {"nav": "search", "q": request.GET.get("q", ""), "params": params}
    try:
        result = _search(request, lang)
    except QueryError as error:
        context["error"] = {"param": error.param, "message": error.message}
        context["reset_url"] = reverse("search:search") + encode(drop(params, error.param, "page", "cursor"))
        return cache_public_briefly(request, render(request, "search/search.html", context, status=400))
    except EngineError:
        context["unavailable"] = True
        return cache_public_briefly(request, render(request, "search/search.html", context, status=503))
    context.update(result_context(params, result, lang))
    return cache_public_briefly(request, render(request, "search/search.html", context))


def result_context(params: Params, result: SearchResult, lang: str) -> dict:
    """Everything the template needs to draw one result page, from the URL state and the result."""
    base = reverse("search:search")
    labels = filter_labels(params, result.facets, lang)
    chips = [
        {
            "key": k,
            "name": str(FACET_TITLES.get(k, k)),
            "label": labels.get((k, v), v),
            "url": base + encode(remove_value(params, k, v)),
        }
        for k, v in params
        if (k in FILTER_NAMES and k != "type") or k in RANGE_KEYS
    ]
    return {
        "result": result,
        "hits": [_hit(hit, lang) for hit in result.hits],
        "panels": build_panels(result.facets, set(params), lang),
        "chips": chips,
        "clear_url": base + encode([(k, v) for k, v in params if k == "q"]),
        "tabs": _tabs(base, params, result),
        "sort": values_of(params, "sort")[:1] or [default_sort(" ".join(values_of(params, "q"))).value],
        "sorts": SORT_LABELS,
        "hidden": [(k, v) for k, v in params if k in HIDDEN_FILTERS],
        "years": {key: (values_of(params, key) or [""])[0] for key in RANGE_KEYS},
        "pages": _pages(base, params, result),
        "downloads": _downloads(params),
        # The Bibliography tab: its entries also as reference-manager files.
        "references": bibliography_links_for(params) if values_of(params, "type") == ["publication"] else [],
        "relax": _relax_suggestions(base, params, chips, result),
        "relaxed": result.relaxed,
        **_follow(params),
    }


def _follow(params: Params) -> dict:
    """The Atom feed of this search and the query string a "save this search" form posts."""
    kept = encode(drop(params, "page", "cursor"))
    return {"feed_url": reverse("search:feed") + kept, "saved_query": kept, "frequencies": Frequency.choices}


def _subtitle(source: dict, language: str) -> str:
    """The indexed subtitle opens with the English country name; show the reader's UN name instead."""
    subtitle = source.get("subtitle", "")
    code = source.get("country")
    if isinstance(code, list):  # a regional strategy: the subtitle opens with its issuer, the first code
        code = code[0] if code else ""
    if not code or language == "en":
        return subtitle
    english, local = facet_labels("country", "en").get(code), facet_labels("country", language).get(code)
    if english and local and subtitle.startswith(english):
        return local + subtitle[len(english) :]
    return subtitle


def _subtitle_parts(subtitle: str, kind: str) -> list[str]:
    """The subtitle's parts (each drawn in its own <bdi>), a case's decision date formatted now in the
    reader's language: the index stores it in the exchange form ('2018-03'), the same for every language."""
    parts = [p for p in subtitle.split(SEPARATOR) if p.strip()]
    if kind == "case" and parts:
        try:
            date, precision = parse_partial_date(parts[-1])
        except ValueError:
            date = None  # not a date: a court name or a country
        if date is not None:
            parts[-1] = format_partial(date, precision)
    return parts


def _hit(hit: object, language: str = "en") -> dict:
    """A hit ready to draw. Snippets are the only HTML marked safe: the engines escape them and add <mark>."""
    source = getattr(hit, "source", {}) or {}
    original = source.get("language", "")
    shown = getattr(hit, "snippet_language", "") or original
    subtitle = _subtitle(source, language)
    return {
        "type": hit.type,
        "type_label": TYPE_LABELS.get(hit.type, hit.type),
        "url": localized_path(hit.url),
        "title": hit.title,
        "subtitle": subtitle,
        "subtitle_parts": _subtitle_parts(subtitle, hit.type),
        "snippets": [mark_safe(s) for s in hit.snippets],  # noqa: S308 - engine output, escaped + <mark>
        "refs": source.get("article_ref") or [],
        "language": shown,
        # An English translation of an original in another language: marked as a translation on the page.
        "translated": bool(shown and original) and base_language(shown) != base_language(original),
    }


def _tabs(base: str, params: Params, result: SearchResult) -> list[dict]:
    counts = {f.value: f.count for f in result.facets.get("type", [])}
    active = values_of(params, "type")
    reset = drop(params, "type", "page", "cursor")
    tabs = [
        {"label": TYPE_LABELS["all"], "count": sum(counts.values()), "url": base + encode(reset), "current": not active}
    ]
    for value in DOC_TYPES:
        tabs.append(
            {
                "label": TYPE_LABELS[value],
                "count": counts.get(value, 0),
                "url": base + encode(replace(reset, "type", value)),
                "current": active == [value],
            }
        )
    return tabs


def _pages(base: str, params: Params, result: SearchResult) -> dict:
    last = max(1, min(math.ceil(result.total / result.page_size), settings.SEARCH_MAX_DEPTH // result.page_size))
    current = result.page
    numbers = sorted({1, last, *range(max(1, current - PAGE_WINDOW), min(last, current + PAGE_WINDOW) + 1)})
    kept = drop(params, "page", "cursor")

    def url_for(n: int) -> str:
        return base + encode(kept if n == 1 else [*kept, ("page", str(n))])

    links, previous = [], 0
    for n in numbers:
        if n - previous > 1:
            links.append({"gap": True})
        links.append({"number": n, "url": url_for(n), "current": n == current})
        previous = n
    return {
        "links": links if last > 1 else [],
        "previous": url_for(current - 1) if current > 1 else "",
        "next": url_for(current + 1) if current < last else "",
        "first_index": result.page_size * (current - 1) + 1 if result.total else 0,
        "last_index": min(result.total, result.page_size * current),
    }


def _downloads(params: Params) -> list[dict]:
    """Export links for the current filters (portal.templatetags.exports, shared with the browse pages)."""
    return export_links_for(drop(params, "page", "cursor", "page_size"))


def _relax_suggestions(base: str, params: Params, chips: list[dict], result: SearchResult) -> list[dict]:
    """For an empty result: one link per way of widening the search that finds something, with its count
    (search.service.suggestions ran the searches): drop a filter, drop a word, drop the text."""
    kept = drop(params, "page", "cursor")
    links = []
    for suggestion in result.suggestions:
        if suggestion.kind == "filter":
            keys = RANGE_KEYS if suggestion.name == YEAR_RANGE else (suggestion.name,)
            removed = [(c["name"], c["label"]) for c in chips if c["key"] in keys]
            if suggestion.name == "type":  # the tabs show the type, not a chip
                removed = [(str(FACET_TITLES["type"]), str(TYPE_LABELS.get(v, v))) for v in values_of(params, "type")]
            if not removed:
                continue
            links.append(
                {
                    "kind": "filter",
                    "name": removed[0][0],
                    "label": ", ".join(label for _, label in removed),
                    "count": suggestion.count,
                    "url": base + encode(drop(kept, *keys)),
                }
            )
        elif suggestion.text:
            words = " ".join(suggestion.dropped)
            url = base + encode(replace(kept, "q", suggestion.text))
            links.append({"kind": "words", "words": words, "count": suggestion.count, "url": url})
        else:
            links.append({"kind": "text", "count": suggestion.count, "url": base + encode(drop(kept, "q"))})
    return links
