"""API representation of treaty status: a State's signature, consent and entry into force for one instrument,
with its reservations, declarations and notifications (an 18(13) notification links its authority)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from taxonomy.serializers import ArticleTag, CountryField, TermField, api_url, article_tag_ref, context_lang

from .models import Declaration, Notification, TreatyStatus


@extend_schema_field(ArticleTag(allow_null=True))
class ArticleRefField(serializers.Field):
    """An optional article (with the row's paragraph, if it has one) -> the article tag shape, or null."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, row: Declaration | Notification) -> dict[str, Any] | None:
        if row.article_id is None:
            return None
        if isinstance(row, Notification):
            return article_tag_ref(row, context_lang(self.context))
        article = row.article
        return {
            "code": article.code,
            "instrument": article.instrument.code,
            "number": article.number,
            "paragraph": "",
            "reference": f"{article.instrument.code} {article.number}",
            "label": article.label_in(context_lang(self.context)),
        }


class DeclarationSerializer(serializers.ModelSerializer):
    article = ArticleRefField(help_text="Article concerned; null when the text names none.")

    class Meta:
        model = Declaration
        fields = ["kind", "article", "text", "date"]


class NotificationSerializer(serializers.ModelSerializer):
    article = ArticleRefField(help_text="Article and paragraph the notification is made under.")
    authority = serializers.SerializerMethodField(
        help_text="The designated authority (id, name, api_url) when it is in the directory and published; else null."
    )

    class Meta:
        model = Notification
        fields = ["article", "text", "date", "authority"]

    @extend_schema_field(serializers.DictField(allow_null=True))
    def get_authority(self, obj: Notification) -> dict[str, Any] | None:
        authority = obj.authority
        if authority is None or authority.status != "published":
            return None
        return {
            "id": authority.pk,
            "name": authority.name,
            "api_url": api_url(self.context, "authority-detail", pk=authority.pk),
        }


class TreatyStatusSerializer(serializers.ModelSerializer):
    api_url = serializers.SerializerMethodField()
    country = CountryField()
    instrument = TermField(help_text="The Convention or Protocol: {code, label}.")
    is_party = serializers.BooleanField(read_only=True, help_text="True once the State has consented to be bound.")
    declarations = DeclarationSerializer(many=True, read_only=True)
    notifications = NotificationSerializer(many=True, read_only=True)

    class Meta:
        model = TreatyStatus
        fields = [
            "id",
            "api_url",
            "country",
            "instrument",
            "signature_date",
            "consent_kind",
            "consent_date",
            "entry_into_force_date",
            "is_party",
            "declarations",
            "notifications",
            "note",
            "source_url",
            "updated_at",
        ]

    def get_api_url(self, obj: TreatyStatus) -> str:
        return api_url(self.context, "treaty-status-detail", pk=obj.pk)
