"""Object-level rules of the submission workflow: which countries' records a user may create, see and edit.

Who holds which role is sherloc.access (the one home of group names and role checks); a focal point's
countries are its `FocalPointScope`.
"""

from django.db.models import QuerySet

from sherloc.access import is_editor, is_focal_point, is_reviewer
from sherloc.models import PublicationStatus
from taxonomy.models import Country


def placed_in_a_country(model: type) -> bool:
    """Whether a family's records belong to one country, the scope of the focal points' workflow. The
    bibliography's entries do not (they cover countries; the secretariat curates them): the focal-point API
    and forms leave them out."""
    return any(field.name == "country" for field in model._meta.fields)


# Statuses in which a focal point may still change a record's content.
EDITABLE_BY_FOCAL_POINT = (PublicationStatus.DRAFT, PublicationStatus.RETURNED)


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
