"""Competent national authorities. Name, country and roles are public; contact details are not."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sherloc.families import RecordFormat, SearchDocument
from sherloc.models import PublishableRecord
from taxonomy.tagging import ArticleTagBase, place_terms, tag_terms


class Channel(models.TextChoices):
    DIRECT = "direct", _("Direct")
    DIPLOMATIC = "diplomatic", _("Diplomatic channels")
    INTERPOL = "interpol", _("INTERPOL")


class CompetentAuthority(PublishableRecord):
    record_kind = "authority"
    # What the authority's representation is made of (sherloc.versions stamps updated_at when it changes).
    version_parts = ("article_tags", "articles", "roles", "crime_types")
    embedded_terms = {**place_terms("country"), **tag_terms(fields=("articles", "roles", "crime_types"))}
    # Its search documents (authorities/documents.py): public fields only, never the contact details.
    search_document = SearchDocument(
        kind="authority",
        type="authority",
        label=_("Competent authorities"),
        fields=("pk", "name", "country", "original_language", "updated_at"),
        tags=("article_tags", "roles", "crime_types"),
        build="authorities.documents.build_authority",
        viewname="authorities:authority-detail",
        type_facets=("role",),
        entry_title="name",
    )

    country = models.ForeignKey(
        "taxonomy.Country", on_delete=models.PROTECT, related_name="authorities", help_text="Designating State."
    )
    name = models.CharField(max_length=500, help_text="Name of the authority.")
    roles = models.ManyToManyField(
        "taxonomy.AuthorityRole", related_name="authorities", help_text="Designations held (public)."
    )
    articles = models.ManyToManyField(
        "taxonomy.Article",
        through="AuthorityArticle",
        blank=True,
        related_name="authorities",
        help_text="Treaty articles under which it is designated.",
    )
    crime_types = models.ManyToManyField(
        "taxonomy.CrimeType", blank=True, related_name="authorities", help_text="Crime types it handles, if limited."
    )
    source_url = models.URLField(
        max_length=1000, blank=True, help_text="Official source of the designation (public), e.g. the UNODC directory."
    )
    # Contact details: signed-in practitioners only.
    address = models.TextField(blank=True, help_text="Postal address.")
    phone = models.CharField(max_length=120, blank=True, help_text="Telephone, international format.")
    fax = models.CharField(max_length=120, blank=True, help_text="Fax, international format.")
    email = models.EmailField(blank=True, help_text="Official e-mail address.")
    website = models.URLField(max_length=500, blank=True, help_text="Website.")
    contact_person = models.CharField(max_length=255, blank=True, help_text="Name and title of the contact person.")
    office_hours = models.CharField(max_length=255, blank=True, help_text="Office hours, e.g. 'Mon-Fri 09:00-17:00'.")
    time_zone = models.CharField(max_length=64, blank=True, help_text="IANA time zone, e.g. 'America/Sao_Paulo'.")
    languages_accepted = models.JSONField(
        default=list, blank=True, help_text="Languages in which requests are accepted (BCP 47 codes)."
    )
    channels = models.JSONField(
        default=list, blank=True, help_text="Channels accepted: 'direct', 'diplomatic', 'interpol'."
    )
    urgent_by_email = models.BooleanField(default=False, help_text="Urgent requests accepted by e-mail.")
    urgent_by_fax = models.BooleanField(default=False, help_text="Urgent requests accepted by fax.")
    legal_requirements = models.TextField(blank=True, help_text="Legal requirements for requests.")
    procedural_requirements = models.TextField(blank=True, help_text="Procedural requirements and formalities.")
    untoc_legal_basis = models.BooleanField(
        null=True, blank=True, help_text="Whether UNTOC is accepted as legal basis (unknown if empty)."
    )
    last_confirmed = models.DateField(null=True, blank=True, help_text="When the State last confirmed these details.")
    history = HistoricalRecords()

    CONTACT_FIELDS = (
        "address",
        "phone",
        "fax",
        "email",
        "website",
        "contact_person",
        "office_hours",
        "time_zone",
        "languages_accepted",
        "channels",
        "urgent_by_email",
        "urgent_by_fax",
        "legal_requirements",
        "procedural_requirements",
        "untoc_legal_basis",
        "last_confirmed",
    )
    #: Plain text or a safe subset of HTML (sherloc.richtext): shown rendered (to practitioners), diffed as text.
    RICH_TEXT_FIELDS = ("legal_requirements", "procedural_requirements")

    # Its line in the interchange format (sherloc.families.RecordFormat): contact details included, since
    # exports are for curators.
    record_format = RecordFormat(
        type="authority",
        plural="authorities",
        position=30,
        fields=("country", "name", "source_url", "roles", "articles", "crime_types", *CONTACT_FIELDS),
        identity=("country__alpha3", "name"),
        identity_path="name",
        identity_description="country + name",
    )

    class Meta:
        ordering = ["country__name", "name"]
        verbose_name_plural = "competent authorities"
        constraints = [
            models.UniqueConstraint(
                fields=["country", "name"],
                condition=Q(revision_of__isnull=True),
                name="authority_unique_name",
                violation_error_message=_("This country already has an authority with this name."),
            ),
            PublishableRecord.one_open_revision("authority_one_open_revision"),
            PublishableRecord.revision_never_published("authority_revision_never_published"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.country.alpha3})"

    def get_absolute_url(self) -> str:
        return reverse("authorities:authority-detail", kwargs={"pk": self.pk})


class AuthorityArticle(ArticleTagBase):
    authority = models.ForeignKey(
        CompetentAuthority, on_delete=models.CASCADE, related_name="article_tags", help_text="Tagged authority."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["authority", "article", "paragraph"], name="authority_article_unique"),
            ArticleTagBase.paragraph_constraint("authority_article_paragraph_format"),
        ]
