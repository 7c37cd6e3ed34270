from django.db import models

from .labels import LabelledVocabulary


class AuthorityRole(LabelledVocabulary):
    """A designation a competent national authority can hold (MLA central authority, extradition...)."""

    legal_basis = models.CharField(
        max_length=255, blank=True, help_text="Treaty provision(s) requiring the designation, e.g. 'UNTOC art. 18(13)'."
    )
