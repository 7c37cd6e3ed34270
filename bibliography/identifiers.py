"""DOI and ISBN: normalised forms and checks, shared by the model, the importer and the JSON Lines format.

A DOI is case-insensitive (the DOI Handbook, 3.4), so it is stored lower-cased, without a resolver prefix
("https://doi.org/", "doi:"), which makes "unique when set" mean what a reader expects. An ISBN is stored as
its 10 or 13 characters without hyphens or spaces, its check digit verified.
"""

from __future__ import annotations

import re

DOI_PATTERN = re.compile(r"10\.\d{4,9}/\S+")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def normalise_doi(value: str) -> str:
    """'https://doi.org/10.1000/ABC' -> '10.1000/abc'; '' stays ''."""
    return _DOI_PREFIX.sub("", (value or "").strip()).lower()


def doi_problem(value: str) -> str:
    """Why `value` (normalised) is not a DOI, or '' when it is one (or empty)."""
    if value and not DOI_PATTERN.fullmatch(value):
        return f"{value!r} is not a DOI: expected '10.<registrant>/<suffix>', e.g. 10.1093/ijtj/ijx012."
    return ""


def normalise_isbn(value: str) -> str:
    """'978-92-1-130422-4' -> '9789211304224'; an 'x' check digit is upper-cased."""
    return re.sub(r"[\s-]", "", value or "").upper()


def isbn_problem(value: str) -> str:
    """Why `value` (normalised) is not a valid ISBN-10 or ISBN-13, or '' when it is one (or empty)."""
    if not value:
        return ""
    if re.fullmatch(r"\d{9}[\dX]", value):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(value))
        ok = total % 11 == 0
    elif re.fullmatch(r"97[89]\d{10}", value):
        ok = sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(value)) % 10 == 0
    else:
        return f"{value!r} is not an ISBN: expected 10 or 13 digits (ISBN-13 starting 978 or 979)."
    return "" if ok else f"{value!r} is not a valid ISBN: its check digit is wrong."
