"""Public case page: every section, people and charges as tables, tags as links into the search.

Why the prefetches: people, charges (with the provision they cite and its law) and four tag
relations would otherwise cost a query per row; the page stays at a fixed number of queries.
"""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from sherloc.models import PublicationStatus

from .models import Case, CaseArticle, Charge, Person


def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A published case; anything else is a 404."""
    case = get_object_or_404(
        Case.objects.published()
        .select_related("country", "court", "original_language")
        .prefetch_related(
            Prefetch("people", queryset=Person.objects.select_related("nationality").order_by("order", "pk")),
            Prefetch(
                "charges",
                queryset=Charge.objects.select_related("defendant", "crime_type", "provision__law").order_by(
                    "defendant__order", "defendant_id", "pk"
                ),
            ),
            Prefetch(
                "article_tags",
                queryset=CaseArticle.objects.select_related("article__instrument").order_by(
                    "article__instrument__sort_order", "article__number", "paragraph"
                ),
            ),
            "crime_types",
            "crime_subtypes",
            "issues",
            "attachments__language",
        ),
        pk=pk,
    )
    people = list(case.people.all())
    context = {
        "case": case,
        "defendants": [p for p in people if p.role == "defendant"],
        "victims": [p for p in people if p.role == "victim"],
        "witnesses": [p for p in people if p.role == "witness"],
        "charges": list(case.charges.all()),
        "published": PublicationStatus.PUBLISHED,
    }
    return render(request, "caselaw/case_detail.html", context)
