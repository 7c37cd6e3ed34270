"""Focal point pages for laws: create and edit a law with its provisions, submit or withdraw it.

Access: signed in (else the login page), in the focal point or editor role (else 403), and for an existing
record, its country within the user's scope (else 403, whatever the status: drafts are not readable
either). Records not editable in their current status (submitted, in review, published...) are shown
read-only.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from legislation.models import Law

from ..forms.law import LawSubmission
from . import editing

PAGE = editing.FormPage(
    model=Law,
    template="submissions/law_form.html",
    edit_url="submissions:law-edit",
    build=LawSubmission,
    submitted_message=gettext_lazy("The law was submitted for review."),
    withdrawn_message=gettext_lazy("The law was withdrawn."),
    context_name="law",
    with_files=True,
)


@login_required
def law_create(request: HttpRequest) -> HttpResponse:
    editing.require_submitter(request.user)
    return editing.form_page(request, PAGE, Law())


@login_required
def law_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return editing.form_page(request, PAGE, editing.record_for(request.user, Law, pk))


@login_required
@require_POST
def law_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return editing.withdraw(request, PAGE, editing.record_for(request.user, Law, pk))
