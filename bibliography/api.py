"""/api/v1/publications/: published bibliography entries, the other families' paging, sync (`updated_since`,
cursor) and removals."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from sherloc.api.viewsets import RecordViewSet
from taxonomy.serializers import article_tags_prefetch

from .filters import PublicationFilterSet
from .models import Publication, PublicationAuthor
from .serializers import PublicationSerializer


class PublicationViewSet(RecordViewSet):
    """The annotated bibliography: books, chapters, articles, reports and theses with a synopsis."""

    filterset_class = PublicationFilterSet
    serializer_class = PublicationSerializer

    def get_queryset(self) -> QuerySet:
        return (
            Publication.objects.published()
            .select_related("original_language")
            .prefetch_related(
                Prefetch("authors", queryset=PublicationAuthor.objects.order_by("position")),
                "countries",
                "crime_types",
                "issues",
                article_tags_prefetch(Publication),
            )
            .order_by("-year", "title", "pk")
        )
