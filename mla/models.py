"""A practitioner's draft request for mutual legal assistance (UNTOC art. 18) and the log of its exports.

Private by design: a draft belongs to its author alone (every query goes through `RequestDraft.objects.
owned_by`), it is not a PublishableRecord (so no index, API, export, sitemap or removals log ever sees it),
it has no admin, and deleting it deletes it for good, with its measures and export log.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class LegalBasis(models.TextChoices):
    CONVENTION = "untoc", _("United Nations Convention against Transnational Organized Crime, article 18")
    PROTOCOL = "protocol", _("A Protocol to the Convention, with article 18 of the Convention")
    TREATY = "treaty", _("A bilateral or regional treaty on mutual legal assistance")
    RECIPROCITY = "reciprocity", _("Reciprocity (comity)")


class Measure(models.TextChoices):
    """The forms of assistance of UNTOC art. 18(3), (a) to (i)."""

    EVIDENCE = "evidence", _("Taking evidence or statements from persons")
    SERVICE = "service", _("Effecting service of judicial documents")
    SEARCH = "search", _("Executing searches and seizures, and freezing")
    EXAMINATION = "examination", _("Examining objects and sites")
    INFORMATION = "information", _("Providing information, evidentiary items and expert evaluations")
    RECORDS = "records", _("Providing originals or certified copies of documents and records")
    PROCEEDS = "proceeds", _("Identifying or tracing proceeds of crime, property or instrumentalities")
    APPEARANCE = "appearance", _("Facilitating the voluntary appearance of persons")
    OTHER = "other", _("Any other type of assistance not contrary to the domestic law of the requested State")


class ExportFormat(models.TextChoices):
    DOCX = "docx", "DOCX"
    PDF = "pdf", "PDF"


class DraftQuerySet(models.QuerySet):
    def owned_by(self, user: object) -> DraftQuerySet:
        """The only way views read drafts: another user's draft is simply not there (a 404)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(owner=user)


class RequestDraft(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mla_drafts",
        help_text="The practitioner writing the request: the only person who may see it.",
    )
    title = models.CharField(
        max_length=200, blank=True, help_text="The author's own name for the draft, e.g. the case reference."
    )
    requesting_country = models.ForeignKey(
        "taxonomy.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The requesting State (whose offence provisions are cited).",
    )
    requesting_authority = models.CharField(
        max_length=500, blank=True, help_text="Name of the authority making the request (art. 18(15)(a))."
    )
    requesting_contact = models.TextField(
        blank=True, help_text="Contact of the officer in charge: name, title, address, telephone, e-mail."
    )
    requested_country = models.ForeignKey(
        "taxonomy.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The requested State.",
    )
    requested_authority = models.ForeignKey(
        "authorities.CompetentAuthority",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The requested State's central authority for mutual legal assistance (art. 18(13)), "
        "from the directory.",
    )
    legal_basis = models.CharField(
        max_length=20, choices=LegalBasis.choices, blank=True, help_text="The legal basis the request invokes."
    )
    legal_basis_details = models.TextField(
        blank=True, help_text="Which Protocol or treaty (title, date), or the assurance of reciprocity offered."
    )
    facts = models.TextField(blank=True, help_text="Summary of the relevant facts (art. 18(15)(c)).")
    investigation = models.TextField(
        blank=True,
        help_text="Subject matter and nature of the investigation, prosecution or proceeding, and the name "
        "and functions of the authority conducting it (art. 18(15)(b)).",
    )
    offences = models.ManyToManyField(
        "legislation.Provision",
        blank=True,
        related_name="+",
        help_text="The requesting State's offence provisions the request cites (published laws).",
    )
    persons = models.TextField(
        blank=True,
        help_text="Identity, location and nationality of any person concerned (art. 18(15)(e)).",
    )
    purpose = models.TextField(
        blank=True, help_text="The purpose for which the evidence, information or action is sought (art. 18(15)(f))."
    )
    confidential = models.BooleanField(
        default=False,
        help_text="The requesting State asks that the request and its contents be kept confidential (art. 18(20)).",
    )
    confidentiality_details = models.TextField(blank=True, help_text="Why, and what must stay confidential.")
    urgent = models.BooleanField(default=False, help_text="The request is urgent.")
    urgency_reasons = models.TextField(blank=True, help_text="Why the request is urgent (required when urgent).")
    time_limit = models.DateField(null=True, blank=True, help_text="Date by which the assistance is needed.")
    output_language = models.CharField(
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
        help_text="Language of the request's fixed text (the author's own text is kept as written).",
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the draft was started.")
    updated_at = models.DateTimeField(auto_now=True, help_text="When the draft was last saved.")

    objects = DraftQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("request for mutual legal assistance")
        verbose_name_plural = _("requests for mutual legal assistance")
        constraints = [
            models.CheckConstraint(
                condition=Q(requesting_country__isnull=True)
                | Q(requested_country__isnull=True)
                | ~Q(requesting_country=F("requested_country")),
                name="mla_draft_two_states",
                violation_error_message=_("The requested State must differ from the requesting State."),
            ),
            models.CheckConstraint(condition=Q(legal_basis__in=[*LegalBasis.values, ""]), name="mla_draft_legal_basis"),
            models.CheckConstraint(condition=Q(output_language__in=LANGUAGE_CODES), name="mla_draft_language"),
            models.CheckConstraint(
                condition=Q(urgent=False) | ~Q(urgency_reasons=""),
                name="mla_draft_urgent_has_reasons",
                violation_error_message=_("Say why the request is urgent."),
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"Request {self.pk}"


class AssistanceMeasure(models.Model):
    """One form of assistance of art. 18(3) the draft asks for, with its own details."""

    draft = models.ForeignKey(
        RequestDraft, on_delete=models.CASCADE, related_name="measures", help_text="The request it belongs to."
    )
    measure = models.CharField(max_length=20, choices=Measure.choices, help_text="The form of assistance (art. 18(3)).")
    details = models.TextField(
        help_text="What exactly is asked: whom to hear, which documents, which premises or accounts, how to proceed."
    )

    class Meta:
        ordering = ["draft", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "measure"], name="mla_measure_once_per_draft"),
            models.CheckConstraint(condition=Q(measure__in=Measure.values), name="mla_measure_known"),
            models.CheckConstraint(condition=~Q(details=""), name="mla_measure_has_details"),
        ]

    def __str__(self) -> str:
        return self.get_measure_display()


class RequestExport(models.Model):
    """Each download of a draft as a file, shown to its author (who, when, format, language)."""

    draft = models.ForeignKey(
        RequestDraft, on_delete=models.CASCADE, related_name="exports", help_text="The exported draft."
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", help_text="Who downloaded it."
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When.")
    file_format = models.CharField(max_length=8, choices=ExportFormat.choices, help_text="DOCX or PDF.")
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, help_text="Language of the fixed text.")

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(file_format__in=ExportFormat.values), name="mla_export_format"),
            models.CheckConstraint(condition=Q(language__in=LANGUAGE_CODES), name="mla_export_language"),
        ]

    def __str__(self) -> str:
        return f"{self.draft_id} {self.file_format} {self.language}"
