"""Start (or resume) the update of a published law, case or authority: a working copy to edit in its form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interchange.jsonl_format import SUBMITTABLE_MODELS

from .. import record_access, revisions
from .editing import edit_url_name


@login_required
@require_POST
def revise(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Start (or resume) an update of a published record: the focal point edits a working copy while the
    public keeps seeing the published version."""
    model = SUBMITTABLE_MODELS.get(kind)
    if model is None or not record_access.placed_in_a_country(model):  # no focal-point form (the bibliography)
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
    return redirect(edit_url_name(copy), pk=copy.pk)
