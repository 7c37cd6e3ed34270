"""Saved searches in the secretariat admin: who follows what, and switching an alert off on request."""

from django.contrib import admin

from .models import SavedSearch


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ("__str__", "user", "frequency", "language", "last_digest_at", "created_at")
    list_filter = ("frequency", "language")
    search_fields = ("name", "query", "user__username", "user__email")
    list_select_related = ("user",)
    raw_id_fields = ("user",)
    readonly_fields = ("created_at",)
