"""/api/v1/authorities/: published competent national authorities; contacts for practitioners only."""

from __future__ import annotations

from django.db.models import QuerySet

from sherloc.api.viewsets import RecordViewSet
from taxonomy.serializers import article_tags_prefetch

from .filters import AuthorityFilterSet
from .models import CompetentAuthority
from .serializers import AuthoritySerializer


class AuthorityViewSet(RecordViewSet):
    """Competent national authorities. Contact fields need a token with `read_contacts` (or a practitioner
    session); without it they are absent from the response."""

    filterset_class = AuthorityFilterSet
    serializer_class = AuthoritySerializer
    varies_with_contacts = True

    def get_queryset(self) -> QuerySet:
        return (
            CompetentAuthority.objects.published()
            .select_related("country", "original_language")
            .prefetch_related("roles", article_tags_prefetch(CompetentAuthority), "crime_types")
            .order_by("country__name", "name", "pk")
        )
