"""The secretariat review queue: pending records of every kind, and the decisions on them.

Reviewers only (403 for anyone else signed in). Every decision is a POST that calls
`submissions.workflow`; approving, returning or rejecting a record that is still `submitted` first
starts the review, so the log shows both steps.
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from interchange.jsonl_format import SUBMITTABLE_MODELS
from sherloc import access
from sherloc.models import PublicationStatus

from .. import diff, duplicates, revisions, snapshots, workflow
from .forms import KIND_LABELS, QueueFilterForm

KINDS = SUBMITTABLE_MODELS  # the families focal points submit: law, case, authority, strategy, material
PENDING = (PublicationStatus.SUBMITTED, PublicationStatus.IN_REVIEW)


def _require_reviewer(user) -> None:  # noqa: ANN001
    if not access.is_reviewer(user):
        raise PermissionDenied(_("Only secretariat reviewers can review submissions."))


def _title(record) -> str:  # noqa: ANN001
    return getattr(record, "title", None) or getattr(record, "name", "") or str(record)


QUEUE_PAGE_SIZE = 50


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    """Oldest submissions first, 50 a page; possible duplicates are looked up for the rows shown only."""
    _require_reviewer(request.user)
    form = QueueFilterForm(request.GET, user=request.user)
    rows: list[dict] = []
    page = None
    status = 400
    if form.is_valid():
        paginator = Paginator(_queue_rows(form.cleaned_data, request.user), QUEUE_PAGE_SIZE)
        number = form.cleaned_data.get("page") or 1
        if number > paginator.num_pages:
            form.add_error("page", _("There are only %(n)d pages.") % {"n": paginator.num_pages})
        else:
            page = paginator.page(number)
            rows = list(page.object_list)
            for row in rows:
                row["duplicates"] = duplicates.possible_duplicates(row["record"])
            status = 200
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "rows": rows,
        "page": page,
        "filter_query": params.urlencode(),
    }
    return render(request, "submissions/review_queue.html", context, status=status)


def _queue_rows(filters: dict, user) -> list[dict]:  # noqa: ANN001
    kind = filters.get("type")
    kinds = [kind] if kind else list(KINDS)
    rows = []
    for name in kinds:
        model = KINDS[name]
        records = model.objects.filter(status__in=PENDING).select_related(
            *_placed(model), "submitted_by", "assigned_to", "revision_of"
        )
        if filters.get("country"):
            # a family without a country of its own (the bibliography) is found by the countries it covers
            where = "country" if _placed(model) else "countries"
            records = records.filter(**{where: filters["country"]}).distinct()
        age = filters.get("age")
        if age:
            records = records.filter(submitted_at__lte=timezone.now() - timedelta(days=int(age)))
        assignee = filters.get("assignee")
        if assignee == "me":
            records = records.filter(assigned_to=user)
        elif assignee == "none":
            records = records.filter(assigned_to__isnull=True)
        elif assignee:
            records = records.filter(assigned_to_id=int(assignee))
        for record in records:
            rows.append(
                {
                    "kind": name,
                    "kind_label": KIND_LABELS[name],
                    "record": record,
                    "title": _title(record),
                }
            )
    rows.sort(key=lambda r: (r["record"].submitted_at is None, r["record"].submitted_at or r["record"].updated_at))
    return rows


def _record(kind: str, pk: int):  # noqa: ANN202
    model = KINDS.get(kind)
    if model is None:
        raise Http404
    return get_object_or_404(model.objects.select_related(*_placed(model), "submitted_by", "reviewed_by"), pk=pk)


def _placed(model: type) -> tuple[str, ...]:
    """("country",) for a family whose records have one country, () otherwise (bibliography entries)."""
    return ("country",) if any(f.name == "country" for f in model._meta.fields) else ()


@login_required
def record_detail(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    _require_reviewer(request.user)
    record = _record(kind, pk)
    content_fields, content_sections = diff.describe(snapshots.as_format(record))
    context = {
        "kind": kind,
        "kind_label": KIND_LABELS[kind],
        "record": record,
        "title": _title(record),
        "content_fields": content_fields,
        "content_sections": content_sections,
        "transitions": list(workflow.history(record)),
        "pending": record.status in PENDING,
        "diff": diff.diff_records(record.revision_of, record) if record.revision_of_id else None,
        "duplicates": duplicates.possible_duplicates(record),
        "pending_revision": revisions.open_revision(record) if record.revision_of_id is None else None,
    }
    return render(request, "submissions/review_detail.html", context)


@login_required
def record_history(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Staff view of a record's life: workflow log, published versions (each compared with the one
    before) and a way to restore any of them; the admin's row history holds field-level edits."""
    if not (access.is_reviewer(request.user) or access.is_editor(request.user)):
        raise PermissionDenied(_("Only secretariat staff can see the full history of a record."))
    record = _record(kind, pk)
    versions = list(snapshots.versions(record))
    can_restore = access.is_reviewer(request.user) and record.revision_of_id is None
    current = versions[-1].number if versions and record.is_published else None
    rows = []
    previous = None
    for version in versions:
        rows.append(
            {
                "version": version,
                "diff": diff.diff_data(previous.data, version.data) if previous else None,
                "restorable": can_restore and version.number != current,
            }
        )
        previous = version
    rows.reverse()
    model = KINDS[kind]
    context = {
        "kind": kind,
        "kind_label": KIND_LABELS[kind],
        "record": record,
        "title": _title(record),
        "versions": rows,
        "current": current,
        "transitions": list(workflow.history(record)),
        "admin_history": f"admin:{model._meta.app_label}_{model._meta.model_name}_history",
    }
    return render(request, "submissions/review_history.html", context)


@login_required
@require_POST
def restore_version(request: HttpRequest, kind: str, pk: int, number: int) -> HttpResponse:
    _require_reviewer(request.user)
    record = _record(kind, pk)
    version = get_object_or_404(snapshots.versions(record), number=number)
    try:
        revisions.restore(record, version, request.user, request.POST.get("comment", "").strip())
    except workflow.NotAllowed:
        raise
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Version %(number)s is published again.") % {"number": number})
    return redirect("review:history", kind=kind, pk=pk)


@login_required
@require_POST
def assign(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Take a submission (or release it): the queue can then be filtered by assignee."""
    _require_reviewer(request.user)
    record = _record(kind, pk)
    release = request.POST.get("release") == "1"
    type(record)._default_manager.filter(pk=record.pk).update(assigned_to=None if release else request.user)
    messages.success(request, _("Assignment updated."))
    return redirect(request.POST.get("next") if _safe_next(request) else "review:queue")


def _safe_next(request: HttpRequest) -> bool:
    target = request.POST.get("next", "")
    return bool(target) and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})


@login_required
@require_POST
def bulk_publish(request: HttpRequest) -> HttpResponse:
    """Publish several pending submissions at once; each goes through the workflow on its own, so one
    that cannot be published (changed meanwhile) is reported and does not stop the others."""
    user = request.user
    _require_reviewer(user)
    picked = request.POST.getlist("pick")
    if not picked:
        messages.error(request, _("Tick at least one submission to publish."))
        return redirect("review:queue")
    done, failed = 0, []
    for value in picked:
        kind, _sep, raw_pk = value.partition(":")
        model = KINDS.get(kind)
        if model is None or not raw_pk.isdigit():
            failed.append(value)
            continue
        record = model.objects.filter(pk=int(raw_pk)).first()
        if record is None:
            failed.append(value)
            continue
        try:
            workflow.approve(record, user, request.POST.get("comment", "").strip())
        except workflow.NotAllowed:
            raise
        except workflow.WorkflowError as exc:
            failed.append(f"{_title(record)}: {exc}")
        else:
            done += 1
    if done:
        messages.success(
            request, ngettext("%(n)d submission published.", "%(n)d submissions published.", done) % {"n": done}
        )
    for problem in failed:
        messages.error(request, _("Not published: %(problem)s") % {"problem": problem})
    return redirect("review:queue")


ACTIONS = ("start", "approve", "return", "reject", "unpublish")


@login_required
@require_POST
def decide(request: HttpRequest, kind: str, pk: int, action: str) -> HttpResponse:
    user = request.user
    _require_reviewer(user)
    if action not in ACTIONS:
        raise Http404
    model = KINDS.get(kind)
    if model is None:
        raise Http404
    record = model.objects.filter(pk=pk).first()
    if record is None:
        # An approved update is deleted once applied: the reviewer who comes second finds nothing here.
        messages.error(request, str(workflow.AlreadyDecided.gone()))
        return redirect("review:queue")
    comment = request.POST.get("comment", "").strip()
    try:
        with transaction.atomic():
            if action in ("return", "reject"):
                workflow.take_into_review(record, user)
            if action == "start":
                entry = workflow.start_review(record, user, comment)
            elif action == "approve":
                entry = workflow.approve(record, user, comment)
            elif action == "return":
                entry = workflow.return_to_submitter(record, user, comment)
            elif action == "reject":
                entry = workflow.reject(record, user, comment)
            else:
                entry = workflow.unpublish(
                    record, user, to=request.POST.get("to", PublicationStatus.DRAFT), comment=comment
                )
    except workflow.NotAllowed:
        raise
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
        if not type(record)._default_manager.filter(pk=record.pk).exists():
            return redirect("review:queue")  # an approved revision is gone: nothing left to show
        return redirect("review:record", kind=kind, pk=pk)
    messages.success(
        request,
        _("“%(record)s” now has the status “%(status)s”.")
        % {"record": _title(record), "status": PublicationStatus(entry.to_status).label},
    )
    return redirect("review:queue")
