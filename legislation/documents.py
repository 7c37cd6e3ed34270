"""Provisions as search documents: a law's searchable units (the law itself has no document of its own).

Declared on `Provision` (`search_document`, sherloc.families.SearchDocument) and called by search.documents,
which adds what every document has (id, type, url, version, country and region, tag facets). `tags` and
`vocab` are the search layer's per-record tag values and vocabularies (this layer does not import it).

A law's attachments (PDF text extracted at upload) are indexed with the law's lead provision (lowest
order), once: a word found only in the gazette PDF finds the law, without copying the PDF's text into
every provision's document. A law without provisions has no documents at all.
"""

from __future__ import annotations

from typing import Any

from django.db.models import OuterRef, Subquery

from sherloc import richtext
from sherloc.families import SEPARATOR, join_text, numbers

from .models import LawAttachment, Provision


def lead_provision() -> dict[str, Subquery]:
    """Row annotation `lead`: the pk of the provision with the lowest order in the row's law (uses the
    (law, order) unique index)."""
    return {"lead": Subquery(Provision.objects.filter(law=OuterRef("law")).order_by("order").values("pk")[:1])}


def load_law_files(rows: list[dict], tags: Any) -> None:
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


def build_provision(row: dict, tags: Any, vocab: Any) -> dict:
    country = vocab.countries.by_pk(row["law__country"])
    language = vocab.language(row["language"])
    heading = f"{row['label']} {row['heading']}".strip()
    title = f"{row['law__title']}: {heading}"
    date = row["law__adoption_date"] or row["law__entry_into_force_date"]
    texts = {
        language: {
            "title": f"{row['law__original_title'] or row['law__title']}: {heading}",
            "body": join_text(row["heading"], richtext.plain(row["text"])),
        }
    }
    if row["text_en"].strip() and language != "en":
        texts["en"] = {"title": f"{row['law__title']}: {row['label']}", "body": richtext.plain(row["text_en"])}
    for file_language, text in tags.law_files:  # the law's PDFs, on its lead provision only
        code = vocab.language(file_language, language) if file_language else language
        entry = texts.setdefault(code, {"title": texts[language]["title"], "body": ""})
        entry["body"] = join_text(entry["body"], text)
    return {
        "title": title,
        "subtitle": SEPARATOR.join(p for p in (country.label if country else "", row["law__number"]) if p),
        "texts": texts,
        "language": language,
        "year": date.year if date else None,
        "date": date.isoformat() if date else None,
        "legal_status": row["law__legal_status"],
        "sort_title": title.lower(),
        "numbers": numbers(row["law__number"]),
    }
