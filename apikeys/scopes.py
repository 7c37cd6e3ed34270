"""Token scopes. A scope names one capability; a token carries a list of them.

Kept as plain constants (not a table) because each scope is checked in code: adding one means
adding the code that honours it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    READ_CONTACTS = "read_contacts", _("Read authority contact details")
    SUBMIT = "submit", _("Submit records for review (write endpoints, later)")


SCOPE_VALUES: frozenset[str] = frozenset(Scope.values)
