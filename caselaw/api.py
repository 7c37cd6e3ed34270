"""/api/v1/cases/: published case law with people and charges."""

from __future__ import annotations

from django.db.models import F, Prefetch, QuerySet

from sherloc.api.viewsets import RecordViewSet
from taxonomy.serializers import article_tags_prefetch

from .filters import CaseFilterSet
from .models import Case, Charge, Person
from .serializers import CaseSerializer


class CaseViewSet(RecordViewSet):
    """Cases. List items and details are whole records (tags, texts, people, charges)."""

    filterset_class = CaseFilterSet
    serializer_class = CaseSerializer

    def get_queryset(self) -> QuerySet:
        return (
            Case.objects.published()
            .select_related("country", "court__country", "original_language")
            .prefetch_related(
                article_tags_prefetch(Case),
                "crime_types",
                "crime_subtypes",
                "issues",
                Prefetch("people", queryset=Person.objects.select_related("nationality").order_by("order", "pk")),
                Prefetch(
                    "charges",
                    queryset=Charge.objects.select_related("crime_type", "provision__law").order_by(
                        "defendant_id", "pk"
                    ),
                ),
                "attachments__language",
            )
            .order_by(F("decision_date").desc(nulls_last=True), "title", "pk")
        )
