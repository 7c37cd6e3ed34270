"""/api/v1/strategies/ and /api/v1/explanatory-materials/: published records, the other families' paging,
sync (`updated_since`, cursor) and removals."""

from __future__ import annotations

from django.db.models import QuerySet

from sherloc.api.viewsets import RecordViewSet
from sherloc.models import PublicationStatus
from taxonomy.serializers import article_tags_prefetch

from .filters import MaterialFilterSet, StrategyFilterSet
from .models import ExplanatoryMaterial, Strategy
from .serializers import MaterialSerializer, StrategySerializer


class StrategyViewSet(RecordViewSet):
    """National and regional strategies, action plans, policies and agreements on organized crime."""

    filterset_class = StrategyFilterSet
    serializer_class = StrategySerializer

    def get_queryset(self) -> QuerySet:
        return (
            Strategy.objects.published()
            .select_related("country", "original_language")
            .prefetch_related(
                "covered_countries",
                "crime_types",
                "issues",
                "attachments__language",
                article_tags_prefetch(Strategy),
            )
            .order_by("country__name", "title", "pk")
        )


class MaterialViewSet(RecordViewSet):
    """Explanatory materials of laws (memoranda, handbooks, briefs, guidance); public while their law is."""

    filterset_class = MaterialFilterSet
    serializer_class = MaterialSerializer

    def get_queryset(self) -> QuerySet:
        return (
            ExplanatoryMaterial.objects.published()
            .filter(law__status=PublicationStatus.PUBLISHED)
            .select_related("law__country", "original_language")
            .prefetch_related(
                "crime_types", "issues", "attachments__language", article_tags_prefetch(ExplanatoryMaterial)
            )
            .order_by("law__country__name", "title", "pk")
        )
