"""`account_nav` for the header: which work areas the signed-in user may open.

Lazy on purpose: the checks (one groups query, cached on the user by submissions.record_access) only run when
a template reads them, and never for anonymous visitors, so public pages pay nothing.
"""

from __future__ import annotations

from functools import cached_property

from django.http import HttpRequest

from sherloc import access


class AccountNav:
    def __init__(self, request: HttpRequest) -> None:
        self._request = request

    @cached_property
    def user(self) -> object | None:
        user = getattr(self._request, "user", None)
        return user if user is not None and user.is_authenticated else None

    @cached_property
    def can_submit(self) -> bool:
        return self.user is not None and (access.is_focal_point(self.user) or access.is_editor(self.user))

    @cached_property
    def can_review(self) -> bool:
        return self.user is not None and access.is_reviewer(self.user)

    @cached_property
    def is_practitioner(self) -> bool:
        """May use the MLA request writer (mla.views)."""
        return self.user is not None and access.is_practitioner(self.user)

    @cached_property
    def current(self) -> str:
        """ "submit" or "review" when the page belongs to that area (for aria-current)."""
        match = getattr(self._request, "resolver_match", None)
        namespace = getattr(match, "namespace", "")
        return {"submissions": "submit", "review": "review"}.get(namespace, "")


def account_nav(request: HttpRequest) -> dict[str, AccountNav]:
    return {"account_nav": AccountNav(request)}
