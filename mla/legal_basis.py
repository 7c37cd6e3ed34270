"""Which legal bases the writer offers for a request, and why one is not offered.

The one place this is decided, so treaty status (app `treaties`) can be added here later: today the
Convention is offered only when the requested State's central authority says in the directory that it
accepts the Convention as a legal basis (`CompetentAuthority.untoc_legal_basis`). A Protocol is invoked
together with the Convention's article 18, so it follows the same rule. A treaty and reciprocity are
always offered: the requester knows whether a treaty binds the two States.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from authorities.models import CompetentAuthority

from .models import LegalBasis


def legal_basis_options(
    authority: CompetentAuthority | None,
) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """(options offered as (value, label), reasons by value for each basis not offered)."""
    reasons: dict[str, str] = {}
    accepted = authority.untoc_legal_basis if authority is not None else None
    if authority is None:
        why = _(
            "Choose the requested State's central authority first: the directory says whether it accepts the "
            "Convention as a legal basis."
        )
    elif accepted is None:
        why = _("The directory does not say whether %(authority)s accepts the Convention as a legal basis.") % {
            "authority": authority.name
        }
    elif accepted is False:
        why = _("According to the directory, %(authority)s does not accept the Convention as a legal basis.") % {
            "authority": authority.name
        }
    else:
        why = ""
    if why:
        reasons[LegalBasis.CONVENTION] = why
        reasons[LegalBasis.PROTOCOL] = why
    options = [(value, label) for value, label in LegalBasis.choices if value not in reasons]
    return options, reasons
