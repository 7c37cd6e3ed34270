"""The saved-searches page (the signed-in user's searches and their alerts), saving a search from the
search page, and the unsubscribe link of the digests, which works without signing in: its signed token
names the saved search (alerts.digests.unsubscribe_token)."""

from __future__ import annotations

from urllib.parse import parse_qs

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from search.query import QueryError

from . import digests, queries
from .forms import SavedSearchForm, SaveSearchForm
from .models import Frequency, SavedSearch

MAX_SAVED = 200  # saved searches per user


def _rows(user: object, language: str, forms: dict[int, SavedSearchForm] | None = None) -> list[dict]:
    rows = []
    for saved in SavedSearch.objects.filter(user=user):
        rows.append(
            {
                "saved": saved,
                "form": (forms or {}).get(saved.pk) or SavedSearchForm(instance=saved, prefix=f"s{saved.pk}"),
                "words": queries.describe(saved.query, language),
                "url": reverse("search:search") + (f"?{saved.query}" if saved.query else ""),
            }
        )
    return rows


@login_required
@require_http_methods(["GET"])
def saved_list(request: HttpRequest) -> HttpResponse:
    context = {"nav": "alerts", "rows": _rows(request.user, get_language())}
    return render(request, "alerts/saved_searches.html", context)


@login_required
@require_POST
def save_search(request: HttpRequest) -> HttpResponse:
    """Save the posted search (normalised); saving it again updates its name and alert."""
    form = SaveSearchForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            query = queries.normalise(parse_qs(form.cleaned_data["query"].lstrip("?")), get_language())
        except QueryError as exc:
            error = _("The parameter “%(param)s” is not valid: %(message)s") % {
                "param": exc.param,
                "message": exc.message,
            }
    else:
        error = "; ".join(f"{field}: {' '.join(errors)}" for field, errors in form.errors.items())
    if not error and len(query) > SavedSearch._meta.get_field("query").max_length:
        error = _("This search is too long to save.")
    mine = SavedSearch.objects.filter(user=request.user)
    if not error and mine.count() >= MAX_SAVED and not mine.filter(query=query).exists():
        error = _("You have saved the most searches an account may keep; delete one first.")
    if error:
        context = {"nav": "alerts", "rows": _rows(request.user, get_language()), "error": error}
        return render(request, "alerts/saved_searches.html", context, status=400)
    values = {
        "name": form.cleaned_data["name"],
        "frequency": form.cleaned_data["frequency"],
        "language": get_language(),
        "last_digest_at": timezone.now(),
    }
    try:
        with transaction.atomic():
            SavedSearch.objects.update_or_create(user=request.user, query=query, defaults=values)
    except IntegrityError:  # the same search saved twice at once: the other request's row stands
        pass
    messages.success(request, _("Search saved."))
    return HttpResponseRedirect(reverse("alerts:list"))


@login_required
@require_POST
def update_search(request: HttpRequest, pk: int) -> HttpResponse:
    saved = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    was = saved.frequency
    form = SavedSearchForm(request.POST, instance=saved, prefix=f"s{saved.pk}")
    if not form.is_valid():
        context = {"nav": "alerts", "rows": _rows(request.user, get_language(), {saved.pk: form})}
        return render(request, "alerts/saved_searches.html", context, status=400)
    saved = form.save(commit=False)
    saved.language = get_language()
    if was == Frequency.NONE and saved.frequency != Frequency.NONE:
        saved.last_digest_at = timezone.now()  # alerts start now: no digest of what was published before
    saved.save()
    messages.success(request, _("Saved search updated."))
    return HttpResponseRedirect(reverse("alerts:list"))


@login_required
@require_POST
def delete_search(request: HttpRequest, pk: int) -> HttpResponse:
    get_object_or_404(SavedSearch, pk=pk, user=request.user).delete()
    messages.success(request, _("Saved search deleted."))
    return HttpResponseRedirect(reverse("alerts:list"))


@csrf_exempt  # the signed token is the credential; mail clients' one-click unsubscribe (RFC 8058) posts here
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks for confirmation (link scanners fetch links); POST stops the e-mails of that search."""
    try:
        saved = digests.saved_search_for_token(token)
    except signing.BadSignature:
        return render(request, "alerts/unsubscribe.html", {"invalid": True}, status=400)
    if saved is None:
        return render(request, "alerts/unsubscribe.html", {"gone": True}, status=404)
    done = False
    if request.method == "POST":
        SavedSearch.objects.filter(pk=saved.pk).update(frequency=Frequency.NONE)
        done = True
    context = {"saved": saved, "words": queries.describe(saved.query, get_language()), "done": done}
    return render(request, "alerts/unsubscribe.html", context)
