"""Pieces shared by the focal-point forms for cases and authorities (the law form predates them).

Tags are picked by vocabulary code, like everywhere else in the portal (URLs, API, import files), so a
form's HTML and its tests never depend on database ids. Article tags are stored through a model with a
paragraph; the forms pick articles only, and an edit keeps the paragraphs of the articles still chosen
(an editor may have tagged "UNTOC-18 para. 13" in the admin; a focal point's edit must not flatten it).
"""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT, ManagementForm
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from taxonomy import registry
from taxonomy.models import Article, CrimeSubType, CrimeType, Issue, Language

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def code_choice_field(queryset: models.QuerySet, label: str, help_text: str = "") -> forms.ModelMultipleChoiceField:
    """A plain multi-select whose option values are the terms' codes."""
    return forms.ModelMultipleChoiceField(
        queryset=queryset,
        to_field_name="code",
        required=False,
        label=label,
        help_text=help_text,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )


def articles_field(help_text: str = "") -> forms.ModelMultipleChoiceField:
    return code_choice_field(
        Article.objects.select_related("instrument").order_by("instrument__sort_order", "number"),
        _("Convention and Protocol articles"),
        help_text or _("Hold Ctrl or Cmd to pick several."),
    )


def crime_types_field() -> forms.ModelMultipleChoiceField:
    return code_choice_field(CrimeType.objects.order_by("sort_order", "code"), _("Crime types"))


class SubTypeChoiceField(forms.ModelMultipleChoiceField):
    """Sub-type labels repeat across crime types ("Force" for several), so each option names its crime type
    and its family: "Trafficking in persons › Means: Deception", in the reader's language."""

    def label_from_instance(self, obj: CrimeSubType) -> str:
        return f"{obj.crime_type.label_in()} › {registry.subtype_label(obj.code, get_language())}"


def crime_subtypes_field() -> forms.ModelMultipleChoiceField:
    return SubTypeChoiceField(
        queryset=CrimeSubType.objects.select_related("crime_type").order_by(
            "crime_type__sort_order", "facet", "sort_order"
        ),
        to_field_name="code",
        required=False,
        label=_("Crime sub-types"),
        help_text=_("Acts, means, purposes and forms of the chosen crime types."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )


def issues_field() -> forms.ModelMultipleChoiceField:
    return code_choice_field(Issue.objects.order_by("code"), _("Cross-cutting issues"))


def languages() -> models.QuerySet[Language]:
    return Language.objects.order_by("sort_order", "code")


def default_language() -> Language | None:
    """Drafts may leave the original language empty; the model needs one, so assume English until told."""
    return Language.objects.filter(code="en").first()


def initial_codes(manager: models.Manager) -> list[str]:
    return [term.code for term in manager.all()]


def initial_article_codes(record: models.Model) -> list[str]:
    return sorted({tag.article.code for tag in record.article_tags.select_related("article")})


def save_article_tags(record: models.Model, through: type[models.Model], fk: str, chosen: Iterable[Article]) -> None:
    """Make the record's article tags match `chosen`, keeping existing (paragraph-level) tags of chosen articles."""
    wanted = {article.pk: article for article in chosen}
    record.article_tags.exclude(article_id__in=wanted).delete()
    present = set(record.article_tags.values_list("article_id", flat=True))
    for pk, article in wanted.items():
        if pk not in present:
            through.objects.create(**{fk: record}, article=article)  # one by one: save signals fire


def disable_all(*forms_: forms.Form) -> None:
    """Read-only rendering: every field disabled (and its posted value ignored)."""
    for form in forms_:
        for field in form.fields.values():
            field.disabled = True


class KeptFormsMixin:
    """Rows that will be saved, in page order: not marked for deletion and, for extra rows, filled in."""

    def kept_forms(self) -> list[forms.ModelForm]:
        kept = []
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form):
                continue
            if not form.instance.pk and not form.has_changed():
                continue
            kept.append(form)
        return kept


class RowCountForm(ManagementForm):
    """A formset's hidden row counts, checked: whole numbers from 0 to the formset's bound, and no more
    initial (existing) rows than rows. Django's own management form takes any integer: -1 builds no rows
    at all (what was typed is silently dropped) and a huge count builds thousands of forms."""

    def __init__(self, *args: object, max_rows: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for name in (TOTAL_FORM_COUNT, INITIAL_FORM_COUNT):
            self.fields[name].validators = [MinValueValidator(0), MaxValueValidator(max_rows)]

    def clean(self) -> dict:
        data = super().clean()
        if INITIAL_FORM_COUNT not in self.errors and TOTAL_FORM_COUNT not in self.errors:
            if data[INITIAL_FORM_COUNT] > data[TOTAL_FORM_COUNT]:
                self.add_error(INITIAL_FORM_COUNT, "more initial rows than rows")
                data[INITIAL_FORM_COUNT] = 0
        if self.errors:
            data[TOTAL_FORM_COUNT] = data[INITIAL_FORM_COUNT] = 0  # build no rows from counts we cannot trust
        return data


class BoundedRowsMixin:
    """Bounds a submission formset's rows: at most `settings.SUBMISSION_MAX_ROWS`, or the rows the record
    already has when it has more (an imported law with many provisions stays editable).

    A posted row count that is not a whole number between 0 and that bound (or claims more existing rows
    than rows) is a non-form error on the formset and no row is built from it: nothing is saved and nothing
    is silently dropped. The bound also caps the forms Django builds (`absolute_max`), so a forged
    TOTAL_FORMS costs nothing.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.validate_max = True
        existing = self.get_queryset().count() if getattr(self.instance, "pk", None) else 0
        self.max_num = self.absolute_max = max(settings.SUBMISSION_MAX_ROWS, existing)
        self.error_messages["missing_management_form"] = gettext(
            "The number of rows sent with this form is missing or invalid (at most %(max)s rows per list). "
            "Nothing was saved: reload the page and try again."
        ) % {"max": self.max_num}

    @cached_property
    def management_form(self) -> ManagementForm:
        if not self.is_bound:
            return super().management_form
        form = RowCountForm(
            self.data, auto_id=self.auto_id, prefix=self.prefix, renderer=self.renderer, max_rows=self.absolute_max
        )
        form.full_clean()
        return form
