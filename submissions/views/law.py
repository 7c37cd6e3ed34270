"""Focal point pages: create and edit a law with its provisions, submit or withdraw it, follow "my submissions".

Access: signed in (else the login page), in the focal point or editor role (else 403), and for an existing
record, its country within the user's scope (else 403, whatever the status: drafts are not readable
either). Records not editable in their current status (submitted, in review, published...) are shown
read-only.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from legislation.models import Law

from . import editing, revisions, roles, workflow
from .editing import edit_url_name
from .editing import require_submitter as _require_submitter
from .forms import LawSubmission
from .models import Transition

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
