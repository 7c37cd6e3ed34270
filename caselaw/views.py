from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Case


def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(
        Case.objects.published()
        .select_related("country", "court")
        .prefetch_related(
            "people__nationality", "charges__defendant", "article_tags__article", "crime_types", "issues"
        ),
        pk=pk,
    )
    return render(request, "caselaw/case_detail.html", {"case": case})
