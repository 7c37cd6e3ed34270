"""Focal point pages: create and edit a law with its provisions, submit or withdraw it, follow "my submissions".

Access: signed in (else the login page), in the focal point or editor role (else 403), and for an existing
record, its country within the user's scope (else 403, whatever the status: drafts are not readable
either). Records not editable in their current status (submitted, in review, published...) are shown
read-only.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from legislation.models import Law

from . import diff, revisions, roles, workflow
from .editing import edit_url_name
from .editing import require_submitter as _require_submitter
from .forms import AttachmentsForm, LawForm, ProvisionFormSet
from .models import Transition

PREFIX = "provisions"
FILES_PREFIX = "attachments"


def _law_for(user, pk: int) -> Law:  # noqa: ANN001
    law = get_object_or_404(Law.objects.select_related("country"), pk=pk)
    if not roles.can_view(user, law) or not (roles.is_focal_point(user) or roles.is_editor(user)):
        raise PermissionDenied(_("This record belongs to a country outside your scope."))
    return law


@login_required
def law_create(request: HttpRequest) -> HttpResponse:
    _require_submitter(request.user)
    return _law_form(request, Law())


@login_required
def law_edit(request: HttpRequest, pk: int) -> HttpResponse:
    law = _law_for(request.user, pk)
    return _law_form(request, law)


def _law_form(request: HttpRequest, law: Law) -> HttpResponse:
    user = request.user
    editable = law.pk is None or roles.can_edit(user, law)
    countries = roles.countries_for(user)
    if request.method == "POST":
        if not editable:
            raise PermissionDenied(_("This record cannot be changed in its current status."))
        submitting = request.POST.get("action") == "submit"
        form = LawForm(request.POST, instance=law, countries=countries, submitting=submitting)
        formset = ProvisionFormSet(request.POST, instance=law, prefix=PREFIX, submitting=submitting)
        files = AttachmentsForm(request.POST, request.FILES, law=law, prefix=FILES_PREFIX)
        # Evaluate all three so every error shows at once.
        valid = [form.is_valid(), formset.is_valid(), files.is_valid()]
        if all(valid):
            created = law.pk is None
            try:
                with transaction.atomic():
                    law = form.save()
                    formset.instance = law
                    formset.save()
                    files.save(law)
                    if created:
                        workflow.record_created(law, user)
                    if submitting:
                        workflow.submit(law, user, comment=request.POST.get("note", "").strip())
            except workflow.WorkflowError as exc:
                files.discard_stored()
                if created:
                    law.pk = None
                form.add_error(None, str(exc))
            else:
                if submitting:
                    messages.success(request, _("The law was submitted for review."))
                    return redirect("submissions:mine")
                messages.success(request, _("Draft saved."))
                return redirect("submissions:law-edit", pk=law.pk)
    else:
        form = LawForm(instance=law, countries=countries)
        formset = ProvisionFormSet(instance=law, prefix=PREFIX)
        files = AttachmentsForm(law=law, prefix=FILES_PREFIX)
    if not editable:
        for f in [form, *formset.forms, files]:
            for field in f.fields.values():
                field.disabled = True
    context = {
        "law": law,
        "form": form,
        "formset": formset,
        "files": files,
        "attachments": list(law.attachments.order_by("pk")) if law.pk else [],
        "editable": editable,
        "can_withdraw": law.pk is not None
        and law.status in workflow.WITHDRAW.sources
        and workflow.may_withdraw(user, law),
        "transitions": list(workflow.history(law)) if law.pk else [],
        "latest_comment": workflow.latest_comment(law) if law.pk else None,
        "diff": diff.diff_records(law.revision_of, law) if law.revision_of_id else None,
    }
    return render(request, "submissions/law_form.html", context)


@login_required
@require_POST
def law_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    law = _law_for(request.user, pk)
    try:
        workflow.withdraw(law, request.user, comment=request.POST.get("comment", "").strip())
    except workflow.NotAllowed:
        raise
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("submissions:law-edit", pk=law.pk)
    messages.success(request, _("The law was withdrawn."))
    return redirect("submissions:mine")


EDIT_URLS = {"law": "submissions:law-edit", "case": "submissions:case-edit", "authority": "submissions:authority-edit"}


@login_required
@require_POST
def revise(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Start (or resume) an update of a published record: the focal point edits a working copy while the
    public keeps seeing the published version."""
    model = revisions.MODELS.get(kind)
    if model is None:
        raise Http404
    record = get_object_or_404(model.objects.published(), pk=pk)
    copy = revisions.start_revision(record, request.user)  # NotAllowed is a 403
    messages.info(
        request,
        _(
            "You are editing an update of the published record. The public keeps seeing the published version "
            "until a reviewer approves your update."
        ),
    )
    return redirect(EDIT_URLS[kind], pk=copy.pk)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """Records the user created or submitted through the workflow, newest activity first."""
    user = request.user
    _require_submitter(user)
    keys = Transition.objects.filter(actor=user).values_list("content_type_id", "object_id").order_by().distinct()
    by_type: dict[int, set[int]] = {}
    for ct, pk in keys:
        by_type.setdefault(ct, set()).add(pk)
    rows = []
    for ct_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(ct_id).model_class()
        if model is None:
            continue
        for record in model._default_manager.filter(pk__in=pks).select_related("country"):
            if not roles.can_view(user, record):
                continue  # the country left the user's scope
            rows.append(
                {
                    "record": record,
                    "kind": model._meta.verbose_name,
                    "edit_url": edit_url_name(record),
                    "title": getattr(record, "title", None) or getattr(record, "name", str(record)),
                    "comment": workflow.latest_comment(record),
                }
            )
    rows.sort(key=lambda r: r["record"].updated_at, reverse=True)
    return render(request, "submissions/mine.html", {"rows": rows})
