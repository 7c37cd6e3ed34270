"""The focal point's forms for strategies and for the explanatory materials of laws.

Same shape as the authority form (one model form, no row formsets) plus the law form's PDF attachments
(`law.AttachmentsForm`, given the family's attachment model): a file is checked and text-extracted by
`sherloc.uploads` exactly as a law's. "Submit" also needs the original language and some content (a summary,
a text or a PDF: `completeness`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from interchange.jsonl_format import MATERIAL, STRATEGY
from legislation.models import Law
from sherloc import richtext
from strategies.models import (
    ExplanatoryMaterial,
    MaterialArticle,
    MaterialAttachment,
    Strategy,
    StrategyArticle,
    StrategyAttachment,
)
from taxonomy.models import Country

from .. import completeness
from . import common
from .law import FILES_PREFIX, AttachmentsForm


class _TaggedForm(forms.ModelForm):
    """Articles, crime types and issues by code; rich text cleaned; the language defaults for drafts."""

    articles = common.articles_field(_("Convention and Protocol articles the document addresses (hold Ctrl or Cmd)."))
    crime_types = common.crime_types_field()
    issues = common.issues_field()
    article_model: type = StrategyArticle
    article_fk = "strategy"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["original_language"].required = False
        self.fields["original_language"].queryset = common.languages()
        if self.instance.pk:
            self.initial.setdefault("articles", common.initial_article_codes(self.instance))
            self.initial.setdefault("crime_types", common.initial_codes(self.instance.crime_types))
            self.initial.setdefault("issues", common.initial_codes(self.instance.issues))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name in self._meta.model.RICH_TEXT_FIELDS:
            if data.get(name):
                data[name] = richtext.clean(data[name])
        return data

    def _post_clean(self) -> None:
        super()._post_clean()
        if self.instance.original_language_id is None:  # a draft may leave it empty; the model needs one
            self.instance.original_language = common.default_language()

    def _clash(self, queryset: QuerySet, field: str, message: str) -> None:
        """The database's uniqueness holds for records proper, not pending revisions: checked here, ignoring
        this record and the record it revises."""
        mine = [pk for pk in (self.instance.pk, self.instance.revision_of_id) if pk]
        if queryset.exclude(pk__in=mine).exists():
            self.add_error(field, message)

    def save(self, commit: bool = True) -> Any:
        record = super().save(commit=False)
        record.save()
        self.save_m2m_tags(record)
        return record

    def save_m2m_tags(self, record: Any) -> None:
        data = self.cleaned_data
        record.crime_types.set(data.get("crime_types") or [])
        record.issues.set(data.get("issues") or [])
        common.save_article_tags(record, self.article_model, self.article_fk, data.get("articles") or [])


class StrategyForm(_TaggedForm):
    covered_countries = forms.ModelMultipleChoiceField(
        queryset=Country.objects.filter(is_international=False).order_by("name"),
        to_field_name="alpha3",
        required=False,
        label=_("Countries covered"),
        help_text=_("For a regional document: the States it covers (hold Ctrl or Cmd to pick several)."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    class Meta:
        model = Strategy
        fields = [
            "country",
            "covered_countries",
            "title",
            "original_title",
            "strategy_type",
            "issuing_body",
            "adoption_date",
            "period_start",
            "period_end",
            "superseded",
            "summary",
            "source_url",
            "original_language",
        ]
        labels = {
            "country": _("Country or regional body"),
            "strategy_type": _("Type"),
            "period_start": _("Period covered: from"),
            "period_end": _("Period covered: to"),
            "source_url": _("Official source"),
        }
        widgets = {
            "adoption_date": common.DATE_WIDGET,
            "period_start": common.DATE_WIDGET,
            "period_end": common.DATE_WIDGET,
            "summary": forms.Textarea(attrs={"rows": 6}),
        }

    field_order = [*Meta.fields[:10], "articles", "crime_types", "issues", *Meta.fields[10:]]

    def __init__(self, *args: Any, countries: QuerySet[Country], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = countries.order_by("name")
        if self.instance.revision_of_id:
            self.fields["country"].disabled = True  # an update stays with its record's country
        if self.instance.pk:
            self.initial.setdefault("covered_countries", [c.alpha3 for c in self.instance.covered_countries.all()])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period cannot end before it starts."))
        if data.get("country") and data.get("title"):
            self._clash(
                Strategy.objects.originals().filter(country=data["country"], title=data["title"]),
                "title",
                _("This country already has a strategy with this title."),
            )
        return data

    def save_m2m_tags(self, record: Strategy) -> None:
        super().save_m2m_tags(record)
        record.covered_countries.set(self.cleaned_data.get("covered_countries") or [])


class LawChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Law) -> str:
        return f"{obj.title} ({obj.country.alpha3}{', ' + obj.number if obj.number else ''})"


class MaterialForm(_TaggedForm):
    article_model = MaterialArticle
    article_fk = "material"
    law = LawChoiceField(
        queryset=Law.objects.none(),
        label=_("Law"),
        help_text=_("The law this document explains (laws of your countries)."),
    )

    class Meta:
        model = ExplanatoryMaterial
        fields = ["law", "kind", "title", "date", "summary", "text", "source_url", "original_language"]
        labels = {"kind": _("Kind of document"), "source_url": _("Official source")}
        widgets = {
            "date": common.DATE_WIDGET,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "text": forms.Textarea(attrs={"rows": 8}),
        }

    field_order = [*Meta.fields[:6], "articles", "crime_types", "issues", *Meta.fields[6:]]

    def __init__(self, *args: Any, countries: QuerySet[Country], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        laws = Law.objects.originals().filter(country__in=countries)
        if self.instance.law_id:  # keep the current law listed even if the scope changed
            laws = Law.objects.filter(Q(pk__in=laws.values("pk")) | Q(pk=self.instance.law_id))
        self.fields["law"].queryset = laws.select_related("country").order_by("country__name", "title")
        if self.instance.revision_of_id:
            self.fields["law"].disabled = True  # an update stays with its law

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("law") and data.get("title"):
            self._clash(
                ExplanatoryMaterial.objects.originals().filter(law=data["law"], title=data["title"]),
                "title",
                _("This law already has an explanatory material with this title."),
            )
        return data


class _DocumentSubmission:
    """A form plus its PDF attachments, for `editing.form_page` (with_files=True)."""

    formsets: tuple = ()
    form_class: type[_TaggedForm]
    attachment_model: type
    kind: str
    text_fields: tuple[str, ...]

    def __init__(
        self, data: Any, record: Any, countries: QuerySet[Country], submitting: bool = False, files: Any = None
    ) -> None:
        self.submitting = submitting
        self.form = self.form_class(data, instance=record, countries=countries)
        self.files = AttachmentsForm(data, files, record=record, model=self.attachment_model, prefix=FILES_PREFIX)
        self.extra_forms = [self.files]

    def is_valid(self) -> bool:
        valid = [self.form.is_valid(), self.files.is_valid()]  # every error at once
        if self.submitting:
            data = self.form.cleaned_data
            record = self.form.instance
            kept = list(record.attachments.all()) if record.pk else []
            removed = set(self.files.cleaned_data.get("remove") or []) if self.files.is_valid() else set()
            attachments = [a for a in kept if a not in removed] + list(self.files.checked)
            content = {name: data.get(name) for name in ("original_language", *self.text_fields)}
            valid.append(completeness.apply_to_form(self.kind, {**content, "attachments": attachments}, self.form))
        return all(valid)

    def save(self) -> Any:
        record = self.form.save()
        self.files.save(record)
        return record

    def discard(self) -> None:
        self.files.discard_stored()

    def extra_context(self) -> dict[str, Any]:
        record = self.form.instance
        return {"files": self.files, "attachments": list(record.attachments.order_by("pk")) if record.pk else []}


class StrategySubmission(_DocumentSubmission):
    form_class = StrategyForm
    attachment_model = StrategyAttachment
    kind = STRATEGY
    text_fields = ("summary",)


class MaterialSubmission(_DocumentSubmission):
    form_class = MaterialForm
    attachment_model = MaterialAttachment
    kind = MATERIAL
    text_fields = ("summary", "text")
