"""The focal point's law form: the law's fields plus an inline formset of its provisions.

Two buttons, two levels of validation:
- "Save draft": the law needs a title and a country; provisions that are filled in need a label and
  a text; empty extra rows are ignored.
- "Submit": also the original language and at least one provision.
A provision's order is its position in the formset (rows marked for deletion are dropped).
"""

from django import forms
from django.db import transaction
from django.db.models import F
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from legislation.models import Law, Provision, ProvisionArticle
from taxonomy.models import Article, CrimeType, Issue, Language

SUBMIT_REQUIRED = ("original_language",)
ORDER_OFFSET = 1_000_000  # temporary orders while re-numbering (order is unique per law)


class LawForm(forms.ModelForm):
    class Meta:
        model = Law
        fields = [
            "country",
            "title",
            "original_title",
            "law_type",
            "number",
            "adoption_date",
            "entry_into_force_date",
            "legal_status",
            "source_url",
            "original_language",
        ]
        widgets = {
            "adoption_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "entry_into_force_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, countries=None, submitting: bool = False, **kwargs) -> None:  # noqa: ANN001, ANN003
        super().__init__(*args, **kwargs)
        self.submitting = submitting
        self.fields["country"].queryset = countries.order_by("name") if countries is not None else None
        self.fields["original_language"].required = False
        self.fields["original_language"].queryset = Language.objects.order_by("sort_order", "code")
        if self.instance.revision_of_id:
            self.fields["country"].disabled = True  # an update stays with its record's country

    def clean(self) -> dict:
        data = super().clean()
        if self.submitting:
            for name in SUBMIT_REQUIRED:
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, _("This field is required to submit."))
        self._check_unique(data)
        if not data.get("original_language"):
            # Drafts may leave it empty; the model needs one, so assume English until the focal point says.
            data["original_language"] = Language.objects.filter(code="en").first()
        return data

    def _check_unique(self, data: dict) -> None:
        """The database's (country, title, number) rule holds for records proper, not for pending revisions,
        so the model form does not check it: do it here, ignoring this law and the record it revises."""
        if not (data.get("country") and data.get("title")):
            return
        clash = Law.objects.originals().filter(
            country=data["country"], title=data["title"], number=data.get("number") or ""
        )
        mine = [pk for pk in (self.instance.pk, self.instance.revision_of_id) if pk]
        if clash.exclude(pk__in=mine).exists():
            self.add_error("title", _("A law with this country, title and number already exists."))


class ProvisionForm(forms.ModelForm):
    articles = forms.ModelMultipleChoiceField(
        queryset=Article.objects.select_related("instrument").order_by("instrument__sort_order", "number"),
        to_field_name="code",
        required=False,
        label=_("Convention and Protocol articles"),
        help_text=_("Articles this provision implements (hold Ctrl or Cmd to pick several)."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    crime_types = forms.ModelMultipleChoiceField(
        queryset=CrimeType.objects.order_by("sort_order", "code"),
        to_field_name="code",
        required=False,
        label=_("Crime types"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    issues = forms.ModelMultipleChoiceField(
        queryset=Issue.objects.order_by("code"),
        to_field_name="code",
        required=False,
        label=_("Cross-cutting issues"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    class Meta:
        model = Provision
        fields = ["label", "heading", "text", "text_en", "language"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6}), "text_en": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["language"].required = False
        self.fields["language"].queryset = Language.objects.order_by("sort_order", "code")
        if self.instance.pk:
            self.initial.setdefault("articles", [t.article.code for t in self.instance.article_tags.all()])
            self.initial.setdefault("crime_types", [c.code for c in self.instance.crime_types.all()])
            self.initial.setdefault("issues", [i.code for i in self.instance.issues.all()])

    def save_tags(self) -> None:
        provision = self.instance
        chosen = {a.pk: a for a in self.cleaned_data.get("articles") or []}
        # Keep existing tags (with their paragraphs) for articles still chosen; drop the others.
        provision.article_tags.exclude(article_id__in=chosen).delete()
        present = set(provision.article_tags.values_list("article_id", flat=True))
        for pk, article in chosen.items():
            if pk not in present:
                ProvisionArticle.objects.create(provision=provision, article=article)
        provision.crime_types.set(self.cleaned_data.get("crime_types") or [])
        provision.issues.set(self.cleaned_data.get("issues") or [])


class BaseProvisionFormSet(BaseInlineFormSet):
    def __init__(self, *args, submitting: bool = False, **kwargs) -> None:  # noqa: ANN002, ANN003
        self.submitting = submitting
        super().__init__(*args, **kwargs)

    def kept_forms(self) -> list[ProvisionForm]:
        """Forms that will be saved, in display order: not deleted, and (for extra rows) filled in."""
        kept = []
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form):
                continue
            if not form.instance.pk and not form.has_changed():
                continue
            kept.append(form)
        return kept

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        if self.submitting and not self.kept_forms():
            raise forms.ValidationError(_("Add at least one provision before submitting."))

    @transaction.atomic
    def save(self, commit: bool = True) -> list[Provision]:
        law = self.instance
        for form in self.deleted_forms:
            if form.instance.pk:
                form.instance.delete()
        kept = self.kept_forms()
        existing = [f.instance.pk for f in kept if f.instance.pk]
        # Park the kept provisions out of the way so re-numbering never hits the (law, order) constraint.
        Provision.objects.filter(pk__in=existing).update(order=F("order") + ORDER_OFFSET)
        saved = []
        for position, form in enumerate(kept, start=1):
            provision = form.save(commit=False)
            provision.law = law
            provision.order = position
            if provision.language_id is None:
                provision.language = law.original_language
            provision.save()
            form.save_tags()
            saved.append(provision)
        return saved


ProvisionFormSet = inlineformset_factory(
    Law,
    Provision,
    form=ProvisionForm,
    formset=BaseProvisionFormSet,
    extra=2,
    can_delete=True,
)
