"""DRF authentication by API token: `Authorization: Token <key>` or `Authorization: Bearer <key>`.

A missing header means "anonymous" (other authenticators and the public read rules apply); a header
with an unknown, malformed, expired or revoked key is a 401, never a silent downgrade to anonymous,
so a client with a broken key finds out instead of quietly losing the contact fields.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from .models import ApiToken, split_key

KEYWORDS = ("token", "bearer")
# `last_used_at` is written at most this often per token: one UPDATE per request would serialise
# concurrent API traffic on SQLite for a value nobody needs to the second.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request: Request) -> tuple[object, ApiToken] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode("latin-1").lower() not in KEYWORDS:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Invalid token header: expected 'Token <key>' or 'Bearer <key>'.")
        try:
            key = header[1].decode("ascii")
        except UnicodeDecodeError as exc:
            raise exceptions.AuthenticationFailed("Invalid token header: the key must be ASCII.") from exc
        return self.authenticate_key(key)

    def authenticate_key(self, key: str) -> tuple[object, ApiToken]:
        parts = split_key(key)
        token = None
        if parts is not None:
            token = ApiToken.objects.select_related("user").filter(prefix=parts[0]).first()
        if token is None or not token.matches(key):
            raise exceptions.AuthenticationFailed("Invalid token.")
        if not token.is_active:
            raise exceptions.AuthenticationFailed("Token revoked or expired.")
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("Token owner is inactive.")
        self._touch(token)
        return token.user, token

    @staticmethod
    def _touch(token: ApiToken) -> None:
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now

    def authenticate_header(self, request: Request) -> str:
        # Makes DRF answer 401 (with WWW-Authenticate) rather than 403 for unauthenticated requests.
        return self.keyword
