from django.db import models

from .labels import LabelledVocabulary


class Issue(LabelledVocabulary):
    """A cross-cutting issue in a tree of any depth.

    Codes are dotted paths ('investigation.sit.undercover'), so a term's ancestors are derivable from
    its code without queries: search indexes every tag with its ancestors.
    """

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="Broader issue; empty for a top-level issue.",
    )
    depth = models.PositiveSmallIntegerField(default=0, help_text="0 for top-level issues.")

    def ancestor_codes(self) -> list[str]:
        """Codes of this issue and every broader one, broadest first."""
        parts = self.code.split(".")
        return [".".join(parts[: i + 1]) for i in range(len(parts))]
