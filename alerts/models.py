"""A signed-in user's saved search and its e-mail alert.

The search is stored as its normalised query string (alerts.queries.normalise): the codes the search
service resolved, in a fixed order, so the same search saved twice is one row (a unique constraint).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class Frequency(models.TextChoices):
    NONE = "none", _("No e-mail")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")


class SavedSearch(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_searches",
        help_text="Who saved the search.",
    )
    query = models.CharField(
        max_length=2000, help_text="The search's normalised query string (codes, fixed order), without '?'."
    )
    name = models.CharField(max_length=200, blank=True, help_text="The user's name for the search (optional).")
    language = models.CharField(
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
        help_text="Language of the digest e-mails and links (the page's language when saved).",
    )
    frequency = models.CharField(
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.NONE,
        help_text="How often new matches are e-mailed.",
    )
    last_digest_at = models.DateTimeField(
        help_text="End of the period the last digest covered: the next one lists records published after it."
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the search was saved.")

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        constraints = [
            models.UniqueConstraint(fields=["user", "query"], name="alerts_savedsearch_unique_per_user"),
            models.CheckConstraint(condition=Q(frequency__in=Frequency.values), name="alerts_savedsearch_frequency"),
            models.CheckConstraint(condition=Q(language__in=LANGUAGE_CODES), name="alerts_savedsearch_language"),
        ]
        indexes = [models.Index(fields=["frequency", "last_digest_at"], name="alerts_due_idx")]

    def __str__(self) -> str:
        return self.name or self.query or "(all records)"
