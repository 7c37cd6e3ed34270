"""Which legal bases the writer offers for a request, and why one is not offered.

The one place this is decided. The Convention's article 18 (and a Protocol, always invoked together with it)
is a legal basis only between States Parties, and a central authority may say in the directory whether it
accepts the Convention as a basis. So the Convention is offered when neither source says no and at least
one says yes:
- treaty status (app `treaties`): both States have consented to be bound ("yes"), or one has a recorded
  status without consent ("no"); no recorded status says nothing;
- the directory: the requested central authority's `untoc_legal_basis` (True "yes", False "no", None nothing).
A treaty and reciprocity are always offered: the requester knows whether a treaty binds the two States.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from authorities.models import CompetentAuthority
from taxonomy.models import Country
from treaties import status

from .models import LegalBasis, RequestDraft

CONVENTION = "UNTOC"


def _treaty_status(requesting: Country | None, requested: Country | None) -> tuple[bool | None, str]:
    """(True when both States are parties, False with the reason when one is not, None when unknown)."""
    answers = []
    for state in (requesting, requested):
        if state is None:
            answers.append(None)
            continue
        party = status.is_party(state, CONVENTION)
        if party is False:
            return False, _(
                "According to the treaty status recorded here, %(state)s is not a party to the Convention."
            ) % {"state": state.label_in()}
        answers.append(party)
    return (True, "") if all(answers) else (None, "")


def _directory(authority: CompetentAuthority | None) -> tuple[bool | None, str]:
    if authority is None or authority.untoc_legal_basis is None:
        return None, ""
    if authority.untoc_legal_basis is False:
        return False, _(
            "According to the directory, %(authority)s does not accept the Convention as a legal basis."
        ) % {"authority": authority.name}
    return True, ""


def legal_basis_options(
    authority: CompetentAuthority | None,
    requesting: Country | None = None,
    requested: Country | None = None,
) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """(options offered as (value, label), reasons by value for each basis not offered)."""
    treaty, treaty_why = _treaty_status(requesting, requested)
    directory, directory_why = _directory(authority)
    if treaty is False or directory is False:
        why = treaty_why or directory_why
    elif treaty or directory:
        why = ""
    elif authority is None:
        why = _(
            "Choose the requested State's central authority first: the directory and the treaty status say whether "
            "the Convention can be the legal basis."
        )
    else:
        why = _(
            "Neither the directory nor the treaty status recorded here says whether %(authority)s accepts the "
            "Convention as a legal basis."
        ) % {"authority": authority.name}
    reasons: dict[str, str] = {}
    if why:
        reasons[LegalBasis.CONVENTION] = why
        reasons[LegalBasis.PROTOCOL] = why
    options = [(value, label) for value, label in LegalBasis.choices if value not in reasons]
    return options, reasons


def options_for(draft: RequestDraft) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """`legal_basis_options` for a draft (saved or not): its requested authority and its two States."""
    return legal_basis_options(
        draft.requested_authority,
        draft.requesting_country if draft.requesting_country_id else None,
        draft.requested_country if draft.requested_country_id else None,
    )
