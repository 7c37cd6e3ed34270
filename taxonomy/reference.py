"""Load the shipped reference data (taxonomy/data/) into the vocabulary tables.

Idempotent: codes are the identity, so re-running updates labels in place (and a label change then
fans out to the search index through the normal save signals) instead of duplicating rows.
"""

import csv
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from .models import Article, AuthorityRole, Country, CrimeSubType, CrimeType, Instrument, Issue, Language, Region

DATA_DIR = Path(__file__).resolve().parent / "data"

INSTRUMENT_SHORT_TITLES = {
    "UNTOC": "Organized Crime Convention",
    "TIP": "Trafficking in Persons Protocol",
    "SOM": "Smuggling of Migrants Protocol",
    "FIREARMS": "Firearms Protocol",
}
INSTRUMENT_ORDER = ["UNTOC", "TIP", "SOM", "FIREARMS"]

# Country-name columns of country-codes.csv per UI language: UN short names, falling back to the
# official names the file carries for territories that UNTERM does not list.
NAME_COLUMNS = {
    "en": ("UNTERM English Short", "official_name_en"),
    "fr": ("UNTERM French Short", "official_name_fr"),
    "es": ("UNTERM Spanish Short", "official_name_es"),
    "ru": ("UNTERM Russian Short", "official_name_ru"),
    "ar": ("UNTERM Arabic Short", "official_name_ar"),
    "zh-hans": ("UNTERM Chinese Short", "official_name_cn"),
}

INTERNATIONAL = {
    "alpha3": "XIR",
    "alpha2": "XR",
    "name": "International and regional bodies",
    "translations": {
        "fr": "Organismes internationaux et régionaux",
        "es": "Organismos internacionales y regionales",
        "ru": "Международные и региональные органы",
        "ar": "الهيئات الدولية والإقليمية",
        "zh-hans": "国际和区域机构",
    },
}


@dataclass
class LoadReport:
    counts: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        return ", ".join(f"{n} {name}" for name, n in self.counts.items())


def _read_json(name: str) -> object:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _upsert(model, lookup: dict, values: dict):  # noqa: ANN001, ANN202
    obj, _ = model.objects.update_or_create(**lookup, defaults=values)
    return obj


def _translations(entry: dict) -> dict[str, str]:
    """The entry's `translations` map ({"fr": ..., "zh-hans": ...}), empty labels dropped."""
    return {lang: text for lang, text in (entry.get("translations") or {}).items() if text}


@lru_cache(maxsize=1)
def subtype_families() -> dict[str, dict]:
    """{facet: {"label", "translations", "sort_order"}}: the names of the crime types' sub-vocabularies
    ("Means", "Acts"...). They have no table: the registry labels sub-type families from here."""
    families = _read_json("vocabularies.json").get("sub_families") or {}
    return {name: {**value, "sort_order": i} for i, (name, value) in enumerate(families.items())}


def load_languages(vocab: dict) -> int:
    for i, lang in enumerate(vocab["languages"]):
        _upsert(
            Language,
            {"code": lang["code"]},
            {
                "label": lang["label"],
                "translations": _translations(lang),
                "rtl": bool(lang.get("rtl")),
                "is_un_official": True,
                "sort_order": i,
            },
        )
    return len(vocab["languages"])


def load_instruments() -> int:
    rows = _read_json("instrument_articles.json")
    instruments: dict[str, Instrument] = {}
    for row in rows:
        code = row["instrument"]
        if code not in instruments:
            instruments[code] = _upsert(
                Instrument,
                {"code": code},
                {
                    "label": row["instrument_title"],
                    "translations": row.get("instrument_title_translations") or {},
                    "short_title": INSTRUMENT_SHORT_TITLES.get(code, code),
                    "un_document": row["un_document"],
                    "sort_order": INSTRUMENT_ORDER.index(code) if code in INSTRUMENT_ORDER else 99,
                },
            )
    parent = instruments.get("UNTOC")
    for code, inst in instruments.items():
        if code != "UNTOC" and inst.parent_id != getattr(parent, "pk", None):
            inst.parent = parent
            inst.save(update_fields=["parent"])
    for row in rows:
        _upsert(
            Article,
            {"code": f"{row['instrument']}-{row['article_number']}"},
            {
                "instrument": instruments[row["instrument"]],
                "number": row["article_number"],
                "title": row["article_title"],
                "translations": _translations(row),
                "chapter_number": row["chapter_number"] or "",
                "chapter_title": row["chapter_title"] or "",
            },
        )
    return len(rows)


def load_crime_types(vocab: dict) -> int:
    n = 0
    for i, ct in enumerate(vocab["crime_types"]):
        crime = _upsert(
            CrimeType, {"code": ct["code"]}, {"label": ct["label"], "translations": _translations(ct), "sort_order": i}
        )
        n += 1
        for facet, values in (ct.get("sub") or {}).items():
            for j, value in enumerate(values):
                # A value is {"label", "translations"}; its code derives from the English label, so it
                # is the code SHERLOC-derived files already use ('trafficking-in-persons.means.deception').
                value = value if isinstance(value, dict) else {"label": value}
                code = f"{ct['code']}.{facet}.{slugify(value['label'])[:60].strip('-')}"
                _upsert(
                    CrimeSubType,
                    {"code": code},
                    {
                        "crime_type": crime,
                        "facet": facet,
                        "label": value["label"],
                        "translations": _translations(value),
                        "sort_order": j,
                    },
                )
    return n


def load_issues(vocab: dict) -> int:
    count = 0

    def walk(nodes: list[dict], parent: Issue | None, depth: int) -> None:
        nonlocal count
        for i, node in enumerate(nodes):
            issue = _upsert(
                Issue,
                {"code": node["code"]},
                {
                    "label": node["label"],
                    "translations": _translations(node),
                    "parent": parent,
                    "depth": depth,
                    "sort_order": i,
                },
            )
            count += 1
            walk(node.get("children") or [], issue, depth + 1)

    walk(vocab["cross_cutting_issues"], None, 0)
    return count


def load_authority_roles(vocab: dict) -> int:
    for i, role in enumerate(vocab["authority_roles"]):
        _upsert(
            AuthorityRole,
            {"code": role["code"]},
            {
                "label": role["label"],
                "translations": _translations(role),
                "legal_basis": role.get("basis", ""),
                "sort_order": i,
            },
        )
    return len(vocab["authority_roles"])


def _region(code: str, name: str, kind: str, parent: Region | None, cache: dict) -> Region | None:
    if not code:
        return None
    code = code.zfill(3)  # M49 codes are three digits: '019' Americas, '005' South America
    if code not in cache:
        translations = _translations(_read_region_names().get(code, {}))
        cache[code] = _upsert(
            Region, {"code": code}, {"label": name, "translations": translations, "kind": kind, "parent": parent}
        )
    return cache[code]


@lru_cache(maxsize=1)
def _read_region_names() -> dict[str, dict]:
    """{M49 code: entry} of the `regions` list in vocabularies.json: the M49 names in the other
    five languages (country-codes.csv has region names in English only)."""
    return {entry["code"]: entry for entry in _read_json("vocabularies.json").get("regions", [])}


# UNTERM short names are written for alphabetical lists: "Philippines (the)", "Netherlands (Kingdom of
# the)", "Bahamas (les)", with "*" / "**" footnote marks. People read "Philippines" and "Netherlands";
# a parenthesis that carries meaning stays ("Bolivia (Plurinational State of)", "Iran (Islamic Republic
# of)"). The formal name ("the Republic of the Philippines") is kept in `Country.formal_name`.
_FOOTNOTE_MARK = re.compile(r"\s*\*+\s*$")
_SORTING_ARTICLE = re.compile(r"\s*\((?:the|[^()]*\sthe|le|la|les|l['’]|el|los|las)\)\s*$", re.IGNORECASE)


def readable_name(name: str) -> str:
    """A UN short name as people read it: without the sorting article in parentheses or footnote marks."""
    name = _FOOTNOTE_MARK.sub("", name.strip())
    return _SORTING_ARTICLE.sub("", name).strip()


def _name(row: dict, lang: str) -> str:
    for column in NAME_COLUMNS[lang]:
        if row.get(column, "").strip():
            return readable_name(row[column])
    return ""


def load_countries() -> int:
    cache: dict[str, Region] = {}
    with open(DATA_DIR / "country-codes.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        region = _region(row["Region Code"], row["Region Name"], Region.Kind.REGION, None, cache)
        sub = _region(row["Sub-region Code"], row["Sub-region Name"], Region.Kind.SUBREGION, region, cache)
        inter = _region(
            row["Intermediate Region Code"], row["Intermediate Region Name"], Region.Kind.INTERMEDIATE, sub, cache
        )
        name = _name(row, "en") or row["CLDR display name"]
        _upsert(
            Country,
            {"alpha3": row["ISO3166-1-Alpha-3"]},
            {
                "alpha2": row["ISO3166-1-Alpha-2"],
                "m49": row["M49"].zfill(3) if row["M49"] else "",
                "name": name,
                "formal_name": row.get("UNTERM English Formal", "").strip(),
                "translations": {lang: n for lang in NAME_COLUMNS if lang != "en" and (n := _name(row, lang))},
                "region": region,
                "subregion": sub,
                "intermediate_region": inter,
                "is_international": False,
            },
        )
    _upsert(
        Country,
        {"alpha3": INTERNATIONAL["alpha3"]},
        {
            "alpha2": INTERNATIONAL["alpha2"],
            "name": INTERNATIONAL["name"],
            "translations": INTERNATIONAL["translations"],
            "is_international": True,
        },
    )
    return len(rows) + 1


@transaction.atomic
def load_reference_data() -> LoadReport:
    vocab = _read_json("vocabularies.json")
    report = LoadReport()
    report.counts["languages"] = load_languages(vocab)
    report.counts["articles"] = load_instruments()
    report.counts["crime types"] = load_crime_types(vocab)
    report.counts["issues"] = load_issues(vocab)
    report.counts["authority roles"] = load_authority_roles(vocab)
    report.counts["jurisdictions"] = load_countries()
    from . import registry

    registry.invalidate()  # the saves invalidated it already; this says so where the reader looks
    return report
