"""HTTP cache headers for public pages that a shared cache (the reverse proxy, a CDN) may keep briefly.

An anonymous search page is the same for every anonymous reader of one URL (the language is in the
path), so a proxy may answer repeats of it for a short while: `Cache-Control: public, max-age=N` with
`Vary: Cookie, Accept-Language`, N = settings.PUBLIC_PAGE_MAX_AGE (0 turns it off). Never a page for
a signed-in user (it shows their name and may show what only they may see) nor a response that sets a
cookie (a message shown once, a session): `PublicCacheGuardMiddleware` turns those into
`private, no-store` after every other middleware has had its say (cookies are set on the way out).
Error pages are not kept.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import has_vary_header, patch_cache_control, patch_vary_headers


def cache_public_briefly(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Let shared caches keep `response` for PUBLIC_PAGE_MAX_AGE seconds if nothing in it is personal."""
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    user = getattr(request, "user", None)
    max_age = settings.PUBLIC_PAGE_MAX_AGE
    if user is not None and user.is_authenticated:
        patch_cache_control(response, private=True, no_store=True)
    elif response.status_code == 200 and max_age > 0:
        patch_cache_control(response, public=True, max_age=max_age)
    else:
        patch_cache_control(response, no_cache=True)
    return response


class PublicCacheGuardMiddleware:
    """Downgrades a `public` response to `private, no-store` when it sets a cookie, belongs to a
    signed-in user or does not vary on Cookie: a shared cache must never hand one reader's page to
    another. Sits above the session, CSRF, auth and messages middleware, so it sees their cookies."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "public" not in response.get("Cache-Control", ""):
            return response
        user = getattr(request, "user", None)
        personal = response.cookies or (user is not None and user.is_authenticated)
        if personal or not has_vary_header(response, "Cookie"):
            del response["Cache-Control"]
            patch_cache_control(response, private=True, no_store=True)
        return response
