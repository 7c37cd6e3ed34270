"""/api/v1/guidance/: published article guidance, the other families' paging, sync (`updated_since`,
cursor) and removals (type `guidance` in /api/v1/removals/)."""

from __future__ import annotations

from django.db.models import QuerySet

from sherloc.api.viewsets import RecordViewSet

from .filters import GuidanceFilterSet
from .models import ArticleGuidance
from .serializers import GuidanceSerializer


class GuidanceViewSet(RecordViewSet):
    """The secretariat's guidance on each article of the Convention and its Protocols, per UN language."""

    filterset_class = GuidanceFilterSet
    serializer_class = GuidanceSerializer

    def get_queryset(self) -> QuerySet:
        return (
            ArticleGuidance.objects.published()
            .originals()
            .select_related("article__instrument")
            .order_by("article__instrument__sort_order", "article__number", "language", "pk")
        )
