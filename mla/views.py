"""The writer's pages: the author's drafts, one page per step, the review (completeness check, exports,
export log), export and deletion. Practitioners only (sherloc.access.is_practitioner); every draft is read
through RequestDraft.objects.owned_by, so another user's draft is a 404. Pages are private: no-store and
noindex (templates/mla/base.html)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from sherloc.access import is_practitioner

from . import directory, document, output
from .completeness import missing_parts
from .forms import (
    AssistanceForm,
    AuthorityForm,
    FactsForm,
    HandlingForm,
    LegalBasisForm,
    OffencesForm,
    PersonsForm,
    RequestedForm,
)
from .models import ExportFormat, RequestDraft, RequestExport

MAX_DRAFTS = 100  # per practitioner


@dataclass(frozen=True)
class Step:
    slug: str
    title: object  # lazy translation
    form: type[forms.BaseForm] | None


STEPS = [
    Step("authority", gettext_lazy("Requesting authority"), AuthorityForm),
    Step("requested", gettext_lazy("Requested State and authority"), RequestedForm),
    Step("legal-basis", gettext_lazy("Legal basis"), LegalBasisForm),
    Step("facts", gettext_lazy("Facts"), FactsForm),
    Step("offences", gettext_lazy("Offences"), OffencesForm),
    Step("assistance", gettext_lazy("Assistance requested"), AssistanceForm),
    Step("persons", gettext_lazy("Persons concerned"), PersonsForm),
    Step("handling", gettext_lazy("Confidentiality, urgency, language"), HandlingForm),
    Step("review", gettext_lazy("Check and export"), None),
]
BY_SLUG = {step.slug: step for step in STEPS}


def practitioner_required(view):  # noqa: ANN001, ANN201
    """Anonymous: to the sign-in page. Signed in without the practitioner role: 403. Pages never cached."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:  # noqa: ANN002, ANN003
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_practitioner(request.user):
            raise PermissionDenied(_("The request writer is for practitioners."))
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped


def _draft(request: HttpRequest, pk: int) -> RequestDraft:
    qs = RequestDraft.objects.owned_by(request.user).select_related(
        "requesting_country", "requested_country", "requested_authority__country"
    )
    return get_object_or_404(qs, pk=pk)


def _step_list(draft: RequestDraft, current: str) -> list[dict]:
    missing = missing_parts(draft)
    open_steps = {m.step for m in missing}
    return [
        {
            "slug": step.slug,
            "title": step.title,
            "number": number,
            "current": step.slug == current,
            "done": step.slug not in open_steps,
            "url": reverse("mla:step", kwargs={"pk": draft.pk, "step": step.slug}),
        }
        for number, step in enumerate(STEPS, start=1)
    ], missing


def _form(step: Step, request: HttpRequest, draft: RequestDraft, data: object = None) -> forms.BaseForm:
    if step.form is AssistanceForm:
        return AssistanceForm(data, draft=draft)
    if step.form is RequestedForm:
        return RequestedForm(data, instance=draft, user=request.user)
    return step.form(data, instance=draft)


@practitioner_required
@require_http_methods(["GET"])
def draft_list(request: HttpRequest) -> HttpResponse:
    drafts = RequestDraft.objects.owned_by(request.user).select_related("requesting_country", "requested_country")
    return render(request, "mla/draft_list.html", {"nav": "mla", "drafts": drafts})


@practitioner_required
@require_POST
def draft_new(request: HttpRequest) -> HttpResponse:
    if RequestDraft.objects.owned_by(request.user).count() >= MAX_DRAFTS:
        messages.error(request, _("You have as many drafts as an account may keep; delete one first."))
        return HttpResponseRedirect(reverse("mla:list"))
    draft = RequestDraft.objects.create(owner=request.user)
    return HttpResponseRedirect(reverse("mla:step", kwargs={"pk": draft.pk, "step": STEPS[0].slug}))


@practitioner_required
@require_http_methods(["GET", "POST"])
def step_view(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    draft = _draft(request, pk)
    current = BY_SLUG.get(step)
    if current is None:
        raise Http404("no such step")
    if current.form is None:
        return _review(request, draft)
    status = 200
    if request.method == "POST":
        form = _form(current, request, draft, request.POST)
        if form.is_valid():
            with transaction.atomic():
                form.save()
            index = STEPS.index(current)
            after = current if request.POST.get("action") == "stay" else STEPS[index + 1]
            if current.slug == "requested" and draft.requested_authority_id is None:
                after = current  # the country's authorities are listed now: let the practitioner pick one
            return HttpResponseRedirect(reverse("mla:step", kwargs={"pk": draft.pk, "step": after.slug}))
        status = 400
    else:
        form = _form(current, request, draft)
    return render(request, "mla/step.html", _step_context(request, draft, current, form), status=status)


def _step_context(request: HttpRequest, draft: RequestDraft, current: Step, form: forms.BaseForm) -> dict:
    steps, missing = _step_list(draft, current.slug)
    index = STEPS.index(current)
    context = {
        "nav": "mla",
        "draft": draft,
        "steps": steps,
        "step": current,
        "form": form,
        "missing_here": [m.message for m in missing if m.step == current.slug],
        "previous": STEPS[index - 1] if index else None,
        "show_contact": directory.show_contact(request.user),
    }
    if current.slug == "requested":
        context["authorities"] = list(
            directory.central_authorities(draft.requested_country, request.user).prefetch_related("roles")
        )
        context["authority"] = draft.requested_authority
    if current.slug == "legal-basis":
        context["reasons"] = form.reasons
        context["authority"] = draft.requested_authority
    if current.slug == "offences":
        words = request.GET.get("q", "").strip()[:200]
        chosen = list(draft.offences.select_related("law").order_by("law__title", "order"))
        listed = list(directory.offence_provisions(draft.requesting_country, words)[: directory.PICKER_LIMIT + 1])
        context.update(
            {
                "q": words,
                "chosen_ids": {p.pk for p in chosen},
                # Cited provisions stay listed (ticked) whatever the filter, or saving would drop them.
                "listed": [p for p in chosen if p not in listed[: directory.PICKER_LIMIT]]
                + listed[: directory.PICKER_LIMIT],
                "more": len(listed) > directory.PICKER_LIMIT,
                "counterparts": directory.counterparts(chosen, draft.requested_country),
                "selected_ids": _selected(form, chosen),
            }
        )
    if current.slug == "handling":
        context["language_accepted"] = document.accepted_language(draft)
        context["authority"] = draft.requested_authority
    return context


def _selected(form: forms.BaseForm, chosen: list) -> set[str]:
    if form.is_bound:
        return {str(v) for v in form.data.getlist("offences")}
    return {str(p.pk) for p in chosen}


def _review(request: HttpRequest, draft: RequestDraft, error: str = "", status: int = 200) -> HttpResponse:
    steps, missing = _step_list(draft, "review")
    by_step = {step.slug: step for step in STEPS}
    context = {
        "nav": "mla",
        "draft": draft,
        "steps": steps,
        "step": BY_SLUG["review"],
        "missing": [{"message": m.message, "step": by_step[m.step]} for m in missing],
        "language_accepted": document.accepted_language(draft),
        "authority": draft.requested_authority,
        "exports": draft.exports.select_related("user"),
        "formats": ExportFormat.choices,
        "error": error,
    }
    return render(request, "mla/review.html", context, status=status)


@practitioner_required
@require_POST
def export(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    """The draft as a DOCX or PDF, logged; refused (409, the review page) while anything is missing."""
    draft = _draft(request, pk)
    if file_format not in ExportFormat.values:
        raise Http404("no such format")
    if missing_parts(draft):
        return _review(request, draft, _("The request is not complete: fill in what is listed below first."), 409)
    try:
        content = output.render(document.build(draft), file_format)
    except output.OutputUnavailable as exc:
        return _review(request, draft, str(exc), 503)
    RequestExport.objects.create(
        draft=draft, user=request.user, file_format=file_format, language=draft.output_language
    )
    content_type = {
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pdf": "application/pdf",
    }[file_format]
    response = HttpResponse(content, content_type=content_type)
    name = slugify(draft.title)[:60] or f"mla-request-{draft.pk}"
    response["Content-Disposition"] = f'attachment; filename="{name}-{draft.output_language}.{file_format}"'
    return response


@practitioner_required
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Deleted for good: the draft, its measures and its export log (no history is kept)."""
    draft = _draft(request, pk)
    draft.delete()
    messages.success(request, _("The draft was deleted."))
    return HttpResponseRedirect(reverse("mla:list"))
