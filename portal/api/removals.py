"""/api/v1/removals/: records that left the public set, for mirrors that sync with `updated_since`.

Same conventions as the record lists: cursor walk in (removed_at, id) order (`?pagination=cursor`),
`since` to ask only for what left after the last sync, ETag/Last-Modified, unknown parameters refused.
"""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from rest_framework import serializers

from sherloc.api.filters import ChoiceInFilter, UpdatedSinceFilter
from sherloc.api.viewsets import RecordViewSet
from sherloc.models import Removal, RemovalKind


class RemovalFilterSet(django_filters.FilterSet):
    since = UpdatedSinceFilter(
        "removed_at", help_text="Only removals at or after this ISO 8601 date-time (UTC if no offset)."
    )
    type = ChoiceInFilter(
        field_name="kind",
        choices=RemovalKind.choices,
        help_text="law, provision, case, authority, strategy, material, publication, guidance (comma list).",
    )

    class Meta:
        model = Removal
        fields: list[str] = []


class RemovalSerializer(serializers.ModelSerializer):
    type = serializers.CharField(
        source="kind", help_text="law, provision, case, authority, strategy, material, publication or guidance."
    )
    id = serializers.IntegerField(source="record_id", help_text="The `id` the record had in the API.")

    class Meta:
        model = Removal
        fields = ["type", "id", "external_id", "reason", "removed_at"]


class RemovalViewSet(RecordViewSet):
    """Laws, provisions, cases and authorities that were unpublished, withdrawn or deleted. A record
    published again reappears in its own list (its `updated_at` changes), so a mirror applies removals
    and updates in time order."""

    filterset_class = RemovalFilterSet
    serializer_class = RemovalSerializer
    updated_field = "removed_at"
    lookup_value_regex = r"[0-9]{1,18}"

    def get_queryset(self) -> QuerySet:
        return Removal.objects.order_by("removed_at", "pk")
