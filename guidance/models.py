"""Article guidance: what each article of the Convention and its Protocols asks of national law, written by
the secretariat (the role of UNODC's Legislative Guides), one record per article and language.

`ArticleGuidance` is a `PublishableRecord`, so publication, the removals log, the caches, versions, the
published-version snapshots and the search freshness treat it as a record family. It is shown at the top of
the article page (portal.views.browse), in the reader's language when written and published, else English.
Its `language` is one of the six UN languages and is also its `original_language` (kept equal on save), so
the shared machinery that reads a record's language works unchanged.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sherloc import richtext
from sherloc.families import RecordFormat, SearchDocument
from sherloc.models import PublishableRecord
from taxonomy.models import Language


class GuidanceLanguage(models.TextChoices):
    """The six UN languages, by the codes the site's URLs and `taxonomy.Language` use."""

    ARABIC = "ar", _("Arabic")
    CHINESE = "zh-hans", _("Chinese")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    RUSSIAN = "ru", _("Russian")
    SPANISH = "es", _("Spanish")


FALLBACK_LANGUAGE = GuidanceLanguage.ENGLISH


class ArticleGuidance(PublishableRecord):
    """Guidance on one article in one language: the article's requirements, mandatory and optional measures,
    drafting points and sources."""

    record_kind = "guidance"
    # The page shows the article's number and title (and its instrument's): relabelling them re-stamps it.
    embedded_terms = {"taxonomy.Article": ("article",), "taxonomy.Instrument": ("article__instrument",)}
    # How guidance becomes a search document (search.documents reads it; guidance/documents.py builds,
    # with the article page's URL: hence no viewname).
    search_document = SearchDocument(
        kind="guidance",
        type="guidance",
        label=_("Guidance"),  # short: the seventh tab still fits one line at desktop width
        fields=(
            "pk",
            "article",
            "article__code",
            "article__number",
            "article__instrument__code",
            "language",
            "requirements",
            "mandatory_measures",
            "optional_measures",
            "drafting_points",
            "sources",
            "updated_at",
        ),
        tags=(),
        build="guidance.documents.build_guidance",
        viewname="",
        country=None,
        entry_title=None,  # its article's number and title in its language: the indexed title
    )

    article = models.ForeignKey(
        "taxonomy.Article",
        on_delete=models.PROTECT,
        related_name="guidance",
        help_text="The article of the Convention or a Protocol this guidance explains.",
    )
    language = models.CharField(
        max_length=8,
        choices=GuidanceLanguage.choices,
        help_text="Language of this text (one of the six UN languages); one guidance per article and language.",
    )
    requirements = models.TextField(
        help_text="What the article requires of national law: its obligations explained in plain terms "
        "(plain text or simple HTML).",
    )
    mandatory_measures = models.TextField(
        blank=True,
        help_text="Measures States must take ('shall adopt'), with the conditions the article attaches to them.",
    )
    optional_measures = models.TextField(
        blank=True,
        help_text="Measures States may take or must consider ('may', 'shall consider', 'shall endeavour').",
    )
    drafting_points = models.TextField(
        blank=True,
        help_text="Points for drafters of implementing legislation: definitions to align, common gaps, choices "
        "left to national law, links with other articles.",
    )
    sources = models.TextField(
        blank=True,
        help_text="Sources and references: the Legislative Guide's paragraphs, travaux préparatoires, "
        "interpretative notes, model laws (one per line or a list).",
    )
    history = HistoricalRecords()

    #: Plain text or a safe subset of HTML (sherloc.richtext): cleaned on save, rendered on the page.
    RICH_TEXT_FIELDS = ("requirements", "mandatory_measures", "optional_measures", "drafting_points", "sources")

    # Its line in the interchange format (sherloc.families.RecordFormat): curated, so never submitted.
    record_format = RecordFormat(
        type="guidance",
        plural="guidance",
        position=70,
        fields=("article", "language", *RICH_TEXT_FIELDS),
        identity=("article__code", "language"),
        identity_path="language",
        identity_description="article + language",
        curated=True,
    )

    class Meta:
        ordering = ["article__instrument__sort_order", "article__number", "language"]
        verbose_name = _("article guidance")
        verbose_name_plural = _("article guidance")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"],
                condition=Q(revision_of__isnull=True),
                name="guidance_unique_article_language",
                violation_error_message=_("This article already has guidance in this language."),
            ),
            models.CheckConstraint(
                condition=Q(language__in=GuidanceLanguage.values),
                name="guidance_language_un",
                violation_error_message=_("Guidance is written in one of the six UN languages."),
            ),
            models.CheckConstraint(condition=~Q(requirements=""), name="guidance_requirements_not_empty"),
            PublishableRecord.one_open_revision("guidance_one_open_revision"),
            PublishableRecord.revision_never_published("guidance_revision_never_published"),
        ]
        indexes = [models.Index(fields=["article", "status"])]

    def __str__(self) -> str:
        return f"{self.article.code} ({self.language})"

    def get_absolute_url(self) -> str:
        """The article page, at the guidance box (the page shows the reader's language or English)."""
        article = self.article
        url = reverse("taxonomy:article-detail", kwargs={"code": article.instrument.code, "number": article.number})
        return f"{url}#guidance"

    def validate_constraints(self, exclude: Any = None) -> None:
        """Check one guidance per article and language in forms too: the constraint's condition reads
        `revision_of`, which no form shows, and Django skips a constraint whose fields a form excludes."""
        super().validate_constraints(exclude=set(exclude or ()) - {"revision_of"})

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Sanitise the rich text (any path: admin, import, shell) and keep `original_language` = `language`."""
        for name in self.RICH_TEXT_FIELDS:
            setattr(self, name, richtext.clean(getattr(self, name) or ""))
        self.original_language_id = language_id(self.language)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "original_language"}
        super().save(*args, **kwargs)


def language_id(code: str) -> int | None:
    """The `taxonomy.Language` row of a guidance language (shipped reference data), or None."""
    return Language.objects.filter(code=code).values_list("pk", flat=True).first()
