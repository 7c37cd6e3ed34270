"""/api/v1/treaty-status/: every recorded status (public facts: no publication workflow), with the other
families' paging and `updated_since` sync. Deleting a status is rare (a data error) and is not in the removals
feed: a sync client re-reads the list with `updated_since` and drops ids it no longer sees on a full walk."""

from __future__ import annotations

from django.db.models import QuerySet

from sherloc.api.viewsets import RecordViewSet

from .filters import TreatyStatusFilterSet
from .models import TreatyStatus
from .serializers import TreatyStatusSerializer
from .status import with_details


class TreatyStatusViewSet(RecordViewSet):
    """Signature, consent to be bound and entry into force per State and instrument, with reservations,
    declarations and notifications."""

    filterset_class = TreatyStatusFilterSet
    serializer_class = TreatyStatusSerializer

    def get_queryset(self) -> QuerySet:
        return with_details(TreatyStatus.objects.all()).order_by("instrument__sort_order", "country__name", "pk")
