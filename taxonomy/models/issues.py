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

    @classmethod
    def terms_showing(cls, pk: int) -> list[int]:
        """The issue and its narrower issues: a record tagged with any of them shows this one (search and
        facets carry every tag's ancestors), so they all change when it is relabelled."""
        code = cls._default_manager.filter(pk=pk).values_list("code", flat=True).first()
        if code is None:
            return [pk]
        return [pk, *cls._default_manager.filter(code__startswith=f"{code}.").values_list("pk", flat=True)]

    def ancestor_codes(self) -> list[str]:
        """Codes of this issue and every broader one, broadest first."""
        parts = self.code.split(".")
        return [".".join(parts[: i + 1]) for i in range(len(parts))]
