from django.db import models

from .labels import LabelledVocabulary


class CrimeType(LabelledVocabulary):
    """One of the 15 crime types of the UNODC case law database."""


class CrimeSubType(LabelledVocabulary):
    """A value of a crime type's sub-vocabulary (trafficking acts, means, purposes, forms...)."""

    crime_type = models.ForeignKey(
        CrimeType, on_delete=models.CASCADE, related_name="subtypes", help_text="Crime type this value refines."
    )
    facet = models.SlugField(
        max_length=32, help_text="Which sub-vocabulary: 'offences', 'acts', 'means', 'purposes', 'form'."
    )

    class Meta(LabelledVocabulary.Meta):
        ordering = ["crime_type__sort_order", "facet", "sort_order"]
