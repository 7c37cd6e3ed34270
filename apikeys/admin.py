"""Secretariat issues and revokes API tokens here. The plain key is displayed once, on the page that
answers the "add" form, and never stored: it is rendered straight into that response instead of going
through the messages framework (whose cookie storage would carry it to the browser again)."""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from .forms import ApiTokenForm
from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    form = ApiTokenForm
    list_display = ("name", "user", "key_prefix", "scopes", "created_at", "last_used_at", "expires_at", "revoked_at")
    list_filter = ("revoked_at", "created_at")
    search_fields = ("name", "prefix", "user__username", "user__email")
    readonly_fields = ("key_prefix", "created_at", "last_used_at")
    actions = ("revoke_tokens",)

    @admin.display(description="Key prefix")
    def key_prefix(self, obj: ApiToken) -> str:
        return f"shl_{obj.prefix}_…" if obj.prefix else "(generated on save)"

    def get_fields(self, request: HttpRequest, obj: ApiToken | None = None) -> list[str]:
        if obj is None:
            return ["name", "user", "scopes", "expires_at"]
        return ["name", "user", "key_prefix", "scopes", "created_at", "last_used_at", "expires_at", "revoked_at"]

    def save_model(self, request: HttpRequest, obj: ApiToken, form: ApiTokenForm, change: bool) -> None:
        if not change:
            request._new_api_key = obj.set_new_key()  # shown by response_add, then forgotten
        super().save_model(request, obj, form, change)

    def response_add(self, request: HttpRequest, obj: ApiToken, post_url_continue: str | None = None) -> HttpResponse:
        key = getattr(request, "_new_api_key", None)
        if key is None:
            return super().response_add(request, obj, post_url_continue)
        context = {
            **self.admin_site.each_context(request),
            "title": "API token issued",
            "token": obj,
            "key": key,
            "opts": self.model._meta,
        }
        response = TemplateResponse(request, "apikeys/token_issued.html", context)
        response["Cache-Control"] = "no-store"
        return response

    @admin.action(description="Revoke selected tokens")
    def revoke_tokens(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, f"Revoked {count} token(s).", messages.SUCCESS)
