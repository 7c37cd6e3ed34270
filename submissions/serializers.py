"""API representation of a submission: a record seen from its submitter's side (any status).

The public record endpoints show published records only; these show the submitter where their own
records stand in the workflow: status, the latest comment, the history, links to follow it in the API
and to edit it on the web. The detail also carries the record itself in the import format, which is
what the client sent (plus the defaults the portal filled in).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.urls import NoReverseMatch, reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from interchange.jsonl_format import SUBMITTABLE_TYPES
from sherloc.models import PublicationStatus

from . import workflow
from .intake import record_kind
from .models import Transition
from .views import editing


def _absolute(context: dict[str, Any], path: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


def submission_path(record: Model) -> str:
    return reverse("api:submission-detail", kwargs={"kind": record_kind(record), "id": record.pk})


def edit_path(record: Model) -> str | None:
    """The record's web form (`editing.edit_url_name`: every family with a form page has one)."""
    name = editing.edit_url_name(record)
    if name is None:
        return None
    try:
        return reverse(name, kwargs={"pk": record.pk})
    except NoReverseMatch:  # pragma: no cover - the submission pages are always installed
        return None


class TransitionSerializer(serializers.Serializer):
    from_status = serializers.CharField(help_text="Status before the step (empty when the record was created).")
    to_status = serializers.ChoiceField(choices=PublicationStatus.choices, help_text="Status after the step.")
    at = serializers.DateTimeField(source="created_at")
    actor = serializers.SerializerMethodField(help_text="Username of who made the step, if the account still exists.")
    comment = serializers.CharField(help_text="The reviewer's comment or reason, or the submitter's note.")

    def get_actor(self, obj: Transition) -> str | None:
        return obj.actor.get_username() if obj.actor_id else None


class SubmissionSerializer(serializers.Serializer):
    """One of the user's records, in any status (list entry)."""

    id = serializers.IntegerField(source="pk")
    kind = serializers.SerializerMethodField(help_text="Record type: law, case, authority, strategy or material.")
    external_id = serializers.CharField()
    title = serializers.SerializerMethodField(help_text="The record's title (an authority's name).")
    country = serializers.SerializerMethodField(help_text="Country code (ISO 3166-1 alpha-3, or XIR).")
    status = serializers.ChoiceField(choices=PublicationStatus.choices)
    revision_of = serializers.IntegerField(
        source="revision_of_id", allow_null=True, help_text="Set on a pending revision: id of the published record."
    )
    api_url = serializers.SerializerMethodField(help_text="This submission in the API.")
    edit_url = serializers.SerializerMethodField(help_text="The record's web form (read-only when not editable).")
    public_url = serializers.SerializerMethodField(
        help_text="Public page, once the record is published; null before (and for a pending revision)."
    )
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    latest_comment = serializers.SerializerMethodField(help_text="The latest workflow step that carries a comment.")

    @extend_schema_field(serializers.ChoiceField(choices=SUBMITTABLE_TYPES))
    def get_kind(self, obj: Model) -> str:
        return record_kind(obj)

    def get_title(self, obj: Model) -> str:
        return getattr(obj, "title", None) or getattr(obj, "name", "")

    def get_country(self, obj: Model) -> str:
        return obj.country.alpha3

    def get_api_url(self, obj: Model) -> str:
        return _absolute(self.context, submission_path(obj))

    @extend_schema_field(OpenApiTypes.URI)
    def get_edit_url(self, obj: Model) -> str | None:
        path = edit_path(obj)
        return _absolute(self.context, path) if path else None

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_public_url(self, obj: Model) -> str | None:
        if obj.status != PublicationStatus.PUBLISHED or obj.revision_of_id:
            return None
        return _absolute(self.context, obj.get_absolute_url()) if hasattr(obj, "get_absolute_url") else None

    @extend_schema_field(TransitionSerializer(allow_null=True))
    def get_latest_comment(self, obj: Model) -> dict | None:
        entry = workflow.latest_comment(obj)
        return TransitionSerializer(entry).data if entry is not None else None


class SubmissionDetailSerializer(SubmissionSerializer):
    """A submission with its whole history and the record in the import format."""

    history = serializers.SerializerMethodField(help_text="Every workflow step, oldest first.")
    record = serializers.SerializerMethodField(help_text="The record in the import format (docs/import-format.md).")

    @extend_schema_field(TransitionSerializer(many=True))
    def get_history(self, obj: Model) -> list[dict]:
        return TransitionSerializer(workflow.history(obj), many=True).data

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_record(self, obj: Model) -> dict:
        return self.context["serialise"](obj)
