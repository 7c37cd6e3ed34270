"""API tokens. Only a hash of the key is stored; the plain key is shown once, when issued.

A key looks like `shl_<prefix>_<secret>`. The prefix (8 characters, stored in clear and unique) finds
the row in one indexed lookup and lets staff recognise a key in logs without seeing the secret; the
SHA-256 of the whole key is compared in constant time. Keys carry 256 bits of randomness, so a fast
hash is enough: there is nothing to brute-force, unlike a password.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from .scopes import SCOPE_VALUES, Scope

KEY_TAG = "shl"
PREFIX_LENGTH = 8


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def split_key(key: str) -> tuple[str, str] | None:
    """(prefix, secret) of a well-formed key, None otherwise."""
    tag, sep, rest = key.partition("_")
    prefix, sep2, secret = rest.partition("_")
    if tag != KEY_TAG or not sep or not sep2 or len(prefix) != PREFIX_LENGTH or not secret:
        return None
    return prefix, secret


def validate_scopes(value: object) -> None:
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise ValidationError("Scopes must be a list of strings.")
    unknown = sorted(set(value) - SCOPE_VALUES)
    if unknown:
        raise ValidationError(f"Unknown scope(s): {', '.join(unknown)}.")


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> ApiTokenQuerySet:
        now = timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class ApiToken(models.Model):
    """A key an external system sends as `Authorization: Token <key>` (or `Bearer <key>`)."""

    name = models.CharField(max_length=120, help_text="Client name, e.g. 'Ministry of Justice case system'.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        help_text="Account the token acts for; requests are attributed to it.",
    )
    prefix = models.CharField(
        max_length=PREFIX_LENGTH, unique=True, editable=False, help_text="Visible start of the key, to recognise it."
    )
    key_hash = models.CharField(max_length=64, editable=False, help_text="SHA-256 of the full key (hex).")
    scopes = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_scopes],
        help_text=f"Capabilities granted: {', '.join(Scope.values)}.",
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the token was issued.")
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False, help_text="Last authenticated use.")
    expires_at = models.DateTimeField(null=True, blank=True, help_text="Optional expiry; empty for no expiry.")
    revoked_at = models.DateTimeField(null=True, blank=True, help_text="When the token was revoked; set to disable it.")

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.name} ({KEY_TAG}_{self.prefix}_…)"

    # -- issuing and checking ------------------------------------------------------------------

    @classmethod
    def issue(
        cls, *, name: str, user: models.Model, scopes: list[str] | None = None, **extra: object
    ) -> tuple[ApiToken, str]:
        """Create a token and return it with its plain key (the only time the key exists in clear)."""
        token = cls(name=name, user=user, scopes=list(scopes or []), **extra)
        key = token.set_new_key()
        token.full_clean(exclude=["user"])
        token.save()
        return token, key

    def set_new_key(self) -> str:
        """Generate a fresh key for this (unsaved or re-keyed) token; returns the plain key."""
        while True:
            prefix = secrets.token_hex(PREFIX_LENGTH // 2)
            if not ApiToken.objects.filter(prefix=prefix).exists():
                break
        key = f"{KEY_TAG}_{prefix}_{secrets.token_urlsafe(32)}"
        self.prefix = prefix
        self.key_hash = hash_key(key)
        return key

    def matches(self, key: str) -> bool:
        return hmac.compare_digest(self.key_hash, hash_key(key))

    @property
    def is_active(self) -> bool:
        if self.revoked_at is not None:
            return False
        return self.expires_at is None or self.expires_at > timezone.now()

    def has_scope(self, scope: str) -> bool:
        return scope in (self.scopes or [])

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
