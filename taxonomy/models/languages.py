from django.db import models

from .labels import LabelledVocabulary


class Language(LabelledVocabulary):
    """A content language. The six UN languages ship; others may be added for original texts."""

    code = models.SlugField(max_length=12, unique=True, help_text="BCP 47 code, e.g. 'en', 'zh-hans'.")
    rtl = models.BooleanField(default=False, help_text="Written right-to-left (Arabic).")
    is_un_official = models.BooleanField(default=False, help_text="One of the six official UN languages.")
