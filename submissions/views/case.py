"""Focal point pages for cases: create, edit (read-only once submitted), withdraw.

The flow (access, draft/submit, read-only, withdraw) is `editing`'s; the form is `forms.case`.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from caselaw.models import Case

from ..forms.case import CaseSubmission
from . import editing

PAGE = editing.FormPage(
    model=Case,
    template="submissions/case_form.html",
    edit_url="submissions:case-edit",
    build=CaseSubmission,
    submitted_message=_("The case was submitted for review."),
    withdrawn_message=_("The case was withdrawn."),
    context_name="case",
)


@login_required
def case_create(request: HttpRequest) -> HttpResponse:
    editing.require_submitter(request.user)
    return editing.form_page(request, PAGE, Case())


@login_required
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return editing.form_page(request, PAGE, editing.record_for(request.user, Case, pk))


@login_required
@require_POST
def case_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return editing.withdraw(request, PAGE, editing.record_for(request.user, Case, pk))
