from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Law


def law_detail(request: HttpRequest, pk: int) -> HttpResponse:
    law = get_object_or_404(Law.objects.published().select_related("country", "original_language"), pk=pk)
    provisions = law.provisions.select_related("language").prefetch_related(
        "article_tags__article__instrument", "crime_types", "issues"
    )
    return render(request, "legislation/law_detail.html", {"law": law, "provisions": provisions})
