"""The request as a document: a cover letter and the request proper, as a list of blocks that the DOCX and
PDF writers (mla.output) lay out. The fixed text is in the draft's output language (gettext under
translation.override); the author's own text and the cited provisions are kept as written."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import override, pgettext

from legislation.models import Provision
from sherloc.language_codes import base_language

from .models import Measure, RequestDraft


@dataclass
class Block:
    kind: str  # "title", "heading", "subheading", "para", "field", "quote", "break"
    text: str = ""
    label: str = ""
    lang: str = ""  # language of the text when it is not the output language (a provision's own)

    def __post_init__(self) -> None:
        # Lazy labels (choices) are resolved now, inside the output language's override.
        self.text, self.label = str(self.text), str(self.label)


@dataclass
class Document:
    language: str
    rtl: bool
    title: str
    blocks: list[Block] = field(default_factory=list)


def accepted_language(draft: RequestDraft) -> bool | None:
    """Whether the requested authority accepts requests in the output language (None: the directory does not say)."""
    authority = draft.requested_authority
    if authority is None or not authority.languages_accepted:
        return None
    wanted = base_language(draft.output_language)
    return any(base_language(str(code)) == wanted for code in authority.languages_accepted)


def _provision_text(provision: Provision) -> tuple[str, str]:
    return provision.text, provision.language.code if provision.language_id else ""


def build(draft: RequestDraft) -> Document:
    """The draft as blocks in its output language (call only when mla.completeness finds nothing missing)."""
    lang = draft.output_language
    with override(lang):
        return _build(draft, lang)


def _build(draft: RequestDraft, lang: str) -> Document:
    authority = draft.requested_authority
    requesting = draft.requesting_country.label_in(lang) if draft.requesting_country else ""
    requested = draft.requested_country.label_in(lang) if draft.requested_country else ""
    title = str(_("Request for mutual legal assistance in criminal matters"))
    doc = Document(language=lang, rtl=lang == "ar", title=title)
    add = doc.blocks.append
    today = formats.date_format(timezone.localdate(), "DATE_FORMAT")

    # Cover letter.
    add(Block("title", _("Cover letter")))
    add(Block("para", today))
    add(Block("field", authority.name if authority else "", label=pgettext("letter addressee", "To")))
    if authority is not None and authority.address:
        add(Block("para", authority.address))
    add(Block("field", f"{draft.requesting_authority} ({requesting})", label=pgettext("letter sender", "From")))
    add(Block("field", title, label=pgettext("letter subject", "Subject")))
    add(
        Block(
            "para",
            _(
                "The %(authority)s of %(requesting)s presents its compliments to the %(requested_authority)s of "
                "%(requested)s and has the honour to transmit the attached request for mutual legal assistance "
                "in criminal matters, made on the following legal basis: %(basis)s."
            )
            % {
                "authority": draft.requesting_authority,
                "requesting": requesting,
                "requested_authority": authority.name if authority else "",
                "requested": requested,
                "basis": draft.get_legal_basis_display(),
            },
        )
    )
    if draft.urgent:
        add(Block("para", _("This request is urgent. Please treat it as a matter of priority.")))
    if draft.confidential:
        add(Block("para", _("The requesting State asks that this request and its contents be kept confidential.")))
    add(Block("para", _("Contact for this request:")))
    add(Block("para", draft.requesting_contact))
    add(Block("break"))

    # The request.
    add(Block("title", title))
    add(Block("heading", _("1. Requesting authority")))
    add(Block("field", requesting, label=_("Requesting State")))
    add(Block("field", draft.requesting_authority, label=_("Requesting authority")))
    add(Block("field", draft.requesting_contact, label=_("Officer in charge and contact details")))
    add(Block("heading", _("2. Requested authority")))
    add(Block("field", requested, label=_("Requested State")))
    add(Block("field", authority.name if authority else "", label=_("Central authority")))
    add(Block("heading", _("3. Legal basis")))
    add(Block("para", draft.get_legal_basis_display()))
    if draft.legal_basis_details:
        add(Block("para", draft.legal_basis_details))
    add(Block("heading", _("4. Investigation, prosecution or proceedings")))
    add(Block("para", draft.investigation))
    add(Block("heading", _("5. Summary of the facts")))
    add(Block("para", draft.facts))
    add(Block("heading", _("6. Offences and applicable law")))
    for provision in draft.offences.select_related("law", "language").order_by("law__title", "order"):
        heading = f"{provision.label}{' – ' + provision.heading if provision.heading else ''}"
        add(Block("subheading", f"{provision.law.title}, {heading}"))
        text, text_lang = _provision_text(provision)
        add(Block("quote", text, lang=text_lang))
    add(Block("heading", _("7. Assistance requested")))
    for measure in draft.measures.all():
        add(Block("subheading", Measure(measure.measure).label))
        add(Block("para", measure.details))
    add(Block("field", draft.purpose, label=_("Purpose of the request")))
    add(Block("heading", _("8. Persons concerned")))
    add(Block("para", draft.persons or _("None named.")))
    add(Block("heading", _("9. Confidentiality, urgency and time limits")))
    add(Block("field", _("Yes") if draft.confidential else _("No"), label=_("Confidential")))
    if draft.confidentiality_details:
        add(Block("para", draft.confidentiality_details))
    add(Block("field", _("Yes") if draft.urgent else _("No"), label=_("Urgent")))
    if draft.urgency_reasons:
        add(Block("para", draft.urgency_reasons))
    if draft.time_limit:
        add(Block("field", formats.date_format(draft.time_limit, "DATE_FORMAT"), label=_("Assistance needed by")))
    return doc
