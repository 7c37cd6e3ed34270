"""API representation of strategies and explanatory materials (the shapes of laws' and cases' fields)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from legislation.serializers import AttachmentSerializer, absolute
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

from .models import ExplanatoryMaterial, Strategy, StrategyStatus


@extend_schema_field(CountryRef(many=True))
class CountryListField(serializers.Field):
    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, manager: Any) -> list[dict[str, str]]:
        lang = context_lang(self.context)
        return [country_ref(c, lang) for c in manager.all()]


class StrategySerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Public page.")
    api_url = serializers.SerializerMethodField()
    country = CountryField(help_text="Issuing State; XIR (international and regional bodies) for a regional one.")
    covered_countries = CountryListField(help_text="States a regional document covers; empty for a national one.")
    current_status = serializers.SerializerMethodField(
        help_text="current, superseded or expired: superseded when recorded, expired once the period has ended."
    )
    articles = ArticleTagListField()
    crime_types = TermListField()
    issues = TermListField()
    original_language = TermField()
    attachments = AttachmentSerializer(many=True, read_only=True)
    source_url = serializers.CharField(read_only=True, help_text="Official source; may be empty.")

    class Meta:
        model = Strategy
        fields = [
            "id",
            "external_id",
            "url",
            "api_url",
            "country",
            "covered_countries",
            "title",
            "original_title",
            "strategy_type",
            "issuing_body",
            "adoption_date",
            "period_start",
            "period_end",
            "superseded",
            "current_status",
            "summary",
            "source_url",
            "articles",
            "crime_types",
            "issues",
            "original_language",
            "attachments",
            "published_at",
            "updated_at",
        ]

    def get_url(self, obj: Strategy) -> str:
        return absolute(self.context, obj.get_absolute_url())

    def get_api_url(self, obj: Strategy) -> str:
        return api_url(self.context, "strategy-detail", pk=obj.pk)

    @extend_schema_field(serializers.ChoiceField(choices=StrategyStatus.choices))
    def get_current_status(self, obj: Strategy) -> str:
        return obj.current_status()


class MaterialSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Public page: the law's page, at this material.")
    api_url = serializers.SerializerMethodField()
    law = serializers.SerializerMethodField(help_text="The law it explains: id, external_id and api_url.")
    country = serializers.SerializerMethodField(help_text="The law's country.")
    articles = ArticleTagListField()
    crime_types = TermListField()
    issues = TermListField()
    original_language = TermField()
    attachments = AttachmentSerializer(many=True, read_only=True)
    source_url = serializers.CharField(read_only=True, help_text="Official source; may be empty.")

    class Meta:
        model = ExplanatoryMaterial
        fields = [
            "id",
            "external_id",
            "url",
            "api_url",
            "law",
            "country",
            "kind",
            "title",
            "date",
            "summary",
            "text",
            "source_url",
            "articles",
            "crime_types",
            "issues",
            "original_language",
            "attachments",
            "published_at",
            "updated_at",
        ]

    def get_url(self, obj: ExplanatoryMaterial) -> str:
        return absolute(self.context, obj.get_absolute_url())

    def get_api_url(self, obj: ExplanatoryMaterial) -> str:
        return api_url(self.context, "material-detail", pk=obj.pk)

    @extend_schema_field(
        {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "external_id": {"type": "string"}, "api_url": {"type": "string"}},
            "required": ["id", "external_id", "api_url"],
        }
    )
    def get_law(self, obj: ExplanatoryMaterial) -> dict[str, Any]:
        return {
            "id": obj.law_id,
            "external_id": obj.law.external_id,
            "api_url": api_url(self.context, "law-detail", pk=obj.law_id),
        }

    @extend_schema_field(CountryRef)
    def get_country(self, obj: ExplanatoryMaterial) -> dict[str, str] | None:
        return country_ref(obj.law.country, context_lang(self.context))
