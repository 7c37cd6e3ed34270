"""Shared building blocks for the secretariat admin of every record family.

Nothing is registered here. The record apps import:
- `PublishableAdmin`: the base for laws, cases and authorities (read-only status and workflow fields,
  a guard against saving a stale form, change history, list settings that stay fast with 100k rows;
  the workflow's actions are added by `submissions.admin_actions`);
- `AutocompleteFilter` / `TermFilter`: list filters for vocabularies too long for a sidebar of links
  (250 countries, 107 articles) or reached through a relation (a law's crime types live on its provisions);
- `ArticleTagInline` / `AttachmentInline`: the inlines every record family shares;
- `cache_choices` / `BatchedAutocompleteInlineMixin`: stop inline rows from querying their <select>
  options or autocomplete labels once per row;
- `StringListField`: edits a JSON list of strings as plain text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any, ClassVar

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.widgets import AdminFileWidget, AutocompleteSelect
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.db.models import QuerySet
from django.forms.models import ModelChoiceIterator
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from sherloc import uploads

WORKFLOW_FIELDS = (
    "status",
    "submitted_by",
    "submitted_at",
    "reviewed_by",
    "reviewed_at",
    "published_at",
    "assigned_to",
    "revision_of",
)
PROVENANCE_FIELDS = ("external_id", "source", "provenance", "created_at", "updated_at")
READONLY_WORKFLOW_FIELDS = (
    "status",  # changed through the workflow only (submissions.admin_actions, the review queue)
    "external_id",
    "revision_of",  # set by the submission workflow only
    "submitted_by",
    "submitted_at",
    "reviewed_by",
    "reviewed_at",
    "published_at",
    "created_at",
    "updated_at",
)


# --------------------------------------------------------------------------- stale forms

OPENED_VERSION = "opened_version"


@functools.cache
def guarded_form(form_class: type[forms.ModelForm]) -> type[forms.ModelForm]:
    """`form_class` refusing to save over a change made after the form was opened.

    The form carries the record's `updated_at` as it was when the page was drawn; if the record has
    changed since (another editor, a reviewer's decision, an approved update), saving would write the
    stale values back over it. The editor gets a form error instead and keeps what they typed."""

    class Guarded(form_class):  # type: ignore[valid-type, misc]
        opened_version = forms.CharField(widget=forms.HiddenInput, required=False)

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            if self.instance.pk is not None and not self.is_bound:
                self.initial[OPENED_VERSION] = self.instance.updated_at.isoformat()

        def clean(self) -> dict[str, Any]:
            data = super().clean()
            if self.instance.pk is not None:
                opened = (data.get(OPENED_VERSION) or "").strip()
                current = self.instance.updated_at  # as stored now: the admin re-reads the record on POST
                if opened != current.isoformat():
                    raise forms.ValidationError(
                        _(
                            "This record was changed by someone else after you opened it (last change: "
                            "%(when)s). Nothing was saved: open the record again to see the change, then "
                            "make your edits on the current version."
                        )
                        % {"when": timezone.localtime(current).strftime("%Y-%m-%d %H:%M:%S")},
                        code="stale",
                    )
            return data

    Guarded.__name__ = Guarded.__qualname__ = form_class.__name__
    return Guarded


# --------------------------------------------------------------------------- list filters


class TermFilter(admin.SimpleListFilter):
    """Filter by a small vocabulary (crime types, roles), possibly reached through a relation.

    Filtering with `pk__in (subquery)` rather than a join keeps results distinct without DISTINCT:
    a law with three provisions tagged "trafficking" is listed once.
    """

    vocabulary: ClassVar[type[models.Model]]
    lookup: ClassVar[str]  # ORM path from the listed model to the vocabulary's pk, e.g. "provisions__crime_types"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [(str(term.pk), str(term)) for term in self.vocabulary._default_manager.all()]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value is None:
            return queryset
        if not str(value).isdigit():
            raise IncorrectLookupParameters(f"{self.parameter_name} must be an id")
        matching = queryset.model._default_manager.filter(**{self.lookup: int(value)}).values("pk")
        return queryset.filter(pk__in=matching)


def term_filter(title: str, parameter_name: str, vocabulary: type[models.Model], lookup: str) -> type[TermFilter]:
    """Build a `TermFilter` subclass; list_filter needs classes, not instances."""
    attrs = {"title": title, "parameter_name": parameter_name, "vocabulary": vocabulary, "lookup": lookup}
    return type(f"{parameter_name.title().replace('_', '')}TermFilter", (TermFilter,), attrs)


class AutocompleteFilter(TermFilter):
    """A list filter rendered as a select2 search box that reuses the admin's autocomplete endpoint.

    A sidebar of 250 country links (or 107 articles) is unusable; this renders one box. The endpoint
    needs a real relation to describe what is searched: `source` is (app_label, model_name, field_name)
    of any foreign key or many-to-many field pointing at `vocabulary`, whose admin must define
    search_fields. No choices are computed, so the filter costs no query unless a value is selected.
    """

    template = "admin/sherloc/autocomplete_filter.html"
    source: ClassVar[tuple[str, str, str]]
    direct: ClassVar[bool] = False  # True when `lookup` is a forward foreign key: filter without a subquery

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return []

    def has_output(self) -> bool:
        return True

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value is not None and self.direct:
            if not str(value).isdigit():
                raise IncorrectLookupParameters(f"{self.parameter_name} must be an id")
            return queryset.filter(**{self.lookup: int(value)})
        return super().queryset(request, queryset)

    def selected(self) -> models.Model | None:
        """The selected term, shown as the box's current value."""
        value = self.value()
        if value is None or not str(value).isdigit():
            return None
        return self.vocabulary._default_manager.filter(pk=int(value)).first()

    def choices(self, changelist: Any) -> Iterator[dict[str, Any]]:
        """One "All" link; it also carries the box's context (the template gets no changelist)."""
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("All"),
            "widget": self.widget_context(changelist),
        }

    def widget_context(self, changelist: Any) -> dict[str, Any]:
        """Everything the template needs to build the select2 box and navigate on change."""
        app_label, model_name, field_name = self.source
        return {
            "id": f"{self.parameter_name}-autocomplete-filter",
            "app_label": app_label,
            "model_name": model_name,
            "field_name": field_name,
            "selected": self.selected(),
            "url_template": changelist.get_query_string({self.parameter_name: "__value__"}),
        }


def autocomplete_filter(
    title: str,
    parameter_name: str,
    vocabulary: type[models.Model],
    lookup: str,
    source: tuple[str, str, str],
    *,
    direct: bool = False,
) -> type[AutocompleteFilter]:
    """Build an `AutocompleteFilter` subclass (see its docstring for `source`)."""
    attrs = {
        "title": title,
        "parameter_name": parameter_name,
        "vocabulary": vocabulary,
        "lookup": lookup,
        "source": source,
        "direct": direct,
    }
    return type(f"{parameter_name.title().replace('_', '')}AutocompleteFilter", (AutocompleteFilter,), attrs)


class AutocompleteFilterMediaMixin:
    """Adds select2 and the admin autocomplete script to changelists that use an AutocompleteFilter."""

    @property
    def media(self) -> forms.Media:
        media = super().media  # type: ignore[misc]
        if any(isinstance(f, type) and issubclass(f, AutocompleteFilter) for f in self.list_filter):  # type: ignore[attr-defined]
            media += AutocompleteSelect(None, self.admin_site).media  # type: ignore[attr-defined]
        return media


def is_autocomplete(request: HttpRequest) -> bool:
    """True when the admin's autocomplete endpoint is asking, so an admin can search fewer, cheaper fields."""
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name == "autocomplete")


# --------------------------------------------------------------------------- forms


class _CachedModelChoiceIterator(ModelChoiceIterator):
    """Evaluates the field's queryset once per request instead of once per inline row."""

    def __iter__(self) -> Iterator[Any]:
        cache: dict[str, list] = self.field._sherloc_choice_cache
        if "choices" not in cache:
            cache["choices"] = list(super().__iter__())
        yield from cache["choices"]

    def __len__(self) -> int:
        return len(list(iter(self)))


def cache_choices(formfield: forms.Field | None) -> forms.Field | None:
    """Share one evaluation of a ModelChoiceField's options across all forms of a formset.

    Inline formsets deep-copy the field for every row and each copy re-runs the queryset when its
    <select> renders: 200 provisions meant 200 identical language queries. The cache dict survives the
    shallow copy Django makes, and a new dict is made for every formset class (every request).
    """
    if isinstance(formfield, forms.ModelChoiceField):
        formfield._sherloc_choice_cache = {}
        formfield.iterator = _CachedModelChoiceIterator
        formfield.widget.choices = formfield.choices
    return formfield


class CachedChoicesMixin:
    """Inline mixin: `cached_choice_fields` are foreign keys whose options are queried once per page."""

    cached_choice_fields: ClassVar[tuple[str, ...]] = ()

    def formfield_for_foreignkey(self, db_field: models.ForeignKey, request: HttpRequest, **kwargs: Any) -> Any:
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]
        if db_field.name in self.cached_choice_fields:
            cache_choices(formfield)
        return formfield


class BatchedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete box that takes its selected option from one query shared by all inline rows.

    Django's widget runs one query per row to label the selected value (30 charges meant 30 provision
    queries). `batch` is set on the formset's base widget by `BatchedAutocompleteInlineMixin`; every
    row's copy shares it (widgets are shallow-copied), so the first row to render loads all of them.
    """

    batch: dict[str, Any] | None = None

    def optgroups(self, name: str, value: list[Any], attr: dict | None = None) -> list[tuple]:
        empty = self.choices.field.empty_values
        selected = [str(v) for v in value if str(v) not in empty]
        if self.batch is None or not selected:
            return super().optgroups(name, value, attr)
        if self.batch["objects"] is None:
            self.batch["objects"] = {str(obj.pk): obj for obj in self.batch["queryset"]}
        found = [self.batch["objects"].get(v) for v in selected]
        if any(obj is None for obj in found):  # a value outside the batch: let Django look it up
            return super().optgroups(name, value, attr)
        default: tuple[None, list, int] = (None, [], 0)
        if not self.is_required and not self.allow_multiple_selected:
            default[1].append(self.create_option(name, "", "", False, 0))
        for obj in found:
            label = self.choices.field.label_from_instance(obj)
            default[1].append(self.create_option(name, obj.pk, label, set(selected), len(default[1])))
        return [default]


class BatchedAutocompleteInlineMixin:
    """Inline mixin: its autocomplete foreign keys label their selected values with one query per page."""

    def formfield_for_foreignkey(self, db_field: models.ForeignKey, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name in self.get_autocomplete_fields(request) and "widget" not in kwargs:  # type: ignore[attr-defined]
            kwargs["widget"] = BatchedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))  # type: ignore[attr-defined]
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]

    def get_formset(self, request: HttpRequest, obj: models.Model | None = None, **kwargs: Any) -> Any:
        formset = super().get_formset(request, obj, **kwargs)  # type: ignore[misc]
        if obj is None or obj.pk is None:
            return formset
        rows = self.model._default_manager.filter(**{formset.fk.name: obj})  # type: ignore[attr-defined]
        for name in self.get_autocomplete_fields(request):  # type: ignore[attr-defined]
            field = formset.form.base_fields.get(name)
            widget = getattr(getattr(field, "widget", None), "widget", None)
            if isinstance(widget, BatchedAutocompleteSelect) and isinstance(field, forms.ModelChoiceField):
                used = rows.values(self.model._meta.get_field(name).attname)  # type: ignore[attr-defined]
                widget.batch = {"queryset": field.queryset.filter(pk__in=used), "objects": None}
        return formset


class StringListField(forms.CharField):
    """Edits a JSON list of strings as separated text ("en, fr" or one keyword per line).

    JSONField's raw textarea makes editors type brackets and quotes; this keeps the stored shape a
    plain list of strings.
    """

    def __init__(
        self, *, separator: str = ",", item_pattern: str | None = None, item_help: str = "", **kwargs: Any
    ) -> None:
        self.separator = separator
        self.item_regex = re.compile(item_pattern) if item_pattern else None
        self.item_help = item_help
        kwargs.setdefault("required", False)
        if separator == "\n":
            kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 4}))
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            joiner = "\n" if self.separator == "\n" else f"{self.separator} "
            return joiner.join(str(v) for v in value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        if isinstance(value, list | tuple):
            items = [str(v).strip() for v in value]
        else:
            items = [part.strip() for part in (value or "").split(self.separator)]
        items = [item for item in items if item]
        return list(dict.fromkeys(items))  # drop duplicates, keep order

    def validate(self, value: list[str]) -> None:
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if self.item_regex:
            bad = [item for item in value if not self.item_regex.fullmatch(item)]
            if bad:
                raise forms.ValidationError(
                    _("Not valid: %(items)s. %(help)s"), params={"items": ", ".join(bad), "help": self.item_help}
                )

    def has_changed(self, initial: Any, data: Any) -> bool:
        return self.to_python(initial or []) != self.to_python(data)


class _DownloadLink:
    """The stored file as the admin's file widget shows it: linked to the permission-checked download
    view (nothing serves MEDIA_ROOT) and named by its original name, not the generated one."""

    def __init__(self, field_file: Any) -> None:
        self.field_file = field_file
        self.url = field_file.instance.get_download_url()

    def __str__(self) -> str:
        return field_file_name(self.field_file)


def field_file_name(field_file: Any) -> str:
    return getattr(field_file.instance, "original_name", "") or field_file.name


class AttachmentFileWidget(AdminFileWidget):
    def format_value(self, value: Any) -> Any:
        instance = getattr(value, "instance", None)
        if self.is_initial(value) and instance is not None and instance.pk:
            return _DownloadLink(value)
        return super().format_value(value)


class AttachmentForm(forms.ModelForm):
    """A new file goes through sherloc.uploads (PDF by content, size limit, text extraction) before it
    reaches storage, exactly as on the focal-point forms."""

    class Meta:
        widgets = {"file": AttachmentFileWidget}

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            self._checked = (upload, uploads.check_pdf(upload))
        return upload

    def save(self, commit: bool = True) -> Any:
        checked = getattr(self, "_checked", None)
        if checked is not None:
            uploads.apply(self.instance, *checked)
        return super().save(commit=commit)


class AttachmentInline(CachedChoicesMixin, admin.TabularInline):
    """Files attached to a record; extracted text is produced by the pipeline, not typed here."""

    form = AttachmentForm
    extra = 0
    fields = ("title", "file", "language", "content_type", "created_at")
    readonly_fields = ("content_type", "created_at")
    cached_choice_fields = ("language",)


class ArticleTagInline(BatchedAutocompleteInlineMixin, admin.TabularInline):
    """Article tags (article + optional paragraph) with an autocomplete over the 107 articles.

    The widget renders `str(article)`, which names the instrument, so the articles are loaded with their
    instrument, once for all rows (BatchedAutocompleteInlineMixin).
    """

    extra = 0
    fields = ("article", "paragraph")
    autocomplete_fields = ("article",)
    verbose_name = _("treaty article tag")
    verbose_name_plural = _("treaty article tags")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("article__instrument")

    def formfield_for_foreignkey(self, db_field: models.ForeignKey, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "article":
            kwargs["queryset"] = db_field.remote_field.model._default_manager.select_related("instrument")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# --------------------------------------------------------------------------- the record base admin


class PublishableAdmin(AutocompleteFilterMediaMixin, SimpleHistoryAdmin):
    """Base admin for laws, cases and authorities.

    - the status and the workflow stamps are read-only: status changes go through the workflow, whose
      actions (submit, publish, unpublish) `submissions.admin_actions` adds to these admins;
    - a change form opened before someone else changed the record refuses to save over it (`guarded_form`);
    - change history (django-simple-history);
    - list settings for large tables: no full-count query, no facet counts, newest changes first
      (`updated_at` is indexed), and subclasses name their `list_select_related`.
    """

    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    list_per_page = 50
    ordering: ClassVar[tuple[str, ...]] = ("-updated_at",)
    readonly_fields: ClassVar[tuple[str, ...]] = READONLY_WORKFLOW_FIELDS
    publication_fieldsets: ClassVar[list[tuple[str, dict]]] = [
        (_("Publication"), {"fields": (*WORKFLOW_FIELDS, OPENED_VERSION)}),
        (_("Provenance"), {"fields": PROVENANCE_FIELDS, "classes": ["collapse"]}),
    ]

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        kwargs.setdefault("form", guarded_form(self.form))
        return super().get_form(request, obj, change, **kwargs)

    def formfield_for_dbfield(self, db_field: models.Field, request: HttpRequest, **kwargs: Any) -> Any:
        """Official sources are https nowadays; also opts into Django 6's default early."""
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, request, **kwargs)


__all__ = [
    "ArticleTagInline",
    "AttachmentInline",
    "AutocompleteFilter",
    "AutocompleteFilterMediaMixin",
    "BatchedAutocompleteInlineMixin",
    "BatchedAutocompleteSelect",
    "CachedChoicesMixin",
    "PublishableAdmin",
    "StringListField",
    "TermFilter",
    "autocomplete_filter",
    "cache_choices",
    "guarded_form",
    "is_autocomplete",
    "term_filter",
]
