"""The focal point's law form: the law's fields plus an inline formset of its provisions.

Two buttons, two levels of validation:
- "Save draft": the law needs a title and a country; provisions that are filled in need a label and
  a text; empty extra rows are ignored.
- "Submit": also the original language and at least one provision (the rules live in
  `submissions/completeness.py`, shared with the API; `LawSubmission.is_valid` applies them).
A provision's order is the "Position" typed in its row, else its place in the formset (rows marked for
deletion are dropped); positions are renumbered 1, 2, 3... on save.

PDF attachments come through a third form (`AttachmentsForm`): new files (several at once) and a tick
box per existing file to remove it. Files are checked by sherloc.uploads; a refused file is an error on
that field and nothing is saved, so the rest of what was typed comes back as it was.
"""

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, QuerySet
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from interchange.jsonl_format import LAW
from legislation.models import Law, LawAttachment, Provision, ProvisionArticle
from sherloc import richtext, uploads
from taxonomy.models import Article, Country, CrimeType, Issue, Language

from .. import completeness
from .common import BoundedRowsMixin, KeptFormsMixin

ORDER_OFFSET = 1_000_000  # temporary orders while re-numbering (order is unique per law)
MAX_FILES_PER_SAVE = 10


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

    def __init__(self, *args, countries=None, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = countries.order_by("name") if countries is not None else None
        self.fields["original_language"].required = False
        self.fields["original_language"].queryset = Language.objects.order_by("sort_order", "code")
        if self.instance.revision_of_id:
            self.fields["country"].disabled = True  # an update stays with its record's country

    def clean(self) -> dict:
        data = super().clean()
        self._check_unique(data)
        return data

    def _post_clean(self) -> None:
        super()._post_clean()
        if self.instance.original_language_id is None:
            # Drafts may leave it empty (cleaned_data says so, for the submit rules); the model needs one,
            # so assume English until the focal point says.
            self.instance.original_language = Language.objects.filter(code="en").first()

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
        fields = ["label", "heading", "text", "text_en", "language", "source_url"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6}), "text_en": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["language"].required = False
        self.fields["language"].queryset = Language.objects.order_by("sort_order", "code")
        if self.instance.pk:
            self.initial.setdefault("articles", [t.article.code for t in self.instance.article_tags.all()])
            self.initial.setdefault("crime_types", [c.code for c in self.instance.crime_types.all()])
            self.initial.setdefault("issues", [i.code for i in self.instance.issues.all()])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name in Provision.RICH_TEXT_FIELDS:
            if data.get(name):
                data[name] = richtext.clean(data[name])  # stored safe, like a case summary
        return data

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


class BaseProvisionFormSet(BoundedRowsMixin, KeptFormsMixin, BaseInlineFormSet):
    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        if "ORDER" in form.fields:
            field = form.fields["ORDER"]
            field.label = _("Position")
            field.help_text = _("Change the numbers to reorder the provisions (1 comes first).")
            field.widget.attrs.update(min=1, **{"class": "position-input"})

    def in_order(self) -> list[ProvisionForm]:
        """The kept rows sorted by the position typed in each (rows without one keep their place)."""
        kept = self.kept_forms()
        ranked = []
        for index, form in enumerate(kept):
            position = form.cleaned_data.get("ORDER")
            ranked.append(((position if position is not None else index + 1), index, form))
        ranked.sort(key=lambda row: (row[0], row[1]))
        return [form for _position, _index, form in ranked]

    @transaction.atomic
    def save(self, commit: bool = True) -> list[Provision]:
        law = self.instance
        for form in self.deleted_forms:
            if form.instance.pk:
                form.instance.delete()
        kept = self.in_order()
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
    can_order=True,
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one <input type=file multiple> (the pattern of Django's documentation)."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "application/pdf,.pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None) -> list[UploadedFile]:  # noqa: ANN001
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class AttachmentsForm(forms.Form):
    """New PDF attachments of a record and the existing ones to remove: a law's (the default), or any family's
    `model` of attachments (strategies and explanatory materials use it too).

    Each file is checked (type by content, size, text extraction) in `clean_files`; the checked result is
    kept so saving does not read the file twice. Errors name the file they are about.
    """

    files = MultipleFileField(
        required=False,
        label=_("Attach PDF files"),
        help_text=_(
            "PDF only, at most %(mb)s MB each. If the form comes back with errors, choose the files again: "
            "browsers do not keep them."
        ),
    )
    remove = forms.ModelMultipleChoiceField(
        queryset=LawAttachment.objects.none(),
        required=False,
        label=_("Remove attached files"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, record: Any = None, model: type = LawAttachment, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.record = record
        self.model = model
        self.checked: list[tuple[UploadedFile, uploads.CheckedFile]] = []
        self.stored: list[str] = []
        self.fields["files"].help_text = self.fields["files"].help_text % {
            "mb": uploads.megabytes(settings.ATTACHMENT_MAX_BYTES)
        }
        existing = record.attachments.order_by("pk") if record is not None and record.pk else model.objects.none()
        self.fields["remove"].queryset = existing
        self.fields["remove"].label_from_instance = lambda a: a.original_name or str(a)
        if not existing.exists():
            del self.fields["remove"]

    def clean_files(self) -> list[UploadedFile]:
        files = self.cleaned_data.get("files") or []
        if len(files) > MAX_FILES_PER_SAVE:
            raise ValidationError(
                _("At most %(n)s files can be attached at a time."), code="too_many", params={"n": MAX_FILES_PER_SAVE}
            )
        errors = []
        for upload in files:
            try:
                self.checked.append((upload, uploads.check_pdf(upload)))
            except ValidationError as exc:
                name = uploads.clean_name(upload.name)
                errors.extend(
                    ValidationError(_("%(name)s: %(problem)s"), code=e.code, params={"name": name, "problem": msg})
                    for e in exc.error_list
                    for msg in e
                )
        if errors:
            raise ValidationError(errors)
        return files

    def has_work(self) -> bool:
        return bool(self.checked or self.cleaned_data.get("remove"))

    def save(self, record: Any) -> None:
        """Remove the ticked files and attach the new ones (inside the caller's transaction). Removed files
        leave storage only after commit, so a rolled-back save keeps them (Attachment.detach)."""
        for attachment in self.cleaned_data.get("remove") or []:
            attachment.detach()  # the file stays while the published record (or another row) uses it
        owner = next(f.name for f in self.model._meta.fields if f.is_relation and isinstance(record, f.related_model))
        for upload, checked in self.checked:
            attachment = uploads.apply(self.model(**{owner: record}), upload, checked)
            attachment.save()
            self.stored.append(attachment.file.name)

    def discard_stored(self) -> None:
        """The save was rolled back: the rows are gone, remove the files written for them."""
        storage = self.model._meta.get_field("file").storage
        for name in self.stored:
            storage.delete(name)
        self.stored = []


PROVISIONS_PREFIX = "provisions"
FILES_PREFIX = "attachments"


class LawSubmission:
    """The law page's forms for `editing.form_page`: the law, its provisions and its PDF attachments."""

    def __init__(
        self,
        data: Any,
        law: Law,
        countries: QuerySet[Country],
        submitting: bool = False,
        files: Any = None,
    ) -> None:
        self.submitting = submitting
        self.form = LawForm(data, instance=law, countries=countries)
        self.formset = ProvisionFormSet(data, instance=law, prefix=PROVISIONS_PREFIX)
        self.files = AttachmentsForm(data, files, record=law, prefix=FILES_PREFIX)
        self.formsets = [self.formset]
        self.extra_forms = [self.files]

    def is_valid(self) -> bool:
        valid = [self.form.is_valid(), self.formset.is_valid(), self.files.is_valid()]  # every error at once
        if self.submitting:
            record = {
                "original_language": self.form.cleaned_data.get("original_language"),
                "provisions": [] if any(self.formset.errors) else self.formset.kept_forms(),
            }
            valid.append(completeness.apply_to_form(LAW, record, self.form, {"provisions": self.formset}))
        return all(valid)

    def save(self) -> Law:
        law = self.form.save()
        self.formset.instance = law
        self.formset.save()
        self.files.save(law)
        return law

    def discard(self) -> None:
        self.files.discard_stored()

    def extra_context(self) -> dict[str, Any]:
        law = self.form.instance
        return {
            "formset": self.formset,
            "files": self.files,
            "attachments": list(law.attachments.order_by("pk")) if law.pk else [],
        }
