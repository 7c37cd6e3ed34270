"""API representation of a case: metadata, tags, texts, people (victims by initials only) and charges
per defendant. Lists and details share it, so a sync client gets whole records from the list."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from legislation.serializers import AttachmentSerializer, absolute
from sherloc.models import PublicationStatus
from taxonomy.serializers import ArticleTagListField, CountryField, TermField, TermListField, api_url

from .dates import decision_year, iso_partial
from .models import Case, Charge, Court, CourtLevel, DatePrecision, Person, ProceduralStage


class CourtRef(serializers.Serializer):
    name = serializers.CharField()
    level = serializers.ChoiceField(
        choices=[("", "not recorded"), *CourtLevel.choices], help_text="Empty when the level is not recorded."
    )
    country = serializers.CharField(help_text="Alpha-3 code.")


class PersonSerializer(serializers.ModelSerializer):
    nationality = CountryField(allow_null=True)

    class Meta:
        model = Person
        fields = ["id", "order", "role", "kind", "name", "gender", "age_at_offence", "nationality", "group_size"]
        read_only_fields = fields


class ProvisionLink(serializers.Serializer):
    id = serializers.IntegerField()
    api_url = serializers.URLField()


class ChargeSerializer(serializers.ModelSerializer):
    defendant = serializers.IntegerField(source="defendant_id", read_only=True, help_text="`id` of a person.")
    crime_type = TermField(allow_null=True)
    provision = serializers.SerializerMethodField(help_text="The portal's record of the statute, when published.")

    class Meta:
        model = Charge
        fields = ["id", "defendant", "statute", "provision", "crime_type", "verdict", "sentence", "sentence_months"]
        read_only_fields = fields

    @extend_schema_field(ProvisionLink(allow_null=True))
    def get_provision(self, obj: Charge) -> dict[str, Any] | None:
        provision = obj.provision
        if provision is None or provision.law.status != PublicationStatus.PUBLISHED:
            return None
        return {"id": provision.pk, "api_url": api_url(self.context, "provision-detail", pk=provision.pk)}


class CaseSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Public page.")
    api_url = serializers.SerializerMethodField()
    country = CountryField()
    court = serializers.SerializerMethodField(help_text="Null when the record does not say which court decided.")
    decision_date = serializers.SerializerMethodField(
        help_text="'2018', '2018-03' or '2018-03-15' as far as the date is known; null when not recorded."
    )
    decision_date_precision = serializers.ChoiceField(
        choices=DatePrecision.choices,
        read_only=True,
        allow_null=True,
        help_text="day, month or year: how much of `decision_date` is known; null with the date.",
    )
    year = serializers.SerializerMethodField(help_text="Year of the decision; null when the date is not recorded.")
    procedural_stage = serializers.ChoiceField(
        choices=[("", "not recorded"), *ProceduralStage.choices],
        read_only=True,
        help_text="Empty when not recorded.",
    )
    source_number = serializers.CharField(
        read_only=True, help_text="The originating database's own number (e.g. SHERLOC's BRA016); not unique."
    )
    source_url = serializers.CharField(read_only=True, help_text="The original record; may be empty.")
    original_language = TermField()
    articles = ArticleTagListField()
    crime_types = TermListField()
    crime_subtypes = TermListField()
    issues = TermListField()
    keywords = serializers.ListField(child=serializers.CharField(), read_only=True)
    people = PersonSerializer(many=True, read_only=True)
    charges = ChargeSerializer(many=True, read_only=True)
    attachments = AttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = Case
        fields = [
            "id",
            "external_id",
            "portal_number",
            "source_number",
            "source_url",
            "url",
            "api_url",
            "title",
            "country",
            "court",
            "decision_date",
            "decision_date_precision",
            "year",
            "case_number",
            "procedural_stage",
            "articles",
            "crime_types",
            "crime_subtypes",
            "issues",
            "keywords",
            "fact_summary",
            "commentary",
            "legal_reasoning",
            "sentence",
            "people",
            "charges",
            "attachments",
            "original_language",
            "published_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_url(self, obj: Case) -> str:
        return absolute(self.context, obj.get_absolute_url())

    def get_api_url(self, obj: Case) -> str:
        return api_url(self.context, "case-detail", pk=obj.pk)

    @extend_schema_field(CourtRef(allow_null=True))
    def get_court(self, obj: Case) -> dict[str, Any] | None:
        court: Court | None = obj.court
        if court is None:
            return None
        return {"name": court.name, "level": court.level, "country": court.country.alpha3}

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_decision_date(self, obj: Case) -> str | None:
        return iso_partial(obj.decision_date, obj.decision_date_precision)

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_year(self, obj: Case) -> int | None:
        return decision_year(obj)
