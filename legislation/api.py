"""/api/v1/laws/ and /api/v1/provisions/: published legislation only."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from sherloc.api.viewsets import RecordViewSet
from sherloc.models import PublicationStatus
from taxonomy.serializers import article_tags_prefetch

from . import serializers
from .filters import LawFilterSet, ProvisionFilterSet
from .models import Law, Provision


def provision_tags() -> tuple:
    return (article_tags_prefetch(Provision), "crime_types", "crime_subtypes", "issues")


def provisions_with_tags() -> QuerySet:
    return Provision.objects.select_related("language").prefetch_related(*provision_tags()).order_by("order")


class LawViewSet(RecordViewSet):
    """Laws. List: metadata, filterable like search. Detail: every provision with its tags."""

    filterset_class = LawFilterSet

    def get_queryset(self) -> QuerySet:
        queryset = Law.objects.published().select_related("country", "original_language")
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                Prefetch("provisions", queryset=provisions_with_tags()),
                "attachments__language",
            )
        return queryset.order_by("country__name", "title", "pk")

    def get_serializer_class(self) -> type:
        return serializers.LawDetailSerializer if self.action == "retrieve" else serializers.LawSerializer


class ProvisionViewSet(RecordViewSet):
    """Provisions (articles/sections of laws): the unit that carries the tags. Sync on the law's updated_at."""

    filterset_class = ProvisionFilterSet
    serializer_class = serializers.ProvisionDetailSerializer
    updated_field = "law__updated_at"

    def get_queryset(self) -> QuerySet:
        return (
            Provision.objects.filter(law__status=PublicationStatus.PUBLISHED)
            .select_related("language", "law__country")
            .prefetch_related(*provision_tags())
            .order_by("law_id", "order", "pk")
        )
