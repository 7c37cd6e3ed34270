"""Citation pieces of the record pages: the page-head metadata for reference managers, the RIS/BibTeX
links, and the citation of one provision. The fields come from portal.citations (one builder for the
pages, the downloads and any later bibliography export)."""

from __future__ import annotations

from django import template
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from .. import citations
from .portal import citation

register = template.Library()

_BUILDERS = {
    "law": citations.for_law,
    "provision": citations.for_provision,
    "case": citations.for_case,
    "publication": citations.for_publication,
}


def _absolute(context: template.Context, path: str) -> str:
    request: HttpRequest | None = context.get("request")
    return request.build_absolute_uri(path) if request else path


@register.simple_tag(takes_context=True)
def citation_head(context: template.Context, kind: str, record: object) -> SafeString:
    """<meta> tags (Highwire `citation_*`, Dublin Core) and <link rel="alternate"> to the RIS and BibTeX files."""
    item = _BUILDERS[kind](record, _absolute(context, record.get_absolute_url()))
    metas = format_html_join("\n", '<meta name="{}" content="{}">', citations.meta_tags(item))
    links = format_html_join(
        "\n",
        '<link rel="alternate" type="{}" href="{}" title="{}">',
        ((media_type, url, label) for url, label, media_type in _downloads(kind, record.pk)),
    )
    return format_html("{}\n{}", metas, links)


def _downloads(kind: str, pk: int) -> list[tuple[str, str, str]]:
    files = [
        (reverse("record-citation", args=[kind, pk, "ris"]), "RIS", citations.RIS_MEDIA_TYPE),
        (reverse("record-citation", args=[kind, pk, "bib"]), "BibTeX", citations.BIBTEX_MEDIA_TYPE),
    ]
    if kind == "publication":  # a bibliography entry is also offered to citation processors
        files.append((reverse("record-citation", args=[kind, pk, "json"]), "CSL-JSON", citations.CSL_JSON_MEDIA_TYPE))
    return files


@register.simple_tag
def citation_downloads(kind: str, pk: int) -> list[dict]:
    """[{url, label}] of the record's RIS and BibTeX files."""
    return [{"url": url, "label": label} for url, label, _ in _downloads(kind, pk)]


@register.simple_tag
def provision_citation(law: object, provision: object, place: str = "") -> SafeString:
    """'Law title, No. 5/2016, Art. 149-A (Brazil, 2016).': the law's citation narrowed to one provision."""
    return citation(law.title, law.number, provision.label, place=place, year=law.year)
