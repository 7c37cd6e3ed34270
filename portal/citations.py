"""Citations of one record (a law, one provision of a law, a case): the fields, and the same fields as
RIS, BibTeX and the page-head tags that reference managers read (Highwire `citation_*`, Dublin Core).

One small module so that anything citing records (the record pages, their RIS/BibTeX downloads, a later
bibliography export of many records) builds them the same way. The file formats are written by libraries
(rispy, bibtexparser) so their quoting and layout rules are not re-implemented here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from caselaw.dates import iso_partial

# rispy and bibtexparser are imported where the files are written: the record pages (head tags, citation
# text) and the URLconf need neither, so an installation that lacks them loses the downloads, not the site.

PUBLISHER = "UNODC, SHERLOC portal"
RIS_MEDIA_TYPE = "application/x-research-info-systems"
BIBTEX_MEDIA_TYPE = "application/x-bibtex"

_RIS_TYPES = {"law": "STAT", "provision": "STAT", "case": "CASE"}
_BIBTEX_TYPES = {"law": "misc", "provision": "misc", "case": "misc"}
_KIND_NAMES = {"law": "Legislation", "provision": "Legislation", "case": "Case law"}
_BIBTEX_SPECIAL = re.compile(r"([&%$#_])")


@dataclass(frozen=True)
class Citable:
    """What a citation says about one record, in the record's own words (titles are not translated).

    `date` is the exchange form ('2018', '2018-03', '2018-03-15' or ''): a partial date stays partial.
    """

    kind: str  # "law", "provision" or "case"
    key: str  # stable identifier: "law-12", "provision-40", "case-7"
    title: str
    url: str
    country: str = ""
    country_code: str = ""
    date: str = ""
    number: str = ""  # the law's number, or the case's docket number
    court: str = ""
    language: str = ""
    container: str = ""  # a provision's law title
    section: str = ""  # a provision's label: "Art. 149-A"
    original_title: str = ""
    keywords: list[str] = field(default_factory=list)

    @property
    def year(self) -> str:
        return self.date[:4]


def for_law(law: object, url: str) -> Citable:
    """A law; `url` is the absolute permalink of its page."""
    return Citable(
        kind="law",
        key=f"sherloc-law-{law.pk}",
        title=law.title,
        original_title=law.original_title if law.original_title != law.title else "",
        url=url,
        country=law.country.label,
        country_code=law.country.alpha3,
        date=law.adoption_date.isoformat() if law.adoption_date else (str(law.year) if law.year else ""),
        number=law.number,
        language=getattr(law.original_language, "code", "") or "",
    )


def for_provision(provision: object, url: str) -> Citable:
    """One provision: its law is the container, its label the section; `url` ends with its anchor."""
    law = provision.law
    return Citable(
        kind="provision",
        key=f"sherloc-provision-{provision.pk}",
        title=f"{provision.label}{': ' + provision.heading if provision.heading else ''}",
        url=url,
        country=law.country.label,
        country_code=law.country.alpha3,
        date=law.adoption_date.isoformat() if law.adoption_date else (str(law.year) if law.year else ""),
        number=law.number,
        language=getattr(provision.language, "code", "") or "",
        container=law.title,
        section=provision.label,
    )


def for_case(case: object, url: str) -> Citable:
    """A case; its decision date keeps its precision ('2018' stays a year)."""
    return Citable(
        kind="case",
        key=f"sherloc-case-{case.pk}",
        title=case.title,
        url=url,
        country=case.country.label,
        country_code=case.country.alpha3,
        date=iso_partial(case.decision_date, case.decision_date_precision) or "",
        number=case.case_number,
        court=case.court.name if case.court_id else "",
        language=getattr(case.original_language, "code", "") or "",
        keywords=[str(k) for k in (case.keywords or [])],
    )


def _ris_entry(item: Citable) -> dict:
    entry: dict = {"type_of_reference": _RIS_TYPES[item.kind], "id": item.key, "title": item.title}
    if item.container:
        entry["secondary_title"] = item.container
    if item.section:
        entry["section"] = item.section
    if item.original_title:
        entry["translated_title"] = item.original_title
    if item.year:
        entry["year"] = item.year
        entry["date"] = item.date.replace("-", "/")
    if item.number:
        entry["number"] = item.number
    if item.court:
        entry["publisher"] = item.court  # RIS CASE: the court is the "publisher"
    if item.country:
        entry["place_published"] = item.country
    if item.language:
        entry["language"] = item.language
    if item.keywords:
        entry["keywords"] = item.keywords
    entry["name_of_database"] = PUBLISHER
    entry["urls"] = [item.url]
    return entry


def to_ris(items: list[Citable]) -> str:
    """RIS (Refman) text for the records, one reference each."""
    import rispy

    class PlainRisWriter(rispy.RisWriter):
        """rispy numbers each reference ("1.") before its TY line; reference managers do not expect it."""

        def set_header(self, count: int) -> str:
            return ""

    return rispy.dumps([_ris_entry(i) for i in items], implementation=PlainRisWriter)


def _bibtex_value(value: str) -> str:
    """The value inside BibTeX's braces: braces of its own would unbalance the entry, TeX specials escaped."""
    return _BIBTEX_SPECIAL.sub(r"\\\1", value.replace("{", "(").replace("}", ")"))


def _bibtex_entry(item: Citable) -> object:
    from bibtexparser.model import Entry, Field

    pairs = [
        ("title", f"{item.container}, {item.section}" if item.container else item.title),
        ("note", item.title if item.container and item.title != item.section else ""),
        ("type", _KIND_NAMES[item.kind]),
        ("number", item.number),
        ("organization", item.court),
        ("address", item.country),
        ("year", item.year),
        ("date", item.date),
        ("language", item.language),
        ("keywords", ", ".join(item.keywords)),
        ("publisher", PUBLISHER),
        ("url", item.url),
    ]
    return Entry(_BIBTEX_TYPES[item.kind], item.key, [Field(k, _bibtex_value(v)) for k, v in pairs if v])


def to_bibtex(items: list[Citable]) -> str:
    """BibTeX (biblatex-compatible: UTF-8, `date` beside `year`) entries for the records."""
    import bibtexparser

    return bibtexparser.write_string(bibtexparser.Library([_bibtex_entry(i) for i in items]))


def meta_tags(item: Citable) -> list[tuple[str, str]]:
    """(name, content) pairs for <meta> tags: Highwire Press `citation_*` (read by Zotero, Mendeley and
    Google Scholar) and their Dublin Core equivalents. Empty values are left out."""
    date = item.date.replace("-", "/")
    pairs = [
        ("citation_title", f"{item.container}, {item.title}" if item.container else item.title),
        ("citation_publication_date", date),
        ("citation_date", date),
        ("citation_publisher", item.court or PUBLISHER),
        ("citation_language", item.language),
        ("citation_keywords", "; ".join(item.keywords)),
        ("citation_public_url", item.url),
        ("citation_abstract_html_url", item.url),
        ("DC.title", item.title),
        ("DC.relation.ispartof", item.container),
        ("DC.date", item.date),
        ("DC.type", "Text"),
        ("DC.language", item.language),
        ("DC.coverage", item.country),
        ("DC.publisher", PUBLISHER),
        ("DC.identifier", item.url),
    ]
    return [(name, value) for name, value in pairs if value]
