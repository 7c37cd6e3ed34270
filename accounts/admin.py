"""Invitations in the admin: creating one e-mails the link; "send again" issues a fresh link and expiry.

Who may invite: superusers and anyone with `accounts.add_invitation` (the secretariat_editors group
gets it in migration 0002). Accepted invitations are read-only: they are the record of how an account
came to exist.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from .forms import InvitationForm
from .invitations import send_invitation
from .models import Invitation


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    form = InvitationForm
    list_display = ("email", "role", "country_codes", "status", "invited_by", "sent_at", "expires_at", "accepted_at")
    list_filter = ("role", ("accepted_at", admin.EmptyFieldListFilter))
    search_fields = ("email", "note", "user__username")
    list_select_related = ("invited_by",)
    filter_horizontal = ("countries",)
    readonly_fields = ("invited_by", "created_at", "sent_at", "expires_at", "accepted_at", "user")
    actions = ["send_again"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Invitation]:
        return super().get_queryset(request).prefetch_related("countries")

    def get_fields(self, request: HttpRequest, obj: Invitation | None = None) -> tuple[str, ...]:
        editable = ("email", "role", "countries", "language", "note")
        return editable if obj is None else (*editable, *self.readonly_fields)

    def get_readonly_fields(self, request: HttpRequest, obj: Invitation | None = None) -> tuple[str, ...]:
        return () if obj is None else self.readonly_fields

    @admin.display(description="countries")
    def country_codes(self, obj: Invitation) -> str:
        return ", ".join(sorted(c.alpha3 for c in obj.countries.all()))

    def has_change_permission(self, request: HttpRequest, obj: Invitation | None = None) -> bool:
        if obj is not None and obj.is_accepted:
            return False
        return super().has_change_permission(request, obj)

    def save_related(self, request: HttpRequest, form: InvitationForm, formsets: list, change: bool) -> None:
        # Countries are saved here, after the row: only now does the e-mail see them.
        super().save_related(request, form, formsets, change)
        if not change:
            send_invitation(form.instance, request, sender=request.user)
            self.message_user(request, f"Invitation e-mailed to {form.instance.email}.", messages.SUCCESS)

    @admin.action(description="Send again (new link, new expiry)", permissions=["add"])
    def send_again(self, request: HttpRequest, queryset: QuerySet[Invitation]) -> None:
        sent = skipped = 0
        for invitation in queryset:
            if invitation.is_accepted:
                skipped += 1
                continue
            send_invitation(invitation, request, sender=request.user)
            sent += 1
        if sent:
            self.message_user(
                request, f"Sent {sent} invitation(s) again; earlier links no longer work.", messages.SUCCESS
            )
        if skipped:
            self.message_user(request, f"Skipped {skipped} already accepted invitation(s).", messages.WARNING)
