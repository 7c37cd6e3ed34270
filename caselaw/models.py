"""Case law: decisions with structured people and charges instead of free-text parties."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sherloc.families import RecordFormat, SearchDocument
from sherloc.models import Attachment, PublishableRecord
from taxonomy.tagging import ArticleTagBase, place_terms, tag_terms


class CourtLevel(models.TextChoices):
    FIRST_INSTANCE = "first_instance", _("First instance")
    APPEAL = "appeal", _("Appeal")
    HIGHEST = "highest", _("Supreme / highest court")
    CONSTITUTIONAL = "constitutional", _("Constitutional court")
    SPECIALISED = "specialised", _("Specialised court")
    INTERNATIONAL = "international", _("International or regional court")


class DatePrecision(models.TextChoices):
    """How much of `Case.decision_date` is known. Partial dates store the first day of their period."""

    DAY = "day", _("Full date")
    MONTH = "month", _("Year and month")
    YEAR = "year", _("Year only")


class ProceduralStage(models.TextChoices):
    INVESTIGATION = "investigation", _("Investigation")
    TRIAL = "trial", _("Trial")
    APPEAL = "appeal", _("Appeal")
    CASSATION = "cassation", _("Cassation / final appeal")
    EXTRADITION = "extradition", _("Extradition proceedings")
    OTHER = "other", _("Other")


class Court(models.Model):
    country = models.ForeignKey(
        "taxonomy.Country", on_delete=models.PROTECT, related_name="courts", help_text="Jurisdiction of the court."
    )
    name = models.CharField(max_length=255, help_text="Name of the court.")
    level = models.CharField(
        max_length=16,
        choices=CourtLevel.choices,
        blank=True,
        help_text="Level in the court hierarchy; empty when not recorded.",
    )

    # Fields a case shows of its court (sherloc.versions re-stamps the court's cases when one changes).
    representation_fields = ("name", "level", "country_id")

    class Meta:
        ordering = ["country__name", "name"]
        constraints = [models.UniqueConstraint(fields=["country", "name"], name="court_unique_name")]

    def __str__(self) -> str:
        return f"{self.name} ({self.country.alpha3})"


class Case(PublishableRecord):
    record_kind = "case"
    # Its line in the interchange format (sherloc.families.RecordFormat; docs/import-format.md).
    record_format = RecordFormat(
        type="case",
        plural="cases",
        position=20,
        fields=(
            "title",
            "portal_number",
            "source_number",
            "source_url",
            "country",
            "court",
            "decision_date",
            "case_number",
            "procedural_stage",
            "keywords",
            "fact_summary",
            "commentary",
            "legal_reasoning",
            "sentence",
            "articles",
            "crime_types",
            "crime_subtypes",
            "issues",
            "people",
            "charges",
            "attachments",
        ),
        identity=("portal_number",),
        identity_path="portal_number",
        identity_description="portal number",
    )
    # What the case's representation is made of (sherloc.versions stamps updated_at when any of it changes).
    version_parts = (
        "people",
        "charges",
        "attachments",
        "article_tags",
        "articles",
        "crime_types",
        "crime_subtypes",
        "issues",
    )
    embedded_terms = {
        **place_terms("country"),
        **tag_terms(),
        "taxonomy.Country": ("country", "people__nationality"),
        "taxonomy.CrimeType": ("crime_types", "charges__crime_type"),
        "caselaw.Court": ("court",),
    }
    # Its search documents (caselaw/documents.py): the people and charges facets are cases' own.
    search_document = SearchDocument(
        kind="case",
        type="case",
        label=_("Case law"),
        fields=(
            "pk",
            "title",
            "country",
            "original_language",
            "court__name",
            "court__level",
            "portal_number",
            "case_number",
            "source_number",
            "decision_date",
            "decision_date_precision",
            "procedural_stage",
            "keywords",
            "fact_summary",
            "commentary",
            "legal_reasoning",
            "sentence",
            "updated_at",
        ),
        tags=("article_tags", "crime_types", "crime_subtypes", "issues", "attachments"),
        build="caselaw.documents.build_case",
        viewname="caselaw:case-detail",
        type_facets=(
            "court_level",
            "procedural_stage",
            "verdict",
            "sentence_band",
            "victim_gender",
            "victim_nationality",
            "victim_age",
            "defendant_gender",
            "defendant_nationality",
            "defendant_age",
            "legal_person",
            "group_size",
        ),
        loaders=("caselaw.documents.load_people",),
    )

    title = models.CharField(max_length=500, help_text="Case name, e.g. 'Prosecutor v. A.B. and others'.")
    portal_number = models.CharField(
        max_length=32,
        help_text="Portal case number, e.g. 'BRA042'. Stable and public (a pending revision shares its record's).",
    )
    country = models.ForeignKey(
        "taxonomy.Country",
        on_delete=models.PROTECT,
        related_name="cases",
        help_text="Country or 'International and regional bodies'.",
    )
    source_number = models.CharField(
        max_length=64,
        blank=True,
        db_index=True,
        help_text="The originating database's own number, e.g. SHERLOC's 'UNODC No.' BRA016. Not unique.",
    )
    source_url = models.URLField(max_length=1000, blank=True, help_text="Address of the original record.")
    court = models.ForeignKey(
        Court,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        help_text="Deciding court; empty when not recorded.",
    )
    decision_date = models.DateField(
        null=True,
        blank=True,
        help_text="Date of the decision (not in the future); for a year or month only, its first day. "
        "Empty when not recorded.",
    )
    # NULL (not "") for unknown, like the date itself; the CHECK below allows no "" (so one empty value only).
    decision_date_precision = models.CharField(  # noqa: DJ001
        max_length=5,
        choices=DatePrecision.choices,
        null=True,
        blank=True,
        help_text="How much of the decision date is known: day, month or year; empty exactly when the date is.",
    )
    case_number = models.CharField(max_length=120, blank=True, help_text="Docket or file number given by the court.")
    procedural_stage = models.CharField(
        max_length=16,
        choices=ProceduralStage.choices,
        blank=True,
        default="",
        help_text="Stage of proceedings the decision belongs to; empty when not recorded.",
    )
    crime_types = models.ManyToManyField(
        "taxonomy.CrimeType", blank=True, related_name="cases", help_text="Crime types."
    )
    crime_subtypes = models.ManyToManyField(
        "taxonomy.CrimeSubType", blank=True, related_name="cases", help_text="Sub-vocabulary values."
    )
    articles = models.ManyToManyField(
        "taxonomy.Article",
        through="CaseArticle",
        blank=True,
        related_name="cases",
        help_text="Convention and Protocol articles the case applies.",
    )
    issues = models.ManyToManyField(
        "taxonomy.Issue", blank=True, related_name="cases", help_text="Cross-cutting issues."
    )
    keywords = models.JSONField(default=list, blank=True, help_text="Free keywords (list of strings).")
    fact_summary = models.TextField(blank=True, help_text="Summary of the facts.")
    commentary = models.TextField(blank=True, help_text="Commentary and significant features.")
    legal_reasoning = models.TextField(blank=True, help_text="The court's legal reasoning.")
    sentence = models.TextField(blank=True, help_text="Sentence(s) handed down, in prose.")
    history = HistoricalRecords()

    #: Stored as sanitised HTML (sherloc.richtext): shown rendered, searched and diffed as plain text.
    RICH_TEXT_FIELDS = ("fact_summary", "commentary", "legal_reasoning")

    class Meta:
        # Unknown dates last in either database (PostgreSQL would put NULLs first in a descending sort).
        ordering = [F("decision_date").desc(nulls_last=True), "title"]
        # "decision_date not in the future" is enforced by migration 0002 (sherloc.db.date_not_in_future):
        # SQLite cannot express it as a CHECK constraint.
        indexes = [models.Index(fields=["country", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["portal_number"],
                condition=Q(revision_of__isnull=True),
                name="case_unique_portal_number",
                violation_error_message=_("Another case already has this portal number."),
            ),
            models.CheckConstraint(
                condition=Q(decision_date__isnull=True, decision_date_precision__isnull=True)
                | Q(decision_date__isnull=False, decision_date_precision__in=["day", "month", "year"]),
                name="case_decision_date_precision",
                violation_error_message=_("A decision date needs its precision (day, month or year), and only then."),
            ),
            PublishableRecord.one_open_revision("case_one_open_revision"),
            PublishableRecord.revision_never_published("case_revision_never_published"),
        ]

    def __str__(self) -> str:
        return f"{self.portal_number}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("caselaw:case-detail", kwargs={"pk": self.pk})


class CaseArticle(ArticleTagBase):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="article_tags", help_text="Tagged case.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "article", "paragraph"], name="case_article_unique"),
            ArticleTagBase.paragraph_constraint("case_article_paragraph_format"),
        ]


class PersonRole(models.TextChoices):
    DEFENDANT = "defendant", _("Defendant")
    VICTIM = "victim", _("Victim")
    WITNESS = "witness", _("Witness")


class PersonKind(models.TextChoices):
    PERSON = "person", _("Natural person")
    LEGAL_PERSON = "legal_person", _("Legal person")
    GROUP = "group", _("Group")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Unknown")


class Person(models.Model):
    """A party to a case. Victims appear by initials only (enforced in the database)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="people", help_text="Case.")
    order = models.PositiveSmallIntegerField(default=1, help_text="Display order within the case.")
    role = models.CharField(max_length=16, choices=PersonRole.choices, help_text="Defendant, victim or witness.")
    kind = models.CharField(
        max_length=16,
        choices=PersonKind.choices,
        default=PersonKind.PERSON,
        help_text="Natural, legal person or group.",
    )
    name = models.CharField(max_length=255, help_text="Name as published; for victims initials only, e.g. 'M.R.'.")
    gender = models.CharField(max_length=8, choices=Gender.choices, default=Gender.UNKNOWN, help_text="Gender.")
    age_at_offence = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Age when the offence began.")
    nationality = models.ForeignKey(
        "taxonomy.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="Nationality."
    )
    group_size = models.PositiveIntegerField(null=True, blank=True, help_text="Number of people, for kind 'group'.")

    class Meta:
        ordering = ["case", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="victim") | Q(name__regex=r"^([A-Z][a-z]?\.\s?){1,4}$"),
                name="person_victim_initials_only",
                violation_error_message=_("Victims are named by their initials only, e.g. “M. R.”."),
            ),
            models.CheckConstraint(
                condition=Q(age_at_offence__isnull=True) | Q(age_at_offence__lte=120),
                name="person_age_plausible",
                violation_error_message=_("The age at the time of the offence must be 120 or less."),
            ),
            models.CheckConstraint(
                condition=Q(group_size__isnull=True) | Q(kind="group"),
                name="person_group_size_only_for_groups",
                violation_error_message=_("A group size is only given for a group."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"


class Verdict(models.TextChoices):
    CONVICTED = "convicted", _("Convicted")
    ACQUITTED = "acquitted", _("Acquitted")
    DISMISSED = "dismissed", _("Dismissed")
    PENDING = "pending", _("Pending")
    OTHER = "other", _("Other")


class Charge(models.Model):
    """One charge against one defendant, with its own verdict and sentence."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="charges", help_text="Case.")
    defendant = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="charges", help_text="Defendant charged (a person of the case)."
    )
    statute = models.CharField(max_length=255, help_text="Statute and provision charged, e.g. 'Penal Code art. 149-A'.")
    provision = models.ForeignKey(
        "legislation.Provision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="charges",
        help_text="The portal's provision record for the statute, when it exists.",
    )
    crime_type = models.ForeignKey(
        "taxonomy.CrimeType",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Crime type of the charge.",
    )
    verdict = models.CharField(max_length=16, choices=Verdict.choices, default=Verdict.PENDING, help_text="Verdict.")
    sentence = models.CharField(max_length=500, blank=True, help_text="Sentence for this charge, e.g. '8 years'.")
    sentence_months = models.PositiveIntegerField(
        null=True, blank=True, help_text="Custodial sentence in months, for statistics."
    )

    class Meta:
        ordering = ["case", "defendant", "pk"]

    def __str__(self) -> str:
        return f"{self.statute}: {self.get_verdict_display()}"


class CaseAttachment(Attachment):
    download_kind = "case"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments", help_text="Case.")
