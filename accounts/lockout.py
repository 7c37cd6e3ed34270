"""Hooks for django-axes (login throttling): which account and which client a failed sign-in counts against.

Settings: `AXES_USERNAME_CALLABLE` and `AXES_CLIENT_IP_CALLABLE` point here (config/settings.py).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from .backends import UsernameOrEmailBackend


def lockout_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """The account name failures are counted against.

    People may sign in with their username or their e-mail address; counting both under the account's
    username stops an attacker from doubling the allowed attempts by alternating the two. Identifiers
    that name no single account are counted as typed (e-mail addresses lower-cased).
    """
    identifier = (credentials or {}).get("username")
    if identifier is None:
        identifier = getattr(request, "POST", {}).get("username")
    if not identifier:
        return None
    user = UsernameOrEmailBackend.find_user(identifier)
    if user is not None:
        return user.get_username()
    return identifier.strip().lower() if "@" in identifier else identifier


def client_ip(request: HttpRequest) -> str | None:
    """Client address, read the way the API throttles read it (settings API_NUM_PROXIES).

    0 proxies (the default): REMOTE_ADDR. Behind N trusted proxies: the N-th address from the right of
    X-Forwarded-For, which the outermost trusted proxy appended; addresses further left are whatever
    the client sent and could be forged to dodge the lockout.
    """
    remote_addr = request.META.get("REMOTE_ADDR")
    num_proxies = settings.REST_FRAMEWORK.get("NUM_PROXIES") or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if not num_proxies or not forwarded:
        return remote_addr
    addresses = [a.strip() for a in forwarded.split(",") if a.strip()]
    return addresses[-min(num_proxies, len(addresses))] if addresses else remote_addr
