from django import forms

from .models import ApiToken
from .scopes import Scope


class ApiTokenForm(forms.ModelForm):
    """Scopes as checkboxes instead of raw JSON."""

    scopes = forms.MultipleChoiceField(
        choices=Scope.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=ApiToken._meta.get_field("scopes").help_text,
    )

    class Meta:
        model = ApiToken
        fields = ["name", "user", "scopes", "expires_at", "revoked_at"]
