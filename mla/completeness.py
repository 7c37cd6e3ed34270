"""What a draft still lacks before it can be exported: the contents art. 18(15) asks of a request, plus what
the writer needs to address it. The review step lists these, each step shows its own, and export refuses
while any is left."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .legal_basis import options_for
from .models import RequestDraft


@dataclass(frozen=True)
class Missing:
    step: str  # the slug of the step where it is filled in
    message: str


def missing_parts(draft: RequestDraft) -> list[Missing]:
    """Everything still missing, in step order (an empty list: ready to export)."""
    out: list[Missing] = []

    def need(step: str, ok: object, message: str) -> None:
        if not ok:
            out.append(Missing(step, message))

    need("authority", draft.requesting_country_id, _("The requesting State."))
    need("authority", draft.requesting_authority.strip(), _("The name of the requesting authority."))
    need("authority", draft.requesting_contact.strip(), _("The contact details of the officer in charge."))
    need("requested", draft.requested_country_id, _("The requested State."))
    need("requested", draft.requested_authority_id, _("The requested State's central authority."))
    options, _reasons = options_for(draft)
    need("legal-basis", draft.legal_basis, _("The legal basis."))
    if draft.legal_basis and draft.legal_basis not in {value for value, _label in options}:
        out.append(Missing("legal-basis", _("The legal basis chosen is no longer offered for this authority.")))
    if draft.legal_basis in ("protocol", "treaty"):
        need("legal-basis", draft.legal_basis_details.strip(), _("Which Protocol or treaty the request relies on."))
    need("facts", draft.facts.strip(), _("The summary of the facts."))
    need("facts", draft.investigation.strip(), _("The subject matter and nature of the investigation."))
    need("offences", draft.pk and draft.offences.exists(), _("At least one offence provision of the requesting State."))
    need("assistance", draft.pk and draft.measures.exists(), _("At least one measure of assistance, with its details."))
    need("assistance", draft.purpose.strip(), _("The purpose of the request."))
    if draft.urgent:
        need("handling", draft.urgency_reasons.strip(), _("Why the request is urgent."))
    return out
