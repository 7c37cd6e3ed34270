"""API representation of article guidance: the article by code (with its instrument), the sections as stored
(sanitised rich text, as the other families' rich fields)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from legislation.serializers import absolute
from taxonomy.serializers import api_url, context_lang

from .models import ArticleGuidance


class GuidanceSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Public page: the article page, at the guidance.")
    api_url = serializers.SerializerMethodField()
    article = serializers.SerializerMethodField(help_text="The article: code, instrument, number and title.")

    class Meta:
        model = ArticleGuidance
        fields = [
            "id",
            "external_id",
            "url",
            "api_url",
            "article",
            "language",
            *ArticleGuidance.RICH_TEXT_FIELDS,
            "published_at",
            "updated_at",
        ]

    def get_url(self, obj: ArticleGuidance) -> str:
        return absolute(self.context, obj.get_absolute_url())

    def get_api_url(self, obj: ArticleGuidance) -> str:
        return api_url(self.context, "guidance-detail", pk=obj.pk)

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                "code": {"type": "string"},
                "instrument": {"type": "string"},
                "number": {"type": "integer"},
                "title": {"type": "string"},
            },
            "required": ["code", "instrument", "number", "title"],
        }
    )
    def get_article(self, obj: ArticleGuidance) -> dict[str, Any]:
        article = obj.article
        return {
            "code": article.code,
            "instrument": article.instrument.code,
            "number": article.number,
            "title": article.label_in(context_lang(self.context)),
        }
