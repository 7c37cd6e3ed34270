"""RIS and BibTeX downloads of one published record (a law, a provision, a case, a bibliography entry), for
reference managers; a bibliography entry also as CSL-JSON.

Language-neutral URLs (/cite/<kind>/<pk>.<format>): the file holds the record's own titles and
codes, whatever the reader's language. Anything not published is a 404, like its page.
"""

import datetime as dt
from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language

from bibliography.models import Publication
from caselaw.models import Case
from legislation.models import Law, Provision
from search import service
from search.engines import EngineError
from search.query import QueryError

from .. import citations
from ..api import export

FORMATS: dict[str, tuple[Callable[[list[citations.Citable]], str], str]] = {
    "ris": (citations.to_ris, citations.RIS_MEDIA_TYPE),
    "bib": (citations.to_bibtex, citations.BIBTEX_MEDIA_TYPE),
    "json": (citations.to_csl_json, citations.CSL_JSON_MEDIA_TYPE),  # CSL-JSON: bibliography entries only
}


def published_publications() -> object:
    """Published bibliography entries with what their citations show, authors in order."""
    return Publication.objects.published().select_related("original_language").prefetch_related("authors")


def _citable(request: HttpRequest, kind: str, pk: int) -> citations.Citable | citations.Reference:
    if kind == "law":
        law = get_object_or_404(Law.objects.published().select_related("country", "original_language"), pk=pk)
        return citations.for_law(law, request.build_absolute_uri(law.get_absolute_url()))
    if kind == "provision":
        provision = get_object_or_404(
            Provision.objects.filter(law__in=Law.objects.published()).select_related("law__country", "language"),
            pk=pk,
        )
        return citations.for_provision(provision, request.build_absolute_uri(provision.get_absolute_url()))
    if kind == "case":
        case = get_object_or_404(
            Case.objects.published().select_related("country", "court", "original_language"), pk=pk
        )
        return citations.for_case(case, request.build_absolute_uri(case.get_absolute_url()))
    if kind == "publication":
        publication = get_object_or_404(published_publications(), pk=pk)
        return citations.for_publication(publication, request.build_absolute_uri(publication.get_absolute_url()))
    raise Http404(f"no citations for {kind!r} records: law, provision, case or publication")


def record_citation(request: HttpRequest, kind: str, pk: int, fmt: str) -> HttpResponse:
    """The record as a .ris, .bib (or, for a bibliography entry, CSL-JSON .json) file named after the record."""
    if fmt not in FORMATS:
        raise Http404(f"unknown citation format {fmt!r}: ris, bib or json")
    item = _citable(request, kind, pk)
    if fmt == "json" and not isinstance(item, citations.Reference):
        raise Http404("CSL-JSON is offered for bibliography entries only")
    render, media_type = FORMATS[fmt]
    response = HttpResponse(render([item]), content_type=f"{media_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{item.key}.{fmt}"'
    return response


# At most this many entries in one export file: a reference manager's import, not a mirror (the API is).
MAX_EXPORT = 5000


def bibliography_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The bibliography entries matching the search parameters, as one .ris, .bib or CSL-JSON file.

    Takes the search page's parameters (q, filters, year range, sort); the type is always publications.
    A bad parameter is a 400 naming it, the search engine away a 503, never a 500."""
    if fmt not in FORMATS:
        return _bad_request("format", f"unknown export format {fmt!r}: ris, bib or json")
    params = request.GET.copy()
    for name in ("page", "page_size", "cursor", "facets"):
        params.pop(name, None)
    asked = [t for value in params.getlist("type") for t in value.split(",") if t]
    if any(t != "publication" for t in asked):
        return _bad_request("type", "the bibliography export holds publications only: leave out `type`")
    params.setlist("type", ["publication"])
    try:
        query = export.export_query(service.query_from_params(params, get_language() or "en"))
        ids = [hit.record_id for hits in export.iter_batches(query, service.search) for hit in hits]
    except QueryError as error:
        return _bad_request(error.param, error.message)
    except EngineError:
        return HttpResponse("The search service is unavailable; try again shortly.", status=503)
    if len(ids) > MAX_EXPORT:
        return _bad_request("q", f"{len(ids)} entries match; narrow the search to at most {MAX_EXPORT}")
    found = {p.pk: p for p in published_publications().filter(pk__in=ids)}
    items = [
        citations.for_publication(found[pk], request.build_absolute_uri(found[pk].get_absolute_url()))
        for pk in ids
        if pk in found
    ]
    render, media_type = FORMATS[fmt]
    response = HttpResponse(render(items), content_type=f"{media_type}; charset=utf-8")
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    response["Content-Disposition"] = f'attachment; filename="sherloc-bibliography-{stamp}.{fmt}"'
    response["X-Total-Count"] = str(len(items))
    return response


def _bad_request(param: str, message: str) -> HttpResponse:
    return HttpResponseBadRequest(f"{param}: {message}", content_type="text/plain; charset=utf-8")
