"""/api/v1/search/ and /api/v1/export/: the search service over HTTP.

Both take the parameters of the web search page (search.service.query_from_params parses and
validates them; a QueryError becomes a 400 naming the parameter). Filters accept comma lists and
repeated parameters alike. The search response mirrors search.results.SearchResult; the export
streams every matching published record (portal.api.export).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from operator import itemgetter
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, QueryDict, StreamingHttpResponse
from django.urls import reverse
from django.utils.encoding import escape_uri_path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from caselaw.bands import AgeBand, GroupSizeBand, LegalPersonRole, SentenceBand
from caselaw.models import CourtLevel, Gender, ProceduralStage, Verdict
from legislation.models import LegalStatus
from portal.api import export
from search import service
from search.facets import DOC_TYPES, FACET_NAMES, FILTER_NAMES
from search.query import SearchQuery, Sort
from search.results import Hit, SearchResult
from sherloc.api.language import LANG_PARAM
from sherloc.api.permissions import can_view_contacts
from sherloc.api.schema import error_responses
from sherloc.api.viewsets import ApiViewMixin

HIT_API_VIEWS = {
    "legislation": "api:provision-detail",
    "case": "api:case-detail",
    "authority": "api:authority-detail",
    "strategy": "api:strategy-detail",
    "material": "api:material-detail",
    "publication": "api:publication-detail",
    "guidance": "api:guidance-detail",
}
POSITION_PARAMS = ("page", "page_size", "cursor")
QUERY_PARAMS = ("q", *FILTER_NAMES, "year_from", "year_to", "sort")
SEARCH_PARAMS = (*QUERY_PARAMS, *POSITION_PARAMS, "facets")
EXPORT_FORMATS = {"jsonl": "application/x-ndjson", "csv": "text/csv"}
# Stored document fields that are index bookkeeping, not data for clients.
HIDDEN_SOURCE_FIELDS = ("version", "sort_title", "texts")


# --------------------------------------------------------------------------- OpenAPI description


YEAR_SCHEMA = {"type": "integer", "minimum": service.YEAR_MIN, "maximum": service.YEAR_MAX}


def _csv(name: str, description: str, enum: list[str] | None = None, item_type: type = str) -> OpenApiParameter:
    return OpenApiParameter(
        name,
        {"type": "array", "items": {"type": "string", **({"enum": enum} if enum else {})}}
        if item_type is str
        else {"type": "array", "items": YEAR_SCHEMA},
        OpenApiParameter.QUERY,
        description=description + " Comma-separated (or repeat the parameter); OR within a parameter, AND across.",
        style="form",
        explode=False,
    )


FILTER_PARAMETERS = [
    OpenApiParameter(
        "q", str, description='Text: words, "phrases", -exclusions, OR. Malformed input is searched as words.'
    ),
    _csv("type", "Record types.", list(DOC_TYPES)),
    _csv("country", "Country alpha-3 (or alpha-2) codes; XIR = international and regional bodies."),
    _csv("region", "UN M49 region codes."),
    _csv("instrument", "Instrument codes (UNTOC, TIP, SOM, FIREARMS)."),
    _csv("article", "Article codes (UNTOC-18)."),
    _csv("crime_type", "Crime type codes."),
    _csv(
        "crime_subtype",
        "Crime sub-type codes (trafficking-in-persons.means.deception) or families (trafficking-in-persons.means).",
    ),
    _csv("issue", "Cross-cutting issue codes (an issue matches its sub-issues)."),
    _csv("year", "Exact years.", item_type=int),
    _csv("language", "Original language codes."),
    _csv("court_level", "Court levels (cases).", list(CourtLevel.values)),
    _csv("legal_status", "Legal status (legislation).", list(LegalStatus.values)),
    _csv("role", "Authority designations (authorities): role codes such as mla-central."),
    _csv("procedural_stage", "Procedural stage (cases).", list(ProceduralStage.values)),
    _csv("verdict", "A verdict on one of the charges (cases).", list(Verdict.values)),
    _csv(
        "sentence_band",
        "A custodial sentence of a conviction, in years: under_1, 1_5 (1 to under 5), 5_10, 10_20, 20_plus (cases).",
        list(SentenceBand.values),
    ),
    _csv("victim_gender", "A victim's gender (cases).", [g for g in Gender.values if g != "unknown"]),
    _csv("victim_nationality", "A victim's nationality: country alpha-3 (or alpha-2) codes (cases)."),
    _csv("victim_age", "A victim's age band at the time of the offence (cases).", list(AgeBand.values)),
    _csv("defendant_gender", "A defendant's gender (cases).", [g for g in Gender.values if g != "unknown"]),
    _csv("defendant_nationality", "A defendant's nationality: country alpha-3 (or alpha-2) codes (cases)."),
    _csv("defendant_age", "A defendant's age band at the time of the offence (cases).", list(AgeBand.values)),
    _csv("legal_person", "A legal person among the defendants or the victims (cases).", list(LegalPersonRole.values)),
    _csv("group_size", "Number of people charged, in bands (cases).", list(GroupSizeBand.values)),
    OpenApiParameter("year_from", YEAR_SCHEMA, description="From this year (inclusive)."),
    OpenApiParameter("year_to", YEAR_SCHEMA, description="Up to this year (inclusive)."),
    OpenApiParameter(
        "sort",
        str,
        enum=[s.value for s in Sort],
        description="Order of results (default: relevance with text in `q`, newest first without).",
    ),
]
POSITION_PARAMETERS = [
    OpenApiParameter("page", {"type": "integer", "minimum": 1}, description="Page number (1-based)."),
    OpenApiParameter("page_size", {"type": "integer", "minimum": 1, "maximum": 100}, description="Hits per page."),
    OpenApiParameter("cursor", str, description="Opaque cursor from `next`; walks past the page-depth limit."),
    _csv("facets", "Facets to count (default: all).", list(FACET_NAMES)),
]


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class HitSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="Document id: provision:42, case:7, authority:3.")
    type = serializers.ChoiceField(choices=DOC_TYPES)
    record_id = serializers.IntegerField(help_text="`id` of the provision, case or authority.")
    parent_id = serializers.IntegerField(allow_null=True, required=False, help_text="The law's id for a provision.")
    title = serializers.CharField()
    subtitle = serializers.CharField(required=False)
    url = serializers.URLField(help_text="Public page.")
    api_url = serializers.URLField(help_text="The record on this API.")
    score = serializers.FloatField(allow_null=True, help_text="Relevance score (null when sorted otherwise).")
    snippets = serializers.ListField(
        child=serializers.CharField(), help_text="HTML fragments; matches in <mark>, everything else escaped."
    )
    country = serializers.CharField(required=False, help_text="Alpha-3 code; a regional strategy's issuer (XIR).")
    countries = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text="Regional strategies only: the issuer and every State the document covers.",
    )
    region = serializers.ListField(child=serializers.CharField(), required=False)
    year = serializers.IntegerField(allow_null=True, required=False)
    date = serializers.CharField(allow_null=True, required=False)
    language = serializers.CharField(required=False)
    instrument = serializers.ListField(child=serializers.CharField(), required=False)
    article = serializers.ListField(child=serializers.CharField(), required=False)
    article_ref = serializers.ListField(child=serializers.CharField(), required=False)
    crime_type = serializers.ListField(child=serializers.CharField(), required=False)
    crime_subtype = serializers.ListField(child=serializers.CharField(), required=False)
    issue = serializers.ListField(child=serializers.CharField(), required=False)
    court_level = serializers.CharField(required=False, allow_blank=True)
    legal_status = serializers.CharField(required=False, allow_blank=True)
    role = serializers.ListField(child=serializers.CharField(), required=False)
    procedural_stage = serializers.CharField(required=False, allow_blank=True, help_text="Cases; empty if unknown.")
    verdict = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="Cases: charges' verdicts."
    )
    sentence_band = serializers.ListField(child=serializers.CharField(), required=False)
    victim_gender = serializers.ListField(child=serializers.CharField(), required=False)
    victim_nationality = serializers.ListField(child=serializers.CharField(), required=False)
    victim_age = serializers.ListField(child=serializers.CharField(), required=False)
    defendant_gender = serializers.ListField(child=serializers.CharField(), required=False)
    defendant_nationality = serializers.ListField(child=serializers.CharField(), required=False)
    defendant_age = serializers.ListField(child=serializers.CharField(), required=False)
    legal_person = serializers.ListField(child=serializers.CharField(), required=False)
    group_size = serializers.CharField(required=False, allow_blank=True, help_text="Cases; empty if unknown.")
    numbers = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text="The record's numbers as written (portal, court case or law number); the search box finds them.",
    )


class SuggestionSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["filter", "words"], help_text="Drop a filter, or search other words.")
    count = serializers.IntegerField(help_text="Records the widened search finds.")
    name = serializers.CharField(help_text="kind=filter: the filter to drop (`year_range`: year_from and year_to).")
    text = serializers.CharField(allow_blank=True, help_text="kind=words: the `q` to search instead (may be empty).")
    dropped = serializers.ListField(child=serializers.CharField(), help_text="kind=words: what `text` leaves out.")


class SearchResponseSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Total matching hits.")
    page = serializers.IntegerField(allow_null=True, help_text="Page number; null when walking with a cursor.")
    page_size = serializers.IntegerField()
    next = serializers.URLField(allow_null=True, help_text="Next page (cursor or page number); null at the end.")
    previous = serializers.URLField(allow_null=True)
    took_ms = serializers.FloatField()
    results = HitSerializer(many=True)
    facets = serializers.DictField(
        child=FacetValueSerializer(many=True), help_text="{facet name: [{value, label, count}]}"
    )
    relaxed = serializers.BooleanField(
        help_text="True when no record has all the words of `q`: the results have most of them (function words "
        "such as 'of' or 'la' left out); phrases, OR groups and exclusions still apply."
    )
    suggestions = SuggestionSerializer(
        many=True, help_text="Only when count is 0: ways to widen the search, each with the count it finds."
    )


# --------------------------------------------------------------------------- shared parsing


class SearchParamsMixin(ApiViewMixin):
    """Search-parameter parsing shared by search and export."""

    repeatable_params = (*FILTER_NAMES, "facets")

    def service_params(self, request: Request, drop: tuple[str, ...] = ()) -> dict[str, list[str]]:
        return {
            name: request.query_params.getlist(name) for name in request.query_params if name not in (LANG_PARAM, *drop)
        }

    def build_query(self, request: Request, drop: tuple[str, ...] = ()) -> SearchQuery:
        return service.query_from_params(self.service_params(request, drop), self.lang)


SENTINEL_PK = 987654321


@functools.cache
def _api_path_templates() -> dict[str, tuple[str, str]]:
    """{hit type: (path before the pk, path after)}: one reverse() per process, not one per hit."""
    templates = {}
    for hit_type, view in HIT_API_VIEWS.items():
        before, _, after = reverse(view, kwargs={"pk": SENTINEL_PK}).partition(str(SENTINEL_PK))
        templates[hit_type] = (before, after)
    return templates


def site_root(request: HttpRequest | Request) -> str:
    """'https://host' of the request (absolute URLs are built by concatenation: hits are many).
    What build_absolute_uri("/") starts with, without its URL parsing and re-quoting: get_host() has
    validated the host against ALLOWED_HOSTS, so it is plain ASCII with nothing to quote."""
    return f"{request.scheme}://{request.get_host()}"


def hit_api_url(root: str, hit: Hit) -> str:
    template = _api_path_templates().get(hit.type)
    return f"{root}{template[0]}{hit.record_id}{template[1]}" if template else ""


def public_url(root: str, lang: str, path: str) -> str:
    """Documents store language-neutral paths ('/laws/7/#provision-42'); pages live under /<lang>/."""
    return f"{root}/{lang}{path}" if path.startswith("/") else path


class SearchView(SearchParamsMixin, APIView):
    """Full-text and faceted search over provisions, cases and authorities."""

    extra_params = SEARCH_PARAMS

    @extend_schema(
        operation_id="search",
        parameters=[*FILTER_PARAMETERS, *POSITION_PARAMETERS],
        responses={200: SearchResponseSerializer, **error_responses(400, 401, 429, 503)},
        tags=["search"],
    )
    def get(self, request: Request) -> Response:
        query = service.query_from_params(request.query_params, self.lang, ignore=(LANG_PARAM,))
        return Response(search_body(request, self.lang, query, service.search(query)))


def _page_link(base: str, params: QueryDict, key: str, value: object, drop: str = "") -> str:
    """`base?params` with `key` set to `value` (and `drop` removed), parameters sorted by name: the links
    DRF's replace_query_param builds, without re-parsing the URL it came from (a tenth of the API's
    overhead on this endpoint)."""
    pairs = [(name, v) for name, values in params.lists() if name not in (key, drop) for v in values]
    pairs.append((key, str(value)))
    pairs.sort(key=itemgetter(0))  # stable: repeated parameters keep their order
    return f"{base}?{urlencode(pairs)}"


def search_body(request: HttpRequest | Request, lang: str, query: SearchQuery, result: SearchResult) -> dict[str, Any]:
    """The response body (SearchResponseSerializer's shape) for `result`: hits with absolute URLs, page
    links. Facets stay the service's FacetValue dataclasses: the JSON encoder writes them as objects."""
    root = site_root(request)
    lang_root = f"{root}/{lang}"
    templates = _api_path_templates()
    hits = []
    for hit in result.hits:
        api_path = templates.get(hit.type)
        # The stored fields with ours on top, written into the hit's own `source`: the result belongs to
        # this request, and a page of ~30-key dicts copied is memory the response does not need.
        item = hit.source
        item["id"] = hit.id
        item["type"] = hit.type
        item["record_id"] = hit.record_id
        item["title"] = hit.title
        item["url"] = lang_root + hit.url if hit.url.startswith("/") else hit.url
        item["api_url"] = f"{root}{api_path[0]}{hit.record_id}{api_path[1]}" if api_path else ""
        item["score"] = hit.score
        item["snippets"] = hit.snippets
        if isinstance(item.get("country"), list):  # found under several countries: `country` stays one code
            item["countries"] = item["country"]
            item["country"] = item["countries"][0] if item["countries"] else ""
        for name in HIDDEN_SOURCE_FIELDS:
            item.pop(name, None)
        hits.append(item)
    next_url = previous_url = None
    more = query.offset + len(result.hits) < result.total if query.cursor is None else bool(result.next_cursor)
    next_page_reachable = (query.page + 1) * query.page_size <= settings.SEARCH_MAX_DEPTH
    if more or (query.cursor is None and query.page > 1):
        base = root + escape_uri_path(request.path)
        if more and query.cursor is None and next_page_reachable:
            next_url = _page_link(base, request.GET, "page", query.page + 1)
        elif more and result.next_cursor:  # walking with a cursor, or past the page-depth limit
            next_url = _page_link(base, request.GET, "cursor", result.next_cursor, drop="page")
        if query.cursor is None and query.page > 1:
            previous_url = _page_link(base, request.GET, "page", query.page - 1)
    return {
        "count": result.total,
        "page": None if query.cursor is not None else query.page,
        "page_size": query.page_size,
        "next": next_url,
        "previous": previous_url,
        "took_ms": round(result.took_ms, 2),
        "results": hits,
        # FacetValue dataclasses, rendered as {value, label, count} (sherloc.api.renderers)
        "facets": result.facets,
        "relaxed": result.relaxed,
        "suggestions": [dataclasses.asdict(s) for s in result.suggestions],
    }


class IgnoreAcceptNegotiation(BaseContentNegotiation):
    """The export's body type is chosen by `format`, not Accept; errors are rendered as JSON."""

    def select_parser(self, request: Request, parsers: list) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(self, request: Request, renderers: list, format_suffix: str | None = None) -> tuple:
        return renderers[0], renderers[0].media_type


class ExportView(SearchParamsMixin, APIView):
    """Every published record matching the search parameters, streamed as JSON Lines or CSV."""

    extra_params = (*QUERY_PARAMS, "format")
    content_negotiation_class = IgnoreAcceptNegotiation

    @extend_schema(
        operation_id="export",
        parameters=[
            OpenApiParameter(
                "format",
                str,
                required=True,
                enum=list(EXPORT_FORMATS),
                description="jsonl: one record per line in the import format (a law with all its provisions); "
                "csv: one row per provision, case or authority; headings and readable values in `lang`, "
                "then the codes under fixed column names.",
            ),
            *FILTER_PARAMETERS,
        ],
        responses={
            (200, EXPORT_FORMATS["jsonl"]): OpenApiResponse(OpenApiTypes.STR, description="JSON Lines."),
            (200, EXPORT_FORMATS["csv"]): OpenApiResponse(OpenApiTypes.STR, description="CSV with a header row."),
            **error_responses(400, 401, 429, 503),
        },
        tags=["search"],
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        fmt = request.query_params.get("format", "")
        if fmt not in EXPORT_FORMATS:
            raise serializers.ValidationError({"format": [f"Required; one of: {', '.join(EXPORT_FORMATS)}."]})
        query = export.export_query(self.build_query(request, drop=("format",)))
        first = service.search(query)  # before streaming: a dead engine is still a clean error; gives the total
        batches, grouped_by_law = export.batches_for(query, service.search, first)
        if fmt == "jsonl":
            body = export.jsonl_stream(
                batches, include_contacts=can_view_contacts(request), grouped_by_law=grouped_by_law
            )
        else:
            lang, root = self.lang, site_root(request)
            body = export.csv_stream(
                batches,
                absolute_url=lambda path: public_url(root, lang, path),
                api_url=lambda hit: hit_api_url(root, hit),
                language=lang,
                include_contacts=can_view_contacts(request),
            )
        response = StreamingHttpResponse(body, content_type=f"{EXPORT_FORMATS[fmt]}; charset=utf-8")
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
        response["Content-Disposition"] = f'attachment; filename="sherloc-export-{stamp}.{fmt}"'
        response["X-Total-Count"] = str(first.total)
        response["Cache-Control"] = "no-store" if can_view_contacts(request) else "no-cache"
        return response
