"""Status changes from the admin, through the workflow like every other status change.

The record apps register their admins (laws, cases, authorities) on `sherloc.admin.PublishableAdmin`,
which knows nothing of the workflow: the record layer sits below it. At start-up this module (called
from `SubmissionsConfig.ready`) re-registers each of those admins with `WorkflowActionsMixin`, which
adds "Submit for review", "Publish" and "Unpublish" actions. Each record goes through
`submissions.workflow` on its own, so it leaves its transition, its published-version snapshot and its
notice, the role rules apply (publishing and unpublishing belong to reviewers), and one record that
cannot move (changed meanwhile, not eligible) is reported without stopping the others.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any, ClassVar

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from sherloc import access
from sherloc.models import PublicationStatus, PublishableRecord

from . import completeness, snapshots, workflow
from .models import Transition

_CHUNK = 500
Step = Callable[[PublishableRecord, Any], Transition]


class WorkflowActionsMixin:
    """Workflow actions for a record admin; the record's status itself is never edited in a form."""

    workflow_actions: ClassVar[list[str]] = ["submit_selected", "publish_selected", "unpublish_selected"]

    def has_submit_permission(self, request: HttpRequest) -> bool:
        return access.is_editor(request.user)

    def has_review_permission(self, request: HttpRequest) -> bool:
        return access.is_reviewer(request.user)

    @admin.action(description=gettext_lazy("Submit selected for review"), permissions=["submit"])
    def submit_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._run(request, queryset, _submit_if_complete, _("Submitted for review"))

    @admin.action(description=gettext_lazy("Publish selected"), permissions=["review"])
    def publish_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._run(request, queryset, workflow.approve, _("Published"))

    @admin.action(description=gettext_lazy("Unpublish (return to draft)"), permissions=["review"])
    def unpublish_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._run(
            request,
            queryset,
            lambda record, user: workflow.unpublish(record, user, to=PublicationStatus.DRAFT),
            _("Unpublished"),
        )

    def _run(self, request: HttpRequest, queryset: QuerySet, step: Step, verb: str) -> None:
        done, problems = run_step(queryset, step, request.user)
        opts = self.model._meta  # type: ignore[attr-defined]
        name = opts.verbose_name if done == 1 else opts.verbose_name_plural
        self.message_user(request, f"{verb}: {done} {name}.", messages.SUCCESS)  # type: ignore[attr-defined]
        for problem, count in sorted(problems.items()):
            self.message_user(  # type: ignore[attr-defined]
                request,
                ngettext("%(count)d record not changed: %(why)s", "%(count)d records not changed: %(why)s", count)
                % {"count": count, "why": problem},
                messages.WARNING,
            )


def _submit_if_complete(record: PublishableRecord, user: Any) -> Transition:
    """What the forms and the API ask before a submission (submissions.completeness), then submit."""
    gaps = completeness.missing(snapshots.kind_of(record), snapshots.as_format(record))
    if gaps:
        raise workflow.InvalidTransition(
            _("Not complete enough to submit: %(gaps)s") % {"gaps": " ".join(str(gap.message) for gap in gaps)}
        )
    return workflow.submit(record, user)


def _unpublish_to_draft(record: PublishableRecord, user: Any) -> Transition:
    return workflow.unpublish(record, user, to=PublicationStatus.DRAFT)


def run_step(queryset: QuerySet, step: Step, user: Any) -> tuple[int, Counter[str]]:
    """Apply `step` to every record of `queryset`: (records moved, {reason: records not moved}).

    Primary keys are read first and records re-read in chunks: memory stays flat for large selections
    and no cursor is open on the table while it is written (SQLite gives no isolation there)."""
    model = queryset.model
    pks = list(queryset.order_by().values_list("pk", flat=True))
    done, problems = 0, Counter()
    for start in range(0, len(pks), _CHUNK):
        for record in model._default_manager.filter(pk__in=pks[start : start + _CHUNK]).order_by("pk"):
            try:
                step(record, user)
            except workflow.WorkflowError as exc:  # NotAllowed too: reported, like any record left as it was
                problems[str(exc)] += 1
            else:
                done += 1
    return done, problems


def attach(site: admin.AdminSite = admin.site) -> None:
    """Re-register every record admin of `site` with the workflow actions (once)."""
    for model, model_admin in list(site._registry.items()):
        if not issubclass(model, PublishableRecord) or isinstance(model_admin, WorkflowActionsMixin):
            continue
        base = type(model_admin)
        actions = [*(base.actions or []), *WorkflowActionsMixin.workflow_actions]
        site.unregister(model)
        site.register(model, type(base.__name__, (WorkflowActionsMixin, base), {"actions": actions}))
