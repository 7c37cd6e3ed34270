"""The public page of a bibliography entry (its citation box and downloads come from portal's tags)."""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Publication, PublicationArticle


def publication_detail(request: HttpRequest, pk: int) -> HttpResponse:
    publication = get_object_or_404(
        Publication.objects.published()
        .select_related("original_language")
        .prefetch_related(
            "authors",
            "countries",
            "crime_types",
            "issues",
            Prefetch(
                "article_tags",
                queryset=PublicationArticle.objects.select_related("article__instrument").order_by(
                    "article__instrument__sort_order", "article__number", "paragraph"
                ),
            ),
        ),
        pk=pk,
    )
    return render(request, "bibliography/publication_detail.html", {"p": publication})
