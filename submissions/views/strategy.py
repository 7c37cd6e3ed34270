"""Focal point pages for strategies and for explanatory materials of laws: create, edit, withdraw.

The flow (access, draft/submit, read-only, withdraw) is `editing`'s; the forms are `forms.strategy`, with PDF
uploads (multipart) like the law form.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from strategies.models import ExplanatoryMaterial, Strategy

from ..forms.strategy import MaterialSubmission, StrategySubmission
from . import editing

STRATEGY_PAGE = editing.FormPage(
    model=Strategy,
    template="submissions/strategy_form.html",
    edit_url="submissions:strategy-edit",
    build=StrategySubmission,
    submitted_message=_("The strategy was submitted for review."),
    withdrawn_message=_("The strategy was withdrawn."),
    context_name="strategy",
    with_files=True,
)
MATERIAL_PAGE = editing.FormPage(
    model=ExplanatoryMaterial,
    template="submissions/material_form.html",
    edit_url="submissions:material-edit",
    build=MaterialSubmission,
    submitted_message=_("The explanatory material was submitted for review."),
    withdrawn_message=_("The explanatory material was withdrawn."),
    context_name="material",
    with_files=True,
)


@login_required
def strategy_create(request: HttpRequest) -> HttpResponse:
    editing.require_submitter(request.user)
    return editing.form_page(request, STRATEGY_PAGE, Strategy())


@login_required
def strategy_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return editing.form_page(request, STRATEGY_PAGE, editing.record_for(request.user, Strategy, pk))


@login_required
@require_POST
def strategy_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return editing.withdraw(request, STRATEGY_PAGE, editing.record_for(request.user, Strategy, pk))


@login_required
def material_create(request: HttpRequest) -> HttpResponse:
    editing.require_submitter(request.user)
    return editing.form_page(request, MATERIAL_PAGE, ExplanatoryMaterial())


@login_required
def material_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return editing.form_page(request, MATERIAL_PAGE, editing.record_for(request.user, ExplanatoryMaterial, pk))


@login_required
@require_POST
def material_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return editing.withdraw(request, MATERIAL_PAGE, editing.record_for(request.user, ExplanatoryMaterial, pk))
