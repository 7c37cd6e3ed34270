from django.db import models
from django.db.models import Q

from .labels import LabelledVocabulary


class Region(LabelledVocabulary):
    """A UN M49 region, sub-region or intermediate region."""

    class Kind(models.TextChoices):
        REGION = "region", "Region"
        SUBREGION = "subregion", "Sub-region"
        INTERMEDIATE = "intermediate", "Intermediate region"

    code = models.SlugField(max_length=8, unique=True, help_text="M49 numeric code, e.g. '419'.")
    kind = models.CharField(max_length=16, choices=Kind.choices, help_text="Level in the M49 hierarchy.")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", help_text="Enclosing region."
    )


class Country(models.Model):
    """A country or territory (ISO 3166), or the 'International and regional bodies' jurisdiction."""

    alpha3 = models.CharField(max_length=3, unique=True, help_text="ISO 3166-1 alpha-3 code; the code used in URLs.")
    alpha2 = models.CharField(max_length=2, unique=True, help_text="ISO 3166-1 alpha-2 code.")
    m49 = models.CharField(max_length=3, blank=True, help_text="UN M49 numeric code.")
    name = models.CharField(
        max_length=255, help_text="Name as people read it: the UN short name without its article, e.g. 'Netherlands'."
    )
    translations = models.JSONField(
        default=dict, blank=True, help_text="Readable short names in the other official languages, by language code."
    )
    formal_name = models.CharField(
        max_length=255, blank=True, help_text="UN formal name in English, for formal contexts."
    )
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="M49 region."
    )
    subregion = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="M49 sub-region."
    )
    intermediate_region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="M49 intermediate region."
    )
    # Fields records show (sherloc.versions re-stamps the country's records when one changes).
    representation_fields = ("alpha3", "name", "translations", "region_id", "subregion_id", "intermediate_region_id")

    is_international = models.BooleanField(
        default=False, help_text="True for the 'International and regional bodies' jurisdiction."
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [
            models.CheckConstraint(condition=Q(alpha3__regex=r"^[A-Z]{3}$"), name="country_alpha3_format"),
            models.CheckConstraint(condition=Q(alpha2__regex=r"^[A-Z]{2}$"), name="country_alpha2_format"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def code(self) -> str:
        return self.alpha3

    @property
    def label(self) -> str:
        return self.name

    def label_in(self, lang: str | None = None) -> str:
        from sherloc.language_codes import base_language

        return (self.translations or {}).get(base_language(lang)) or self.name

    def region_codes(self) -> list[str]:
        return [r.code for r in (self.region, self.subregion, self.intermediate_region) if r is not None]
