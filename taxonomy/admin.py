"""Admin for the controlled vocabularies.

Every vocabulary is searchable (several are autocomplete targets for the record admins), shows which
translations it has, and validates the `translations` map so a typo'd language key cannot silently
hide a label from a language's UI.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.contrib import admin
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import Article, AuthorityRole, Country, CrimeSubType, CrimeType, Instrument, Issue, Language, Region

# --------------------------------------------------------------------------- shared pieces


def known_language_codes() -> set[str]:
    """Keys allowed in a `translations` map: the UI languages plus any content language on file."""
    return {code for code, _name in settings.LANGUAGES} | set(Language.objects.values_list("code", flat=True))


class TranslationsForm(forms.ModelForm):
    """Checks `translations` is {language code: non-empty text}: labels fall back to English otherwise."""

    def clean_translations(self) -> dict[str, str]:
        value = self.cleaned_data.get("translations") or {}
        if not isinstance(value, dict):
            raise forms.ValidationError(_('Enter an object such as {"fr": "...", "es": "..."}.'))
        known = known_language_codes()
        unknown = sorted(key for key in value if key not in known)
        if unknown:
            raise forms.ValidationError(
                _("Unknown language code(s): %(codes)s. Known: %(known)s."),
                params={"codes": ", ".join(unknown), "known": ", ".join(sorted(known))},
            )
        bad = sorted(key for key, text in value.items() if not isinstance(text, str) or not text.strip())
        if bad:
            raise forms.ValidationError(
                _("Translations must be non-empty text; check: %(codes)s."), params={"codes": ", ".join(bad)}
            )
        return {key: text.strip() for key, text in value.items()}


class MissingTranslationFilter(admin.SimpleListFilter):
    """Finds terms still lacking a label in one UI language (they would show in English there)."""

    title = _("missing translation")
    parameter_name = "missing_lang"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [(code, name) for code, name in settings.LANGUAGES if code != "en"]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value is None:
            return queryset
        return queryset.exclude(translations__has_key=value)


@admin.display(description=_("translated into"))
def translated_into(obj: Any) -> str:
    """Compact list of the languages a term has labels in."""
    return ", ".join(sorted((obj.translations or {}).keys())) or "—"


class VocabularyAdmin(admin.ModelAdmin):
    """Base for LabelledVocabulary terms: labels and sort order editable straight from the list."""

    form = TranslationsForm
    list_display: ClassVar[tuple[Any, ...]] = ("code", "label", "sort_order", translated_into)
    list_display_links: ClassVar[tuple[str, ...]] = ("code",)
    list_editable: ClassVar[tuple[str, ...]] = ("label", "sort_order")
    list_filter: ClassVar[tuple[Any, ...]] = (MissingTranslationFilter,)
    search_fields: ClassVar[tuple[str, ...]] = ("code", "label")
    list_per_page = 100


# --------------------------------------------------------------------------- instruments and articles


@admin.register(Instrument)
class InstrumentAdmin(VocabularyAdmin):
    list_display = ("code", "label", "short_title", "parent", "sort_order", translated_into)
    list_select_related = ("parent",)
    search_fields = ("code", "label", "short_title", "un_document")
    fields = ("code", "label", "short_title", "un_document", "parent", "sort_order", "translations")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    """Articles are the main autocomplete target ("mutual" finds UNTOC art. 18)."""

    form = TranslationsForm
    list_display = ("code", "instrument", "number", "title", "chapter_number", translated_into)
    list_display_links = ("code",)
    list_editable = ("title",)
    list_filter = ("instrument", MissingTranslationFilter)
    list_select_related = ("instrument",)
    search_fields = ("code", "title", "instrument__code", "instrument__short_title", "chapter_title")
    ordering = ("instrument__sort_order", "number")
    list_per_page = 150
    fields = ("instrument", "number", "code", "title", "chapter_number", "chapter_title", "translations")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        # str(article) names the instrument: the autocomplete endpoint renders it for every hit.
        return super().get_queryset(request).select_related("instrument")


# --------------------------------------------------------------------------- crime types


class CrimeSubTypeInline(admin.TabularInline):
    model = CrimeSubType
    form = TranslationsForm
    extra = 0
    fields = ("code", "facet", "label", "sort_order", "translations")
    ordering = ("facet", "sort_order")


@admin.register(CrimeType)
class CrimeTypeAdmin(VocabularyAdmin):
    inlines = (CrimeSubTypeInline,)
    fields = ("code", "label", "sort_order", "translations")


@admin.register(CrimeSubType)
class CrimeSubTypeAdmin(VocabularyAdmin):
    list_display = ("code", "label", "crime_type", "facet", "sort_order", translated_into)
    list_filter = ("crime_type", "facet", MissingTranslationFilter)
    list_select_related = ("crime_type",)
    search_fields = ("code", "label", "facet", "crime_type__label", "crime_type__code")
    fields = ("crime_type", "facet", "code", "label", "sort_order", "translations")


# --------------------------------------------------------------------------- cross-cutting issues

# The shipped tree is three levels deep; deeper terms still work, at one query per extra level.
ISSUE_PATH_PREFETCH = "parent__parent__parent"


ISSUE_CODE_PATTERN = r"[a-z0-9-]+(\.[a-z0-9-]+)*"


class IssueForm(TranslationsForm):
    """Keeps the dotted-code convention: search derives a term's ancestors from its code alone,
    so a sub-issue's code must extend its parent's and the tree must stay acyclic."""

    code = forms.RegexField(
        regex=rf"^{ISSUE_CODE_PATTERN}$",
        max_length=120,
        help_text=_("Dotted path of lowercase slugs, e.g. 'investigation.sit.undercover'."),
        error_messages={"invalid": _("Use lowercase letters, digits and hyphens, with dots between levels.")},
    )

    class Meta:
        model = Issue
        fields = ("code", "parent", "label", "sort_order", "translations")

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        if Issue.objects.filter(code=code).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("An issue with this code already exists."))
        return code

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        code, parent = data.get("code"), data.get("parent")
        if code and parent is not None and not code.startswith(f"{parent.code}."):
            self.add_error(
                "code",
                _("A sub-issue's code must start with its parent's code and a dot: '%(p)s.…'.") % {"p": parent.code},
            )
        if code and parent is None and "." in code:
            self.add_error("parent", _("A dotted code names a sub-issue: choose its parent."))
        # During clean() the instance still holds the stored values.
        if parent is not None and self.instance.pk:
            if parent.pk == self.instance.pk or parent.code.startswith(f"{self.instance.code}."):
                self.add_error("parent", _("An issue cannot sit under itself or one of its sub-issues."))
        if self.instance.pk and "code" in self.changed_data and self.instance.children.exists():
            self.add_error("code", _("This issue has sub-issues; re-coding it would orphan their codes."))
        return data


class BranchFilter(admin.SimpleListFilter):
    """Restrict the list to one top-level branch of the tree."""

    title = _("branch")
    parameter_name = "branch"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [(issue.code, issue.label) for issue in Issue.objects.filter(parent__isnull=True)]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value is None:
            return queryset
        return queryset.filter(Q(code=value) | Q(code__startswith=f"{value}."))


@admin.register(Issue)
class IssueAdmin(VocabularyAdmin):
    form = IssueForm
    list_display = ("code", "tree_path", "label", "depth", "sort_order", translated_into)
    list_filter = (BranchFilter, "depth", MissingTranslationFilter)
    search_fields = ("code", "label")
    ordering = ("code",)  # dotted codes sort parents before their children
    readonly_fields = ("depth",)
    fields = ("code", "parent", "depth", "label", "sort_order", "translations")
    autocomplete_fields = ("parent",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Issue]:
        return super().get_queryset(request).select_related(ISSUE_PATH_PREFETCH)

    @admin.display(description=_("tree path"), ordering="code")
    def tree_path(self, obj: Issue) -> str:
        labels: list[str] = []
        node: Issue | None = obj
        while node is not None:
            labels.append(node.label)
            node = node.parent
        return " › ".join(reversed(labels))

    def save_model(self, request: HttpRequest, obj: Issue, form: forms.ModelForm, change: bool) -> None:
        """Depth follows the parent; it is what the UI indents by."""
        obj.depth = obj.parent.depth + 1 if obj.parent_id else 0
        super().save_model(request, obj, form, change)


# --------------------------------------------------------------------------- geography, languages, roles


@admin.register(Region)
class RegionAdmin(VocabularyAdmin):
    list_display = ("code", "label", "kind", "parent", translated_into)
    list_editable = ("label",)
    list_filter = ("kind", MissingTranslationFilter)
    list_select_related = ("parent",)
    search_fields = ("code", "label")
    fields = ("code", "kind", "parent", "label", "sort_order", "translations")


class CountryRegionFilter(admin.SimpleListFilter):
    """The five M49 regions, not every region/sub-region row (the plain FK filter would list 30)."""

    title = _("region")
    parameter_name = "region"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [(str(r.pk), r.label) for r in Region.objects.filter(kind=Region.Kind.REGION)]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        return queryset.filter(region_id=value) if value and value.isdigit() else queryset


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    """Searchable by alpha-2, alpha-3, M49 and names: the autocomplete target of every record admin."""

    form = TranslationsForm
    list_display = ("name", "alpha3", "alpha2", "m49", "region", "subregion", "is_international", translated_into)
    list_display_links = ("name",)
    list_filter = (CountryRegionFilter, "is_international", MissingTranslationFilter)
    list_select_related = ("region", "subregion")
    search_fields = ("alpha2", "alpha3", "m49", "name", "formal_name")
    list_per_page = 100
    fields = (
        ("name", "formal_name"),
        ("alpha3", "alpha2", "m49"),
        ("region", "subregion", "intermediate_region"),
        "is_international",
        "translations",
    )

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        """Offer only regions of the matching M49 level in each of the three region boxes."""
        kinds = {
            "region": Region.Kind.REGION,
            "subregion": Region.Kind.SUBREGION,
            "intermediate_region": Region.Kind.INTERMEDIATE,
        }
        if db_field.name in kinds:
            kwargs["queryset"] = Region.objects.filter(kind=kinds[db_field.name])
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Language)
class LanguageAdmin(VocabularyAdmin):
    list_display = ("code", "label", "rtl", "is_un_official", "sort_order", translated_into)
    list_filter = ("is_un_official", "rtl", MissingTranslationFilter)
    fields = ("code", "label", "rtl", "is_un_official", "sort_order", "translations")


@admin.register(AuthorityRole)
class AuthorityRoleAdmin(VocabularyAdmin):
    list_display = ("code", "label", "legal_basis", "sort_order", translated_into)
    search_fields = ("code", "label", "legal_basis")
    fields = ("code", "label", "legal_basis", "sort_order", "translations")
