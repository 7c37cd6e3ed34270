"""Forms for signing in, accepting an invitation and creating one."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.utils.translation import gettext_lazy as _

from .models import Invitation
from .roles import Role

EMAIL_MAX_LENGTH = 254


class LoginForm(AuthenticationForm):
    """The stock login form, labelled for username or e-mail (accounts.backends does the lookup)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.label = _("Username or e-mail address")
        # The stock form caps the field at the username length (150); addresses may be longer.
        field.max_length = EMAIL_MAX_LENGTH
        field.widget.attrs["maxlength"] = str(EMAIL_MAX_LENGTH)
        field.widget.attrs["autocomplete"] = "username"


class AcceptInvitationForm(UserCreationForm):
    """Username and password (twice) for the invited account; Django's password validators apply.

    The view passes an unsaved user carrying the invitation's e-mail as `instance`, so the
    similarity validator also compares the password with the address.
    """

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username",)


class InvitationForm(forms.ModelForm):
    """Creating or editing an invitation (admin and page): the role decides whether countries are needed."""

    class Meta:
        model = Invitation
        fields = ("email", "role", "countries", "language", "note")

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        is_new_address = self.instance.pk is None or "email" in self.changed_data
        if is_new_address and get_user_model()._default_manager.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("An account with this e-mail address already exists: add the role to that account instead.")
            )
        # The model's one-open-invitation constraint names accepted_at, which the form excludes, so Django's
        # constraint validation skips it: check here to show a message instead of an IntegrityError.
        if Invitation.objects.filter(email=email, accepted_at__isnull=True).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("There is already an open invitation for this address: send it again from the list.")
            )
        return email

    def clean(self) -> dict:
        data = super().clean()
        role, countries = data.get("role"), data.get("countries")
        if role == Role.FOCAL_POINT and not countries:
            self.add_error("countries", _("Choose the countries this focal point submits records for."))
        if role and role != Role.FOCAL_POINT and countries:
            self.add_error("countries", _("Only focal points have countries; clear them for this role."))
        return data
