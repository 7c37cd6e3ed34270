"""A competent authority as a vCard 4.0 (RFC 6350), for an address book.

Why written here rather than with a library: the card is one kind of record with a dozen properties, and
the only well-kept vCard library (vobject) is not among the project's dependencies; the rules that matter
are few and tested by parsing the card back (tests/authorities/test_vcard.py): CRLF line ends, escaping of
backslash, comma, semicolon and newline in values, lines folded at 75 octets without splitting a UTF-8
character. The card holds what the reader may see: the public fields for everyone, the contact details
only for those `show_contact` allows (the page's rule).
"""

from __future__ import annotations

from django.utils.translation import get_language

from .models import CompetentAuthority

MAX_OCTETS = 75  # a line's length before folding, CRLF not counted (RFC 6350 3.2)


def escape(value: str) -> str:
    """A text value with backslash, comma, semicolon and line breaks escaped (RFC 6350 3.4)."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """The content line folded at MAX_OCTETS octets: CRLF and one space start each continuation."""
    parts, current, size = [], [], 0
    for char in line:
        octets = len(char.encode())
        limit = MAX_OCTETS if not parts else MAX_OCTETS - 1  # a continuation's leading space counts
        if size + octets > limit:
            parts.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += octets
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _line(name: str, text: str, **params: str) -> str:
    head = name + "".join(f";{key.upper()}={val}" for key, val in params.items())
    return fold(f"{head}:{text}")


def vcard(authority: CompetentAuthority, *, show_contact: bool, url: str) -> str:
    """The card of one authority; `url` is its page's absolute address."""
    language = get_language() or "en"
    roles = [role.label_in(language) for role in authority.roles.all()]
    country = authority.country.label_in(language)
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        _line("KIND", "org"),
        _line("FN", escape(authority.name)),
        _line("ORG", escape(authority.name)),
    ]
    if roles:
        # CATEGORIES is a list: its commas separate values, so each value is escaped on its own.
        lines.append(_line("CATEGORIES", ",".join(escape(role) for role in roles)))
    address = authority.address if show_contact else ""
    # ADR: post office box; extended; street; locality; region; postal code; country
    lines.append(_line("ADR", ";".join(["", "", escape(address), "", "", "", escape(country)]), type="work"))
    if show_contact:
        if authority.phone:
            lines.append(_line("TEL", escape(authority.phone), type="work,voice", value="text"))
        if authority.fax:
            lines.append(_line("TEL", escape(authority.fax), type="work,fax", value="text"))
        if authority.email:
            lines.append(_line("EMAIL", escape(authority.email), type="work"))
        if authority.website:
            lines.append(_line("URL", authority.website, type="work"))
        if authority.contact_person:
            lines.append(_line("NOTE", escape(authority.contact_person)))
        if authority.time_zone:
            lines.append(_line("TZ", escape(authority.time_zone), value="text"))
        for pref, code in enumerate(authority.languages_accepted or [], start=1):
            lines.append(_line("LANG", escape(str(code)), pref=str(min(pref, 100))))
    lines.append(_line("SOURCE", url))
    lines.append(_line("URL", url))
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"
