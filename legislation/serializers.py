"""API representations of laws and provisions.

A law in a list is its metadata; the detail nests every provision with its tags. Provisions also have
their own endpoint (they are the unit search returns and carry the tags). Ids are stable: `id` (the
portal's) and `external_id` (survives export/import); `url` is the public page, `api_url` this API.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from taxonomy.serializers import (
    ArticleTagListField,
    CountryField,
    CountryRef,
    TermField,
    TermListField,
    api_url,
    context_lang,
    country_ref,
)

from .models import Law, LawAttachment, Provision


def absolute(context: dict[str, Any], path: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


class AttachmentSerializer(serializers.Serializer):
    title = serializers.CharField(read_only=True)
    file_url = serializers.SerializerMethodField(
        help_text="Download link (the portal's permission-checked download view, never a raw storage path)."
    )
    name = serializers.CharField(source="original_name", read_only=True, help_text="File name as uploaded.")
    size = serializers.IntegerField(read_only=True, allow_null=True, help_text="Size in bytes.")
    language = serializers.SerializerMethodField(help_text="Language code of the document, if known.")
    content_type = serializers.CharField(read_only=True)

    def get_file_url(self, obj: LawAttachment) -> str:
        return absolute(self.context, obj.get_download_url())

    def get_language(self, obj: LawAttachment) -> str | None:
        return obj.language.code if obj.language_id else None


class ProvisionSerializer(serializers.ModelSerializer):
    """A provision as nested in its law."""

    url = serializers.SerializerMethodField(help_text="Public page (the law's page, at this provision).")
    api_url = serializers.SerializerMethodField()
    language = TermField(help_text="Language of `text`.")
    articles = ArticleTagListField()
    crime_types = TermListField()
    crime_subtypes = TermListField()
    issues = TermListField()
    source_url = serializers.CharField(
        read_only=True, help_text="The provision's own address in the official source, if any; may be empty."
    )

    class Meta:
        model = Provision
        fields = [
            "id",
            "url",
            "api_url",
            "order",
            "label",
            "heading",
            "text",
            "text_en",
            "language",
            "source_url",
            "articles",
            "crime_types",
            "crime_subtypes",
            "issues",
        ]
        read_only_fields = fields

    def get_url(self, obj: Provision) -> str:
        # Built from the (already loaded) law: Provision.get_absolute_url would re-fetch it.
        return absolute(self.context, f"{obj.law.get_absolute_url()}#provision-{obj.pk}")

    def get_api_url(self, obj: Provision) -> str:
        return api_url(self.context, "provision-detail", pk=obj.pk)


class LawRef(serializers.Serializer):
    id = serializers.IntegerField()
    external_id = serializers.CharField()
    title = serializers.CharField()
    country = CountryRef()
    legal_status = serializers.CharField()
    url = serializers.URLField()
    api_url = serializers.URLField()


class ProvisionDetailSerializer(ProvisionSerializer):
    """A provision on its own: with a reference to its law."""

    law = serializers.SerializerMethodField()

    class Meta(ProvisionSerializer.Meta):
        fields = [*ProvisionSerializer.Meta.fields, "law"]
        read_only_fields = fields

    @extend_schema_field(LawRef())
    def get_law(self, obj: Provision) -> dict[str, Any]:
        law = obj.law
        return {
            "id": law.pk,
            "external_id": law.external_id,
            "title": law.title,
            "country": country_ref(law.country, context_lang(self.context)),
            "legal_status": law.legal_status,
            "url": absolute(self.context, law.get_absolute_url()),
            "api_url": api_url(self.context, "law-detail", pk=law.pk),
        }


class LawSerializer(serializers.ModelSerializer):
    """A law's metadata (list item)."""

    url = serializers.SerializerMethodField(help_text="Public page.")
    api_url = serializers.SerializerMethodField()
    country = CountryField()
    original_language = TermField()
    year = serializers.IntegerField(read_only=True, allow_null=True, help_text="Adoption (else entry-into-force) year.")
    provisions_url = serializers.SerializerMethodField(help_text="This law's provisions on the provisions endpoint.")
    source_url = serializers.CharField(
        read_only=True, help_text="Official source (gazette, government site); may be empty."
    )

    class Meta:
        model = Law
        fields = [
            "id",
            "external_id",
            "url",
            "api_url",
            "country",
            "title",
            "original_title",
            "law_type",
            "number",
            "adoption_date",
            "entry_into_force_date",
            "year",
            "legal_status",
            "source_url",
            "original_language",
            "published_at",
            "updated_at",
            "provisions_url",
        ]
        read_only_fields = fields

    def get_url(self, obj: Law) -> str:
        return absolute(self.context, obj.get_absolute_url())

    def get_api_url(self, obj: Law) -> str:
        return api_url(self.context, "law-detail", pk=obj.pk)

    def get_provisions_url(self, obj: Law) -> str:
        return f"{api_url(self.context, 'provision-list')}?law={obj.pk}"


class LawDetailSerializer(LawSerializer):
    """A law with all its provisions (in order, with tags) and attachments."""

    provisions = ProvisionSerializer(many=True, read_only=True)
    attachments = AttachmentSerializer(many=True, read_only=True)

    class Meta(LawSerializer.Meta):
        fields = [*LawSerializer.Meta.fields, "provisions", "attachments"]
        read_only_fields = fields
