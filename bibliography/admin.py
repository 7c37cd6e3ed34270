"""Secretariat admin for the bibliography: the base admin and the tag inline are `sherloc.admin`'s; authors
are an ordered inline. The BibTeX/RIS upload is `bibliography.importing` behind an admin view."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _

from sherloc.admin import ArticleTagInline, PublishableAdmin, term_filter
from taxonomy.models import CrimeType

from .importing import FORMATS, MalformedFile, import_references
from .models import Publication, PublicationArticle, PublicationAuthor

MAX_UPLOAD = 10 * 1024 * 1024  # a bibliography file of some thousands of entries is far below this

PublicationCrimeTypeFilter = term_filter(_("crime type"), "crime_type", CrimeType, "crime_types")


class ImportForm(forms.Form):
    file = forms.FileField(help_text=_("A BibTeX (.bib) or RIS (.ris) file, UTF-8."))
    format = forms.ChoiceField(
        choices=[("", _("From the file name")), ("bib", "BibTeX"), ("ris", "RIS")],
        required=False,
        help_text=_("The file's format, when its name does not end in .bib or .ris."),
    )
    dry_run = forms.BooleanField(required=False, help_text=_("Check the file and show the report, writing nothing."))

    def clean(self) -> dict:
        data = super().clean()
        upload = data.get("file")
        if upload is None:
            return data
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        fmt = data.get("format") or Path(upload.name).suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            raise forms.ValidationError(_("Choose the format: the file name does not end in .bib or .ris."))
        data["format"] = fmt
        return data


class PublicationAuthorInline(admin.TabularInline):
    model = PublicationAuthor
    extra = 1
    fields = ("position", "family", "given", "literal")


class PublicationArticleInline(ArticleTagInline):
    model = PublicationArticle


@admin.register(Publication)
class PublicationAdmin(PublishableAdmin):
    list_display = ("title", "year", "publication_type", "doi", "status", "updated_at")
    list_filter = ("status", "publication_type", "research_method", PublicationCrimeTypeFilter)
    search_fields = ("title", "container_title", "authors__family", "authors__literal", "=doi", "=external_id")
    autocomplete_fields = ("countries", "crime_types", "issues")
    inlines = (PublicationAuthorInline, PublicationArticleInline)

    change_list_template = "admin/bibliography/publication/change_list.html"
    fieldsets = [
        (
            None,
            {
                "fields": (
                    "title",
                    ("publication_type", "year"),
                    "container_title",
                    ("volume", "issue", "pages"),
                    "publisher",
                    ("doi", "isbn"),
                    "url",
                    "original_language",
                    "synopsis",
                    "research_method",
                    "keywords",
                    "countries",
                    "crime_types",
                    "issues",
                )
            },
        ),
        *PublishableAdmin.publication_fieldsets,
    ]

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="bibliography_publication_import"), *super().get_urls()]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Upload a BibTeX or RIS file; the page shows what was created, updated or refused, and why."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import BibTeX or RIS"),
        }
        form = ImportForm(request.POST or None, request.FILES or None)
        status = 200
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                context["report"] = import_references(
                    upload.read(),
                    form.cleaned_data["format"],
                    source_name=upload.name,
                    dry_run=form.cleaned_data["dry_run"],
                )
            except MalformedFile as error:
                context["error"], status = _("Nothing was imported: %(error)s") % {"error": error}, 400
        elif request.method == "POST":
            status = 400
        context["form"] = form
        return TemplateResponse(request, "admin/bibliography/publication/import.html", context, status=status)
