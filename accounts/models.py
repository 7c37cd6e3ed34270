"""Invitations: the secretariat invites a person by e-mail into one role; the link creates the account.

Only the SHA-256 of the invitation token is stored (as for API keys, apikeys.models): the plain token
travels once, in the e-mail, so a database dump or an admin screen cannot be used to accept someone
else's invitation. Tokens carry 256 bits of randomness, so a fast hash is enough. "Send again" issues a
new token and a new expiry; the previous link stops working.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .roles import Role


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def default_expiry() -> dt.datetime:
    return timezone.now() + dt.timedelta(days=settings.INVITATION_EXPIRY_DAYS)


class InvitationQuerySet(models.QuerySet):
    def pending(self) -> InvitationQuerySet:
        """Not accepted and not expired: the link still works."""
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An e-mailed offer of an account in one role (and, for focal points, for some countries)."""

    email = models.EmailField(
        help_text="Address the invitation is sent to; it becomes the new account's e-mail (stored lower-case)."
    )
    role = models.CharField(
        max_length=32,
        choices=Role.choices,
        help_text="Group the new account joins. Editors and reviewers also get access to this admin.",
    )
    countries = models.ManyToManyField(
        "taxonomy.Country",
        blank=True,
        related_name="invitations",
        help_text="Focal points only (required for them): countries the focal point may submit records for.",
    )
    language = models.CharField(
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text="Language of the e-mail and of the page the link opens.",
    )
    note = models.CharField(
        max_length=255,
        blank=True,
        help_text="Secretariat note, e.g. the nomination letter's reference (copied to the focal point scope).",
    )
    token_hash = models.CharField(
        max_length=64,
        unique=True,
        editable=False,
        help_text="SHA-256 of the token in the e-mailed link; the token itself is never stored.",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitations_sent",
        help_text="Secretariat account that created (or last re-sent) the invitation.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False, help_text="When it was created.")
    sent_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the e-mail was last sent (empty: never sent)."
    )
    expires_at = models.DateTimeField(
        default=default_expiry,
        help_text="The link stops working after this (INVITATION_EXPIRY_DAYS after sending).",
    )
    accepted_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the invitee created the account (empty: pending)."
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="invitation",
        help_text="The account created by accepting the invitation.",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(role__in=Role.values), name="accounts_invitation_role_valid"),
            models.CheckConstraint(condition=models.Q(email=Lower("email")), name="accounts_invitation_email_lower"),
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="accounts_invitation_expires_after_created",
            ),
            models.CheckConstraint(
                condition=models.Q(accepted_at__isnull=True) | models.Q(accepted_at__gte=models.F("created_at")),
                name="accounts_invitation_accepted_after_created",
            ),
            # One open invitation per address: re-send it rather than piling up links.
            models.UniqueConstraint(
                "email",
                condition=models.Q(accepted_at__isnull=True),
                name="accounts_invitation_one_open_per_email",
                violation_error_message=_("There is already an open invitation for this address: send it again."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.get_role_display()})"

    def save(self, *args: object, **kwargs: object) -> None:
        self.email = (self.email or "").strip().lower()
        if not self.token_hash:
            self.new_token()
        super().save(*args, **kwargs)

    def new_token(self) -> str:
        """Set a fresh token (the old link stops working) and return it in plain; it is not stored."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        return token

    @classmethod
    def for_token(cls, token: str) -> Invitation | None:
        return cls.objects.filter(token_hash=hash_token(token)).first()

    @property
    def is_accepted(self) -> bool:
        return self.accepted_at is not None

    @property
    def is_expired(self) -> bool:
        return not self.is_accepted and self.expires_at <= timezone.now()

    @property
    def status(self) -> str:
        if self.is_accepted:
            return "accepted"
        return "expired" if self.is_expired else "pending"
