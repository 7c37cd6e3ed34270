"""Secretariat admin for laws and their provisions.

Tags live on provisions, so the law list filters by crime type and article through its provisions
(each law listed once). Provisions are edited in bulk on the law page (text and order) and one by one
on their own page (tags), which keeps the law page light for laws with hundreds of provisions.
"""

from __future__ import annotations

from typing import ClassVar

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from sherloc.admin import (
    ArticleTagInline,
    AttachmentInline,
    AutocompleteFilterMediaMixin,
    CachedChoicesMixin,
    PublishableAdmin,
    autocomplete_filter,
    is_autocomplete,
    term_filter,
)
from taxonomy.models import Article, Country, CrimeType, Instrument

from .models import Law, LawAttachment, Provision, ProvisionArticle

# --------------------------------------------------------------------------- filters

LawCountryFilter = autocomplete_filter(
    _("country"), "country", Country, "country", ("legislation", "law", "country"), direct=True
)
LawCrimeTypeFilter = term_filter(_("crime type (any provision)"), "crime_type", CrimeType, "provisions__crime_types")
LawInstrumentFilter = term_filter(
    _("instrument (any provision)"), "instrument", Instrument, "provisions__article_tags__article__instrument"
)
LawArticleFilter = autocomplete_filter(
    _("article (any provision)"),
    "article",
    Article,
    "provisions__article_tags__article",
    ("legislation", "provisionarticle", "article"),
)

ProvisionCountryFilter = autocomplete_filter(
    _("country"), "country", Country, "law__country", ("legislation", "law", "country"), direct=True
)
ProvisionCrimeTypeFilter = term_filter(_("crime type"), "crime_type", CrimeType, "crime_types")
ProvisionArticleFilter = autocomplete_filter(
    _("article"), "article", Article, "article_tags__article", ("legislation", "provisionarticle", "article")
)


# --------------------------------------------------------------------------- inlines

COMPACT_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 70})}}


class ProvisionInline(CachedChoicesMixin, admin.TabularInline):
    """Text and order of every provision; the change link opens the provision page for its tags."""

    model = Provision
    extra = 0
    fields = ("order", "label", "heading", "text", "language")
    ordering = ("order",)
    show_change_link = True
    cached_choice_fields = ("language",)
    formfield_overrides = COMPACT_TEXT


class LawAttachmentInline(AttachmentInline):
    model = LawAttachment


class ProvisionArticleInline(ArticleTagInline):
    model = ProvisionArticle


# --------------------------------------------------------------------------- admins


@admin.register(Law)
class LawAdmin(PublishableAdmin):
    list_display = ("title", "country", "number", "law_type", "legal_status", "status", "updated_at")
    list_select_related = ("country",)
    list_filter = (
        LawCountryFilter,
        "status",
        "legal_status",
        "law_type",
        LawCrimeTypeFilter,
        LawInstrumentFilter,
        LawArticleFilter,
    )
    search_fields = ("title", "original_title", "number", "=external_id", "provisions__text")
    date_hierarchy = "adoption_date"
    autocomplete_fields = ("country",)
    inlines = (ProvisionInline, LawAttachmentInline)
    fieldsets = [
        (
            None,
            {
                "fields": (
                    "country",
                    "title",
                    "original_title",
                    ("law_type", "number"),
                    ("adoption_date", "entry_into_force_date"),
                    "legal_status",
                    "source_url",
                    "original_language",
                )
            },
        ),
        *PublishableAdmin.publication_fieldsets,
    ]

    def get_search_fields(self, request: HttpRequest) -> tuple[str, ...]:
        """Autocomplete (a charge's or provision's law box) skips the full-text scan of provisions."""
        if is_autocomplete(request):
            return ("title", "original_title", "number")
        return super().get_search_fields(request)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Law]:
        # str(law) names the country, and autocomplete renders str() for every hit.
        return super().get_queryset(request).select_related("country")


@admin.register(Provision)
class ProvisionAdmin(AutocompleteFilterMediaMixin, SimpleHistoryAdmin):
    """One provision with its tags. Tags are autocompletes: no 100-row selects, no filter_horizontal."""

    list_display = ("label", "heading", "law", "order", "language")
    list_select_related = ("law__country", "language")
    list_filter = (ProvisionCountryFilter, ProvisionCrimeTypeFilter, ProvisionArticleFilter, "language")
    search_fields = ("label", "heading", "text", "law__title", "law__number")
    autocomplete_fields = ("law", "crime_types", "crime_subtypes", "issues")
    inlines = (ProvisionArticleInline,)
    ordering: ClassVar[tuple[str, ...]] = ("law_id", "order")  # the (law, order) unique index serves it
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    list_per_page = 50
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 12, "cols": 90})}}
    fieldsets = [
        (None, {"fields": ("law", ("order", "label"), "heading", "language", "text", "text_en", "source_url")}),
        (_("Tags"), {"fields": ("crime_types", "crime_subtypes", "issues")}),
    ]

    def get_search_fields(self, request: HttpRequest) -> tuple[str, ...]:
        """Autocomplete (a charge's provision box) matches label, heading and law, not the full text."""
        if is_autocomplete(request):
            return ("label", "heading", "law__title", "law__number")
        return super().get_search_fields(request)
