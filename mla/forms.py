"""One Django form per step of the writer (mla.steps lists them). Each saves only its own fields."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from taxonomy.models import Country

from .directory import central_authorities, offence_provisions
from .legal_basis import options_for
from .models import AssistanceMeasure, Measure, RequestDraft


def _countries() -> object:
    return Country.objects.filter(is_international=False).order_by("name")


class CountryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Country) -> str:
        from django.utils.translation import get_language

        return obj.label_in(get_language())


class AuthorityForm(forms.ModelForm):
    requesting_country = CountryChoiceField(queryset=_countries(), label=gettext_lazy("Requesting State"))

    class Meta:
        model = RequestDraft
        fields = ["title", "requesting_country", "requesting_authority", "requesting_contact"]
        labels = {
            "title": gettext_lazy("Your reference for this draft"),
            "requesting_authority": gettext_lazy("Requesting authority"),
            "requesting_contact": gettext_lazy("Officer in charge and contact details"),
        }
        help_texts = {
            "title": gettext_lazy("For you only, e.g. your case number; it names the downloaded files."),
            "requesting_authority": gettext_lazy("The authority making the request (art. 18(15)(a))."),
            "requesting_contact": gettext_lazy("Name, title, address, telephone and e-mail of the officer in charge."),
        }
        widgets = {"requesting_contact": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["requesting_country"].queryset = _countries()
        self.fields["requesting_authority"].required = True
        self.fields["requesting_contact"].required = True

    def clean_requesting_country(self) -> Country:
        country = self.cleaned_data["requesting_country"]
        if country is not None and country.pk == self.instance.requested_country_id:
            raise forms.ValidationError(_("The requesting State must differ from the requested State."))
        return country


class RequestedForm(forms.ModelForm):
    """The requested State, then its central authority from the directory. With one central authority it is
    chosen by itself; with several the practitioner picks one; without JavaScript the list follows the saved
    State (the page comes back with it after the State is saved)."""

    requested_country = CountryChoiceField(queryset=_countries(), label=gettext_lazy("Requested State"))

    class Meta:
        model = RequestDraft
        fields = ["requested_country", "requested_authority"]
        labels = {"requested_authority": gettext_lazy("Central authority for mutual legal assistance")}
        help_texts = {
            "requested_authority": gettext_lazy("Designated under art. 18(13), as listed in the directory."),
        }

    def __init__(self, *args, user: object, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["requested_country"].queryset = _countries()
        country = self.instance.requested_country
        posted = self.data.get(self.add_prefix("requested_country"))
        if posted and str(posted) != str(self.instance.requested_country_id):
            # A new State: the authority posted with it was one of the old State's (JavaScript off).
            self.data = self.data.copy()
            self.data.pop(self.add_prefix("requested_authority"), None)
            country = Country.objects.filter(pk=posted if str(posted).isdigit() else None).first()
        self.fields["requested_authority"].queryset = central_authorities(country, user)
        self.fields["requested_authority"].required = False

    def clean(self) -> dict:
        data = super().clean()
        country = data.get("requested_country")
        if country is not None and country.pk == self.instance.requesting_country_id:
            self.add_error("requested_country", _("The requested State must differ from the requesting State."))
            return data
        if country is not None and not data.get("requested_authority"):
            found = list(central_authorities(country, self.user)[:2])
            if len(found) == 1:
                data["requested_authority"] = found[0]
        return data


class LegalBasisForm(forms.ModelForm):
    class Meta:
        model = RequestDraft
        fields = ["legal_basis", "legal_basis_details"]
        labels = {
            "legal_basis": gettext_lazy("Legal basis"),
            "legal_basis_details": gettext_lazy("Protocol, treaty or assurance of reciprocity"),
        }
        help_texts = {
            "legal_basis": "",
            "legal_basis_details": gettext_lazy(
                "Which Protocol or treaty (title, date), or the assurance of reciprocity offered."
            ),
        }
        widgets = {"legal_basis": forms.RadioSelect, "legal_basis_details": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        options, self.reasons = options_for(self.instance)
        self.fields["legal_basis"].choices = options
        self.fields["legal_basis"].required = True

    def clean(self) -> dict:
        data = super().clean()
        if data.get("legal_basis") in ("protocol", "treaty") and not data.get("legal_basis_details", "").strip():
            self.add_error("legal_basis_details", _("Name the Protocol or the treaty the request relies on."))
        return data


class FactsForm(forms.ModelForm):
    class Meta:
        model = RequestDraft
        fields = ["facts", "investigation"]
        labels = {
            "facts": gettext_lazy("Summary of the facts"),
            "investigation": gettext_lazy("Investigation, prosecution or proceedings"),
        }
        help_texts = {
            "facts": gettext_lazy("Summary of the relevant facts (art. 18(15)(c))."),
            "investigation": gettext_lazy(
                "Subject matter and nature of the investigation, prosecution or proceedings, and the name and "
                "functions of the authority conducting it (art. 18(15)(b))."
            ),
        }
        widgets = {"facts": forms.Textarea(attrs={"rows": 10}), "investigation": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["facts"].required = True
        self.fields["investigation"].required = True


class OffencesForm(forms.ModelForm):
    class Meta:
        model = RequestDraft
        fields = ["offences"]
        labels = {"offences": gettext_lazy("Offence provisions of the requesting State")}
        widgets = {"offences": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        field = self.fields["offences"]
        field.queryset = offence_provisions(self.instance.requesting_country)
        field.required = True
        field.error_messages["required"] = _("Choose at least one offence provision of the requesting State.")
        field.error_messages["invalid_choice"] = _("%(value)s is not a published provision of the requesting State.")


class AssistanceForm(forms.Form):
    """A checkbox and a details box per measure of art. 18(3), and the purpose of the request."""

    purpose = forms.CharField(
        label=gettext_lazy("Purpose of the request"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("The purpose for which the evidence, information or action is sought (art. 18(15)(f))."),
    )

    def __init__(self, *args, draft: RequestDraft, **kwargs) -> None:  # noqa: ANN002, ANN003
        current = {m.measure: m.details for m in draft.measures.all()}
        kwargs.setdefault(
            "initial",
            {
                "purpose": draft.purpose,
                **{f"measure_{value}": value in current for value in Measure.values},
                **{f"details_{value}": current.get(value, "") for value in Measure.values},
            },
        )
        super().__init__(*args, **kwargs)
        self.draft = draft
        for value, label in Measure.choices:
            self.fields[f"measure_{value}"] = forms.BooleanField(required=False, label=label)
            self.fields[f"details_{value}"] = forms.CharField(
                required=False,
                label=gettext_lazy("Details"),
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"measure_{value}"], self[f"details_{value}"]) for value in Measure.values]

    def clean(self) -> dict:
        data = super().clean()
        chosen = [value for value in Measure.values if data.get(f"measure_{value}")]
        if not chosen:
            raise forms.ValidationError(_("Choose at least one measure of assistance."), code="no_measure")
        for value in chosen:
            if not data.get(f"details_{value}", "").strip():
                self.add_error(
                    f"details_{value}",
                    _("Say what is asked for under “%(measure)s”.") % {"measure": Measure(value).label},
                )
        return data

    def save(self) -> RequestDraft:
        data = self.cleaned_data
        self.draft.purpose = data["purpose"]
        self.draft.save(update_fields=["purpose", "updated_at"])
        self.draft.measures.all().delete()
        AssistanceMeasure.objects.bulk_create(
            AssistanceMeasure(draft=self.draft, measure=value, details=data[f"details_{value}"].strip())
            for value in Measure.values
            if data.get(f"measure_{value}")
        )
        return self.draft


class PersonsForm(forms.ModelForm):
    class Meta:
        model = RequestDraft
        fields = ["persons"]
        labels = {"persons": gettext_lazy("Persons concerned")}
        help_texts = {
            "persons": gettext_lazy("Identity, location and nationality of any person concerned (art. 18(15)(e))."),
        }
        widgets = {"persons": forms.Textarea(attrs={"rows": 8})}


class HandlingForm(forms.ModelForm):
    class Meta:
        model = RequestDraft
        fields = [
            "confidential",
            "confidentiality_details",
            "urgent",
            "urgency_reasons",
            "time_limit",
            "output_language",
        ]
        labels = {
            "confidential": gettext_lazy("Keep the request confidential"),
            "confidentiality_details": gettext_lazy("Confidentiality: reasons and extent"),
            "urgent": gettext_lazy("Urgent request"),
            "urgency_reasons": gettext_lazy("Reasons for urgency"),
            "time_limit": gettext_lazy("Assistance needed by"),
            "output_language": gettext_lazy("Language of the request"),
        }
        help_texts = {
            "confidential": gettext_lazy("The request and its contents are to be kept confidential (art. 18(20))."),
            "confidentiality_details": gettext_lazy("Why, and what must stay confidential."),
            "urgent": "",
            "urgency_reasons": gettext_lazy("Required when the request is urgent."),
            "time_limit": "",
            "output_language": gettext_lazy(
                "Language of the fixed text of the request and cover letter; your own text is kept as written."
            ),
        }
        widgets = {
            "confidentiality_details": forms.Textarea(attrs={"rows": 3}),
            "urgency_reasons": forms.Textarea(attrs={"rows": 3}),
            "time_limit": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self) -> dict:
        data = super().clean()
        if data.get("urgent") and not data.get("urgency_reasons", "").strip():
            self.add_error("urgency_reasons", _("Say why the request is urgent."))
        limit = data.get("time_limit")
        if limit is not None and limit < timezone.localdate():
            self.add_error("time_limit", _("The date by which assistance is needed is already past."))
        return data
