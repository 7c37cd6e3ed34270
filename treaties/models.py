"""Treaty status: where each State stands towards the Convention and its Protocols.

Why not a `PublishableRecord`: a status is a fact recorded by the depositary (the Secretary-General), which the
secretariat transcribes; it is not submitted by focal points, reviewed or unpublished, and it is not a search
result type. So it has no workflow and no removals log: the secretariat edits it in the admin or imports it, the
public sees every row, and simple-history keeps who changed what. `updated_at` still moves on every change
(the status's own, or a declaration's or notification's, see `touch_status`) for the API's `updated_since` sync.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from taxonomy.tagging import format_paragraph


class ConsentKind(models.TextChoices):
    """How a State expressed its consent to be bound (Convention art. 36; Vienna Convention arts. 11-16)."""

    RATIFICATION = "ratification", _("Ratification")
    ACCESSION = "accession", _("Accession")
    ACCEPTANCE = "acceptance", _("Acceptance")
    APPROVAL = "approval", _("Approval")
    SUCCESSION = "succession", _("Succession")


class DeclarationKind(models.TextChoices):
    RESERVATION = "reservation", _("Reservation")
    DECLARATION = "declaration", _("Declaration")


class TreatyStatus(models.Model):
    """One State's status towards one instrument: signature, consent to be bound, entry into force for it."""

    country = models.ForeignKey(
        "taxonomy.Country",
        on_delete=models.PROTECT,
        related_name="treaty_statuses",
        help_text="The State (or regional economic integration organization) concerned.",
    )
    instrument = models.ForeignKey(
        "taxonomy.Instrument",
        on_delete=models.PROTECT,
        related_name="statuses",
        help_text="The Convention or Protocol.",
    )
    signature_date = models.DateField(null=True, blank=True, help_text="Date of signature; empty if not signed.")
    consent_kind = models.CharField(
        max_length=16,
        choices=ConsentKind.choices,
        blank=True,
        help_text="How the State consented to be bound; empty while it has not (then the date is empty too).",
    )
    consent_date = models.DateField(
        null=True,
        blank=True,
        help_text="Date the instrument of ratification, accession, acceptance, approval or succession was deposited "
        "(succession: the date of the notification).",
    )
    entry_into_force_date = models.DateField(
        null=True,
        blank=True,
        help_text="Date the instrument entered into force for this State (recorded, not computed); not before consent.",
    )
    note = models.TextField(
        blank=True, help_text="Secretariat note shown with the status, e.g. its source or 'synthetic demo data'."
    )
    source_url = models.URLField(max_length=500, blank=True, help_text="The depositary's record of this status.")
    created_at = models.DateTimeField(default=timezone.now, editable=False, help_text="When the row was created.")
    updated_at = models.DateTimeField(
        default=timezone.now,
        db_index=True,
        help_text="Last change of the status, its declarations or notifications (API sync).",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("treaty status")
        verbose_name_plural = _("treaty statuses")
        ordering = ["instrument__sort_order", "country__name"]
        constraints = [
            models.UniqueConstraint(fields=["country", "instrument"], name="treatystatus_unique_country_instrument"),
            models.CheckConstraint(
                condition=Q(consent_kind__in=ConsentKind.values) | Q(consent_kind=""),
                name="treatystatus_consent_kind_known",
            ),
            models.CheckConstraint(
                condition=(Q(consent_kind="") & Q(consent_date__isnull=True))
                | (~Q(consent_kind="") & Q(consent_date__isnull=False)),
                name="treatystatus_consent_kind_with_date",
                violation_error_message="The consent kind and its date go together: give both or neither.",
            ),
            models.CheckConstraint(
                condition=Q(entry_into_force_date__isnull=True)
                | Q(consent_date__isnull=False, entry_into_force_date__gte=F("consent_date")),
                name="treatystatus_entry_into_force_after_consent",
                violation_error_message="Entry into force needs a consent date and cannot be before it.",
            ),
            models.CheckConstraint(
                condition=Q(signature_date__isnull=True)
                | Q(consent_date__isnull=True)
                | Q(signature_date__lte=F("consent_date")),
                name="treatystatus_signature_not_after_consent",
                violation_error_message="The signature cannot be after the consent to be bound.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country.alpha3} · {self.instrument.code}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.updated_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)

    @property
    def is_party(self) -> bool:
        """Party once the State has consented to be bound (as the depositary's list of parties counts them)."""
        return self.consent_date is not None


class Declaration(models.Model):
    """A reservation or declaration made by the State on signature, consent or later."""

    status = models.ForeignKey(
        TreatyStatus, on_delete=models.CASCADE, related_name="declarations", help_text="The status it belongs to."
    )
    kind = models.CharField(
        max_length=16,
        choices=DeclarationKind.choices,
        help_text="Reservation (excludes or modifies a provision) or declaration.",
    )
    article = models.ForeignKey(
        "taxonomy.Article",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Article concerned, if the text names one (of the status's instrument).",
    )
    text = models.TextField(help_text="Text as communicated to the depositary (English).")
    date = models.DateField(null=True, blank=True, help_text="Date made or communicated, if known.")
    order = models.PositiveSmallIntegerField(default=1, help_text="Position among the status's declarations.")
    history = HistoricalRecords()  # a reservation's wording changes (withdrawals, modifications): keep the trail

    class Meta:
        verbose_name = _("reservation or declaration")
        verbose_name_plural = _("reservations and declarations")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=DeclarationKind.values), name="declaration_kind_known"),
            models.CheckConstraint(condition=~Q(text=""), name="declaration_text_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.status})"

    def clean(self) -> None:
        check_article(self, "article")


class Notification(models.Model):
    """A notification the instrument asks for under a given article, e.g. the Convention's art. 18(13): the
    central authority for mutual legal assistance, art. 16(5): whether the Convention is the legal basis for
    extradition, 18(14): acceptable languages, 31(6): authorities assisting in preventing crime."""

    status = models.ForeignKey(
        TreatyStatus, on_delete=models.CASCADE, related_name="notifications", help_text="The status it belongs to."
    )
    article = models.ForeignKey(
        "taxonomy.Article",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Article the notification is made under (of the status's instrument).",
    )
    paragraph = models.CharField(max_length=32, blank=True, help_text="Paragraph of the article, e.g. '13' for 18(13).")
    text = models.TextField(help_text="What the State notified (English).")
    date = models.DateField(null=True, blank=True, help_text="Date of the notification, if known.")
    authority = models.ForeignKey(
        "authorities.CompetentAuthority",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notifications",
        help_text="The competent authority the notification designates, in the directory (same country).",
    )
    order = models.PositiveSmallIntegerField(default=1, help_text="Position among the status's notifications.")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="notification_text_not_empty"),
            models.CheckConstraint(condition=Q(paragraph__regex=r"^[0-9A-Za-z()., ]*$"), name="notification_paragraph"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} ({self.status})"

    @property
    def article_reference(self) -> str:
        """'18(13)': the article and paragraph as the treaty collection cites them."""
        number = str(self.article.number) if self.article_id else "?"
        return f"{number}{format_paragraph(self.paragraph)}"

    @property
    def reference(self) -> str:
        """'UNTOC 18(13)', as an article tag's reference reads."""
        return f"{self.article.instrument.code} {self.article_reference}" if self.article_id else self.article_reference

    def clean(self) -> None:
        check_article(self, "article")
        status = self.status if self.status_id or "status" in self._state.fields_cache else None
        if self.authority_id and status is not None and self.authority.country_id != status.country_id:
            raise ValidationError({"authority": "The designated authority must be of the same country as the status."})


def check_article(child: Declaration | Notification, field: str) -> None:
    """An article named by a declaration or notification belongs to its status's instrument."""
    status = getattr(child, "status", None) if child.status_id or "status" in child._state.fields_cache else None
    if getattr(child, f"{field}_id") and status is not None and status.instrument_id:
        if getattr(child, field).instrument_id != status.instrument_id:
            raise ValidationError({field: "The article must belong to the status's instrument."})


def touch_status(sender: type, instance: Declaration | Notification, **kwargs: Any) -> None:
    """Move the parent status's updated_at (without a history row: the child change is the change)."""
    TreatyStatus.objects.filter(pk=instance.status_id).update(updated_at=timezone.now())
