"""Secretariat admin for competent national authorities.

The form separates what the public sees (country, name, roles) from the contact details shown only
to signed-in practitioners, so an editor always knows which side of that line a field is on.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sherloc.admin import ArticleTagInline, PublishableAdmin, StringListField, autocomplete_filter, term_filter
from taxonomy.models import AuthorityRole, Country, CrimeType

from .models import AuthorityArticle, Channel, CompetentAuthority

CONTACT_FIELDSET_TITLE = _("Contact details (signed-in practitioners only)")
PUBLIC_FIELDS = ("country", "name", "source_url", "roles", "crime_types", "original_language")

# BCP 47 language tags as used for accepted languages: "en", "fr", "zh-Hans", "pt-BR".
BCP47_PATTERN = r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*"

AuthorityCountryFilter = autocomplete_filter(
    _("country"), "country", Country, "country", ("authorities", "competentauthority", "country"), direct=True
)
AuthorityRoleFilter = term_filter(_("role"), "role", AuthorityRole, "roles")
AuthorityCrimeTypeFilter = term_filter(_("crime type"), "crime_type", CrimeType, "crime_types")


class AuthorityForm(forms.ModelForm):
    """The two JSON lists edited as text and checkboxes instead of raw JSON."""

    languages_accepted = StringListField(
        separator=",",
        item_pattern=BCP47_PATTERN,
        item_help=_("Use language codes such as en, fr, es, zh-Hans."),
        help_text=_("Languages in which requests are accepted, comma separated (e.g. 'en, fr')."),
    )
    channels = forms.MultipleChoiceField(
        choices=Channel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Channels through which requests are accepted."),
    )


class AuthorityArticleInline(ArticleTagInline):
    model = AuthorityArticle


@admin.register(CompetentAuthority)
class CompetentAuthorityAdmin(PublishableAdmin):
    form = AuthorityForm
    list_display = ("name", "country", "role_list", "status", "last_confirmed", "updated_at")
    list_select_related = ("country",)
    list_filter = (AuthorityCountryFilter, "status", AuthorityRoleFilter, AuthorityCrimeTypeFilter)
    search_fields = ("name", "email", "contact_person", "=external_id")
    autocomplete_fields = ("country", "roles", "crime_types")
    inlines = (AuthorityArticleInline,)
    fieldsets = [
        (_("Public"), {"fields": PUBLIC_FIELDS}),
        (CONTACT_FIELDSET_TITLE, {"fields": CompetentAuthority.CONTACT_FIELDS}),
        *PublishableAdmin.publication_fieldsets,
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[CompetentAuthority]:
        # One query for the roles of a whole page, not one per row.
        return super().get_queryset(request).prefetch_related("roles")

    @admin.display(description=_("roles"))
    def role_list(self, obj: CompetentAuthority) -> str:
        return ", ".join(role.label for role in obj.roles.all()) or "—"
