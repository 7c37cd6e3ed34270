"""The roles an invitation can grant, as Django group names, and what accepting one sets on the account.

Group names come from the apps that own them: the workflow groups from submissions.record_access, the
practitioners group (sees competent authorities' contact details) from authorities.access.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sherloc.access import EDITORS, FOCAL_POINTS, REVIEWERS
from sherloc.access import PRACTITIONERS as PRACTITIONER_GROUP


class Role(models.TextChoices):
    FOCAL_POINT = FOCAL_POINTS, _("National focal point")
    PRACTITIONER = PRACTITIONER_GROUP, _("Practitioner")
    EDITOR = EDITORS, _("Secretariat editor")
    REVIEWER = REVIEWERS, _("Secretariat reviewer")


# Secretariat roles work in the Django admin as well as in the pages, so their accounts are staff.
STAFF_ROLES = frozenset({Role.EDITOR, Role.REVIEWER})
