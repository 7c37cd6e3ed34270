"""/api/v1/submissions/: the API write path of the submission workflow.

- `POST /submissions/` takes one record in the import format and enters it into the same workflow as
  the web forms (`intake.create_submission`): submitted for review by default, or kept as a draft with
  `?action=draft`.
- `GET /submissions/` lists the caller's own records (created or moved through the workflow by them,
  within their countries), newest activity first, with status and latest comment.
- `GET /submissions/{kind}/{id}/` shows one record the caller may see in any status, with its history.

Who: writing needs an API token with the `submit` scope belonging to an active focal point or
secretariat editor. Reading also works from a signed-in session (the web UI's user). Session POSTs are
refused: DRF's SessionAuthentication checks CSRF first (403 without a valid token), and even with one a
write needs an API token, whose scopes bound what a client can do. Token requests need no CSRF token
because the Authorization header cannot be sent by a cross-site form.

These records are private: nothing here goes through the public querysets, and the public endpoints
(`published()` only) never see a draft or a submission.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q
from django.http import Http404
from django.utils.cache import patch_cache_control
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apikeys.scopes import Scope
from interchange.codes import Codes
from interchange.jsonl_format import SUBMITTABLE_MODELS, serialise
from sherloc import access
from sherloc.api.errors import error_body
from sherloc.api.pagination import PAGE, PAGE_SIZE, RecordPagination, parse_positive_int
from sherloc.api.parsers import SafeJSONParser
from sherloc.api.permissions import request_token
from sherloc.api.schema import ErrorSerializer
from sherloc.api.viewsets import ApiViewMixin

from . import intake, record_access
from .models import Transition
from .serializers import SubmissionDetailSerializer, SubmissionSerializer

ACTION_PARAM = "action"
SUBMIT, DRAFT = "submit", "draft"
ACTIONS = (SUBMIT, DRAFT)

# The families focal points submit: those whose records belong to one country (not the bibliography).
# Families a focal point submits: not the secretariat-curated ones, and only those placed in one country.
MODELS = {kind: model for kind, model in SUBMITTABLE_MODELS.items() if record_access.placed_in_a_country(model)}
RECORD_TYPES = tuple(MODELS)


class SubmissionAccess(BasePermission):
    """Signed in (else 401); a token needs the `submit` scope; writes need a token; focal point or editor."""

    message = "Only national focal points and secretariat editors can use the submission endpoints."

    def has_permission(self, request: Request, view: APIView) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False  # DRF answers 401: no authenticator succeeded
        token = request_token(request)
        if token is None and request.method not in SAFE_METHODS:
            self.message = "Submitting needs an API token with the `submit` scope (signed in? use the web forms)."
            return False
        if token is not None and not token.has_scope(Scope.SUBMIT):
            self.message = "This token lacks the `submit` scope; ask the secretariat to add it."
            return False
        return access.is_focal_point(user) or access.is_editor(user)


class SubmissionPagination(RecordPagination):
    """Page numbers over the caller's submissions (a merged list of three record types, so no cursor:
    the lists are short, a focal point's own records)."""

    def paginate_queryset(self, rows: list, request: Request, view: APIView | None = None) -> list:  # type: ignore[override]
        self.request = request
        self.page_size = parse_positive_int(request, PAGE_SIZE, self.default_page_size, self.max_page_size)
        self.count = len(rows)
        return self._numbered_page(rows, request)  # type: ignore[arg-type]

    def get_schema_operation_parameters(self, view: APIView) -> list[dict]:
        return [p for p in super().get_schema_operation_parameters(view) if p["name"] in (PAGE, PAGE_SIZE)]


def own_submission_keys(user: Any) -> list[tuple[Any, str, int]]:
    """(updated_at, kind, pk) of the user's records, newest first: records the user moved through the
    workflow (created, submitted...) or submitted, still within their countries (as the web "mine" page)."""
    rows: list[tuple[Any, str, int]] = []
    countries = None if access.is_editor(user) else record_access.countries_for(user)
    for kind, model in MODELS.items():
        ct = ContentType.objects.get_for_model(model, for_concrete_model=True)
        acted = Transition.objects.filter(actor=user, content_type=ct).values("object_id")
        queryset = model.objects.filter(Q(pk__in=acted) | Q(submitted_by=user))
        if countries is not None:
            queryset = queryset.filter(country__in=countries)
        rows += [(updated, kind, pk) for pk, updated in queryset.values_list("pk", "updated_at")]
    rows.sort(key=lambda row: (row[0], row[1], row[2]), reverse=True)
    return rows


def load_records(keys: list[tuple[Any, str, int]]) -> list[Model]:
    """The records of a page of keys, in the keys' order, with one query per record type."""
    wanted: dict[str, list[int]] = {}
    for _updated, kind, pk in keys:
        wanted.setdefault(kind, []).append(pk)
    found = {
        (kind, obj.pk): obj
        for kind, pks in wanted.items()
        for obj in MODELS[kind].objects.filter(pk__in=pks).select_related("country")
    }
    return [found[kind, pk] for _updated, kind, pk in keys if (kind, pk) in found]


def _private(response: Response) -> Response:
    patch_cache_control(response, private=True, no_store=True)
    return response


RECORD_BODY = {
    "type": "object",
    "description": (
        "One record in the SHERLOC import format (docs/import-format.md): a law with its provisions, a case "
        "with its people and charges, a competent authority, a strategy or an explanatory material of a law (`law`: "
        "the law's external_id, whose country it belongs to); vocabulary terms by code. `format_version` "
        "defaults to 1 and `external_id` is generated when left out. Workflow fields (`status`, "
        "`submitted_by`, `submitted_at`, `reviewed_by`, `reviewed_at`, `published_at`, `created_at`, "
        "`updated_at`) and `attachments` are refused unless null or empty."
    ),
    "required": ["type"],
    "properties": {
        "format_version": {"type": "integer", "enum": [1]},
        "type": {"type": "string", "enum": list(RECORD_TYPES)},
        "external_id": {"type": "string", "maxLength": 64, "description": "Your stable id; generated if absent."},
        "country": {"type": "string", "description": "Country code (alpha-3); must be in your scope."},
        "original_language": {"type": "string", "description": "Language code, e.g. `en`, `fr`, `pt`."},
        "title": {"type": "string", "description": "Laws, cases, strategies and explanatory materials."},
        "name": {"type": "string", "description": "Authorities."},
        "provisions": {"type": "array", "items": {"type": "object"}, "description": "Laws: provisions in order."},
    },
    "additionalProperties": True,
}

LAW_EXAMPLE = {
    "type": "law",
    "country": "BRA",
    "title": "Law on Trafficking in Persons",
    "number": "13.344/2016",
    "adoption_date": "2016-10-06",
    "original_language": "pt",
    "provisions": [
        {
            "label": "Art. 149-A",
            "text": "Agenciar, aliciar, recrutar, transportar ...",
            "language": "pt",
            "articles": [{"article": "TIP-3", "paragraph": "a"}],
            "crime_types": ["trafficking-in-persons"],
        }
    ],
}
CASE_EXAMPLE = {
    "type": "case",
    "title": "Ministério Público v. J.S.",
    "portal_number": "BRA042",
    "country": "BRA",
    "court": {"name": "Tribunal Regional Federal da 3ª Região", "level": "appeal"},
    "decision_date": "2019-05-14",
    "original_language": "pt",
    "fact_summary": "<p>The defendant recruited workers with false promises of employment.</p>",
    "people": [{"key": "p1", "role": "defendant", "name": "J.S."}, {"key": "p2", "role": "victim", "name": "M.R."}],
    "charges": [{"defendant": "p1", "statute": "Código Penal art. 149-A", "verdict": "convicted"}],
}
AUTHORITY_EXAMPLE = {
    "type": "authority",
    "country": "BRA",
    "name": "Department of Asset Recovery and International Legal Cooperation",
    "roles": ["mla-central"],
    "original_language": "en",
    "email": "central.authority@example.gov",
}

STRATEGY_EXAMPLE = {
    "type": "strategy",
    "country": "BRA",
    "title": "National Plan to Combat Trafficking in Persons",
    "strategy_type": "action_plan",
    "period_start": "2018-01-01",
    "period_end": "2022-12-31",
    "original_language": "pt",
    "summary": "<p>Prevention, protection of victims and prosecution.</p>",
    "crime_types": ["trafficking-in-persons"],
}


def _error(description: str) -> OpenApiResponse:
    return OpenApiResponse(ErrorSerializer, description=description)


UNAUTHENTICATED = _error(
    "No credentials (a token, or a signed-in session for reading), or a bad, revoked or expired token."
)
FORBIDDEN = _error(
    "The token lacks the `submit` scope, the account is not a focal point or editor, or (writes) the "
    "record's country is outside the focal point's scope, or a signed-in session tried to write."
)


class SubmissionListView(ApiViewMixin, GenericAPIView):
    permission_classes = [SubmissionAccess]
    parser_classes = [SafeJSONParser]
    pagination_class = SubmissionPagination
    serializer_class = SubmissionSerializer

    def get_queryset(self) -> Any:
        """Not used to answer (the list merges three record types, see own_submission_keys); present
        so schema tooling that asks a generic view for its model gets an answer."""
        return Transition.objects.none()

    def allowed_params(self) -> set[str]:
        extra = {ACTION_PARAM} if self.request.method == "POST" else {PAGE, PAGE_SIZE}
        return super().allowed_params() | extra

    def validate_params(self, request: Request) -> dict[str, list[str]]:
        action = request.query_params.get(ACTION_PARAM)
        if request.method == "POST" and action is not None and action not in ACTIONS:
            return {ACTION_PARAM: [f"Must be one of: {', '.join(ACTIONS)}."]}
        return {}

    @extend_schema(
        operation_id="submissions_list",
        summary="Your submissions",
        description="Records you created or moved through the workflow, newest activity first, in any status.",
        responses={200: SubmissionSerializer(many=True), 401: UNAUTHENTICATED, 403: FORBIDDEN},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        keys = self.paginate_queryset(own_submission_keys(request.user))
        data = self.get_serializer(load_records(keys), many=True).data
        return _private(self.get_paginated_response(data))

    @extend_schema(
        operation_id="submissions_create",
        summary="Submit a record for review",
        description=(
            "Creates a law, case, authority, strategy or explanatory material from one record in the import "
            "format and submits it for review "
            "(`?action=draft` keeps it a draft). Needs a token with the `submit` scope of a focal point (for "
            "the countries of their scope) or a secretariat editor. Updates of existing records are not "
            "supported yet: an `external_id` that is already used is a 409."
        ),
        parameters=[
            OpenApiParameter(
                ACTION_PARAM,
                str,
                OpenApiParameter.QUERY,
                enum=list(ACTIONS),
                description="`submit` (default): submit for review at once; `draft`: keep it a draft.",
            ),
            OpenApiParameter(
                "Location",
                OpenApiTypes.URI,
                OpenApiParameter.HEADER,
                response=[201],
                description="The new submission's `api_url`.",
            ),
        ],
        request={"application/json": RECORD_BODY},
        examples=[
            OpenApiExample("law", value=LAW_EXAMPLE, request_only=True),
            OpenApiExample("case", value=CASE_EXAMPLE, request_only=True),
            OpenApiExample("authority", value=AUTHORITY_EXAMPLE, request_only=True),
            OpenApiExample("strategy", value=STRATEGY_EXAMPLE, request_only=True),
        ],
        responses={
            201: SubmissionSerializer,
            400: _error(
                "Invalid record: `errors` maps each field path (e.g. `provisions[1].articles[0]`) to its problems. "
                "Submitting (not `?action=draft`) also needs a complete record, as the web forms do: a law's "
                "`provisions`, a case's `fact_summary` and a defendant in `people`, an authority's `roles` and "
                "one of `email`, `phone`, `address`; a strategy's or explanatory material's `original_language` and "
                "some content (`summary`, a material's `text`); each missing piece is named."
            ),
            401: UNAUTHENTICATED,
            403: FORBIDDEN,
            409: _error("The external_id or the record's identity (e.g. a law's country + title + number) is taken."),
            415: _error("The body is not JSON."),
        },
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        token = request_token(request)
        provenance = f"Submitted through the API with the token “{token.name}”." if token is not None else ""
        try:
            record = intake.create_submission(
                request.data,
                request.user,
                submit=request.query_params.get(ACTION_PARAM, SUBMIT) == SUBMIT,
                provenance=provenance,
            )
        except intake.Refused as exc:
            return _private(Response(error_body(exc.status, exc.detail, exc.errors), status=exc.status))
        data = self.get_serializer(record).data
        return _private(Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["api_url"]}))


class SubmissionDetailView(ApiViewMixin, GenericAPIView):
    permission_classes = [SubmissionAccess]
    serializer_class = SubmissionDetailSerializer

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        context["serialise"] = lambda obj: serialise(intake.record_kind(obj), [obj], Codes.load())[0]
        return context

    @extend_schema(
        operation_id="submissions_retrieve",
        summary="One of your submissions",
        description="A record you may see in any status (your countries'), with its history and its content.",
        parameters=[
            OpenApiParameter("kind", str, OpenApiParameter.PATH, enum=list(RECORD_TYPES)),
            OpenApiParameter("id", int, OpenApiParameter.PATH),
        ],
        responses={200: SubmissionDetailSerializer, 401: UNAUTHENTICATED, 403: FORBIDDEN},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        record = MODELS[kwargs["kind"]].objects.select_related("country").filter(pk=kwargs["id"]).first()
        if record is None:
            raise Http404
        if not record_access.can_view(request.user, record):
            raise PermissionDenied("This record belongs to a country outside your scope.")
        return _private(Response(self.get_serializer(record).data))
