"""Who may see an authority's contact details (CompetentAuthority.CONTACT_FIELDS).

One rule for the web pages and the API: signed-in, active staff or members of the "practitioners"
group (the secretariat assigns it). Merely having an account is not enough: focal points and other
registered users do not automatically get practitioners' contact lists.
"""

PRACTITIONER_GROUP = "practitioners"


def is_practitioner(user: object) -> bool:
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return False
    return bool(user.is_staff or user.groups.filter(name=PRACTITIONER_GROUP).exists())
