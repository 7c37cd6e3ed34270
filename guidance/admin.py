"""Secretariat admin for article guidance: editors write it, reviewers publish it (the workflow's actions,
added by `submissions.admin_actions` as for every family); a focal point never edits it, whatever
permissions an account was given by hand (the role is checked here, `sherloc.access`). Every save is kept
in the change history (django-simple-history, the admin's "History" button: who changed what, when, with
the earlier versions to compare and revert); each publication also stores a published-version snapshot."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sherloc import access
from sherloc.admin import PublishableAdmin

from .models import ArticleGuidance


@admin.register(ArticleGuidance)
class ArticleGuidanceAdmin(PublishableAdmin):
    list_display = ("article", "language", "status", "updated_at")
    list_select_related = ("article__instrument",)
    list_filter = ("status", "language", "article__instrument")
    search_fields = ("article__code", "requirements", "=external_id")
    autocomplete_fields = ("article",)
    history_list_display = ("status", "language")
    fieldsets = [
        (
            None,
            {
                "fields": (
                    ("article", "language"),
                    "requirements",
                    "mandatory_measures",
                    "optional_measures",
                    "drafting_points",
                    "sources",
                )
            },
        ),
        *PublishableAdmin.publication_fieldsets,
    ]

    # Secretariat roles only: editors write, reviewers see (and publish through the actions).
    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        secretariat = access.is_editor(request.user) or access.is_reviewer(request.user)
        return secretariat and super().has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return access.is_editor(request.user) and super().has_add_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return access.is_editor(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return access.is_editor(request.user) and super().has_delete_permission(request, obj)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)
