"""Secretariat admin for treaty status: one page per (State, instrument) with its reservations, declarations and
notifications inline. Edits keep a history (simple-history); there is no publication workflow (see models)."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from .models import Declaration, Notification, TreatyStatus


class DeclarationInline(admin.StackedInline):
    model = Declaration
    extra = 0
    fields = (("kind", "article", "date", "order"), "text")
    autocomplete_fields = ("article",)


class NotificationInline(admin.StackedInline):
    model = Notification
    extra = 0
    fields = (("article", "paragraph", "date", "order"), "text", "authority")
    autocomplete_fields = ("article", "authority")


@admin.register(TreatyStatus)
class TreatyStatusAdmin(SimpleHistoryAdmin):
    list_display = ("country", "instrument", "signature_date", "consent_kind", "consent_date", "entry_into_force_date")
    list_filter = ("instrument", "consent_kind", "country__region")
    search_fields = ("country__name", "country__alpha3", "instrument__code", "note")
    autocomplete_fields = ("country",)
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("country", "instrument")}),
        (
            "Status",
            {"fields": ("signature_date", ("consent_kind", "consent_date"), "entry_into_force_date")},
        ),
        ("Source", {"fields": ("note", "source_url", "created_at", "updated_at")}),
    )
    inlines = (DeclarationInline, NotificationInline)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("country", "instrument")
