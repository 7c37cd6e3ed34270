"""The focal point's case form: the case's fields, its people and its charges, edited on one page.

Two buttons, two levels of validation (as the law form):
- "Save draft": a title and a country (the database needs them); filled-in people and charges must be
  valid; empty extra rows are ignored.
- "Submit": also the original language, the summary of the facts and at least one defendant (the rules
  live in `submissions/completeness.py`, shared with the API; `CaseSubmission.is_valid` applies them).
  The court, the decision date and the procedural stage are never required: real records often lack them,
  and an invented placeholder would be shown as fact.

Court: pick a court of the case's country, name a new one (its level if known; it is created with the
case), or leave both empty when the record does not say. Decision date: "2018", "2018-03" or
"2018-03-15" (`caselaw.dates`), or empty. Portal number: generated on the first save
(`caselaw.numbering`), never typed.

People: the order is the row position; the database's rules (victims by initials only, group size only
for groups, age up to 120) are checked here first so they show next to the field, never as an error page.

Charges reference a person **by row number** in the people table of the same page ("Person 2"), so a
charge can name a defendant typed in the same submission, before anyone has a database id. Row numbers
are the positions on the page as posted (rows marked for deletion keep their number until the save);
after a save the people are renumbered and the charges follow them, as they point at the saved rows.
A charge whose row is empty, deleted or not a defendant is a field error on the charge.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.db import transaction
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from caselaw.dates import iso_partial, parse_partial_date
from caselaw.models import (
    Case,
    CaseArticle,
    Charge,
    Court,
    CourtLevel,
    Gender,
    Person,
    PersonKind,
    PersonRole,
    Verdict,
)
from caselaw.numbering import save_with_number
from caselaw.rules import validate_decision_date
from interchange.jsonl_format import CASE
from legislation.models import Provision
from sherloc import richtext
from sherloc.admin import StringListField
from sherloc.models import PublicationStatus
from taxonomy.models import Country, CrimeType
from taxonomy.tagging import subtype_tag_errors

from .. import completeness
from . import common

RICH_FIELDS = ("fact_summary", "commentary", "legal_reasoning")
# Same rule as the database constraint person_victim_initials_only (and the importer's validation).
VICTIM_INITIALS = re.compile(r"^([A-Z][a-z]?\.\s?){1,4}$")
MAX_AGE = 120


class CourtChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Court) -> str:
        return f"{obj.name} ({obj.country.alpha3})"


class CaseForm(forms.ModelForm):
    court = CourtChoiceField(
        queryset=Court.objects.none(),
        required=False,
        label=_("Court"),
        help_text=_("A court of the case's country. Not listed? Name it below. Leave empty if not recorded."),
    )
    new_court_name = forms.CharField(
        max_length=255, required=False, label=_("New court"), help_text=_("Name of the court, if it is not listed.")
    )
    new_court_level = forms.ChoiceField(
        choices=[("", "---------"), *CourtLevel.choices], required=False, label=_("Level of the new court")
    )
    decision_date = forms.CharField(
        max_length=10,
        required=False,
        label=_("Decision date"),
        help_text=_("YYYY-MM-DD, or YYYY-MM or YYYY when only the month or the year is known. Empty if unknown."),
        widget=forms.TextInput(attrs={"placeholder": "YYYY-MM-DD", "inputmode": "numeric"}),
    )
    articles = common.articles_field(_("Articles the decision applies (hold Ctrl or Cmd to pick several)."))
    crime_types = common.crime_types_field()
    crime_subtypes = common.crime_subtypes_field()
    issues = common.issues_field()
    keywords = StringListField(separator="\n", label=_("Keywords"), help_text=_("One keyword per line."))

    class Meta:
        model = Case
        fields = [
            "country",
            "title",
            "source_number",
            "source_url",
            "court",
            "decision_date",
            "case_number",
            "procedural_stage",
            "original_language",
            "keywords",
            "fact_summary",
            "commentary",
            "legal_reasoning",
            "sentence",
        ]
        widgets = {
            "fact_summary": forms.Textarea(attrs={"rows": 6}),
            "commentary": forms.Textarea(attrs={"rows": 4}),
            "legal_reasoning": forms.Textarea(attrs={"rows": 4}),
            "sentence": forms.Textarea(attrs={"rows": 3}),
        }

    field_order = [
        "country",
        "title",
        "source_number",
        "source_url",
        "court",
        "new_court_name",
        "new_court_level",
        "decision_date",
        "case_number",
        "procedural_stage",
        "original_language",
        "articles",
        "crime_types",
        "crime_subtypes",
        "issues",
        "keywords",
    ]

    def __init__(self, *args: Any, countries: QuerySet[Country], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.previous_country_id = self.instance.country_id
        self.fields["country"].queryset = countries.order_by("name")
        if self.instance.revision_of_id:
            self.fields["country"].disabled = True  # an update stays with its record's country
        self.fields["court"].queryset = (
            Court.objects.filter(country__in=countries).select_related("country").order_by("country__name", "name")
        )
        self.fields["original_language"].required = False
        self.fields["original_language"].queryset = common.languages()
        if self.instance.decision_date:
            self.initial["decision_date"] = iso_partial(
                self.instance.decision_date, self.instance.decision_date_precision
            )
        if self.instance.pk:
            self.initial.setdefault("articles", common.initial_article_codes(self.instance))
            self.initial.setdefault("crime_types", common.initial_codes(self.instance.crime_types))
            self.initial.setdefault("crime_subtypes", common.initial_codes(self.instance.crime_subtypes))
            self.initial.setdefault("issues", common.initial_codes(self.instance.issues))

    def clean_decision_date(self) -> dt.date | None:
        """A full or partial date (caselaw.dates); its precision goes onto the instance with it."""
        try:
            value, precision = parse_partial_date(self.cleaned_data.get("decision_date"))
        except ValueError:
            raise forms.ValidationError(
                _("Enter the date as YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2018-03-15, 2018-03 or 2018)."),
                code="invalid",
            ) from None
        validate_decision_date(value)  # the database's limit (caselaw.rules)
        self.instance.decision_date_precision = precision
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name in RICH_FIELDS:
            if data.get(name):
                data[name] = richtext.clean(data[name])  # stored safe, whatever was pasted
        self._clean_court(data)
        self._clean_subtypes(data)
        return data

    def _clean_subtypes(self, data: dict[str, Any]) -> None:
        """A sub-type needs its crime type: the importer's rule (records/validation.py), so that what the
        form saves always exports and imports again, and the two search facets agree."""
        for message in subtype_tag_errors(data.get("crime_subtypes"), data.get("crime_types")):
            self.add_error("crime_subtypes", message)

    def _post_clean(self) -> None:
        super()._post_clean()
        if self.instance.original_language_id is None:  # a draft may leave it empty; the model needs one
            self.instance.original_language = common.default_language()

    def _clean_court(self, data: dict[str, Any]) -> None:
        """A listed court of the case's country, or a new court named with its level (created on save)."""
        self.new_court = None
        if "court" in self.errors:
            return
        court, name, level = data.get("court"), (data.get("new_court_name") or "").strip(), data.get("new_court_level")
        country = data.get("country")
        if court and name:
            self.add_error("new_court_name", _("Choose a listed court or name a new one, not both."))
        elif court:
            if country is not None and court.country_id != country.pk:
                self.add_error("court", _("This court belongs to another country than the case."))
        elif name:
            if country is not None:
                self.new_court = Court(country=country, name=name, level=level or "")
        # Neither: the record does not say which court decided; the case is saved without one.

    def save(self, commit: bool = True) -> Case:
        """Create a named court (or reuse the country's court of that name), number the case, save its tags."""
        case = super().save(commit=False)
        if self.new_court is not None:
            new = self.new_court
            case.court, _created = Court.objects.get_or_create(
                country=new.country, name=new.name, defaults={"level": new.level}
            )
        save_with_number(case, self.previous_country_id)
        data = self.cleaned_data
        common.save_article_tags(case, CaseArticle, "case", data.get("articles") or [])
        case.crime_types.set(data.get("crime_types") or [])
        case.crime_subtypes.set(data.get("crime_subtypes") or [])
        case.issues.set(data.get("issues") or [])
        return case


# --------------------------------------------------------------------------- people


class RowForm(forms.ModelForm):
    """A row of a table of people or charges.

    Selects with a default (kind, gender, verdict) always post a value, so a new row holding only those
    defaults, or nothing at all, is an empty row: ignored, not "name required". Missing ones get the default.
    """

    defaults: dict[str, str] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.defaults:
            self.fields[name].required = False

    def has_changed(self) -> bool:
        if self.instance.pk:
            return super().has_changed()
        return any(name not in self.defaults for name in self.changed_data)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name, value in self.defaults.items():
            if name not in self.errors and not data.get(name):
                data[name] = value
        return data


class PersonForm(RowForm):
    age_at_offence = forms.IntegerField(
        min_value=0, max_value=MAX_AGE, required=False, label=_("Age at the offence"), help_text=_("Years.")
    )

    class Meta:
        model = Person
        fields = ["role", "kind", "name", "gender", "age_at_offence", "nationality", "group_size"]
        help_texts = {
            "name": _("Victims by initials only, e.g. “M.R.”."),
            "group_size": _("Number of people, only for a group."),
        }

    defaults = {"kind": PersonKind.PERSON, "gender": Gender.UNKNOWN}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nationality"].queryset = Country.objects.order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        name = (data.get("name") or "").strip()
        if data.get("role") == PersonRole.VICTIM and name and not VICTIM_INITIALS.fullmatch(name):
            self.add_error("name", _("Victims appear by initials only, e.g. “M.R.” (one to four initials)."))
        if data.get("group_size") is not None and data.get("kind") != PersonKind.GROUP:
            self.add_error("group_size", _("Only a group has a group size; choose the kind “Group” or clear it."))
        return data


class BasePersonFormSet(common.BoundedRowsMixin, common.KeptFormsMixin, BaseInlineFormSet):
    def get_queryset(self) -> QuerySet[Person]:
        return super().get_queryset().order_by("order", "pk")

    def kept_rows(self) -> dict[int, PersonForm]:
        """Kept forms by their row number on the page (1-based), the numbers charges refer to."""
        kept = {id(form) for form in self.kept_forms()}
        return {row: form for row, form in enumerate(self.forms, start=1) if id(form) in kept}

    def row_choices(self) -> list[tuple[str, str]]:
        """Choices for a charge's defendant: every row of the people table, labelled with what it holds now."""
        choices = [("", "---------")]
        for row, form in enumerate(self.forms, start=1):
            name = form.data.get(form.add_prefix("name"), "") if form.is_bound else form.initial.get("name", "")
            name = (name or "").strip() or _("(empty row)")
            choices.append((str(row), _("Person %(row)s: %(name)s") % {"row": row, "name": name}))
        return choices

    def row_of(self, person_id: int) -> int | None:
        for row, form in enumerate(self.forms, start=1):
            if form.instance.pk == person_id:
                return row
        return None

    @transaction.atomic
    def save(self, commit: bool = True) -> dict[int, Person]:
        """Save the kept rows in page order; returns the saved people by their row number on the page."""
        case = self.instance
        for form in self.deleted_forms:
            if form.instance.pk:
                form.instance.delete()
        saved = {}
        for position, (row, form) in enumerate(self.kept_rows().items(), start=1):
            person = form.save(commit=False)
            person.case = case
            person.order = position
            person.save()
            saved[row] = person
        return saved


PersonFormSet = inlineformset_factory(
    Case, Person, form=PersonForm, formset=BasePersonFormSet, extra=2, can_delete=True
)


# --------------------------------------------------------------------------- charges


class ProvisionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Provision) -> str:
        title = obj.law.title if len(obj.law.title) <= 80 else obj.law.title[:79] + "…"
        return f"{title} – {obj.label}"


def provisions_of(country: Country | None) -> QuerySet[Provision]:
    """Provisions a charge may link: those of the country's published laws (the public provision records)."""
    if country is None:
        return Provision.objects.none()
    return (
        Provision.objects.filter(
            law__country=country, law__status=PublicationStatus.PUBLISHED, law__revision_of__isnull=True
        )
        .select_related("law")
        .order_by("law__title", "order")
    )


class ChargeForm(RowForm):
    defendant_row = forms.TypedChoiceField(
        coerce=int,
        choices=(),
        label=_("Defendant"),
        help_text=_("The row of the defendant in the people table above."),
    )
    provision = ProvisionChoiceField(
        queryset=Provision.objects.none(),
        required=False,
        label=_("Provision on the portal"),
        help_text=_("The portal's record of the provision charged, when it exists (published laws of the country)."),
    )

    crime_type = forms.ModelChoiceField(
        queryset=CrimeType.objects.order_by("sort_order", "code"),
        to_field_name="code",
        required=False,
        label=_("Crime type"),
    )

    class Meta:
        model = Charge
        fields = ["defendant_row", "statute", "provision", "crime_type", "verdict", "sentence", "sentence_months"]

    defaults = {"verdict": Verdict.PENDING}

    def __init__(
        self,
        *args: Any,
        row_choices: list[tuple[str, str]] | None = None,
        provisions: QuerySet[Provision] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["defendant_row"].choices = row_choices or [("", "---------")]
        self.fields["provision"].queryset = provisions if provisions is not None else Provision.objects.none()


class BaseChargeFormSet(common.BoundedRowsMixin, common.KeptFormsMixin, BaseInlineFormSet):
    def __init__(
        self,
        *args: Any,
        people: BasePersonFormSet,
        provisions: QuerySet[Provision] | None = None,
        **kwargs: Any,
    ) -> None:
        self.people = people
        self.provisions = provisions
        super().__init__(*args, **kwargs)

    def get_queryset(self) -> QuerySet[Charge]:
        return super().get_queryset().select_related("defendant").order_by("defendant__order", "pk")

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        kwargs = super().get_form_kwargs(index)
        if not hasattr(self, "_row_choices"):
            self._row_choices = self.people.row_choices()
        kwargs["row_choices"] = self._row_choices
        kwargs["provisions"] = self.provisions
        return kwargs

    def _construct_form(self, i: int, **kwargs: Any) -> ChargeForm:
        form = super()._construct_form(i, **kwargs)
        if form.instance.pk and form.instance.defendant_id:
            form.initial.setdefault("defendant_row", self.people.row_of(form.instance.defendant_id))
        return form

    def check_defendants(self) -> None:
        """Cross-check with the people formset (both valid): each charge names a kept defendant row."""
        people = self.people.kept_rows()
        for form in self.kept_forms():
            row = form.cleaned_data.get("defendant_row")
            if row is None:
                continue
            person = people.get(row)
            if person is None:
                form.add_error("defendant_row", _("Person %(row)s is empty or marked for deletion.") % {"row": row})
            elif person.cleaned_data.get("role") != PersonRole.DEFENDANT:
                form.add_error(
                    "defendant_row", _("Only defendants are charged: person %(row)s is not a defendant.") % {"row": row}
                )

    @transaction.atomic
    def save_with(self, people: dict[int, Person]) -> list[Charge]:
        """Save the kept charges against the people just saved (by row number)."""
        case = self.instance
        for form in self.deleted_forms:
            if form.instance.pk:
                form.instance.delete()
        saved = []
        for form in self.kept_forms():
            charge = form.save(commit=False)
            charge.case = case
            charge.defendant = people[form.cleaned_data["defendant_row"]]
            charge.save()
            saved.append(charge)
        return saved


ChargeFormSet = inlineformset_factory(
    Case, Charge, form=ChargeForm, formset=BaseChargeFormSet, extra=2, can_delete=True
)


# --------------------------------------------------------------------------- the whole page


class CaseSubmission:
    """The case form and its two formsets, validated and saved together (charges need the people's rows)."""

    PEOPLE = "people"
    CHARGES = "charges"

    def __init__(
        self,
        data: Any,
        case: Case,
        countries: QuerySet[Country],
        submitting: bool = False,
    ) -> None:
        self.submitting = submitting
        self.form = CaseForm(data, instance=case, countries=countries)
        self.people = PersonFormSet(data, instance=case, prefix=self.PEOPLE)
        country = self._country(data, case, countries)
        self.charges = ChargeFormSet(
            data, instance=case, prefix=self.CHARGES, people=self.people, provisions=provisions_of(country)
        )

    @staticmethod
    def _country(data: Any, case: Case, countries: QuerySet[Country]) -> Country | None:
        """The case's country for the provision choices: as posted (if allowed), as saved, or the user's only one."""
        if data is not None and str(data.get("country", "")).isdigit():
            posted = countries.filter(pk=int(data["country"])).first()
            if posted is not None:
                return posted
        if case.country_id:
            return case.country
        only = list(countries[:2])
        return only[0] if len(only) == 1 else None

    @property
    def formsets(self) -> list[BaseInlineFormSet]:
        return [self.people, self.charges]

    def is_valid(self) -> bool:
        valid = all([self.form.is_valid(), self.people.is_valid(), self.charges.is_valid()])
        if self.submitting:
            data = self.form.cleaned_data
            people = [] if any(self.people.errors) else self.people.kept_forms()
            record = {
                "original_language": data.get("original_language"),
                "fact_summary": data.get("fact_summary"),
                "people": [{"role": form.cleaned_data.get("role")} for form in people],
            }
            valid = completeness.apply_to_form(CASE, record, self.form, {"people": self.people}) and valid
        if valid:
            self.charges.check_defendants()  # adds field errors to the charge rows
            valid = self.charges.is_valid()
        return valid

    def save(self) -> Case:
        case = self.form.save()
        self.people.instance = case
        self.charges.instance = case
        people = self.people.save()
        self.charges.save_with(people)
        return case
