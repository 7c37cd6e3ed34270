"""The focal point's landing page (/submit/): what can be submitted, and the way to "My submissions"."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sherloc import access

from . import roles
from .editing import require_submitter


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """One entry point to link from e-mails and the menu, so people need not know each form's URL."""
    user = request.user
    require_submitter(user)
    countries = None if access.is_editor(user) else list(roles.countries_for(user).order_by("name"))
    return render(request, "submissions/home.html", {"countries": countries})
