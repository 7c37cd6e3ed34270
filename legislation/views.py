"""Public law page: metadata, provisions in order with their tags, attachments.

Why the prefetches: a law can have hundreds of provisions, each with article, crime type, sub-type
and issue tags. Prefetching every relation keeps the page at a fixed number of queries whatever the
size of the law (tests/web check the bound).
"""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Law, ProvisionArticle


def law_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A published law; drafts, withdrawn and unknown laws are all a plain 404."""
    law = get_object_or_404(Law.objects.published().select_related("country", "original_language"), pk=pk)
    provisions = (
        law.provisions.select_related("language")
        .prefetch_related(
            Prefetch(
                "article_tags",
                queryset=ProvisionArticle.objects.select_related("article__instrument").order_by(
                    "article__instrument__sort_order", "article__number", "paragraph"
                ),
            ),
            "crime_types",
            "crime_subtypes",
            "issues",
        )
        .order_by("order")
    )
    context = {
        "law": law,
        "provisions": list(provisions),
        "attachments": list(law.attachments.select_related("language").order_by("pk")),
        # Explanatory materials are their own family (strategies app, a layer above): reached through the
        # reverse relation, never imported here.
        "materials": list(
            law.explanatory_materials.published()
            .select_related("original_language")
            .prefetch_related("attachments", "crime_types", "issues", "article_tags__article__instrument")
            .order_by("date", "pk")
        ),
    }
    return render(request, "legislation/law_detail.html", context)
