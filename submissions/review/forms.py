"""The review queue's filters, validated like any other input: a bad value is a 400 naming the field."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sherloc import access
from taxonomy.models import Country

KIND_LABELS = {
    "law": _("Legislation"),
    "case": _("Case law"),
    "authority": _("Authority"),
    "strategy": _("Strategy or policy"),
    "material": _("Explanatory material"),
    "publication": _("Bibliography entry"),
}
TYPE_CHOICES = [("", _("All types")), *KIND_LABELS.items()]
AGE_CHOICES = [
    ("", _("Any age")),
    ("1", _("Waiting more than a day")),
    ("7", _("Waiting more than a week")),
    ("30", _("Waiting more than 30 days")),
    ("90", _("Waiting more than 90 days")),
]


class QueueFilterForm(forms.Form):
    country = forms.ModelChoiceField(
        queryset=Country.objects.order_by("name"),
        to_field_name="alpha3",
        required=False,
        empty_label=_("All countries"),
        label=_("Country"),
    )
    type = forms.ChoiceField(choices=TYPE_CHOICES, required=False, label=_("Type"))
    age = forms.ChoiceField(choices=AGE_CHOICES, required=False, label=_("Age"))
    assignee = forms.ChoiceField(required=False, label=_("Assigned to"))
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)

    def __init__(self, *args, user=None, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        super().__init__(*args, **kwargs)
        reviewers = (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(groups__name=access.REVIEWERS))
            .distinct()
            .order_by("username")
        )
        self.fields["assignee"].choices = [
            ("", _("Anyone or no one")),
            ("me", _("Me")),
            ("none", _("Not assigned")),
            *[(str(u.pk), u.get_username()) for u in reviewers],
        ]
