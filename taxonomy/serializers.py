"""API representations of the vocabularies, and the tag fields every record serializer reuses.

Tags are always `{code, label}` objects: codes are stable identifiers a client can store, labels
are in the response language (serializer context "lang", from ?lang= or Accept-Language). Tag fields
read prefetched relations only, so a page of records costs a fixed number of queries.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .models import Article, AuthorityRole, Country, CrimeSubType, CrimeType, Instrument, Issue, Language, Region


def context_lang(context: dict[str, Any]) -> str:
    return context.get("lang") or "en"


def api_url(context: dict[str, Any], name: str, **kwargs: Any) -> str:
    path = reverse(f"api:{name}", kwargs=kwargs)
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


# --------------------------------------------------------------------------- reference shapes


class TermRef(serializers.Serializer):
    """A vocabulary term as referenced from a record."""

    code = serializers.CharField()
    label = serializers.CharField()


class CountryRef(serializers.Serializer):
    code = serializers.CharField(help_text="ISO 3166-1 alpha-3 (XIR: international and regional bodies).")
    alpha2 = serializers.CharField()
    label = serializers.CharField()


class ArticleTag(serializers.Serializer):
    code = serializers.CharField(help_text="Article code, e.g. UNTOC-18.")
    instrument = serializers.CharField(help_text="Instrument code, e.g. UNTOC.")
    number = serializers.IntegerField()
    paragraph = serializers.CharField(help_text="Paragraph within the article, e.g. '13'; may be empty.")
    reference = serializers.CharField(help_text="Human reference, e.g. 'UNTOC 18(13)'.")
    label = serializers.CharField()


def term_ref(term: Any, lang: str) -> dict[str, str] | None:
    if term is None:
        return None
    return {"code": term.code, "label": term.label_in(lang)}


def country_ref(country: Country | None, lang: str) -> dict[str, str] | None:
    if country is None:
        return None
    return {"code": country.alpha3, "alpha2": country.alpha2, "label": country.label_in(lang)}


def article_tag_ref(tag: Any, lang: str) -> dict[str, Any]:
    article = tag.article
    return {
        "code": article.code,
        "instrument": article.instrument.code,
        "number": article.number,
        "paragraph": tag.paragraph,
        "reference": tag.reference,
        "label": article.label_in(lang),
    }


@extend_schema_field(TermRef(allow_null=True))
class TermField(serializers.Field):
    """A foreign key to a vocabulary term -> {code, label} or null."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> Any:
        return term_ref(value, context_lang(self.context))


@extend_schema_field(TermRef(many=True))
class TermListField(serializers.Field):
    """A many-to-many to vocabulary terms (prefetched) -> [{code, label}]."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, manager: Any) -> list[dict[str, str]]:
        lang = context_lang(self.context)
        return [term_ref(term, lang) for term in manager.all()]


@extend_schema_field(CountryRef)
class CountryField(TermField):
    def to_representation(self, value: Any) -> Any:
        return country_ref(value, context_lang(self.context))


@extend_schema_field(ArticleTag(many=True))
class ArticleTagListField(serializers.Field):
    """Article tags (through rows with paragraph, prefetched with article__instrument)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        kwargs.setdefault("source", "article_tags")
        super().__init__(**kwargs)

    def to_representation(self, manager: Any) -> list[dict[str, Any]]:
        lang = context_lang(self.context)
        tags = sorted(manager.all(), key=lambda t: (t.article.instrument.sort_order, t.article.number, t.paragraph))
        return [article_tag_ref(tag, lang) for tag in tags]


def article_tags_prefetch(model: type[models.Model]) -> Prefetch:
    """Prefetch a record's article tags with article and instrument joined: one query, not three."""
    through = model._meta.get_field("article_tags").related_model
    return Prefetch("article_tags", queryset=through.objects.select_related("article__instrument"))


# --------------------------------------------------------------------------- vocabularies


class LabelledSerializer(serializers.ModelSerializer):
    """Common fields of a LabelledVocabulary term: code, translated label, all translations."""

    # Plain strings: model SlugFields would advertise a slug pattern, but codes may hold dots (issues).
    code = serializers.CharField(read_only=True, help_text="Stable code used in URLs, the API and import files.")
    label = serializers.SerializerMethodField(help_text="Label in the response language (English fallback).")

    def get_label(self, obj: Any) -> str:
        return obj.label_in(context_lang(self.context))


class LinkedLabelledSerializer(LabelledSerializer):
    """A term with its own endpoint (`api_name`-detail, looked up by code)."""

    api_url = serializers.SerializerMethodField()
    api_name: str = ""

    def get_api_url(self, obj: Any) -> str:
        return api_url(self.context, f"{self.api_name}-detail", code=obj.code)


class LanguageSerializer(LinkedLabelledSerializer):
    api_name = "language"

    class Meta:
        model = Language
        fields = ["code", "label", "translations", "rtl", "is_un_official", "api_url"]


class RegionSerializer(LinkedLabelledSerializer):
    api_name = "region"
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = Region
        fields = ["code", "label", "translations", "kind", "parent", "api_url"]


class CountrySerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="alpha3", read_only=True, help_text="ISO 3166-1 alpha-3; the lookup code.")
    label = serializers.SerializerMethodField(help_text="UN short name in the response language.")
    region = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    subregion = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    intermediate_region = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = Country
        fields = [
            "code",
            "alpha2",
            "m49",
            "label",
            "name",
            "translations",
            "formal_name",
            "region",
            "subregion",
            "intermediate_region",
            "is_international",
            "api_url",
        ]

    def get_label(self, obj: Country) -> str:
        return obj.label_in(context_lang(self.context))

    def get_api_url(self, obj: Country) -> str:
        return api_url(self.context, "country-detail", code=obj.alpha3)


class ArticleSerializer(serializers.ModelSerializer):
    code = serializers.CharField(read_only=True, help_text="Stable code '<instrument>-<number>', e.g. 'UNTOC-18'.")
    instrument = serializers.SlugRelatedField(slug_field="code", read_only=True)
    label = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "code",
            "instrument",
            "number",
            "label",
            "title",
            "translations",
            "chapter_number",
            "chapter_title",
            "api_url",
        ]

    def get_label(self, obj: Article) -> str:
        return obj.label_in(context_lang(self.context))

    def get_api_url(self, obj: Article) -> str:
        return api_url(self.context, "article-detail", code=obj.code)


class InstrumentSerializer(LinkedLabelledSerializer):
    api_name = "instrument"
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = Instrument
        fields = ["code", "label", "translations", "short_title", "un_document", "parent", "api_url"]


class InstrumentDetailSerializer(InstrumentSerializer):
    articles = ArticleSerializer(many=True, read_only=True)

    class Meta(InstrumentSerializer.Meta):
        fields = [*InstrumentSerializer.Meta.fields, "articles"]


class CrimeSubTypeSerializer(LabelledSerializer):
    class Meta:
        model = CrimeSubType
        fields = ["code", "label", "translations", "facet"]


class CrimeTypeSerializer(LinkedLabelledSerializer):
    api_name = "crime-type"
    subtypes = serializers.SerializerMethodField()

    class Meta:
        model = CrimeType
        fields = ["code", "label", "translations", "subtypes", "api_url"]

    @extend_schema_field(CrimeSubTypeSerializer(many=True))
    def get_subtypes(self, obj: CrimeType) -> list[dict[str, Any]]:
        return CrimeSubTypeSerializer(obj.subtypes.all(), many=True, context=self.context).data


class IssueSerializer(LinkedLabelledSerializer):
    api_name = "issue"
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    ancestors = serializers.SerializerMethodField(help_text="Codes of the broader issues, broadest first.")

    class Meta:
        model = Issue
        fields = ["code", "label", "translations", "parent", "depth", "ancestors", "api_url"]

    def get_ancestors(self, obj: Issue) -> list[str]:
        return obj.ancestor_codes()[:-1]


class IssueDetailSerializer(IssueSerializer):
    children = serializers.SerializerMethodField()

    class Meta(IssueSerializer.Meta):
        fields = [*IssueSerializer.Meta.fields, "children"]

    @extend_schema_field(TermRef(many=True))
    def get_children(self, obj: Issue) -> list[dict[str, str]]:
        lang = context_lang(self.context)
        return [term_ref(child, lang) for child in obj.children.all()]


class AuthorityRoleSerializer(LinkedLabelledSerializer):
    api_name = "authority-role"

    class Meta:
        model = AuthorityRole
        fields = ["code", "label", "translations", "legal_basis", "api_url"]
