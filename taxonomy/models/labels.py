from typing import ClassVar

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language

from sherloc.language_codes import base_language

# Codes are stable identifiers in URLs and files: letters, digits, '-', '_' and '.' (dotted paths
# for trees such as 'investigation.sit.undercover' and sub-vocabularies such as 'x.means.force').
code_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$", "Use letters, digits, '-', '_' and '.' only (no spaces)."
)


class LabelledVocabulary(models.Model):
    """A vocabulary term with an English label and translations keyed by language code.

    Translations live in a JSON map rather than one column per language so a seventh language, or a
    vocabulary translated only partly, needs no migration; `label_in` falls back to English.
    """

    code = models.CharField(
        max_length=120,
        unique=True,
        validators=[code_validator],
        help_text="Stable code used in URLs, the API and import files.",
    )
    label = models.CharField(max_length=255, help_text="English label.")
    translations = models.JSONField(
        default=dict,
        blank=True,
        help_text='Labels in other languages, keyed by language code: {"fr": "...", "ar": "..."}.',
    )
    sort_order = models.PositiveIntegerField(default=0, help_text="Position in lists and facets.")

    # Fields records show (pages, API, search documents): changing one re-stamps the records using the term
    # (sherloc.versions); sort order and the like do not.
    representation_fields: ClassVar[tuple[str, ...]] = ("code", "label", "translations")

    class Meta:
        abstract = True
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.label

    def label_in(self, lang: str | None = None) -> str:
        lang = base_language(lang or get_language())
        return (self.translations or {}).get(lang) or self.label
