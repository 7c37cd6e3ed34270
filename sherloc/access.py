"""Roles: the Django group names and who holds them. The one home of these rules.

Groups are created by data migrations (submissions 0002, authorities 0002): national focal points submit
records for the countries of their scope; secretariat editors curate any record; secretariat reviewers
decide on submissions; practitioners see competent authorities' contact details. Superusers may do
everything. Object-level rules (a focal point's countries) are the workflow's: submissions.record_access.
"""

from __future__ import annotations

FOCAL_POINTS = "focal_points"
EDITORS = "secretariat_editors"
REVIEWERS = "secretariat_reviewers"
PRACTITIONERS = "practitioners"


def _active(user: object) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def in_group(user: object, name: str) -> bool:
    """Group membership, read once per user object (one query for all checks of a request)."""
    if not _active(user):
        return False
    cache = getattr(user, "_sherloc_groups", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._sherloc_groups = cache
    return name in cache


def is_editor(user: object) -> bool:
    return _active(user) and (user.is_superuser or in_group(user, EDITORS))


def is_reviewer(user: object) -> bool:
    return _active(user) and (user.is_superuser or in_group(user, REVIEWERS))


def is_focal_point(user: object) -> bool:
    return in_group(user, FOCAL_POINTS)


def is_practitioner(user: object) -> bool:
    """May see authorities' contact details: active staff or members of the practitioners group.

    Merely having an account is not enough: focal points and other registered users do not
    automatically get practitioners' contact lists.
    """
    return _active(user) and (user.is_staff or in_group(user, PRACTITIONERS))
