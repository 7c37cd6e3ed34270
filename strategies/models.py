"""Strategies and policies, and the explanatory materials of laws: the documents States are asked to share.

Two record families live here:

- `Strategy`: a national or regional strategy, action plan, policy, or an agreement or memorandum of
  understanding between States or agencies. Its `country` is the issuing State, or the "International and
  regional bodies" jurisdiction (XIR) for a regional document, which lists the States it covers in
  `covered_countries` (an ECOWAS or EU action plan); search and the country pages find it under each.
- `ExplanatoryMaterial`: an explanatory memorandum, legislative handbook, brief or guidance about one law.
  It lives here rather than in `legislation` so that the legislation app stays the laws and their
  provisions (which cases and authorities cite), and because it is published on its own: a ministry may send
  the memorandum years after the law, through its own submission and review, as a record of its own with
  its own tags, while its page is the law's page (the hit of a search leads there).

Both are `PublishableRecord`s, so the workflow, the removals log, the caches and the search freshness treat
them as families; their PDFs are `sherloc.models.Attachment`s checked and text-extracted by `sherloc.uploads`.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sherloc.families import RecordFormat, SearchDocument
from sherloc.models import Attachment, PublishableRecord
from taxonomy.tagging import ArticleTagBase, place_terms, tag_terms


class StrategyType(models.TextChoices):
    STRATEGY = "strategy", _("Strategy")
    ACTION_PLAN = "action_plan", _("Action plan")
    POLICY = "policy", _("Policy")
    AGREEMENT = "agreement", _("Agreement or memorandum of understanding")


class StrategyStatus(models.TextChoices):
    """Shown status. Current and expired follow from the period; superseded is only known when recorded."""

    CURRENT = "current", _("Current")
    SUPERSEDED = "superseded", _("Superseded")
    EXPIRED = "expired", _("Expired")


class Strategy(PublishableRecord):
    """A strategy, action plan, policy or agreement on organized crime."""

    record_kind = "strategy"
    # Its line in the interchange format (sherloc.families.RecordFormat; docs/import-format.md).
    record_format = RecordFormat(
        type="strategy",
        plural="strategies",
        position=40,
        fields=(
            "country",
            "covered_countries",
            "title",
            "original_title",
            "strategy_type",
            "issuing_body",
            "adoption_date",
            "period_start",
            "period_end",
            "superseded",
            "summary",
            "source_url",
            "articles",
            "crime_types",
            "issues",
            "attachments",
        ),
        identity=("country__alpha3", "title"),
        identity_path="title",
        identity_description="country + title",
    )
    # What the strategy's representation is made of (sherloc.versions stamps updated_at when any of it changes).
    version_parts = ("attachments", "article_tags", "articles", "crime_types", "issues", "covered_countries")
    embedded_terms = {
        **tag_terms(fields=("articles", "crime_types", "issues")),
        # A regional strategy shows the States it covers, and their regions, beside its own country.
        "taxonomy.Country": ("country", "covered_countries"),
        "taxonomy.Region": (
            *place_terms("country")["taxonomy.Region"],
            *place_terms("covered_countries")["taxonomy.Region"],
        ),
    }
    # Its search documents (search.documents reads this; strategies/documents.py builds the fields).
    search_document = SearchDocument(
        kind="strategy",
        type="strategy",
        label=_("Strategies and policies"),
        fields=(
            "pk",
            "title",
            "original_title",
            "country",
            "original_language",
            "issuing_body",
            "summary",
            "adoption_date",
            "period_start",
            "updated_at",
        ),
        tags=("article_tags", "crime_types", "issues", "covered_countries", "attachments"),
        build="strategies.documents.build_strategy",
        viewname="strategies:strategy-detail",
    )

    country = models.ForeignKey(
        "taxonomy.Country",
        on_delete=models.PROTECT,
        related_name="strategies",
        help_text="Issuing State; for a regional document, the 'International and regional bodies' jurisdiction.",
    )
    covered_countries = models.ManyToManyField(
        "taxonomy.Country",
        blank=True,
        related_name="covered_by_strategies",
        help_text="States a regional document covers (e.g. the members of ECOWAS); empty for a national one.",
    )
    title = models.CharField(max_length=500, help_text="Title in English (or the working language of the record).")
    original_title = models.CharField(max_length=500, blank=True, help_text="Title in the original language.")
    strategy_type = models.CharField(
        max_length=16,
        choices=StrategyType.choices,
        default=StrategyType.STRATEGY,
        help_text="Strategy, action plan, policy, or agreement/memorandum of understanding.",
    )
    issuing_body = models.CharField(
        max_length=500, blank=True, help_text="Who adopted it, e.g. 'Council of Ministers', 'ECOWAS Commission'."
    )
    adoption_date = models.DateField(null=True, blank=True, help_text="Date of adoption or signature.")
    period_start = models.DateField(null=True, blank=True, help_text="First day of the period covered, if stated.")
    period_end = models.DateField(null=True, blank=True, help_text="Last day of the period covered (open if empty).")
    superseded = models.BooleanField(
        default=False, help_text="Replaced by a later document: shown as superseded whatever its period says."
    )
    summary = models.TextField(blank=True, help_text="Summary of aims and measures (plain text or simple HTML).")
    articles = models.ManyToManyField(
        "taxonomy.Article",
        through="StrategyArticle",
        blank=True,
        related_name="strategies",
        help_text="Convention and Protocol articles the document addresses.",
    )
    crime_types = models.ManyToManyField(
        "taxonomy.CrimeType", blank=True, related_name="strategies", help_text="Crime types addressed."
    )
    issues = models.ManyToManyField(
        "taxonomy.Issue", blank=True, related_name="strategies", help_text="Cross-cutting issues addressed."
    )
    source_url = models.URLField(max_length=1000, blank=True, help_text="Official source of the document.")
    history = HistoricalRecords()

    #: Plain text or a safe subset of HTML (sherloc.richtext): shown rendered, searched and diffed as plain text.
    RICH_TEXT_FIELDS = ("summary",)

    class Meta:
        ordering = ["country__name", "title"]
        verbose_name = "strategy or policy"
        verbose_name_plural = "strategies and policies"
        constraints = [
            models.UniqueConstraint(
                fields=["country", "title"],
                condition=Q(revision_of__isnull=True),
                name="strategy_unique_country_title",
                violation_error_message=_("This country already has a strategy with this title."),
            ),
            PublishableRecord.one_open_revision("strategy_one_open_revision"),
            PublishableRecord.revision_never_published("strategy_revision_never_published"),
            models.CheckConstraint(
                condition=Q(period_end__isnull=True)
                | Q(period_start__isnull=True)
                | Q(period_end__gte=F("period_start")),
                name="strategy_period_order",
                violation_error_message=_("The period cannot end before it starts."),
            ),
        ]
        indexes = [models.Index(fields=["country", "status"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.country.alpha3})"

    def get_absolute_url(self) -> str:
        return reverse("strategies:strategy-detail", kwargs={"pk": self.pk})

    @property
    def year(self) -> int | None:
        date = self.adoption_date or self.period_start
        return date.year if date else None

    @property
    def is_regional(self) -> bool:
        return bool(self.country.is_international)

    def current_status(self, today: dt.date | None = None) -> str:
        """Superseded when recorded, expired once the period has ended, otherwise current."""
        return strategy_status(self.superseded, self.period_end, today)

    def get_current_status_display(self) -> str:
        return StrategyStatus(self.current_status()).label


def strategy_status(superseded: bool, period_end: dt.date | None, today: dt.date | None = None) -> str:
    """The status of a strategy from what is recorded (one rule for pages, API, export and search)."""
    if superseded:
        return StrategyStatus.SUPERSEDED
    today = today or timezone.localdate()
    if period_end is not None and period_end < today:
        return StrategyStatus.EXPIRED
    return StrategyStatus.CURRENT


class StrategyArticle(ArticleTagBase):
    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="article_tags", help_text="Tagged strategy."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["strategy", "article", "paragraph"], name="strategy_article_unique"),
            ArticleTagBase.paragraph_constraint("strategy_article_paragraph_format"),
        ]


class StrategyAttachment(Attachment):
    download_kind = "strategy"

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="attachments", help_text="Strategy the file belongs to."
    )


class MaterialKind(models.TextChoices):
    MEMORANDUM = "memorandum", _("Explanatory memorandum")
    HANDBOOK = "handbook", _("Legislative handbook")
    BRIEF = "brief", _("Brief")
    GUIDANCE = "guidance", _("Guidance")


class ExplanatoryMaterial(PublishableRecord):
    """An explanatory document about one law, listed on the law's page and searchable on its own."""

    record_kind = "material"
    # Its line in the interchange format (sherloc.families.RecordFormat): it names its law, so it comes after.
    record_format = RecordFormat(
        type="material",
        plural="materials",
        position=50,
        fields=(
            *("law", "kind", "title", "date", "summary", "text", "source_url"),
            *("articles", "crime_types", "issues", "attachments"),
        ),
        identity=("law__external_id", "title"),
        identity_path="title",
        identity_description="law + title",
    )
    # What the material's representation is made of (sherloc.versions stamps updated_at when any of it changes).
    # Its law's title and status show too: re-indexing a law re-indexes its materials (search.indexing).
    version_parts = ("attachments", "article_tags", "articles", "crime_types", "issues")
    embedded_terms = {**place_terms("country"), **tag_terms(fields=("articles", "crime_types", "issues"))}
    # A hit leads to the law's page, and is public only while the law is (`parent`).
    search_document = SearchDocument(
        kind="material",
        type="material",
        label=_("Explanatory materials"),
        fields=(
            "pk",
            "law",
            "title",
            "original_language",
            "summary",
            "text",
            "date",
            "law__title",
            "law__number",
            "law__country",
            "updated_at",
        ),
        tags=("article_tags", "crime_types", "issues", "attachments"),
        build="strategies.documents.build_material",
        viewname="legislation:law-detail",
        country="law__country",
        parent="law",
    )

    law = models.ForeignKey(
        "legislation.Law",
        on_delete=models.CASCADE,
        related_name="explanatory_materials",
        help_text="The law this document explains.",
    )
    # The law's country, kept equal to it on every save (`save`): focal-point scopes, the review queue's
    # country filter, duplicate checks and country pages all go by a record's own `country`.
    country = models.ForeignKey(
        "taxonomy.Country",
        on_delete=models.PROTECT,
        related_name="explanatory_materials",
        editable=False,
        help_text="The law's country (copied from the law on save).",
    )
    kind = models.CharField(
        max_length=16,
        choices=MaterialKind.choices,
        default=MaterialKind.MEMORANDUM,
        help_text="Explanatory memorandum, legislative handbook, brief or guidance.",
    )
    title = models.CharField(max_length=500, help_text="Title of the document.")
    date = models.DateField(null=True, blank=True, help_text="Date of the document.")
    summary = models.TextField(blank=True, help_text="Summary of the document (plain text or simple HTML).")
    text = models.TextField(blank=True, help_text="Full text, when there is no attachment (plain text or simple HTML).")
    articles = models.ManyToManyField(
        "taxonomy.Article",
        through="MaterialArticle",
        blank=True,
        related_name="explanatory_materials",
        help_text="Convention and Protocol articles the document explains the implementation of.",
    )
    crime_types = models.ManyToManyField(
        "taxonomy.CrimeType", blank=True, related_name="explanatory_materials", help_text="Crime types addressed."
    )
    issues = models.ManyToManyField(
        "taxonomy.Issue", blank=True, related_name="explanatory_materials", help_text="Cross-cutting issues addressed."
    )
    source_url = models.URLField(max_length=1000, blank=True, help_text="Official source of the document.")
    history = HistoricalRecords()

    RICH_TEXT_FIELDS = ("summary", "text")

    class Meta:
        ordering = ["law", "date", "title"]
        verbose_name = "explanatory material"
        verbose_name_plural = "explanatory materials"
        constraints = [
            models.UniqueConstraint(
                fields=["law", "title"],
                condition=Q(revision_of__isnull=True),
                name="material_unique_law_title",
                violation_error_message=_("This law already has an explanatory material with this title."),
            ),
            PublishableRecord.one_open_revision("material_one_open_revision"),
            PublishableRecord.revision_never_published("material_revision_never_published"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """Its place on the law's page: the material has no page of its own."""
        return f"{self.law.get_absolute_url()}#material-{self.pk}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.law_id is not None:
            self.country_id = law_country(self.law_id, self._state.fields_cache.get("law"))
        super().save(*args, **kwargs)

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None


def law_country(law_id: int, law: models.Model | None = None) -> int:
    """The country of law `law_id` (from `law` when it is that law, loaded already)."""
    if law is not None and law.pk == law_id:
        return law.country_id
    return ExplanatoryMaterial.law.field.related_model.objects.values_list("country_id", flat=True).get(pk=law_id)


def follow_law_country(sender: type, instance: models.Model, raw: bool = False, **kwargs: object) -> None:
    """post_save of a law: its explanatory materials move with it if its country changed."""
    if not raw:
        ExplanatoryMaterial.objects.filter(law=instance).exclude(country_id=instance.country_id).update(
            country_id=instance.country_id
        )


class MaterialArticle(ArticleTagBase):
    material = models.ForeignKey(
        ExplanatoryMaterial, on_delete=models.CASCADE, related_name="article_tags", help_text="Tagged material."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["material", "article", "paragraph"], name="material_article_unique"),
            ArticleTagBase.paragraph_constraint("material_article_paragraph_format"),
        ]


class MaterialAttachment(Attachment):
    download_kind = "material"

    material = models.ForeignKey(
        ExplanatoryMaterial,
        on_delete=models.CASCADE,
        related_name="attachments",
        help_text="Explanatory material the file belongs to.",
    )
