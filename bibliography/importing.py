"""Import of BibTeX and RIS files into the bibliography, for the secretariat (admin upload, `import_references`).

Each entry is matched to an existing publication by its DOI, else by its title (normalised: case, accents,
punctuation and spacing ignored) and year; a match is updated with what the file says, anything else is
created as a draft for review. An entry that cannot be imported (no title, a bad DOI or ISBN, a year that
is not one, an ambiguous match) is refused with its reason, and the others go in. A file that cannot be
read at all (not UTF-8, a BibTeX syntax error, an unterminated RIS reference) is refused whole before
anything is written; the writes run in one transaction, so an import never stops half way.

The files are read by the libraries that write them for the exports (bibtexparser, rispy), so what the
portal exports, it imports.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction

from sherloc.models import PublicationStatus
from taxonomy.models import Language

from .identifiers import doi_problem, isbn_problem, normalise_doi, normalise_isbn
from .models import YEAR_MAX, YEAR_MIN, Publication, PublicationAuthor, PublicationType

FORMATS = ("bib", "ris")
DEFAULT_LANGUAGE = "en"

# Entry types of each format -> PublicationType (anything else is "other").
BIBTEX_TYPES = {
    "book": PublicationType.BOOK,
    "inbook": PublicationType.CHAPTER,
    "incollection": PublicationType.CHAPTER,
    "article": PublicationType.ARTICLE,
    "techreport": PublicationType.REPORT,
    "report": PublicationType.REPORT,
    "phdthesis": PublicationType.THESIS,
    "mastersthesis": PublicationType.THESIS,
    "thesis": PublicationType.THESIS,
}
RIS_TYPES = {
    "BOOK": PublicationType.BOOK,
    "EBOOK": PublicationType.BOOK,
    "CHAP": PublicationType.CHAPTER,
    "ECHAP": PublicationType.CHAPTER,
    "JOUR": PublicationType.ARTICLE,
    "EJOUR": PublicationType.ARTICLE,
    "RPRT": PublicationType.REPORT,
    "THES": PublicationType.THESIS,
}
# Fields copied onto the publication when the file gives them (an update keeps what the file leaves out).
TEXT_FIELDS = ("container_title", "volume", "issue", "pages", "publisher", "doi", "isbn", "url", "synopsis")


class MalformedFile(ValueError):
    """The file cannot be read as the format it claims: nothing was imported."""


@dataclass
class EntryResult:
    label: str  # the entry's key or title, as the report shows it
    outcome: str  # "created", "updated" or "refused"
    reason: str = ""
    publication_id: int | None = None


@dataclass
class ImportReport:
    format: str
    results: list[EntryResult] = field(default_factory=list)
    dry_run: bool = False

    def _of(self, outcome: str) -> list[EntryResult]:
        return [r for r in self.results if r.outcome == outcome]

    @property
    def created(self) -> list[EntryResult]:
        return self._of("created")

    @property
    def updated(self) -> list[EntryResult]:
        return self._of("updated")

    @property
    def refused(self) -> list[EntryResult]:
        return self._of("refused")

    def summary(self) -> str:
        prefix = "dry run, nothing written: " if self.dry_run else ""
        return f"{prefix}{len(self.created)} created, {len(self.updated)} updated, {len(self.refused)} refused"


class _Refused(Exception):
    pass


# --------------------------------------------------------------------------- reading the files


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise MalformedFile(f"the file is not UTF-8 text (byte {error.start})") from None


_TEX_SPECIAL = re.compile(r"\\([&%$#_{}])")


def _tex_plain(value: str) -> str:
    """A BibTeX value as text: protective braces dropped, escaped specials unescaped, spaces collapsed."""
    value = _TEX_SPECIAL.sub(lambda m: {"{": "\x00", "}": "\x01"}.get(m.group(1), m.group(1)), value)
    value = value.replace("{", "").replace("}", "").replace("\x00", "{").replace("\x01", "}")
    return " ".join(value.replace("~", " ").split())


def read_bibtex(text: str) -> list[tuple[str, dict[str, Any]]]:
    """(key, fields) of each entry; MalformedFile naming the first block that does not parse."""
    import bibtexparser
    from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts

    library = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors(), SplitNameParts()])
    if library.failed_blocks:
        block = library.failed_blocks[0]
        raise MalformedFile(
            f"BibTeX syntax error in the entry starting on line {block.start_line + 1}: "
            f"{getattr(block, 'error', None) or 'it does not parse'}"
        )
    if not library.entries and text.strip():
        raise MalformedFile("no BibTeX entry found (entries start with '@type{key,')")
    entries = []
    for entry in library.entries:
        fields = {f.key.lower(): f.value for f in entry.fields}
        authors = []
        for name in fields.pop("author", None) or []:
            last = _tex_plain(" ".join([*name.von, *name.last]))
            first = _tex_plain(" ".join([*name.first, *name.jr]))
            whole = " ".join(name.last)
            if len(name.last) == 1 and whole.startswith("{") and whole.endswith("}") and not name.first:
                authors.append({"literal": _tex_plain(whole)})  # {United Nations Office on Drugs and Crime}
            else:
                authors.append({"family": last, "given": first})
        kind = entry.entry_type.lower()
        texts = {k: _tex_plain(v) for k, v in fields.items() if isinstance(v, str)}
        container = texts.get("journal") or texts.get("journaltitle") or texts.get("booktitle", "")
        publisher = texts.get("publisher") or texts.get("institution") or texts.get("school", "")
        entries.append(
            (
                entry.key,
                {
                    "title": texts.get("title", ""),
                    "authors": authors,
                    "year": texts.get("year") or texts.get("date", "")[:4],
                    "publication_type": BIBTEX_TYPES.get(kind, PublicationType.OTHER),
                    "container_title": container if kind in ("article", "inbook", "incollection") else "",
                    "volume": texts.get("volume", ""),
                    "issue": texts.get("number") or texts.get("issue", ""),
                    "pages": texts.get("pages", "").replace("--", "-"),
                    "publisher": publisher,
                    "doi": texts.get("doi", ""),
                    "isbn": texts.get("isbn", ""),
                    "url": texts.get("url", ""),
                    "synopsis": texts.get("abstract", ""),
                    "keywords": _keywords(texts.get("keywords", "")),
                    "language": texts.get("language", ""),
                },
            )
        )
    return entries


def _keywords(value: str) -> list[str]:
    return [k.strip() for k in re.split(r"[,;]", value) if k.strip()]


_RIS_START = re.compile(r"^TY  - ", re.MULTILINE)
_RIS_END = re.compile(r"^ER  -", re.MULTILINE)


def read_ris(text: str) -> list[tuple[str, dict[str, Any]]]:
    """(label, fields) of each reference; MalformedFile when a reference is not closed or none is found."""
    import rispy

    starts = [text.count("\n", 0, m.start()) + 1 for m in _RIS_START.finditer(text)]
    ends = [text.count("\n", 0, m.start()) + 1 for m in _RIS_END.finditer(text)]
    if not starts:
        raise MalformedFile("no RIS reference found (each starts with a 'TY  - ' line and ends with 'ER  - ')")
    for i, start in enumerate(starts):
        following = starts[i + 1] if i + 1 < len(starts) else None
        if not any(start < end and (following is None or end < following) for end in ends):
            raise MalformedFile(f"the RIS reference starting on line {start} has no 'ER  - ' line")
    try:
        references = rispy.loads(text)
    except (OSError, ValueError) as error:  # rispy's reader errors
        raise MalformedFile(f"the RIS file does not parse: {error}") from None
    entries = []
    for ref in references:
        authors = []
        for name in (ref.get("authors") or []) + (ref.get("first_authors") or []):
            family, comma, given = name.partition(",")
            authors.append({"family": family.strip(), "given": given.strip()} if comma else {"literal": name.strip()})
        kind = ref.get("type_of_reference", "")
        first, last = ref.get("start_page", ""), ref.get("end_page", "")
        year = ref.get("year") or ref.get("publication_year") or ref.get("date", "")
        isbn = ref.get("issn", "")
        entries.append(
            (
                ref.get("id") or ref.get("title") or ref.get("primary_title", ""),
                {
                    "title": ref.get("title") or ref.get("primary_title", ""),
                    "authors": authors,
                    "year": year[:4],
                    "publication_type": RIS_TYPES.get(kind, PublicationType.OTHER),
                    "container_title": ref.get("secondary_title") or ref.get("journal_name", "")
                    if RIS_TYPES.get(kind) in (PublicationType.ARTICLE, PublicationType.CHAPTER)
                    else "",
                    "volume": ref.get("volume", ""),
                    "issue": ref.get("number", ""),
                    "pages": f"{first}-{last}" if first and last else first,
                    "publisher": ref.get("publisher", ""),
                    "doi": ref.get("doi", ""),
                    # SN holds an ISBN or an ISSN: only an ISBN-shaped one is kept
                    "isbn": isbn if len(normalise_isbn(isbn)) in (10, 13) else "",
                    "url": next(iter(ref.get("urls") or []), ""),
                    "synopsis": ref.get("abstract", ""),
                    "keywords": list(ref.get("keywords") or []),
                    "language": ref.get("language", ""),
                },
            )
        )
    return entries


def read(data: bytes | str, fmt: str) -> list[tuple[str, dict[str, Any]]]:
    """The entries of a file in `fmt` ('bib' or 'ris'); MalformedFile when it cannot be read."""
    if fmt not in FORMATS:
        raise MalformedFile(f"unknown format {fmt!r}: bib (BibTeX) or ris (RIS)")
    text = _decode(data)
    return read_bibtex(text) if fmt == "bib" else read_ris(text)


# --------------------------------------------------------------------------- checking and writing


def normalise_title(title: str) -> str:
    """The title as matching sees it: no accents, case, punctuation or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", title)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", letters.casefold()).split())


def _checked(fields: dict[str, Any], languages: dict[str, int]) -> dict[str, Any]:
    """The entry's values ready to write, or _Refused naming what is wrong."""
    title = " ".join(str(fields.get("title", "")).split())
    if not title:
        raise _Refused("no title")
    if len(title) > Publication._meta.get_field("title").max_length:
        raise _Refused("the title is longer than 1000 characters")
    year_text = str(fields.get("year") or "").strip()
    year = None
    if year_text:
        if not year_text.isdigit() or not YEAR_MIN <= int(year_text) <= YEAR_MAX:
            raise _Refused(f"the year {year_text!r} is not a year")
        year = int(year_text)
    values: dict[str, Any] = {"title": title, "year": year, "publication_type": fields["publication_type"]}
    for name in TEXT_FIELDS:
        value = str(fields.get(name) or "").strip()
        limit = getattr(Publication._meta.get_field(name), "max_length", None)
        if limit and len(value) > limit and name not in ("isbn",):
            raise _Refused(f"{name} is longer than {limit} characters")
        values[name] = value
    values["doi"], values["isbn"] = normalise_doi(values["doi"]), normalise_isbn(values["isbn"])
    for problem in (doi_problem(values["doi"]), isbn_problem(values["isbn"])):
        if problem:
            raise _Refused(problem)
    authors = []
    for author in fields.get("authors", []):
        if author.get("literal") or author.get("family"):
            authors.append(
                {k: str(author.get(k, ""))[: 500 if k == "literal" else 255] for k in ("family", "given", "literal")}
            )
    values["authors"] = authors
    values["keywords"] = [str(k) for k in fields.get("keywords", []) if str(k).strip()]
    language = str(fields.get("language") or "").strip().lower()
    # A code ('fr') or an English name ('French'); unknown or absent: the importer's default language.
    values["original_language_id"] = languages.get(language) or languages[DEFAULT_LANGUAGE]
    return values


def _match(values: dict[str, Any]) -> Publication | None:
    originals = Publication.objects.originals()
    if values["doi"]:
        found = originals.filter(doi=values["doi"]).first()
        if found is not None:
            return found
    key = normalise_title(values["title"])
    candidates = originals.filter(year=values["year"]) if values["year"] else originals.filter(year__isnull=True)
    matches = [p for p in candidates.only("pk", "title", "doi") if normalise_title(p.title) == key]
    if len(matches) > 1:
        raise _Refused(f"it matches {len(matches)} publications by title and year; give it a DOI to tell them apart")
    if matches and values["doi"] and matches[0].doi and matches[0].doi != values["doi"]:
        raise _Refused(f"its title and year match publication {matches[0].pk}, whose DOI is {matches[0].doi}")
    return matches[0] if matches else None


def _write(values: dict[str, Any], existing: Publication | None, reason: str) -> Publication:
    publication = existing or Publication(status=PublicationStatus.DRAFT)
    publication.title, publication.publication_type = values["title"], values["publication_type"]
    if values["year"] is not None or existing is None:
        publication.year = values["year"]
    for name in TEXT_FIELDS:
        if values[name] or existing is None:  # an update keeps what the file does not say
            setattr(publication, name, values[name])
    if values["keywords"] or existing is None:
        publication.keywords = values["keywords"]
    if existing is None:
        publication.original_language_id = values["original_language_id"]
        publication.provenance = reason
    publication._change_reason = reason[:100]
    publication.save()
    if values["authors"] or existing is None:
        PublicationAuthor.objects.filter(publication=publication).delete()
        PublicationAuthor.objects.bulk_create(
            PublicationAuthor(publication=publication, position=i, **author)
            for i, author in enumerate(values["authors"], start=1)
        )
    return publication


def _languages() -> dict[str, int]:
    found: dict[str, int] = {}
    for pk, code, label in Language.objects.values_list("pk", "code", "label"):
        found.setdefault(label.lower(), pk)
        found[code.lower()] = pk
    return found


def import_references(
    data: bytes | str, fmt: str, *, source_name: str = "upload", dry_run: bool = False
) -> ImportReport:
    """Import a BibTeX ('bib') or RIS ('ris') file; MalformedFile (nothing written) when it cannot be read."""
    entries = read(data, fmt)
    report = ImportReport(format=fmt, dry_run=dry_run)
    languages = _languages()
    reason = f"bibliography import ({fmt}) of {source_name}"
    seen_dois: dict[str, str] = {}
    with transaction.atomic():
        for label, fields in entries:
            label = label or fields.get("title", "") or "(untitled)"
            try:
                values = _checked(fields, languages)
                if values["doi"] in seen_dois:
                    raise _Refused(f"the DOI {values['doi']} is also on entry {seen_dois[values['doi']]!r}")
                if values["doi"]:
                    seen_dois[values["doi"]] = label
                existing = _match(values)
                with transaction.atomic():  # a database refusal undoes this entry only
                    publication = _write(values, existing, reason)
            except _Refused as refusal:
                report.results.append(EntryResult(label, "refused", str(refusal)))
                continue
            except IntegrityError as error:
                report.results.append(EntryResult(label, "refused", f"the database refused it: {error}"))
                continue
            outcome = "updated" if existing is not None else "created"
            report.results.append(EntryResult(label, outcome, publication_id=publication.pk))
        if dry_run:
            transaction.set_rollback(True)
    return report
