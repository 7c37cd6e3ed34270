"""Focal point pages for competent authorities: create, edit (read-only once submitted), withdraw.

The flow (access, draft/submit, read-only, withdraw) is `editing`'s; the form is `forms.authority`.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from authorities.models import CompetentAuthority

from ..forms.authority import AuthoritySubmission
from . import editing

PAGE = editing.FormPage(
    model=CompetentAuthority,
    template="submissions/authority_form.html",
    edit_url="submissions:authority-edit",
    build=AuthoritySubmission,
    submitted_message=_("The authority was submitted for review."),
    withdrawn_message=_("The authority was withdrawn."),
    context_name="authority",
)


@login_required
def authority_create(request: HttpRequest) -> HttpResponse:
    editing.require_submitter(request.user)
    return editing.form_page(request, PAGE, CompetentAuthority())


@login_required
def authority_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return editing.form_page(request, PAGE, editing.record_for(request.user, CompetentAuthority, pk))


@login_required
@require_POST
def authority_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return editing.withdraw(request, PAGE, editing.record_for(request.user, CompetentAuthority, pk))
