"""The focal point's own pages: the landing page (/submit/), with what can be submitted, and "My submissions"."""

from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sherloc import access

from .. import record_access, workflow
from ..models import Transition
from .editing import edit_url_name, require_submitter


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """One entry point to link from e-mails and the menu, so people need not know each form's URL."""
    user = request.user
    require_submitter(user)
    countries = None if access.is_editor(user) else list(record_access.countries_for(user).order_by("name"))
    return render(request, "submissions/home.html", {"countries": countries})


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """Records the user created or submitted through the workflow, newest activity first."""
    user = request.user
    require_submitter(user)
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
            if not record_access.can_view(user, record):
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
