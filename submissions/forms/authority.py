"""The focal point's competent-authority form: public fields, then the contact details practitioners see.

Two buttons, two levels of validation (as the law form):
- "Save draft": a country and a name (unique per country among records proper).
- "Submit": also the original language, at least one role, and one way to reach the authority
  (e-mail, telephone or postal address): the rules live in `submissions/completeness.py`, shared with the
  API; `AuthoritySubmission.is_valid` applies them.
The two JSON lists are edited as text ("en, fr") and check boxes, as in the admin.
"""

from __future__ import annotations

import zoneinfo
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from authorities.admin import BCP47_PATTERN
from authorities.models import AuthorityArticle, Channel, CompetentAuthority
from interchange.jsonl_format import AUTHORITY
from sherloc import richtext
from sherloc.admin import StringListField
from taxonomy.models import AuthorityRole, Country

from .. import completeness
from . import common

PUBLIC_FIELDS = ("country", "name", "source_url", "roles", "articles", "crime_types", "original_language")


class AuthorityForm(forms.ModelForm):
    roles = common.code_choice_field(
        AuthorityRole.objects.order_by("sort_order", "code"),
        _("Designations"),
        _("Roles the State designated this authority for (public)."),
    )
    articles = common.articles_field(_("Treaty articles under which it is designated (hold Ctrl or Cmd)."))
    crime_types = common.crime_types_field()
    languages_accepted = StringListField(
        separator=",",
        item_pattern=BCP47_PATTERN,
        item_help=_("Use language codes such as en, fr, es, zh-Hans."),
        label=_("Languages accepted"),
        help_text=_("Languages in which requests are accepted, comma separated (e.g. “en, fr”)."),
    )
    channels = forms.MultipleChoiceField(
        choices=Channel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Channels"),
        help_text=_("Channels through which requests are accepted."),
    )

    class Meta:
        model = CompetentAuthority
        fields = [
            "country",
            "name",
            "source_url",
            "roles",
            "crime_types",
            "original_language",
            *CompetentAuthority.CONTACT_FIELDS,
        ]
        labels = {
            "source_url": _("Official source"),
            "email": _("E-mail"),
            "urgent_by_email": _("Urgent requests accepted by e-mail"),
            "urgent_by_fax": _("Urgent requests accepted by fax"),
            "untoc_legal_basis": _("UNTOC accepted as legal basis"),
        }
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "legal_requirements": forms.Textarea(attrs={"rows": 4}),
            "procedural_requirements": forms.Textarea(attrs={"rows": 4}),
            "last_confirmed": common.DATE_WIDGET,
        }

    field_order = [*PUBLIC_FIELDS, *CompetentAuthority.CONTACT_FIELDS]

    def __init__(self, *args: Any, countries: QuerySet[Country], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = countries.order_by("name")
        if self.instance.revision_of_id:
            self.fields["country"].disabled = True  # an update stays with its record's country
        self.fields["original_language"].required = False
        self.fields["original_language"].queryset = common.languages()
        if self.instance.pk:
            self.initial.setdefault("articles", common.initial_article_codes(self.instance))
            self.initial.setdefault("roles", common.initial_codes(self.instance.roles))
            self.initial.setdefault("crime_types", common.initial_codes(self.instance.crime_types))

    def public_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in PUBLIC_FIELDS]

    def contact_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in CompetentAuthority.CONTACT_FIELDS]

    def clean_time_zone(self) -> str:
        value = (self.cleaned_data.get("time_zone") or "").strip()
        if value and value not in zoneinfo.available_timezones():
            raise forms.ValidationError(_("Use an IANA time zone name, e.g. “America/Sao_Paulo”."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name in CompetentAuthority.RICH_TEXT_FIELDS:
            if data.get(name):
                data[name] = richtext.clean(data[name])  # stored safe, like a case summary
        self._check_unique(data)
        return data

    def _post_clean(self) -> None:
        super()._post_clean()
        if self.instance.original_language_id is None:  # a draft may leave it empty; the model needs one
            self.instance.original_language = common.default_language()

    def _check_unique(self, data: dict[str, Any]) -> None:
        """The database's (country, name) rule holds for records proper, not pending revisions: check it here,
        ignoring this authority and the record it revises."""
        if not (data.get("country") and data.get("name")):
            return
        clash = CompetentAuthority.objects.originals().filter(country=data["country"], name=data["name"])
        mine = [pk for pk in (self.instance.pk, self.instance.revision_of_id) if pk]
        if clash.exclude(pk__in=mine).exists():
            self.add_error("name", _("An authority with this name already exists for this country."))

    def save(self, commit: bool = True) -> CompetentAuthority:
        authority = super().save(commit=False)
        authority.save()
        data = self.cleaned_data
        authority.roles.set(data.get("roles") or [])
        authority.crime_types.set(data.get("crime_types") or [])
        common.save_article_tags(authority, AuthorityArticle, "authority", data.get("articles") or [])
        return authority


class AuthoritySubmission:
    """Same interface as the case's (`form`, `formsets`, `is_valid`, `save`), with no formsets."""

    formsets: tuple = ()

    def __init__(
        self, data: Any, authority: CompetentAuthority, countries: QuerySet[Country], submitting: bool = False
    ) -> None:
        self.submitting = submitting
        self.form = AuthorityForm(data, instance=authority, countries=countries)

    def is_valid(self) -> bool:
        valid = self.form.is_valid()
        if self.submitting:
            data = self.form.cleaned_data
            record = {name: data.get(name) for name in ("original_language", "roles", *completeness.REACH_FIELDS)}
            valid = completeness.apply_to_form(AUTHORITY, record, self.form) and valid
        return valid

    def save(self) -> CompetentAuthority:
        return self.form.save()
