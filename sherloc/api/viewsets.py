"""Base views for the API: parameter checks, language, conditional GET and the published-only rule.

RecordViewSet (laws, provisions, cases, authorities) and VocabularyViewSet (the vocabularies) are
read-only. The write path is /api/v1/submissions/ (submissions/api.py), separate from these views so
that the public record endpoints can never show anything but published records.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404, HttpResponseBase
from django.utils import translation
from django.utils.cache import patch_vary_headers
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from . import conditional, language, pagination
from .errors import flatten_errors
from .params import param_errors
from .permissions import can_view_contacts
from .renderers import SingleRendererNegotiation


class ApiViewMixin:
    """Shared by every /api/v1/ view: rejects unknown parameters, negotiates the label language."""

    content_negotiation_class = SingleRendererNegotiation
    #: extra query parameters a view accepts besides filters, pagination and `lang`
    extra_params: tuple[str, ...] = ()
    #: parameters that may be repeated (`?facets=a&facets=b`)
    repeatable_params: tuple[str, ...] = ()
    lang: str = "en"

    def allowed_params(self) -> set[str]:
        return {language.LANG_PARAM, *self.extra_params}

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # authentication, permissions, throttles first
        errors = param_errors(request.query_params, self.allowed_params(), self.repeatable_params)
        try:
            self.lang = language.negotiate(request)
        except ValidationError as exc:
            errors.update(flatten_errors(exc.detail))
        for name, messages in self.validate_params(request).items():
            errors.setdefault(name, messages)
        if errors:  # every bad parameter at once, not one per round trip
            raise ValidationError(errors)
        translation.activate(self.lang)  # public page URLs (get_absolute_url) follow the label language

    def validate_params(self, request: Request) -> dict[str, list[str]]:
        """Filter values of a list, validated once here so their errors join the unknown-parameter ones."""
        self._filterset = None
        filterset_class = getattr(self, "filterset_class", None)
        if getattr(self, "action", None) != "list" or filterset_class is None:
            return {}
        self._filterset = filterset_class(request.query_params, queryset=self.get_queryset(), request=request)
        return {} if self._filterset.is_valid() else flatten_errors(self._filterset.errors)

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        # Filters are list parameters: a detail lookup is never narrowed (or validated) by them. The list
        # reuses the FilterSet validated in initial(), so vocabulary codes are checked once.
        filterset = getattr(self, "_filterset", None)
        if getattr(self, "action", None) != "list" or filterset is None:
            return queryset
        return filterset.filter_queryset(queryset)

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        context["lang"] = self.lang
        context["can_view_contacts"] = can_view_contacts(self.request)
        return context

    def finalize_response(self, request: Request, response: HttpResponseBase, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = self.lang
        patch_vary_headers(response, ("Accept-Language", "Authorization"))
        return response


class RecordViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Published records only, looked up by integer id, with ETag/Last-Modified on list and detail."""

    lookup_value_regex = r"[0-9]{1,18}"  # longer would overflow the database integer
    pagination_class = pagination.RecordPagination
    #: field holding the record's last change (the law's for provisions)
    updated_field = "updated_at"
    #: contact visibility changes authority bodies; other record types ignore it
    varies_with_contacts = False

    @property
    def sync_order_field(self) -> str:
        return self.updated_field

    def allowed_params(self) -> set[str]:
        allowed = super().allowed_params()
        if self.action == "list":
            filterset_class = getattr(self, "filterset_class", None)
            if filterset_class is not None:
                allowed |= set(filterset_class.base_filters)
            allowed |= set(pagination.PARAMS)
        return allowed

    def _context_key(self) -> tuple[object, ...]:
        contacts = can_view_contacts(self.request) if self.varies_with_contacts else None
        return (type(self).__name__, self.lang, contacts)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:
        queryset = self.filter_queryset(self.get_queryset())
        self.list_stats = conditional.list_stats(queryset, self.updated_field)
        validators = conditional.for_list(self.list_stats, request.query_params.items(), *self._context_key())
        response = conditional.not_modified(request, validators)
        if response is None:
            page = self.paginate_queryset(queryset)
            response = self.get_paginated_response(self.get_serializer(page, many=True).data)
            conditional.apply(response, validators)
        return response

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:
        instance = self.get_object()
        updated = instance
        for part in self.updated_field.split("__"):
            updated = getattr(updated, part)
        validators = conditional.for_record(updated, instance.pk, *self._context_key())
        response = conditional.not_modified(request, validators)
        if response is None:
            response = Response(self.get_serializer(instance).data)
            conditional.apply(response, validators)
        return response


class VocabularyViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """A vocabulary: small, unpaginated, looked up by code; ETag from the rendered body."""

    lookup_field = "code"
    lookup_value_regex = r"[A-Za-z0-9._-]{1,120}"
    pagination_class = None

    def allowed_params(self) -> set[str]:
        allowed = super().allowed_params()
        filterset_class = getattr(self, "filterset_class", None)
        if self.action == "list" and filterset_class is not None:
            allowed |= set(filterset_class.base_filters)
        return allowed

    def lookup_condition(self, value: str) -> Q:
        """Codes are matched case-insensitively: /articles/untoc-18/ finds UNTOC-18."""
        return Q(**{f"{self.lookup_field}__iexact": value})

    def get_object(self) -> Any:
        value = self.kwargs[self.lookup_url_kwarg or self.lookup_field]
        obj = self.get_queryset().filter(self.lookup_condition(value)).first()
        if obj is None:
            raise Http404
        self.check_object_permissions(self.request, obj)
        return obj

    def finalize_response(self, request: Request, response: HttpResponseBase, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200 and isinstance(response, Response):
            response.render()
            validators = conditional.for_content(response.content)
            not_modified = conditional.not_modified(request, validators)
            if not_modified is not None:
                for header in ("Content-Language", "Vary"):
                    if header in response:
                        not_modified[header] = response[header]
                return not_modified
            conditional.apply(response, validators)
        return response
