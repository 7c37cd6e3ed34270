"""Roles of the submission workflow and the object-level rules that go with them.

Three groups (created by migration 0002): national focal points submit records for the countries of
their `FocalPointScope`; secretariat editors curate any record; secretariat reviewers decide on
submissions (publish, return, reject, unpublish). Superusers may do everything.
"""

from django.db.models import QuerySet

from sherloc.models import PublicationStatus
from taxonomy.models import Country

FOCAL_POINTS = "focal_points"
EDITORS = "secretariat_editors"
REVIEWERS = "secretariat_reviewers"

# Statuses in which a focal point may still change a record's content.
EDITABLE_BY_FOCAL_POINT = (PublicationStatus.DRAFT, PublicationStatus.RETURNED)


def _active(user: object) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def in_group(user: object, name: str) -> bool:
    if not _active(user):
        return False
    cache = getattr(user, "_submission_groups", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._submission_groups = cache
    return name in cache


def is_editor(user: object) -> bool:
    return _active(user) and (user.is_superuser or in_group(user, EDITORS))


def is_reviewer(user: object) -> bool:
    return _active(user) and (user.is_superuser or in_group(user, REVIEWERS))


def is_focal_point(user: object) -> bool:
    return in_group(user, FOCAL_POINTS)


def countries_for(user: object) -> QuerySet[Country]:
    """Countries whose records the user may create and submit: all for editors, the scope for focal points."""
    if is_editor(user):
        return Country.objects.all()
    if is_focal_point(user):
        return Country.objects.filter(focal_point_scopes__user=user)
    return Country.objects.none()


def _in_scope(user: object, record: object) -> bool:
    return is_focal_point(user) and countries_for(user).filter(pk=record.country_id).exists()


def can_view(user: object, record: object) -> bool:
    """May the user read the record in any status (drafts included) through the submission pages?"""
    return is_editor(user) or is_reviewer(user) or _in_scope(user, record)


def can_edit(user: object, record: object) -> bool:
    """May the user change the record's content now? Editors always; focal points of the record's
    country while it is a draft or returned to them; reviewers decide, they do not edit."""
    if is_editor(user):
        return True
    return record.status in EDITABLE_BY_FOCAL_POINT and _in_scope(user, record)
