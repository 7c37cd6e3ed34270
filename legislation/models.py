"""Laws and their provisions. Provisions carry the tags and are what search returns for legislation."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sherloc.families import RecordFormat, SearchDocument
from sherloc.models import Attachment, PublishableRecord
from taxonomy.tagging import ArticleTagBase, place_terms, tag_terms


class LawType(models.TextChoices):
    CONSTITUTION = "constitution", _("Constitution")
    CODE = "code", _("Code")
    ACT = "act", _("Act / statute")
    DECREE = "decree", _("Decree")
    REGULATION = "regulation", _("Regulation")
    ORDINANCE = "ordinance", _("Ordinance")
    OTHER = "other", _("Other")


class LegalStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    AMENDED = "amended", _("Amended")
    REPEALED = "repealed", _("Repealed")


class Law(PublishableRecord):
    """A piece of domestic legislation. Amendment links and dated versions are a later step."""

    record_kind = "law"
    # Its line in the interchange format (sherloc.families.RecordFormat; docs/import-format.md).
    record_format = RecordFormat(
        type="law",
        plural="laws",
        position=10,
        fields=(
            "country",
            "title",
            "original_title",
            "law_type",
            "number",
            "adoption_date",
            "entry_into_force_date",
            "legal_status",
            "source_url",
            "provisions",
            "attachments",
        ),
        identity=("country__alpha3", "number", "title"),
        identity_path="title",
        identity_description="country + number + title",
    )
    # What the law's representation is made of (sherloc.versions stamps updated_at when any of it changes).
    version_parts = (
        "provisions",
        "attachments",
        "provisions__article_tags",
        "provisions__articles",
        "provisions__crime_types",
        "provisions__crime_subtypes",
        "provisions__issues",
    )
    embedded_terms = {**place_terms("country"), **tag_terms("provisions")}

    country = models.ForeignKey(
        "taxonomy.Country", on_delete=models.PROTECT, related_name="laws", help_text="Enacting jurisdiction."
    )
    title = models.CharField(max_length=500, help_text="Title in English (or the working language of the record).")
    original_title = models.CharField(max_length=500, blank=True, help_text="Title in the original language.")
    law_type = models.CharField(
        max_length=16, choices=LawType.choices, default=LawType.ACT, help_text="Kind of legal instrument."
    )
    number = models.CharField(
        max_length=120, blank=True, default="", help_text="Official number, e.g. 'Law No. 13.344/2016'."
    )
    adoption_date = models.DateField(null=True, blank=True, help_text="Date of adoption or promulgation.")
    entry_into_force_date = models.DateField(null=True, blank=True, help_text="Date it entered into force.")
    legal_status = models.CharField(
        max_length=16,
        choices=LegalStatus.choices,
        default=LegalStatus.IN_FORCE,
        help_text="In force, amended or repealed.",
    )
    source_url = models.URLField(max_length=1000, blank=True, help_text="Official source (gazette, government site).")
    history = HistoricalRecords()

    class Meta:
        ordering = ["country__name", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "title", "number"],
                condition=Q(revision_of__isnull=True),
                name="law_unique_country_title_number",
                violation_error_message=_("This country already has a law with this title and number."),
            ),
            PublishableRecord.one_open_revision("law_one_open_revision"),
            PublishableRecord.revision_never_published("law_revision_never_published"),
            models.CheckConstraint(
                condition=Q(entry_into_force_date__isnull=True)
                | Q(adoption_date__isnull=True)
                | Q(entry_into_force_date__gte=F("adoption_date")),
                name="law_in_force_after_adoption",
                violation_error_message=_("The entry into force cannot be earlier than the adoption date."),
            ),
        ]
        indexes = [models.Index(fields=["country", "status"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.country.alpha3})"

    def get_absolute_url(self) -> str:
        return reverse("legislation:law-detail", kwargs={"pk": self.pk})

    @property
    def year(self) -> int | None:
        date = self.adoption_date or self.entry_into_force_date
        return date.year if date else None


class Provision(models.Model):
    """An article or section of a law: the unit that carries tags."""

    law = models.ForeignKey(Law, on_delete=models.CASCADE, related_name="provisions", help_text="Law it belongs to.")
    order = models.PositiveIntegerField(help_text="Position of the provision within its law (1, 2, ...).")
    label = models.CharField(max_length=120, help_text="Article or section label as printed, e.g. 'Art. 149-A'.")
    heading = models.CharField(max_length=500, blank=True, help_text="Heading of the provision, if any.")
    text = models.TextField(help_text="Text in the original language.")
    text_en = models.TextField(blank=True, help_text="English translation, if available.")
    language = models.ForeignKey(
        "taxonomy.Language", on_delete=models.PROTECT, related_name="+", help_text="Language of `text`."
    )
    articles = models.ManyToManyField(
        "taxonomy.Article",
        through="ProvisionArticle",
        blank=True,
        related_name="provisions",
        help_text="Convention and Protocol articles this provision implements.",
    )
    crime_types = models.ManyToManyField(
        "taxonomy.CrimeType", blank=True, related_name="provisions", help_text="Crime types addressed."
    )
    crime_subtypes = models.ManyToManyField(
        "taxonomy.CrimeSubType", blank=True, related_name="provisions", help_text="Sub-vocabulary values."
    )
    issues = models.ManyToManyField(
        "taxonomy.Issue", blank=True, related_name="provisions", help_text="Cross-cutting issues addressed."
    )
    source_url = models.URLField(
        max_length=1000, blank=True, help_text="Address of the provision in the official source, if it has its own."
    )
    history = HistoricalRecords()

    #: Plain text or a safe subset of HTML (sherloc.richtext): shown rendered, searched and diffed as plain text.
    RICH_TEXT_FIELDS = ("text", "text_en")

    # A law's search documents are its provisions (legislation/documents.py), anchors on the law's page and
    # public while it is; their version is the law's.
    search_document = SearchDocument(
        kind="provision",
        type="legislation",
        label=_("Legislation"),
        fields=(
            "pk",
            "law",
            "label",
            "heading",
            "text",
            "text_en",
            "language",
            "law__title",
            "law__original_title",
            "law__number",
            "law__country",
            "law__adoption_date",
            "law__entry_into_force_date",
            "law__legal_status",
            "law__updated_at",
        ),
        tags=("article_tags", "crime_types", "crime_subtypes", "issues"),
        build="legislation.documents.build_provision",
        viewname="legislation:law-detail",
        country="law__country",
        parent="law",
        version_field="law__updated_at",
        annotations="legislation.documents.lead_provision",
        loaders=("legislation.documents.load_law_files",),
    )

    class Meta:
        ordering = ["law", "order"]
        constraints = [
            models.UniqueConstraint(fields=["law", "order"], name="provision_unique_order"),
            models.CheckConstraint(condition=Q(order__gte=1), name="provision_order_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.heading}".strip()

    def get_absolute_url(self) -> str:
        return f"{self.law.get_absolute_url()}#provision-{self.pk}"


class ProvisionArticle(ArticleTagBase):
    provision = models.ForeignKey(
        Provision, on_delete=models.CASCADE, related_name="article_tags", help_text="Tagged provision."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provision", "article", "paragraph"], name="provision_article_unique"),
            ArticleTagBase.paragraph_constraint("provision_article_paragraph_format"),
        ]


class LawAttachment(Attachment):
    download_kind = "law"

    law = models.ForeignKey(
        Law, on_delete=models.CASCADE, related_name="attachments", help_text="Law the file belongs to."
    )
