"""OpenAPI description of the token authentication (drf-spectacular extension, loaded by apps.ready)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "apikeys.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):  # noqa: ANN001, ANN201
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": (
                "API token issued by the SHERLOC secretariat, sent as `Token <key>` or `Bearer <key>`. "
                "A token with the `read_contacts` scope unlocks the contact details of competent authorities; "
                "one with the `submit` scope (of a focal point or editor) the submission endpoints."
            ),
        }
