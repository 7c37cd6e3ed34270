"""The page flow every focal-point record form shares: access, save draft / submit, read-only, withdraw.

Written once here so cases and authorities (and, after the revision work, laws) behave the same:
- signed in (else the login page), focal point or editor (else 403); an existing record must belong to
  the user's countries (else 403, whatever its status: other countries' drafts are not readable either);
- "Save draft" saves and logs the creation (`workflow.record_created`); "Submit for review" validates
  fully, saves and calls `workflow.submit` in the same transaction, so a failed transition saves nothing;
- a record the user may not change in its status is rendered read-only (all fields disabled) and a POST
  to it is a 403;
- validation errors re-render the page with everything typed (bound forms), nothing is lost.

A page is described by a `FormPage`: its model, template, URL names, messages and a `build` callable
returning a *submission* object with `form`, `formsets`, `is_valid()` and `save()`; optionally
`extra_forms` (rendered read-only with the rest), `discard()` (undo side effects such as stored files when
the transaction fails) and `extra_context()`. A pending revision of a published record gets the diff
against the published version in the context.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import QuerySet
from django.forms import BaseFormSet, ModelForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from sherloc import access
from taxonomy.models import Country

from .. import diff, record_access, workflow
from ..forms.common import disable_all


class Submission(Protocol):
    """A record's form and its formsets, validated and saved together."""

    form: ModelForm
    formsets: Any

    def is_valid(self) -> bool: ...

    def save(self) -> models.Model: ...


Builder = Callable[[Any, models.Model, QuerySet[Country], bool], Submission]


@dataclass(frozen=True)
class FormPage:
    model: type[models.Model]
    template: str
    edit_url: str  # URL name taking the record's pk
    build: Builder  # (data or None, record, countries, submitting) -> Submission
    submitted_message: str
    withdrawn_message: str
    context_name: str  # the record's name in the template ("case", "authority")
    with_files: bool = False  # the builder also takes the uploaded files (multipart form)


def require_submitter(user: Any) -> None:
    if not (access.is_focal_point(user) or access.is_editor(user)):
        raise PermissionDenied(_("Only national focal points and secretariat editors can submit records."))


def record_for(user: Any, model: type[models.Model], pk: int) -> models.Model:
    """The record, if the user may work on it through the submission pages (404 if missing, else 403)."""
    record = get_object_or_404(model._default_manager.select_related("country"), pk=pk)
    if not record_access.can_view(user, record) or not (access.is_focal_point(user) or access.is_editor(user)):
        raise PermissionDenied(_("This record belongs to a country outside your scope."))
    return record


def form_page(request: HttpRequest, page: FormPage, record: models.Model) -> HttpResponse:
    """GET renders the form (read-only when the record is not editable now); POST saves a draft or submits."""
    user = request.user
    editable = record.pk is None or record_access.can_edit(user, record)
    countries = record_access.countries_for(user)
    if request.method == "POST":
        if not editable:
            raise PermissionDenied(_("This record cannot be changed in its current status."))
        submitting = request.POST.get("action") == "submit"
        submission = _build(page, request, record, countries, submitting)
        if submission.is_valid():
            created = record.pk is None
            try:
                with transaction.atomic():
                    record = submission.save()
                    if created:
                        workflow.record_created(record, user)
                    if submitting:
                        workflow.submit(record, user, comment=request.POST.get("note", "").strip())
            except workflow.WorkflowError as exc:
                if hasattr(submission, "discard"):
                    submission.discard()
                if created:
                    record.pk = None
                    record._state.adding = True
                submission.form.add_error(None, str(exc))
            else:
                if submitting:
                    messages.success(request, page.submitted_message)
                    return redirect("submissions:mine")
                messages.success(request, _("Draft saved."))
                return redirect(page.edit_url, pk=record.pk)
    else:
        submission = _build(page, None, record, countries, False)
    formsets = list(submission.formsets)
    extra_forms = list(getattr(submission, "extra_forms", ()))
    if not editable:
        disable_all(submission.form, *(form for formset in formsets for form in formset.forms), *extra_forms)
    context = {
        page.context_name: record,
        "record": record,
        "form": submission.form,
        "submission": submission,
        "has_errors": bool(submission.form.errors)
        or any(_formset_errors(fs) for fs in formsets)
        or any(f.errors for f in extra_forms),
        "formset_errors": [error for fs in formsets for error in fs.non_form_errors()],
        "editable": editable,
        "can_withdraw": record.pk is not None
        and record.status in workflow.WITHDRAW.sources
        and workflow.may_withdraw(user, record),
        "transitions": list(workflow.history(record)) if record.pk else [],
        "latest_comment": workflow.latest_comment(record) if record.pk else None,
        "diff": diff.diff_records(record.revision_of, record) if record.revision_of_id else None,
    }
    if hasattr(submission, "extra_context"):
        context.update(submission.extra_context())
    return render(request, page.template, context)


def _build(
    page: FormPage, request: HttpRequest | None, record: models.Model, countries: QuerySet[Country], submitting: bool
) -> Submission:
    data = request.POST if request is not None else None
    if page.with_files:
        return page.build(data, record, countries, submitting, request.FILES if request is not None else None)
    return page.build(data, record, countries, submitting)


def _formset_errors(formset: BaseFormSet) -> bool:
    return formset.is_bound and bool(formset.total_error_count())


def withdraw(request: HttpRequest, page: FormPage, record: models.Model) -> HttpResponse:
    """POST: the submitter withdraws the record (a role refusal is a 403, a wrong status a message)."""
    try:
        workflow.withdraw(record, request.user, comment=request.POST.get("comment", "").strip())
    except workflow.NotAllowed:
        raise
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect(page.edit_url, pk=record.pk)
    messages.success(request, page.withdrawn_message)
    return redirect("submissions:mine")


def edit_url_name(record: models.Model) -> str | None:
    """The URL name of the page that edits this record, for lists such as "My submissions": by convention
    `submissions:<record_kind>-edit` (each family's form page registers that name); None without one."""
    kind = getattr(record, "record_kind", None)
    if kind is None:
        return None
    name = f"submissions:{kind}-edit"
    try:
        reverse(name, kwargs={"pk": 1})
    except NoReverseMatch:
        return None
    return name
