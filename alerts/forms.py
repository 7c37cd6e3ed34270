"""Forms of the saved-search pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Frequency, SavedSearch


class SaveSearchForm(forms.Form):
    """Posted by the search page: the page's query string, checked by the search service in the view."""

    query = forms.CharField(max_length=4000, required=False, widget=forms.HiddenInput)
    name = forms.CharField(max_length=200, required=False, label=_("Name"))
    frequency = forms.ChoiceField(choices=Frequency.choices, initial=Frequency.NONE, label=_("E-mail alerts"))


class SavedSearchForm(forms.ModelForm):
    """Renaming a saved search and choosing its alert, on the saved-searches page."""

    class Meta:
        model = SavedSearch
        fields = ["name", "frequency"]
        labels = {"name": _("Name"), "frequency": _("E-mail alerts")}
