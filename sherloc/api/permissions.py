"""Who may see and do what through the API.

- Everyone reads published records and the public fields of authorities.
- Authority contact details: an API token with the `read_contacts` scope, or a signed-in session user
  who is a practitioner (sherloc.access, the one rule the web pages use too). A token is judged by
  its scopes only (a staff member's token without `read_contacts` does not see contacts), so a leaked
  token cannot do more than issued.
- Writes: the submission endpoints (submissions/api.py) have their own permission,
  `SubmissionAccess`: a token with the `submit` scope of a focal point or editor, plus the workflow's
  country scope. ReadOnlyOrScoped remains the default for every other view: unsafe methods only for a
  token holding the view's `write_scope` (none declares one today, so they are read-only).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from apikeys.models import ApiToken
from apikeys.scopes import Scope
from sherloc.access import is_practitioner

if TYPE_CHECKING:  # rest_framework.views imports the permission/throttle settings: no cycle at runtime
    from rest_framework.views import APIView

_CACHE_ATTR = "_sherloc_can_view_contacts"


def request_token(request: Request) -> ApiToken | None:
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, ApiToken) else None


def has_scope(request: Request, scope: str) -> bool:
    token = request_token(request)
    return token is not None and token.has_scope(scope)


def can_view_contacts(request: Request) -> bool:
    """Computed once per request (the group check is a query)."""
    cached = getattr(request, _CACHE_ATTR, None)
    if cached is None:
        token = request_token(request)
        cached = token.has_scope(Scope.READ_CONTACTS) if token is not None else is_practitioner(request.user)
        setattr(request, _CACHE_ATTR, cached)
    return cached


class ReadOnlyOrScoped(BasePermission):
    """Safe methods for everyone; anything else needs a token with the view's `write_scope`."""

    message = "This endpoint is read-only for your credentials."

    def has_permission(self, request: Request, view: APIView) -> bool:
        if request.method in SAFE_METHODS:
            return True
        scope = getattr(view, "write_scope", None)
        return scope is not None and has_scope(request, scope)
