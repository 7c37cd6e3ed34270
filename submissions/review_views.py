"""The secretariat review queue: pending records of every kind, and the decisions on them.

Reviewers only (403 for anyone else signed in). Every decision is a POST that calls
`submissions.workflow`; approving, returning or rejecting a record that is still `submitted` first
starts the review, so the log shows both steps.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from authorities.models import CompetentAuthority
from caselaw.models import Case
from legislation.models import Law
from sherloc.models import PublicationStatus as S
from taxonomy.models import Country

from . import roles, workflow

KINDS = {"law": Law, "case": Case, "authority": CompetentAuthority}
KIND_LABELS = {
    "law": gettext_lazy("Legislation"),
    "case": gettext_lazy("Case law"),
    "authority": gettext_lazy("Authority"),
}
PENDING = (S.SUBMITTED, S.IN_REVIEW)


def _require_reviewer(user) -> None:  # noqa: ANN001
    if not roles.is_reviewer(user):
        raise PermissionDenied(_("Only secretariat reviewers can review submissions."))


def _title(record) -> str:  # noqa: ANN001
    return getattr(record, "title", None) or getattr(record, "name", "") or str(record)


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    _require_reviewer(request.user)
    country = request.GET.get("country", "").strip().upper()
    kind = request.GET.get("type", "").strip()
    kinds = [kind] if kind in KINDS else list(KINDS)
    rows = []
    for name in kinds:
        records = KINDS[name].objects.filter(status__in=PENDING).select_related("country", "submitted_by")
        if country:
            records = records.filter(country__alpha3=country)
        for record in records:
            rows.append({"kind": name, "kind_label": KIND_LABELS[name], "record": record, "title": _title(record)})
    rows.sort(key=lambda r: (r["record"].submitted_at is None, r["record"].submitted_at or r["record"].updated_at))
    context = {
        "rows": rows,
        "country": country,
        "type": kind if kind in KINDS else "",
        "kinds": list(KIND_LABELS.items()),
        "countries": Country.objects.order_by("name"),
    }
    return render(request, "submissions/review_queue.html", context)


def _record(kind: str, pk: int):  # noqa: ANN202
    model = KINDS.get(kind)
    if model is None:
        raise Http404
    return get_object_or_404(model.objects.select_related("country", "submitted_by", "reviewed_by"), pk=pk)


@login_required
def record_detail(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    _require_reviewer(request.user)
    record = _record(kind, pk)
    context = {
        "kind": kind,
        "kind_label": KIND_LABELS[kind],
        "record": record,
        "title": _title(record),
        "provisions": list(record.provisions.order_by("order")) if kind == "law" else [],
        "transitions": list(workflow.history(record)),
        "pending": record.status in PENDING,
    }
    return render(request, "submissions/review_detail.html", context)


ACTIONS = ("start", "approve", "return", "reject", "unpublish")


@login_required
@require_POST
def decide(request: HttpRequest, kind: str, pk: int, action: str) -> HttpResponse:
    user = request.user
    _require_reviewer(user)
    if action not in ACTIONS:
        raise Http404
    record = _record(kind, pk)
    comment = request.POST.get("comment", "").strip()
    try:
        with transaction.atomic():
            if action in ("approve", "return", "reject") and record.status == S.SUBMITTED:
                workflow.start_review(record, user)
            if action == "start":
                workflow.start_review(record, user, comment)
            elif action == "approve":
                workflow.publish(record, user, comment)
            elif action == "return":
                workflow.return_to_submitter(record, user, comment)
            elif action == "reject":
                workflow.reject(record, user, comment)
            else:
                workflow.unpublish(record, user, to=request.POST.get("to", S.DRAFT), comment=comment)
    except workflow.NotAllowed:
        raise
    except workflow.WorkflowError as exc:
        record.refresh_from_db()
        messages.error(request, str(exc))
        return redirect("review:record", kind=kind, pk=pk)
    messages.success(
        request,
        _("“%(record)s” now has the status “%(status)s”.")
        % {"record": _title(record), "status": S(record.status).label},
    )
    return redirect("review:queue")
