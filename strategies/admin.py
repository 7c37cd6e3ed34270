"""Secretariat admin for strategies and explanatory materials (the base admin, tags and PDF inlines are
`sherloc.admin`'s, the same as for laws and cases)."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sherloc.admin import ArticleTagInline, AttachmentInline, PublishableAdmin, autocomplete_filter, term_filter
from taxonomy.models import Country, CrimeType

from .models import (
    ExplanatoryMaterial,
    MaterialArticle,
    MaterialAttachment,
    Strategy,
    StrategyArticle,
    StrategyAttachment,
)

StrategyCountryFilter = autocomplete_filter(
    _("country"), "country", Country, "country", ("strategies", "strategy", "country"), direct=True
)
StrategyCrimeTypeFilter = term_filter(_("crime type"), "crime_type", CrimeType, "crime_types")


class StrategyArticleInline(ArticleTagInline):
    model = StrategyArticle


class StrategyAttachmentInline(AttachmentInline):
    model = StrategyAttachment


class MaterialArticleInline(ArticleTagInline):
    model = MaterialArticle


class MaterialAttachmentInline(AttachmentInline):
    model = MaterialAttachment


@admin.register(Strategy)
class StrategyAdmin(PublishableAdmin):
    list_display = ("title", "country", "strategy_type", "adoption_date", "status", "updated_at")
    list_select_related = ("country",)
    list_filter = (StrategyCountryFilter, "status", "strategy_type", StrategyCrimeTypeFilter)
    search_fields = ("title", "original_title", "issuing_body", "=external_id")
    date_hierarchy = "adoption_date"
    autocomplete_fields = ("country", "covered_countries", "crime_types", "issues")
    inlines = (StrategyArticleInline, StrategyAttachmentInline)
    fieldsets = [
        (
            None,
            {
                "fields": (
                    "country",
                    "covered_countries",
                    "title",
                    "original_title",
                    ("strategy_type", "issuing_body"),
                    "adoption_date",
                    ("period_start", "period_end", "superseded"),
                    "summary",
                    "crime_types",
                    "issues",
                    "source_url",
                    "original_language",
                )
            },
        ),
        *PublishableAdmin.publication_fieldsets,
    ]


@admin.register(ExplanatoryMaterial)
class ExplanatoryMaterialAdmin(PublishableAdmin):
    list_display = ("title", "law", "kind", "date", "status", "updated_at")
    list_select_related = ("law__country",)
    list_filter = ("status", "kind")
    search_fields = ("title", "law__title", "=external_id")
    autocomplete_fields = ("law", "crime_types", "issues")
    inlines = (MaterialArticleInline, MaterialAttachmentInline)
    fieldsets = [
        (
            None,
            {
                "fields": (
                    "law",
                    ("kind", "date"),
                    "title",
                    "summary",
                    "text",
                    "crime_types",
                    "issues",
                    "source_url",
                    "original_language",
                )
            },
        ),
        *PublishableAdmin.publication_fieldsets,
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ExplanatoryMaterial]:
        return super().get_queryset(request).select_related("law__country")
