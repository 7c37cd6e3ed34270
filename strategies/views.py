"""The public strategy page (an explanatory material is shown on its law's page)."""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Strategy, StrategyArticle


def strategy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_object_or_404(
        Strategy.objects.published()
        .select_related("country", "original_language")
        .prefetch_related(
            "covered_countries",
            "crime_types",
            "issues",
            "attachments__language",
            Prefetch(
                "article_tags",
                queryset=StrategyArticle.objects.select_related("article__instrument").order_by(
                    "article__instrument__sort_order", "article__number", "paragraph"
                ),
            ),
        ),
        pk=pk,
    )
    return render(request, "strategies/strategy_detail.html", {"s": strategy})
