"""Account pages: sign-in (username or e-mail), accepting an invitation, the lockout page.

Password reset and change are Django's own views with our templates (accounts/urls.py).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model, login
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from sherloc import access

from .forms import AcceptInvitationForm, LoginForm
from .invitations import InvitationUnavailable, accept_invitation
from .models import Invitation

# The backend recorded in the session of an account signed in by accepting an invitation.
SESSION_BACKEND = "accounts.backends.UsernameOrEmailBackend"


class SignInView(LoginView):
    """The login page; `LoginForm` labels the identifier field "username or e-mail"."""

    authentication_form = LoginForm


def landing_url(user: object) -> str:
    """Where a newly created account starts: its work area, or the home page for practitioners."""
    if access.is_focal_point(user) or access.is_editor(user):
        return reverse("submissions:mine")
    if access.is_reviewer(user):
        return reverse("review:queue")
    return reverse("home")


def _unavailable(request: HttpRequest, reason: str, invitation: Invitation | None = None) -> HttpResponse:
    # 404 for a token we never issued, 410 Gone for one that was used or has expired.
    status = 404 if reason == "unknown" else 410
    return render(
        request, "accounts/invitation_unavailable.html", {"reason": reason, "invitation": invitation}, status=status
    )


@never_cache
@sensitive_post_parameters("password1", "password2")
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """GET: the form to choose a username and password; POST: create the account and sign it in."""
    invitation = Invitation.for_token(token)
    if invitation is None:
        return _unavailable(request, "unknown")
    if invitation.is_accepted:
        return _unavailable(request, "used", invitation)
    if invitation.is_expired:
        return _unavailable(request, "expired", invitation)
    user_model = get_user_model()
    form = AcceptInvitationForm(
        request.POST if request.method == "POST" else None, instance=user_model(email=invitation.email)
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = accept_invitation(invitation, form)
        except InvitationUnavailable:
            invitation.refresh_from_db()
            return _unavailable(request, "used" if invitation.is_accepted else "expired", invitation)
        login(request, user, backend=SESSION_BACKEND)
        return redirect(landing_url(user))
    return render(request, "accounts/invitation_accept.html", {"form": form, "invitation": invitation})
