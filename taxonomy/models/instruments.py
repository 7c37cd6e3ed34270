from django.db import models
from django.db.models import Q

from .labels import LabelledVocabulary


class Instrument(LabelledVocabulary):
    """A treaty: the Organized Crime Convention, its Protocols, and later UNCAC or the 1988 Convention."""

    code = models.SlugField(max_length=32, unique=True, help_text="Stable code, e.g. 'UNTOC', 'TIP', 'SOM'.")
    short_title = models.CharField(max_length=120, blank=True, help_text="Short name shown in facets.")

    representation_fields = ("code", "short_title", "label", "translations")
    un_document = models.CharField(max_length=120, blank=True, help_text="Adopting UN document symbol.")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="protocols",
        help_text="The convention a protocol supplements, if any.",
    )

    def __str__(self) -> str:
        return self.short_title or self.label


class Article(models.Model):
    """One article of an instrument. Tags point here, optionally with a paragraph ("18(13)")."""

    instrument = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, related_name="articles", help_text="Instrument the article belongs to."
    )
    number = models.PositiveSmallIntegerField(help_text="Article number within the instrument.")
    code = models.SlugField(
        max_length=48, unique=True, help_text="Stable code '<instrument>-<number>', e.g. 'UNTOC-18'."
    )
    title = models.CharField(max_length=255, help_text="Article title in English.")
    translations = models.JSONField(default=dict, blank=True, help_text="Titles in other languages by code.")
    # Fields records show (sherloc.versions re-stamps the records tagged with the article when one changes).
    representation_fields = ("code", "number", "title", "translations", "instrument_id")

    chapter_number = models.CharField(max_length=16, blank=True, help_text="Chapter number (roman), if any.")
    chapter_title = models.CharField(max_length=255, blank=True, help_text="Chapter title, if any.")

    class Meta:
        ordering = ["instrument__sort_order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "number"], name="article_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="article_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.title}"

    @property
    def label(self) -> str:
        return f"Art. {self.number} {self.title}"

    def label_in(self, lang: str | None = None) -> str:
        from sherloc.language_codes import base_language

        title = (self.translations or {}).get(base_language(lang)) or self.title
        return f"{self.number}. {title}"
