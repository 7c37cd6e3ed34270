"""API representation of a competent national authority.

Name, country, roles, articles and crime types are public. The contact details
(CompetentAuthority.CONTACT_FIELDS) are present only when the serializer context says the caller may
see them (sherloc.api.permissions.can_view_contacts): the keys are absent, not null, for everyone
else, and `contact_details_included` tells a client which case it is in.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from legislation.serializers import absolute
from taxonomy.serializers import ArticleTagListField, CountryField, TermField, TermListField, api_url

from .models import CompetentAuthority

CONTACT_FIELDS: tuple[str, ...] = CompetentAuthority.CONTACT_FIELDS


class AuthoritySerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Public page.")
    api_url = serializers.SerializerMethodField()
    country = CountryField()
    roles = TermListField(help_text="Designations held (authority-roles codes).")
    articles = ArticleTagListField(help_text="Treaty articles under which it is designated.")
    crime_types = TermListField()
    original_language = TermField()
    source_url = serializers.CharField(
        read_only=True, help_text="Official source of the designation (link to the original record); may be empty."
    )
    website = serializers.CharField(required=False, help_text="Website; may be empty.")
    email = serializers.CharField(required=False, help_text="Official e-mail address; may be empty.")
    contact_details_included = serializers.SerializerMethodField(
        help_text="True when the contact fields are included (token with read_contacts, or a practitioner)."
    )

    class Meta:
        model = CompetentAuthority
        fields = [
            "id",
            "external_id",
            "url",
            "api_url",
            "country",
            "name",
            "source_url",
            "roles",
            "articles",
            "crime_types",
            "original_language",
            "published_at",
            "updated_at",
            "contact_details_included",
            *CONTACT_FIELDS,
        ]
        # Contact fields are optional in the output (absent for the public); never writable here.
        extra_kwargs = {name: {"required": False} for name in CONTACT_FIELDS}

    def get_url(self, obj: CompetentAuthority) -> str:
        return absolute(self.context, obj.get_absolute_url())

    def get_api_url(self, obj: CompetentAuthority) -> str:
        return api_url(self.context, "authority-detail", pk=obj.pk)

    def get_contact_details_included(self, obj: CompetentAuthority) -> bool:
        return bool(self.context.get("can_view_contacts"))

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        # No context key at all = schema generation: document the (optional) contact fields.
        if self.context.get("can_view_contacts", True) is False:
            for name in CONTACT_FIELDS:
                fields.pop(name, None)
        return fields

    def to_representation(self, instance: CompetentAuthority) -> dict[str, Any]:
        data = super().to_representation(instance)
        if not self.context.get("can_view_contacts"):  # belt and braces: never leak a contact field
            for name in CONTACT_FIELDS:
                data.pop(name, None)
        return data
