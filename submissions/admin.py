from django.contrib import admin

from .models import FocalPointScope, Transition


@admin.register(FocalPointScope)
class FocalPointScopeAdmin(admin.ModelAdmin):
    list_display = ["user", "country_codes", "note"]
    search_fields = ["user__username", "user__email", "countries__name", "countries__alpha3"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["countries"]

    def get_queryset(self, request):  # noqa: ANN001, ANN201
        return super().get_queryset(request).select_related("user").prefetch_related("countries")

    @admin.display(description="countries")
    def country_codes(self, obj: FocalPointScope) -> str:
        return ", ".join(sorted(c.alpha3 for c in obj.countries.all()))


@admin.register(Transition)
class TransitionAdmin(admin.ModelAdmin):
    """The workflow log is read-only: transitions are written by submissions.workflow only."""

    list_display = ["created_at", "content_type", "object_id", "from_status", "to_status", "actor"]
    list_filter = ["to_status", "content_type"]
    search_fields = ["comment", "actor__username"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:  # noqa: ANN001
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False
