"""OpenAPI generation (drf-spectacular AutoSchema) with what every API operation shares:

- the `lang` parameter (label language; Accept-Language is honoured too),
- the error responses in the one error shape (errors.py), so generated clients and the schemathesis
  run know that 400/401/404/413/414/429 are part of the contract, not surprises,
- ETag/Last-Modified response headers and 304 on record and vocabulary GETs.
"""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers

from .language import LANG_PARAM, supported_languages

ErrorSerializer = inline_serializer(
    name="Error",
    fields={
        "status": serializers.IntegerField(),
        "detail": serializers.CharField(),
        "errors": serializers.DictField(
            child=serializers.ListField(child=serializers.CharField()),
            help_text="Messages by offending parameter; empty when the error is not about a parameter.",
        ),
    },
)

ERROR_DESCRIPTIONS = {
    400: "Invalid parameters: unknown name, unknown code, malformed value, page out of range.",
    401: "The token is invalid, revoked or expired.",
    404: "No such record (or not published).",
    413: "The request body is larger than the upload limit (sherloc.api.limits).",
    414: "The query string is longer than the API's limit (sherloc.api.limits).",
    429: "Rate limit reached; retry after the number of seconds in Retry-After.",
    503: "The search engine is unavailable; retry after the number of seconds in Retry-After.",
}


def error_responses(*codes: int) -> dict[int, OpenApiResponse]:
    return {code: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[code]) for code in codes}


LANG_PARAMETER = OpenApiParameter(
    LANG_PARAM,
    str,
    OpenApiParameter.QUERY,
    enum=list(supported_languages()),
    description="Language of vocabulary labels (default: Accept-Language, then English).",
)


class AutoSchema(SpectacularAutoSchema):
    def _is_api_view(self) -> bool:
        from .viewsets import ApiViewMixin

        return isinstance(self.view, ApiViewMixin)

    def get_override_parameters(self) -> list:
        params = list(super().get_override_parameters())
        if self._is_api_view() and not any(getattr(p, "name", None) == LANG_PARAM for p in params):
            params.append(LANG_PARAMETER)
        return params

    def _get_response_bodies(self, direction: str = "response") -> dict:
        responses = super()._get_response_bodies(direction)
        if not self._is_api_view():
            return responses
        codes = [400, 401, 414, 429]  # 414: answered by sherloc.api.limits before any view runs
        if self._is_a_detail_view():
            codes.append(404)
        if self.method in ("POST", "PUT", "PATCH"):
            codes.append(413)
        for code, response in error_responses(*codes).items():
            if str(code) in responses:  # declared by the view: keep its (more specific) description
                responses[str(code)]["description"] = responses[str(code)].get("description") or response.description
                continue
            responses[str(code)] = self._get_response_for_code(response.response, str(code), direction=direction)
            responses[str(code)]["description"] = response.description
        return responses

    def _is_a_detail_view(self) -> bool:
        return bool(self.path_regex and "{" in self.path) and self.method == "GET"
