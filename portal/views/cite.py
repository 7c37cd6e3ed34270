"""RIS and BibTeX downloads of one published record (a law, a provision, a case), for reference managers.

Language-neutral URLs (/cite/<kind>/<pk>.<format>): the file holds the record's own titles and
codes, whatever the reader's language. Anything not published is a 404, like its page.
"""

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from caselaw.models import Case
from legislation.models import Law, Provision

from .. import citations

FORMATS: dict[str, tuple[Callable[[list[citations.Citable]], str], str]] = {
    "ris": (citations.to_ris, citations.RIS_MEDIA_TYPE),
    "bib": (citations.to_bibtex, citations.BIBTEX_MEDIA_TYPE),
}


def _citable(request: HttpRequest, kind: str, pk: int) -> citations.Citable:
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
    raise Http404(f"no citations for {kind!r} records: law, provision or case")


def record_citation(request: HttpRequest, kind: str, pk: int, fmt: str) -> HttpResponse:
    """The record as a .ris or .bib file (an attachment named after the record)."""
    if fmt not in FORMATS:
        raise Http404(f"unknown citation format {fmt!r}: ris or bib")
    item = _citable(request, kind, pk)
    render, media_type = FORMATS[fmt]
    response = HttpResponse(render([item]), content_type=f"{media_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{item.key}.{fmt}"'
    return response
