"""The annotated bibliography: research publications on organized crime, curated by the secretariat.

`Publication` is a record family like laws and cases (`PublishableRecord`: workflow, history, removals log,
search freshness). Its authors are ordered child rows (a person's family and given names, or an
organisation's name as written), because reference managers and citation styles need the order and the
split. It is tagged like the other families (articles, crime types, issues) and lists the countries the
research covers. Its language is `original_language`, the language the publication is written in.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sherloc.families import RecordFormat, SearchDocument
from sherloc.models import PublishableRecord
from taxonomy.tagging import ArticleTagBase, tag_terms

from .identifiers import doi_problem, isbn_problem, normalise_doi, normalise_isbn

YEAR_MIN, YEAR_MAX = 1000, 2999


class PublicationType(models.TextChoices):
    BOOK = "book", _("Book")
    CHAPTER = "chapter", _("Book chapter")
    ARTICLE = "article", _("Journal article")
    REPORT = "report", _("Report")
    THESIS = "thesis", _("Thesis")
    OTHER = "other", _("Other")


class ResearchMethod(models.TextChoices):
    QUALITATIVE = "qualitative", _("Qualitative")
    QUANTITATIVE = "quantitative", _("Quantitative")
    MIXED = "mixed", _("Mixed methods")
    LEGAL = "legal", _("Legal analysis")
    CASE_STUDY = "case_study", _("Case study")
    REVIEW = "review", _("Literature review")
    OTHER = "other", _("Other method")


class Publication(PublishableRecord):
    """A book, chapter, article, report or thesis, with a synopsis written for practitioners."""

    record_kind = "publication"
    # Its line in the interchange format (sherloc.families.RecordFormat). Only entries with a DOI have an
    # identity to check (the importer compares DOIs normalised).
    record_format = RecordFormat(
        type="publication",
        plural="publications",
        position=60,
        fields=(
            "title",
            "authors",
            "year",
            "publication_type",
            "container_title",
            "volume",
            "issue",
            "pages",
            "publisher",
            "doi",
            "isbn",
            "url",
            "synopsis",
            "research_method",
            "keywords",
            "countries",
            "articles",
            "crime_types",
            "issues",
        ),
        identity=("doi",),
        identity_path="doi",
        identity_description="DOI",
    )
    # What the entry's representation is made of (sherloc.versions stamps updated_at when any of it changes).
    version_parts = ("authors", "article_tags", "articles", "crime_types", "issues", "countries")
    embedded_terms = {
        **tag_terms(fields=("articles", "crime_types", "issues")),
        "taxonomy.Country": ("countries",),
        "taxonomy.Region": ("countries__region", "countries__subregion", "countries__intermediate_region"),
    }
    # How an entry becomes a search document (search.documents reads it; bibliography/documents.py builds).
    search_document = SearchDocument(
        kind="publication",
        type="publication",
        label=_("Bibliography"),
        fields=(
            "pk",
            "title",
            "year",
            "publication_type",
            "research_method",
            "container_title",
            "publisher",
            "doi",
            "isbn",
            "keywords",
            "synopsis",
            "original_language",
            "updated_at",
        ),
        tags=("article_tags", "crime_types", "issues", "countries"),
        build="bibliography.documents.build_publication",
        viewname="bibliography:publication-detail",
        country=None,  # the countries the research covers: build_publication
        type_facets=("publication_type", "research_method"),
        loaders=("bibliography.documents.load_authors",),
    )

    title = models.CharField(max_length=1000, help_text="Title as published (subtitle after a colon).")
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Year of publication; empty when undated ('n.d.')."
    )
    publication_type = models.CharField(
        max_length=16,
        choices=PublicationType.choices,
        default=PublicationType.ARTICLE,
        help_text="Book, book chapter, journal article, report, thesis or other.",
    )
    container_title = models.CharField(
        max_length=1000,
        blank=True,
        help_text="Journal title (article) or book title (chapter); empty for a book, report or thesis.",
    )
    volume = models.CharField(max_length=50, blank=True, help_text="Volume of the journal or series.")
    issue = models.CharField(max_length=50, blank=True, help_text="Issue (number) of the journal.")
    pages = models.CharField(max_length=50, blank=True, help_text="Page range, e.g. '115-139'.")
    publisher = models.CharField(
        max_length=500, blank=True, help_text="Publisher, or the university of a thesis, the issuer of a report."
    )
    doi = models.CharField(
        "DOI",
        max_length=255,
        blank=True,
        help_text="Digital Object Identifier without resolver, e.g. 10.1093/ijtj/ijx012 (stored lower-case).",
    )
    isbn = models.CharField(
        "ISBN", max_length=13, blank=True, help_text="ISBN-10 or ISBN-13 without hyphens (check digit verified)."
    )
    url = models.URLField("URL", max_length=1000, blank=True, help_text="Where the publication can be read.")
    synopsis = models.TextField(
        blank=True,
        help_text="The annotation: what the publication finds, for practitioners (plain text or simple HTML).",
    )
    research_method = models.CharField(
        max_length=16,
        choices=ResearchMethod.choices,
        blank=True,
        help_text="Main research method; empty when not stated.",
    )
    keywords = models.JSONField(default=list, blank=True, help_text="Free keywords (list of strings).")
    countries = models.ManyToManyField(
        "taxonomy.Country", blank=True, related_name="publications", help_text="Countries the research covers."
    )
    articles = models.ManyToManyField(
        "taxonomy.Article",
        through="PublicationArticle",
        blank=True,
        related_name="publications",
        help_text="Convention and Protocol articles the publication discusses.",
    )
    crime_types = models.ManyToManyField(
        "taxonomy.CrimeType", blank=True, related_name="publications", help_text="Crime types studied."
    )
    issues = models.ManyToManyField(
        "taxonomy.Issue", blank=True, related_name="publications", help_text="Cross-cutting issues addressed."
    )
    history = HistoricalRecords()

    RICH_TEXT_FIELDS = ("synopsis",)

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = "publication"
        verbose_name_plural = "publications"
        constraints = [
            models.UniqueConstraint(
                fields=["doi"],
                condition=Q(revision_of__isnull=True) & ~Q(doi=""),
                name="publication_unique_doi",
                violation_error_message=_("Another publication has this DOI."),
            ),
            models.CheckConstraint(condition=Q(doi="") | Q(doi__startswith="10."), name="publication_doi_prefix"),
            models.CheckConstraint(
                condition=Q(isbn="") | Q(isbn__regex=r"^([0-9]{9}[0-9X]|97[89][0-9]{10})$"),
                name="publication_isbn_form",
            ),
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=YEAR_MIN, year__lte=YEAR_MAX),
                name="publication_year_range",
            ),
            PublishableRecord.one_open_revision("publication_one_open_revision"),
            PublishableRecord.revision_never_published("publication_revision_never_published"),
        ]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title

    def get_absolute_url(self) -> str:
        return reverse("bibliography:publication-detail", kwargs={"pk": self.pk})

    def clean_fields(self, exclude: object = None) -> None:
        # Normalised first: a pasted "https://doi.org/..." or a hyphenated ISBN is fine, and the uniqueness
        # check that follows compares the stored spelling.
        self.doi, self.isbn = normalise_doi(self.doi), normalise_isbn(self.isbn)
        super().clean_fields(exclude)

    def clean(self) -> None:
        super().clean()
        errors = {
            name: problem for name, problem in (("doi", doi_problem(self.doi)), ("isbn", isbn_problem(self.isbn)))
        }
        errors = {name: problem for name, problem in errors.items() if problem}
        if errors:
            raise ValidationError(errors)

    def save(self, *args: object, **kwargs: object) -> None:
        # One spelling of a DOI or ISBN, whoever writes it (admin, importer, API intake).
        self.doi, self.isbn = normalise_doi(self.doi), normalise_isbn(self.isbn)
        super().save(*args, **kwargs)

    @property
    def ordered_authors(self) -> list[PublicationAuthor]:
        return sorted(self.authors.all(), key=lambda a: a.position)


class PublicationAuthor(models.Model):
    """One author, in order: a person (family and given names) or an organisation (its name, `literal`)."""

    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="authors", help_text="The publication."
    )
    position = models.PositiveSmallIntegerField(help_text="Order among the authors, from 1.")
    family = models.CharField(max_length=255, blank=True, help_text="A person's family name.")
    given = models.CharField(max_length=255, blank=True, help_text="A person's given names or initials.")
    literal = models.CharField(
        max_length=500, blank=True, help_text="An organisation as author, e.g. 'UNODC'; then no person's names."
    )

    class Meta:
        ordering = ["publication", "position"]
        constraints = [
            models.UniqueConstraint(fields=["publication", "position"], name="publication_author_position"),
            models.CheckConstraint(condition=Q(position__gte=1), name="publication_author_position_from_1"),
            models.CheckConstraint(
                condition=(Q(literal="") & ~Q(family="")) | (~Q(literal="") & Q(family="") & Q(given="")),
                name="publication_author_person_or_organisation",
                violation_error_message=_("An author is a person with a family name, or an organisation."),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """'Shelley, Louise' for a person, the name for an organisation."""
        if self.literal:
            return self.literal
        return f"{self.family}, {self.given}" if self.given else self.family


class PublicationArticle(ArticleTagBase):
    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="article_tags", help_text="Tagged publication."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["publication", "article", "paragraph"], name="publication_article_unique"),
            ArticleTagBase.paragraph_constraint("publication_article_paragraph_format"),
        ]
