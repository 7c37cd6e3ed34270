"""Build search documents (search/schema.py) from the database.

Why it looks like this: a full rebuild streams ~100k documents, so builders read `values()` rows in
keyset-paginated batches and fetch tags from the through tables with one query per tag relation per
batch (no model instances, no N+1). Vocabularies come from the cached registry (taxonomy.registry).

Only published records produce documents. For a provision that means: its law is published.
`version` is the record's `updated_at` (the law's for provisions); search.signals bumps it whenever
something the document is built from changes, so comparing versions finds every stale document.

A law's attachments (PDF text extracted at upload) are indexed with the law's lead provision (lowest
order), once: a word found only in the gazette PDF finds the law, without copying the PDF's text into
every provision's document. A law without provisions has no documents at all (as before).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.db.models import Model, OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils import translation

from authorities.models import AuthorityArticle, CompetentAuthority
from bibliography.models import Publication, PublicationArticle, PublicationAuthor
from caselaw.bands import age_band, group_size_band, sentence_band
from caselaw.dates import iso_partial
from caselaw.models import Case, CaseArticle, CaseAttachment, Charge, Person, PersonKind, PersonRole, Verdict
from guidance.models import ArticleGuidance
from legislation.models import LawAttachment, Provision, ProvisionArticle
from sherloc import richtext
from sherloc.models import PublicationStatus
from strategies.models import (
    ExplanatoryMaterial,
    MaterialArticle,
    MaterialAttachment,
    Strategy,
    StrategyArticle,
    StrategyAttachment,
)
from taxonomy import registry
from taxonomy.registry import Term, Vocabulary
from taxonomy.tagging import format_paragraph

from .schema import CASE_PEOPLE_FIELDS, DOC_KINDS, MULTI_VALUED, doc_id

PUBLISHED = PublicationStatus.PUBLISHED
DEFAULT_BATCH_SIZE = 2000
IN_CHUNK = 500  # ids per `pk__in` query: far below every backend's parameter limit
SEPARATOR = " · "


# --------------------------------------------------------------------------- vocabularies


@dataclass(frozen=True)
class Vocab:
    """The vocabularies a document needs, from the registry (taxonomy.registry), looked up by pk.

    Taken once per batch or rebuild so that one run sees one version of every vocabulary."""

    countries: Vocabulary
    articles: Vocabulary
    crime_types: Vocabulary
    crime_subtypes: Vocabulary
    issues: Vocabulary
    roles: Vocabulary
    languages: Vocabulary

    @classmethod
    def load(cls) -> Vocab:
        return cls(
            countries=registry.vocabulary("country"),
            articles=registry.vocabulary("article"),
            crime_types=registry.vocabulary("crime_type"),
            crime_subtypes=registry.vocabulary("crime_subtype"),
            issues=registry.vocabulary("issue"),
            roles=registry.vocabulary("role"),
            languages=registry.vocabulary("language"),
        )

    def language(self, pk: int | None, default: str = "") -> str:
        term = self.languages.by_pk(pk)
        return term.code if term is not None else default


NO_COUNTRY = Term(code="", label="")


# --------------------------------------------------------------------------- tags


@dataclass(slots=True)
class Tags:
    """Tag values of one record, as document fields. (Built for every document: kept lean.)"""

    article_refs: list[tuple[int, str]] = field(default_factory=list)  # (article pk, paragraph)
    crime_types: list[int] = field(default_factory=list)
    crime_subtypes: list[int] = field(default_factory=list)
    issues: list[int] = field(default_factory=list)
    roles: list[int] = field(default_factory=list)
    attachment_texts: list[str] = field(default_factory=list)
    law_files: list[tuple[int | None, str]] = field(default_factory=list)  # (language pk, text), lead provision
    people: list[tuple] = field(default_factory=list)  # a case's Person rows (PEOPLE_COLUMNS)
    charges: list[tuple] = field(default_factory=list)  # a case's Charge rows (CHARGE_COLUMNS)
    countries: list[int] = field(default_factory=list)  # the States a regional strategy (a publication) covers
    authors: list[tuple] = field(default_factory=list)  # a publication's (position, name) rows

    def fields(self, vocab: Vocab) -> dict:
        instruments: set[str] = set()
        codes: set[str] = set()
        refs: set[str] = set()
        for pk, paragraph in self.article_refs:
            info = vocab.articles.by_pk(pk)
            if info is not None:
                instruments.add(info.instrument)  # only the article's own instrument: TIP-3 is not UNTOC
                codes.add(info.code)
                refs.add(article_ref(info.instrument, info.number, paragraph))
        return {
            "instrument": sorted(instruments),
            "article": sorted(codes),
            "article_ref": sorted(refs),
            "crime_type": _codes(self.crime_types, vocab.crime_types),
            # a sub-type with its family ('trafficking-in-persons.means'), so a family filters as a whole
            "crime_subtype": _codes(self.crime_subtypes, vocab.crime_subtypes),
            "issue": _codes(self.issues, vocab.issues),  # each issue with its ancestors
            "role": _codes(self.roles, vocab.roles),
        }


@lru_cache(maxsize=4096)
def article_ref(instrument: str, number: int, paragraph: str) -> str:
    """'UNTOC 18(13)' / 'UNTOC 5(1)(a)' from a tag's paragraph ('13', '1(a)', '(1)(a)')."""
    return f"{instrument} {number}{format_paragraph(paragraph or '')}"


def _codes(pks: list[int], vocabulary: Vocabulary) -> list[str]:
    """The terms' codes with their ancestors (registry `Term.ancestors`), sorted, without duplicates."""
    if not pks:
        return []
    return sorted({code for pk in pks if (term := vocabulary.by_pk(pk)) is not None for code in term.ancestors})


@dataclass(frozen=True)
class TagSource:
    """One tag relation: rows of (record fk, value[, paragraph]) from a through table."""

    model: type[Model]
    record_field: str
    value_field: str
    target: str  # attribute of Tags
    extra: str | None = None  # paragraph column of article tags

    def load(self, tags: dict[int, Tags], pk_filter: dict) -> None:
        columns = [self.record_field, self.value_field] + ([self.extra] if self.extra else [])
        qs = self.model._default_manager.filter(**{f"{self.record_field}__{k}": v for k, v in pk_filter.items()})
        if self.target == "attachment_texts":
            qs = qs.exclude(extracted_text="").order_by("pk")
        for row in qs.values_list(*columns):
            bucket = getattr(tags[row[0]], self.target)
            bucket.append((row[1], row[2]) if self.extra else row[1])


def _m2m(model: type[Model], relation: str, target: str) -> TagSource:
    through = model._meta.get_field(relation).remote_field.through
    record_fk = model._meta.model_name
    value_fk = model._meta.get_field(relation).related_model._meta.model_name
    return TagSource(through, f"{record_fk}_id", f"{value_fk}_id", target)


# --------------------------------------------------------------------------- builders


def _url_pattern(viewname: str) -> str:
    """The detail URL with a `{pk}` placeholder: one reverse() per batch instead of one per document.

    Public pages live under a language prefix (/en/laws/7/). One document serves every UI language,
    so the stored URL is language-neutral ("/laws/7/", as in search/schema.py); the UI adds the
    reader's prefix (e.g. `f"/{get_language()}{url}"`). A kind whose page is not a record's (guidance:
    the article page) has no viewname and builds its URL itself (`_neutral_url`).
    """
    if not viewname:
        return ""
    return _neutral_url(viewname, pk=987654321).replace("987654321", "{pk}")


def _neutral_url(viewname: str, **kwargs: object) -> str:
    """A page's URL without the language prefix."""
    with translation.override(settings.LANGUAGE_CODE):
        url = reverse(viewname, kwargs=kwargs)
    prefix = f"/{settings.LANGUAGE_CODE}/"
    return url[len(prefix) - 1 :] if url.startswith(prefix) else url


def _join_text(*parts: object) -> str:
    return "\n\n".join(str(p).strip() for p in parts if p and str(p).strip())


def _lead_provision() -> Subquery:
    """The pk of the provision with the lowest order in the row's law (uses the (law, order) unique index)."""
    return Subquery(Provision.objects.filter(law=OuterRef("law")).order_by("order").values("pk")[:1])


def load_law_files(rows: list[dict], tags: dict[int, Tags]) -> None:
    """Attachment texts of the batch's laws, given to each law's lead provision: one query, and only
    when the batch holds a lead provision."""
    leads = {row["law"]: row["pk"] for row in rows if row["lead"] == row["pk"]}
    if not leads:
        return
    files = (
        LawAttachment.objects.filter(law_id__in=list(leads))
        .exclude(extracted_text="")
        .order_by("pk")
        .values_list("law_id", "language_id", "extracted_text")
    )
    for law, language, text in files:
        tags[leads[law]].law_files.append((language, text))


PEOPLE_COLUMNS = ("case_id", "role", "kind", "gender", "age_at_offence", "nationality_id", "group_size")
CHARGE_COLUMNS = ("case_id", "verdict", "sentence_months")
KNOWN_GENDERS = frozenset({"female", "male", "other"})  # "unknown" is no facet value


def load_people(rows: list[dict], tags: dict[int, Tags]) -> None:
    """The batch's people and charges: one query each, over the batch's pk range (rows of cases outside
    the batch are read but not used: a range needs no parameter per case)."""
    if not rows:
        return
    span = {"case_id__gte": rows[0]["pk"], "case_id__lte": rows[-1]["pk"]}
    wanted = {row["pk"] for row in rows}
    for row in Person.objects.filter(**span).order_by().values_list(*PEOPLE_COLUMNS):
        if row[0] in wanted:
            tags[row[0]].people.append(row[1:])
    for row in Charge.objects.filter(**span).order_by().values_list(*CHARGE_COLUMNS):
        if row[0] in wanted:
            tags[row[0]].charges.append(row[1:])


def people_fields(tags: Tags, vocab: Vocab) -> dict:
    """A case's people and charges as facet values (search/schema.py CASE_PEOPLE_FIELDS, caselaw/bands.py).

    Gender, nationality and age band are taken from natural persons of each role; the number of people
    charged counts natural persons and the stated size of groups (a group of unstated size makes it
    unknown); sentence bands come from convictions with a custodial sentence in months."""
    found: dict[str, set[str]] = defaultdict(set)
    charged, unknown_size = 0, False
    for role, kind, gender, age, nationality, size in tags.people:
        if role not in (PersonRole.VICTIM, PersonRole.DEFENDANT):
            continue
        if kind == PersonKind.LEGAL_PERSON:
            found["legal_person"].add(role)
            continue
        if role == PersonRole.DEFENDANT:
            if kind == PersonKind.GROUP:
                charged += size or 0
                unknown_size = unknown_size or not size
            else:
                charged += 1
        if gender in KNOWN_GENDERS:
            found[f"{role}_gender"].add(gender)
        if (country := vocab.countries.by_pk(nationality)) is not None:
            found[f"{role}_nationality"].add(country.code)
        if (band := age_band(age)) is not None:
            found[f"{role}_age"].add(band)
    for verdict, months in tags.charges:
        found["verdict"].add(verdict)
        if verdict == Verdict.CONVICTED and (band := sentence_band(months)) is not None:
            found["sentence_band"].add(band)
    fields = {name: sorted(found[name]) for name in CASE_PEOPLE_FIELDS if name in MULTI_VALUED}
    fields["group_size"] = "" if unknown_size else group_size_band(charged) or ""
    return fields


@dataclass
class Builder:
    """How one document kind is read from the database and turned into documents."""

    kind: str
    model: type[Model]
    fields: tuple[str, ...]
    tag_sources: tuple[TagSource, ...]
    build: Callable[[dict, Tags, Vocab, str], dict]
    viewname: str
    published: Callable[[], QuerySet]
    version_field: str
    annotations: Callable[[], dict] | None = None  # extra row values computed by the database
    loaders: tuple[Callable[[list[dict], dict[int, Tags]], None], ...] = ()  # extra per-batch data from rows

    def rows(self, qs: QuerySet) -> list[dict]:
        if self.annotations is None:
            return list(qs.values(*self.fields))
        extra = self.annotations()
        return list(qs.annotate(**extra).values(*self.fields, *extra))

    def documents(self, rows: list[dict], pk_filter: dict, vocab: Vocab, url: str) -> list[dict]:
        tags: dict[int, Tags] = defaultdict(Tags)
        if rows:
            for source in self.tag_sources:
                source.load(tags, pk_filter)
            for loader in self.loaders:
                loader(rows, tags)
        return [self.build(row, tags[row["pk"]], vocab, url) for row in rows]


def _base(kind: str, row: dict, vocab: Vocab, version: object, url: str) -> dict:
    country = vocab.countries.by_pk(row["country"]) or NO_COUNTRY
    return {
        "id": doc_id(kind, row["pk"]),
        "type": DOC_KINDS[kind],
        "record_id": row["pk"],
        "parent_id": None,
        "version": version.isoformat(),
        "url": url.format(pk=row["pk"]),
        "country": country.code,
        "region": list(country.regions),
        "court_level": "",
        "legal_status": "",
        "publication_type": "",
        "research_method": "",
        **{name: [] if name in MULTI_VALUED else "" for name in CASE_PEOPLE_FIELDS},
        "year": None,
        "date": None,
        "numbers": [],
    }


# A case's numbers, found by the search box (search/numbers.py): the portal's and the court's. A source
# number (the originating database's) belongs here too once the Case model has one.
CASE_NUMBER_FIELDS: tuple[str, ...] = ("portal_number", "case_number", "source_number")


def _numbers(*values: object) -> list[str]:
    return list(dict.fromkeys(str(v).strip() for v in values if v and str(v).strip()))


def build_provision(row: dict, tags: Tags, vocab: Vocab, url: str) -> dict:
    row = {**row, "country": row["law__country"]}
    country = vocab.countries.by_pk(row["country"])
    language = vocab.language(row["language"])
    heading = f"{row['label']} {row['heading']}".strip()
    title = f"{row['law__title']}: {heading}"
    date = row["law__adoption_date"] or row["law__entry_into_force_date"]
    texts = {
        language: {
            "title": f"{row['law__original_title'] or row['law__title']}: {heading}",
            "body": _join_text(row["heading"], richtext.plain(row["text"])),
        }
    }
    if row["text_en"].strip() and language != "en":
        texts["en"] = {"title": f"{row['law__title']}: {row['label']}", "body": richtext.plain(row["text_en"])}
    for file_language, text in tags.law_files:  # the law's PDFs, on its lead provision only
        code = vocab.language(file_language, language) if file_language else language
        entry = texts.setdefault(code, {"title": texts[language]["title"], "body": ""})
        entry["body"] = _join_text(entry["body"], text)
    # `url` is the law's detail URL pattern; the provision is an anchor on that page.
    doc = _base("provision", row, vocab, row["law__updated_at"], url.format(pk=row["law"]) + "#provision-{pk}")
    doc.update(
        parent_id=row["law"],
        title=title,
        subtitle=SEPARATOR.join(p for p in (country.label if country else "", row["law__number"]) if p),
        texts=texts,
        language=language,
        year=date.year if date else None,
        date=date.isoformat() if date else None,
        legal_status=row["law__legal_status"],
        sort_title=title.lower(),
        numbers=_numbers(row["law__number"]),
        **tags.fields(vocab),
    )
    return doc


def build_case(row: dict, tags: Tags, vocab: Vocab, url: str) -> dict:
    country = vocab.countries.by_pk(row["country"])
    language = vocab.language(row["original_language"])
    keywords = row["keywords"] if isinstance(row["keywords"], list) else []
    body = _join_text(
        row["source_number"],  # the originating database's number (BRA016): found by the search box
        richtext.plain(row["fact_summary"]),
        richtext.plain(row["legal_reasoning"]),
        richtext.plain(row["commentary"]),
        row["sentence"],
        ", ".join(str(k) for k in keywords),
        *tags.attachment_texts,
    )
    # A partial date is stored as the first day of its period: its year is true, its day is not shown
    # ("2018", never "2018-01-01"); an unknown date has no year (no facet value) and sorts last.
    date = row["decision_date"]
    shown_date = iso_partial(date, row["decision_date_precision"]) or ""
    doc = _base("case", row, vocab, row["updated_at"], url)
    doc.update(
        title=row["title"],
        subtitle=SEPARATOR.join(p for p in (country.label if country else "", row["court__name"], shown_date) if p),
        texts={language: {"title": row["title"], "body": body}},
        language=language,
        year=date.year if date else None,
        date=date.isoformat() if date else None,
        court_level=row["court__level"] or "",
        procedural_stage=row["procedural_stage"] or "",
        **people_fields(tags, vocab),
        sort_title=row["title"].lower(),
        numbers=_numbers(*(row.get(name) for name in CASE_NUMBER_FIELDS)),
        **tags.fields(vocab),
    )
    return doc


def build_authority(row: dict, tags: Tags, vocab: Vocab, url: str) -> dict:
    """Public fields only (name, country, designations): contact details never reach the index."""
    country = vocab.countries.by_pk(row["country"])
    language = vocab.language(row["original_language"])
    found = {t.code: t for r in tags.roles if (t := vocab.roles.by_pk(r)) is not None}
    roles = sorted(found.values(), key=lambda t: (t.sort_order, t.code))
    texts = {language: {"title": row["name"], "body": "\n".join(r.label_in(language) for r in roles)}}
    if language != "en":
        texts["en"] = {"title": row["name"], "body": "\n".join(r.label for r in roles)}
    doc = _base("authority", row, vocab, row["updated_at"], url)
    doc.update(
        title=row["name"],
        subtitle=SEPARATOR.join(p for p in (country.label if country else "", ", ".join(r.label for r in roles)) if p),
        texts=texts,
        language=language,
        sort_title=row["name"].lower(),
        **tags.fields(vocab),
    )
    return doc


def _countries(own: int | None, covered: list[int], vocab: Vocab) -> tuple[str | list[str], list[str]]:
    """`country` and `region` of a record found under several countries (a regional strategy: the
    issuing jurisdiction and each State it covers): a list then, a single code otherwise."""
    terms = [t for pk in dict.fromkeys([own, *covered]) if (t := vocab.countries.by_pk(pk)) is not None]
    regions = sorted({r for t in terms for r in t.regions})
    codes = [t.code for t in terms]
    return (codes if len(codes) > 1 else (codes[0] if codes else "")), regions


def build_strategy(row: dict, tags: Tags, vocab: Vocab, url: str) -> dict:
    country = vocab.countries.by_pk(row["country"])
    language = vocab.language(row["original_language"])
    date = row["adoption_date"] or row["period_start"]
    body = _join_text(row["issuing_body"], richtext.plain(row["summary"]), *tags.attachment_texts)
    texts = {language: {"title": row["original_title"] or row["title"], "body": body}}
    if row["original_title"] and row["original_title"] != row["title"]:
        texts.setdefault("en", {"title": row["title"], "body": ""})
    doc = _base("strategy", row, vocab, row["updated_at"], url)
    codes, regions = _countries(row["country"], tags.countries, vocab)
    doc.update(
        title=row["title"],
        subtitle=SEPARATOR.join(
            p for p in (country.label if country else "", row["issuing_body"], str(date.year) if date else "") if p
        ),
        texts=texts,
        language=language,
        country=codes,
        region=regions,
        year=date.year if date else None,
        date=date.isoformat() if date else None,
        sort_title=row["title"].lower(),
        **tags.fields(vocab),
    )
    return doc


def build_material(row: dict, tags: Tags, vocab: Vocab, url: str) -> dict:
    """An explanatory material: its hit leads to its law's page (`url` is the law's detail pattern)."""
    row = {**row, "country": row["law__country"]}
    country = vocab.countries.by_pk(row["country"])
    language = vocab.language(row["original_language"])
    date = row["date"]
    body = _join_text(richtext.plain(row["summary"]), richtext.plain(row["text"]), *tags.attachment_texts)
    doc = _base("material", row, vocab, row["updated_at"], url.format(pk=row["law"]) + "#material-{pk}")
    doc.update(
        parent_id=row["law"],
        title=row["title"],
        subtitle=SEPARATOR.join(p for p in (country.label if country else "", row["law__title"]) if p),
        texts={language: {"title": row["title"], "body": body}},
        language=language,
        year=date.year if date else None,
        date=date.isoformat() if date else None,
        sort_title=row["title"].lower(),
        numbers=_numbers(row["law__number"]),
        **tags.fields(vocab),
    )
    return doc


def build_publication(row: dict, tags: Tags, vocab: Vocab, url: str) -> dict:
    """A bibliography entry: found under every country it covers; authors and container are searchable."""
    language = vocab.language(row["original_language"])
    authors = [name for _, name in sorted(tags.authors)]
    keywords = [str(k) for k in (row["keywords"] or [])]
    # The synopsis first: a hit's snippet comes from the body, and the annotation is what a reader wants there.
    body = _join_text(
        richtext.plain(row["synopsis"]),
        "; ".join(authors),
        row["container_title"],
        row["publisher"],
        ", ".join(keywords),
    )
    doc = _base("publication", {**row, "country": None}, vocab, row["updated_at"], url)
    codes, regions = _countries(None, tags.countries, vocab)
    year = row["year"]
    doc.update(
        title=row["title"],
        subtitle=SEPARATOR.join(
            p
            for p in (
                "; ".join(authors[:3]) + (" et al." if len(authors) > 3 else ""),
                row["container_title"],
                str(year) if year else "",
            )
            if p
        ),
        texts={language: {"title": row["title"], "body": body}},
        language=language,
        country=codes,
        region=regions,
        year=year,
        date=f"{year:04d}-01-01" if year else None,
        sort_title=row["title"].lower(),
        numbers=[n for n in (row["doi"], row["isbn"]) if n],
        publication_type=row["publication_type"],
        research_method=row["research_method"],
        **tags.fields(vocab),
    )
    return doc


def build_guidance(row: dict, tags: Tags, vocab: Vocab, url: str) -> dict:
    """Article guidance: its hit leads to the article page's guidance box; faceted by its article,
    instrument and language (it has no country)."""
    row = {**row, "country": None}
    language = row["language"]
    info = vocab.articles.by_pk(row["article"])
    title = f"{info.instrument} {info.label_in(language)}" if info is not None else row["article__code"]
    url = _neutral_url("taxonomy:article-detail", code=row["article__instrument__code"], number=row["article__number"])
    body = _join_text(*(richtext.plain(row[name]) for name in ArticleGuidance.RICH_TEXT_FIELDS))
    doc = _base("guidance", row, vocab, row["updated_at"], url + "#guidance")
    doc.update(
        title=title,
        subtitle=info.instrument if info else "",  # the language is the result's lang and its facet: no label here
        texts={language: {"title": title, "body": body}},
        language=language,
        sort_title=title.lower(),
        **Tags(article_refs=[(row["article"], "")]).fields(vocab),
    )
    return doc


def _author_name(family: str, given: str, literal: str) -> str:
    return literal or (f"{family}, {given}" if given else family)


def _load_authors(rows: list[dict], tags: dict[int, Tags]) -> None:
    """A batch's authors in one query, as display names in order."""
    found = PublicationAuthor.objects.filter(publication_id__in=[r["pk"] for r in rows]).order_by()
    for pk, position, family, given, literal in found.values_list(
        "publication_id", "position", "family", "given", "literal"
    ):
        tags[pk].authors.append((position, _author_name(family, given, literal)))


BUILDERS: dict[str, Builder] = {
    "provision": Builder(
        kind="provision",
        model=Provision,
        fields=(
            "pk",
            "law",
            "label",
            "heading",
            "text",
            "text_en",
            "language",
            "law__title",
            "law__original_title",
            "law__number",
            "law__country",
            "law__adoption_date",
            "law__entry_into_force_date",
            "law__legal_status",
            "law__updated_at",
        ),
        tag_sources=(
            TagSource(ProvisionArticle, "provision_id", "article_id", "article_refs", extra="paragraph"),
            _m2m(Provision, "crime_types", "crime_types"),
            _m2m(Provision, "crime_subtypes", "crime_subtypes"),
            _m2m(Provision, "issues", "issues"),
        ),
        build=build_provision,
        viewname="legislation:law-detail",
        published=lambda: Provision.objects.filter(law__status=PUBLISHED),
        version_field="law__updated_at",
        annotations=lambda: {"lead": _lead_provision()},
        loaders=(load_law_files,),
    ),
    "case": Builder(
        kind="case",
        model=Case,
        fields=(
            "pk",
            "title",
            "country",
            "original_language",
            "court__name",
            "court__level",
            *CASE_NUMBER_FIELDS,
            "decision_date",
            "decision_date_precision",
            "procedural_stage",
            "keywords",
            "fact_summary",
            "commentary",
            "legal_reasoning",
            "sentence",
            "updated_at",
        ),
        tag_sources=(
            TagSource(CaseArticle, "case_id", "article_id", "article_refs", extra="paragraph"),
            _m2m(Case, "crime_types", "crime_types"),
            _m2m(Case, "crime_subtypes", "crime_subtypes"),
            _m2m(Case, "issues", "issues"),
            TagSource(CaseAttachment, "case_id", "extracted_text", "attachment_texts"),
        ),
        build=build_case,
        viewname="caselaw:case-detail",
        published=lambda: Case.objects.filter(status=PUBLISHED),
        version_field="updated_at",
        loaders=(load_people,),
    ),
    "authority": Builder(
        kind="authority",
        model=CompetentAuthority,
        fields=("pk", "name", "country", "original_language", "updated_at"),
        tag_sources=(
            TagSource(AuthorityArticle, "authority_id", "article_id", "article_refs", extra="paragraph"),
            _m2m(CompetentAuthority, "roles", "roles"),
            _m2m(CompetentAuthority, "crime_types", "crime_types"),
        ),
        build=build_authority,
        viewname="authorities:authority-detail",
        published=lambda: CompetentAuthority.objects.filter(status=PUBLISHED),
        version_field="updated_at",
    ),
    "strategy": Builder(
        kind="strategy",
        model=Strategy,
        fields=(
            "pk",
            "title",
            "original_title",
            "country",
            "original_language",
            "issuing_body",
            "summary",
            "adoption_date",
            "period_start",
            "updated_at",
        ),
        tag_sources=(
            TagSource(StrategyArticle, "strategy_id", "article_id", "article_refs", extra="paragraph"),
            _m2m(Strategy, "crime_types", "crime_types"),
            _m2m(Strategy, "issues", "issues"),
            TagSource(Strategy.covered_countries.through, "strategy_id", "country_id", "countries"),
            TagSource(StrategyAttachment, "strategy_id", "extracted_text", "attachment_texts"),
        ),
        build=build_strategy,
        viewname="strategies:strategy-detail",
        published=lambda: Strategy.objects.filter(status=PUBLISHED),
        version_field="updated_at",
    ),
    "material": Builder(
        kind="material",
        model=ExplanatoryMaterial,
        fields=(
            "pk",
            "law",
            "title",
            "original_language",
            "summary",
            "text",
            "date",
            "law__title",
            "law__number",
            "law__country",
            "updated_at",
        ),
        tag_sources=(
            TagSource(MaterialArticle, "material_id", "article_id", "article_refs", extra="paragraph"),
            _m2m(ExplanatoryMaterial, "crime_types", "crime_types"),
            _m2m(ExplanatoryMaterial, "issues", "issues"),
            TagSource(MaterialAttachment, "material_id", "extracted_text", "attachment_texts"),
        ),
        build=build_material,
        viewname="legislation:law-detail",
        # public only while its law is: a hit leads to the law's page
        published=lambda: ExplanatoryMaterial.objects.filter(status=PUBLISHED, law__status=PUBLISHED),
        version_field="updated_at",
    ),
    "publication": Builder(
        kind="publication",
        model=Publication,
        fields=(
            "pk",
            "title",
            "year",
            "publication_type",
            "research_method",
            "container_title",
            "publisher",
            "doi",
            "isbn",
            "keywords",
            "synopsis",
            "original_language",
            "updated_at",
        ),
        tag_sources=(
            TagSource(PublicationArticle, "publication_id", "article_id", "article_refs", extra="paragraph"),
            _m2m(Publication, "crime_types", "crime_types"),
            _m2m(Publication, "issues", "issues"),
            TagSource(Publication.countries.through, "publication_id", "country_id", "countries"),
        ),
        build=build_publication,
        viewname="bibliography:publication-detail",
        published=lambda: Publication.objects.filter(status=PUBLISHED),
        version_field="updated_at",
        loaders=(_load_authors,),
    ),
    "guidance": Builder(
        kind="guidance",
        model=ArticleGuidance,
        fields=(
            "pk",
            "article",
            "article__code",
            "article__number",
            "article__instrument__code",
            "language",
            *ArticleGuidance.RICH_TEXT_FIELDS,
            "updated_at",
        ),
        tag_sources=(),
        build=build_guidance,
        viewname="",  # the article page: build_guidance makes the URL
        published=lambda: ArticleGuidance.objects.filter(status=PUBLISHED, revision_of__isnull=True),
        version_field="updated_at",
    ),
}
KINDS: tuple[str, ...] = tuple(BUILDERS)


def _kinds(kind: str | None) -> tuple[str, ...]:
    if kind is None:
        return KINDS
    if kind not in BUILDERS:
        raise ValueError(f"Unknown document kind {kind!r}: use one of {', '.join(KINDS)}.")
    return (kind,)


# --------------------------------------------------------------------------- public API


def iter_documents(
    kind: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    pks: tuple[int, int] | None = None,
    vocab: Vocab | None = None,
) -> Iterator[dict]:
    """Stream every document (of one kind, or all) for a rebuild; `pks`: only records whose pk is in
    this inclusive range (one slice of a parallel rebuild, search.indexing).

    Keyset pagination on pk keeps each batch query cheap at any depth; tags are read with a pk
    range rather than an id list so no batch size hits a backend's parameter limit. Queries: 7 for
    the vocabularies, then per batch 1 for the rows and 1 per tag relation.
    """
    vocab = vocab or Vocab.load()
    for name in _kinds(kind):
        builder = BUILDERS[name]
        url = _url_pattern(builder.viewname)
        last = pks[0] - 1 if pks else 0
        published = builder.published().filter(pk__lte=pks[1]) if pks else builder.published()
        while True:
            rows = builder.rows(published.filter(pk__gt=last).order_by("pk")[:batch_size])
            if not rows:
                break
            pk_range = {"gte": rows[0]["pk"], "lte": rows[-1]["pk"]}
            yield from builder.documents(rows, pk_range, vocab, url)
            last = rows[-1]["pk"]
            if len(rows) < batch_size:
                break


def documents_for(kind: str, pks: Iterable[int], vocab: Vocab | None = None) -> tuple[list[dict], list[str]]:
    """Documents for the given records, and the document ids of those that have none.

    A record has no document when it does not exist (deleted) or is not published (for provisions:
    its law is not); callers delete those ids from the index, which makes re-indexing idempotent.
    """
    builder = BUILDERS[_kinds(kind)[0]]
    wanted = sorted({int(pk) for pk in pks})
    if not wanted:
        return [], []
    vocab = vocab or Vocab.load()
    url = _url_pattern(builder.viewname)
    docs: list[dict] = []
    for start in range(0, len(wanted), IN_CHUNK):
        chunk = wanted[start : start + IN_CHUNK]
        rows = builder.rows(builder.published().filter(pk__in=chunk).order_by("pk"))
        docs.extend(builder.documents(rows, {"in": [r["pk"] for r in rows]}, vocab, url))
    found = {d["record_id"] for d in docs}
    return docs, [doc_id(builder.kind, pk) for pk in wanted if pk not in found]


def published_pks(kind: str) -> list[int]:
    """The sorted pks of the records of `kind` that have documents: how a parallel rebuild splits its work."""
    return list(BUILDERS[_kinds(kind)[0]].published().order_by("pk").values_list("pk", flat=True))


def expected_versions(kind: str | None = None) -> dict[str, str]:
    """{document id: version} of everything that should be in the index: one values query per kind."""
    versions: dict[str, str] = {}
    for name in _kinds(kind):
        builder = BUILDERS[name]
        rows = builder.published().order_by().values_list("pk", builder.version_field)
        versions.update((doc_id(name, pk), updated.isoformat()) for pk, updated in rows.iterator(chunk_size=10_000))
    return versions


def expected_count(kind: str | None = None) -> int:
    """How many documents the database should produce (one COUNT per kind): for progress bars."""
    return sum(BUILDERS[name].published().count() for name in _kinds(kind))
