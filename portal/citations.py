"""Citations of one record (a law, one provision of a law, a case): the fields, and the same fields as
RIS, BibTeX and the page-head tags that reference managers read (Highwire `citation_*`, Dublin Core).

One small module so that anything citing records (the record pages, their RIS/BibTeX downloads, the
bibliography's exports of one entry or a whole search) builds them the same way. The file formats are written
by libraries (rispy, bibtexparser) so their quoting and layout rules are not re-implemented here; CSL-JSON
(the citation processors' input, read by Zotero and citeproc) is plain JSON in the CSL schema's field names.

Bibliography entries (`Reference`) are not records *about* the law but publications with authors, a
container and identifiers: they get their own builder and entry mappings, written by the same functions.
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
CSL_JSON_MEDIA_TYPE = "application/vnd.citationstyles.csl+json"

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


def to_ris(items: list[Citable | Reference]) -> str:
    """RIS (Refman) text for the records, one reference each."""
    import rispy

    class PlainRisWriter(rispy.RisWriter):
        """rispy numbers each reference ("1.") before its TY line; reference managers do not expect it."""

        def set_header(self, count: int) -> str:
            return ""

    entries = [_reference_ris(i) if isinstance(i, Reference) else _ris_entry(i) for i in items]
    return rispy.dumps(entries, implementation=PlainRisWriter)


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


def to_bibtex(items: list[Citable | Reference]) -> str:
    """BibTeX (biblatex-compatible: UTF-8, `date` beside `year`) entries for the records."""
    import bibtexparser

    entries = [_reference_bibtex(i) if isinstance(i, Reference) else _bibtex_entry(i) for i in items]
    return bibtexparser.write_string(bibtexparser.Library(entries))


def meta_tags(item: Citable | Reference) -> list[tuple[str, str]]:
    """(name, content) pairs for <meta> tags: Highwire Press `citation_*` (read by Zotero, Mendeley and
    Google Scholar) and their Dublin Core equivalents. Empty values are left out."""
    if isinstance(item, Reference):
        return _reference_meta(item)
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


# --- bibliography entries -------------------------------------------------------------------------------
_REFERENCE_RIS = {"book": "BOOK", "chapter": "CHAP", "article": "JOUR", "report": "RPRT", "thesis": "THES"}
_REFERENCE_BIBTEX = {
    "book": "book",
    "chapter": "incollection",
    "article": "article",
    "report": "techreport",
    "thesis": "phdthesis",
}
# BibTeX names the publisher of a report and a thesis differently; the container of a chapter is its book.
_BIBTEX_PUBLISHER = {"report": "institution", "thesis": "school"}
_REFERENCE_CSL = {
    "book": "book",
    "chapter": "chapter",
    "article": "article-journal",
    "report": "report",
    "thesis": "thesis",
}


@dataclass(frozen=True)
class Author:
    """A person (family, given) or an organisation (literal)."""

    family: str = ""
    given: str = ""
    literal: str = ""

    @property
    def inverted(self) -> str:
        """'Family, Given' (RIS, BibTeX); an organisation's name as written."""
        if self.literal:
            return self.literal
        return f"{self.family}, {self.given}" if self.given else self.family


@dataclass(frozen=True)
class Reference:
    """A bibliography entry: a publication, as every citation format needs it (titles as published)."""

    key: str  # "sherloc-publication-12"
    type: str  # bibliography.models.PublicationType value
    title: str
    page_url: str  # its record page on the portal
    authors: tuple[Author, ...] = ()
    year: str = ""
    container: str = ""  # journal (article) or book (chapter)
    volume: str = ""
    issue: str = ""
    pages: str = ""
    publisher: str = ""
    doi: str = ""
    isbn: str = ""
    url: str = ""  # where the publication itself is read
    language: str = ""
    keywords: tuple[str, ...] = ()
    abstract: str = ""  # the synopsis as plain text

    @property
    def page_range(self) -> tuple[str, str]:
        first, _, last = self.pages.replace("\u2013", "-").replace("--", "-").partition("-")
        return first.strip(), last.strip()


def for_publication(publication: object, page_url: str) -> Reference:
    """A `bibliography.Publication` (its authors prefetched where many are built); `page_url` is absolute."""
    from sherloc import richtext

    authors = sorted(publication.authors.all(), key=lambda a: a.position)
    return Reference(
        key=f"sherloc-publication-{publication.pk}",
        type=publication.publication_type,
        title=publication.title,
        page_url=page_url,
        authors=tuple(Author(a.family, a.given, a.literal) for a in authors),
        year=str(publication.year or ""),
        container=publication.container_title,
        volume=publication.volume,
        issue=publication.issue,
        pages=publication.pages,
        publisher=publication.publisher,
        doi=publication.doi,
        isbn=publication.isbn,
        url=publication.url,
        language=getattr(publication.original_language, "code", "") or "",
        keywords=tuple(str(k) for k in (publication.keywords or [])),
        abstract=richtext.plain(publication.synopsis),
    )


def _reference_ris(item: Reference) -> dict:
    first, last = item.page_range
    entry: dict = {"type_of_reference": _REFERENCE_RIS.get(item.type, "GEN"), "id": item.key, "title": item.title}
    pairs = {
        "authors": [a.inverted for a in item.authors],
        "year": item.year,
        "secondary_title": item.container,
        "volume": item.volume,
        "number": item.issue,
        "start_page": first,
        "end_page": last,
        "publisher": item.publisher,
        "doi": item.doi,
        "issn": item.isbn,  # RIS's SN holds an ISBN or an ISSN
        "language": item.language,
        "keywords": list(item.keywords),
        "abstract": item.abstract,
        "urls": [u for u in (item.url, item.page_url) if u],
    }
    entry.update({name: value for name, value in pairs.items() if value})
    return entry


def _bibtex_name(author: Author) -> str:
    """'Family, Given'; an organisation in braces, so that BibTeX keeps its name whole."""
    if author.literal:
        return "{" + _bibtex_value(author.literal) + "}"
    return _bibtex_value(author.inverted)


def _reference_bibtex(item: Reference) -> object:
    from bibtexparser.model import Entry, Field

    first, last = item.page_range
    container = {"article": "journal", "chapter": "booktitle"}.get(item.type, "")
    pairs = [
        ("title", _bibtex_value(item.title)),
        ("author", " and ".join(_bibtex_name(a) for a in item.authors)),
        ("year", item.year),
        (container, _bibtex_value(item.container) if container else ""),
        ("volume", _bibtex_value(item.volume)),
        ("number", _bibtex_value(item.issue)),
        ("pages", f"{first}--{last}" if last else _bibtex_value(first)),
        (_BIBTEX_PUBLISHER.get(item.type, "publisher"), _bibtex_value(item.publisher)),
        ("doi", item.doi),
        ("isbn", item.isbn),
        ("url", item.url),
        ("language", item.language),
        ("keywords", _bibtex_value(", ".join(item.keywords))),
        ("abstract", _bibtex_value(item.abstract)),
    ]
    fields = [Field(k, v) for k, v in pairs if k and v]
    return Entry(_REFERENCE_BIBTEX.get(item.type, "misc"), item.key, fields)


def csl_item(item: Reference) -> dict:
    """One CSL-JSON item (the Citation Style Language's data schema, csl-data.json)."""
    names = [{"literal": a.literal} if a.literal else {"family": a.family, "given": a.given} for a in item.authors]
    pairs = {
        "id": item.key,
        "type": _REFERENCE_CSL.get(item.type, "document"),
        "title": item.title,
        "author": [{k: v for k, v in n.items() if v} for n in names],
        "issued": {"date-parts": [[int(item.year)]]} if item.year.isdigit() else None,
        "container-title": item.container,
        "volume": item.volume,
        "issue": item.issue,
        "page": item.pages,
        "publisher": item.publisher,
        "DOI": item.doi,
        "ISBN": item.isbn,
        "URL": item.url or item.page_url,
        "language": item.language,
        "keyword": ", ".join(item.keywords),
        "abstract": item.abstract,
    }
    return {name: value for name, value in pairs.items() if value}


def to_csl_json(items: list[Reference]) -> str:
    """A CSL-JSON array of the entries (UTF-8, one item per entry)."""
    import json

    return json.dumps([csl_item(i) for i in items], ensure_ascii=False, indent=1)


def _reference_meta(item: Reference) -> list[tuple[str, str]]:
    first, last = item.page_range
    pairs = [
        ("citation_title", item.title),
        *(("citation_author", a.inverted) for a in item.authors),
        ("citation_publication_date", item.year),
        ("citation_journal_title" if item.type == "article" else "citation_inbook_title", item.container),
        ("citation_volume", item.volume),
        ("citation_issue", item.issue),
        ("citation_firstpage", first),
        ("citation_lastpage", last),
        ("citation_publisher", item.publisher),
        ("citation_doi", item.doi),
        ("citation_isbn", item.isbn),
        ("citation_language", item.language),
        ("citation_keywords", "; ".join(item.keywords)),
        ("citation_abstract_html_url", item.page_url),
        ("DC.title", item.title),
        *(("DC.creator", a.inverted) for a in item.authors),
        ("DC.date", item.year),
        ("DC.type", "Text"),
        ("DC.language", item.language),
        ("DC.publisher", item.publisher),
        ("DC.identifier", f"doi:{item.doi}" if item.doi else item.page_url),
    ]
    return [(name, value) for name, value in pairs if value]
