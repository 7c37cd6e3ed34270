"""Vocabulary endpoints: /api/v1/{instruments,articles,crime-types,issues,countries,regions,
authority-roles,languages}/ — unpaginated lists, details looked up by code (case-insensitive)."""

from __future__ import annotations

import django_filters
from django.db.models import Prefetch, Q, QuerySet

from sherloc.api.filters import lower, upper
from sherloc.api.viewsets import VocabularyViewSet

from . import serializers
from .filters import VocabularyFilter
from .models import Article, AuthorityRole, Country, CrimeSubType, CrimeType, Instrument, Issue, Language, Region


class ArticleFilterSet(django_filters.FilterSet):
    instrument = VocabularyFilter(paths=["instrument__code"], vocabulary=Instrument, normalise=upper)

    class Meta:
        model = Article
        fields: list[str] = []


class IssueFilterSet(django_filters.FilterSet):
    parent = VocabularyFilter(
        paths=["parent__code"], vocabulary=Issue, normalise=lower, help_text="Direct children of these issues."
    )
    under = VocabularyFilter(
        paths=["code"],
        vocabulary=Issue,
        normalise=lower,
        descendants=True,
        help_text="These issues and everything below them.",
    )
    depth = django_filters.NumberFilter(min_value=0, max_value=20, help_text="0 for top-level issues.")

    class Meta:
        model = Issue
        fields: list[str] = []


class CountryFilterSet(django_filters.FilterSet):
    region = VocabularyFilter(
        paths=["region__code", "subregion__code", "intermediate_region__code"],
        vocabulary=Region,
        help_text="UN M49 region, sub-region or intermediate region codes, comma-separated.",
    )

    class Meta:
        model = Country
        fields: list[str] = []


class RegionFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Region.Kind.choices)
    parent = VocabularyFilter(paths=["parent__code"], vocabulary=Region)

    class Meta:
        model = Region
        fields: list[str] = []


class InstrumentViewSet(VocabularyViewSet):
    """Treaties (the Organized Crime Convention and its Protocols); the detail lists their articles."""

    queryset = Instrument.objects.select_related("parent").order_by("sort_order", "code")

    def get_queryset(self) -> QuerySet:
        queryset = super().get_queryset()
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                Prefetch("articles", queryset=Article.objects.select_related("instrument").order_by("number"))
            )
        return queryset

    def get_serializer_class(self) -> type:
        if self.action == "retrieve":
            return serializers.InstrumentDetailSerializer
        return serializers.InstrumentSerializer


class ArticleViewSet(VocabularyViewSet):
    """Articles of every instrument; codes look like UNTOC-18."""

    queryset = Article.objects.select_related("instrument")
    serializer_class = serializers.ArticleSerializer
    filterset_class = ArticleFilterSet


class CrimeTypeViewSet(VocabularyViewSet):
    """The 15 crime types, each with its sub-vocabularies (acts, means, purposes...)."""

    queryset = CrimeType.objects.prefetch_related(
        Prefetch("subtypes", queryset=CrimeSubType.objects.order_by("facet", "sort_order", "code"))
    )
    serializer_class = serializers.CrimeTypeSerializer


class IssueViewSet(VocabularyViewSet):
    """Cross-cutting issues: a tree flattened to a list (parent code and depth on each item)."""

    queryset = Issue.objects.select_related("parent").order_by("code")
    filterset_class = IssueFilterSet

    def get_queryset(self) -> QuerySet:
        queryset = super().get_queryset()
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                Prefetch("children", queryset=Issue.objects.order_by("sort_order", "code"))
            )
        return queryset

    def get_serializer_class(self) -> type:
        return serializers.IssueDetailSerializer if self.action == "retrieve" else serializers.IssueSerializer


class CountryViewSet(VocabularyViewSet):
    """Countries and territories, plus XIR (international and regional bodies). Lookup by alpha-3 or alpha-2."""

    queryset = Country.objects.select_related("region", "subregion", "intermediate_region")
    serializer_class = serializers.CountrySerializer
    filterset_class = CountryFilterSet
    lookup_value_regex = r"[A-Za-z]{2,3}"

    def lookup_condition(self, value: str) -> Q:
        value = value.upper()
        return Q(alpha3=value) | Q(alpha2=value)


class RegionViewSet(VocabularyViewSet):
    """UN M49 regions, sub-regions and intermediate regions, looked up by numeric code."""

    queryset = Region.objects.select_related("parent")
    serializer_class = serializers.RegionSerializer
    filterset_class = RegionFilterSet


class AuthorityRoleViewSet(VocabularyViewSet):
    """Designations a competent authority can hold, with their treaty basis."""

    queryset = AuthorityRole.objects.all()
    serializer_class = serializers.AuthorityRoleSerializer


class LanguageViewSet(VocabularyViewSet):
    """Content languages (the six UN languages and any added for original texts)."""

    queryset = Language.objects.all()
    serializer_class = serializers.LanguageSerializer
