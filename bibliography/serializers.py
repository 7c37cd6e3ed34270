"""API representation of bibliography entries (the other families' shapes for tags and countries)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from legislation.serializers import absolute
from taxonomy.serializers import (
    ArticleTagListField,
    CountryRef,
    TermField,
    TermListField,
    api_url,
    context_lang,
    country_ref,
)

from .models import Publication, PublicationAuthor


@extend_schema_field(CountryRef(many=True))
class CountryListField(serializers.Field):
    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, manager: Any) -> list[dict[str, str]]:
        lang = context_lang(self.context)
        return [country_ref(c, lang) for c in manager.all()]


class AuthorSerializer(serializers.ModelSerializer):
    class Meta:
        model = PublicationAuthor
        fields = ["position", "family", "given", "literal"]


class PublicationSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Public page.")
    api_url = serializers.SerializerMethodField()
    authors = AuthorSerializer(many=True, read_only=True, help_text="In order: a person, or an organisation (literal).")
    countries = CountryListField(help_text="Countries the research covers.")
    keywords = serializers.ListField(child=serializers.CharField(), read_only=True)
    articles = ArticleTagListField()
    crime_types = TermListField()
    issues = TermListField()
    original_language = TermField(help_text="Language of the publication.")
    publication_url = serializers.CharField(
        source="url", read_only=True, help_text="Where the publication can be read (the model's `url`); may be empty."
    )

    class Meta:
        model = Publication
        fields = [
            "id",
            "external_id",
            "url",
            "api_url",
            "title",
            "authors",
            "year",
            "publication_type",
            "container_title",
            "volume",
            "issue",
            "pages",
            "publisher",
            "doi",
            "isbn",
            "publication_url",
            "synopsis",
            "research_method",
            "keywords",
            "countries",
            "articles",
            "crime_types",
            "issues",
            "original_language",
            "published_at",
            "updated_at",
        ]

    def get_url(self, obj: Publication) -> str:
        return absolute(self.context, obj.get_absolute_url())

    def get_api_url(self, obj: Publication) -> str:
        return api_url(self.context, "publication-detail", pk=obj.pk)
