"""The `treaty_status` line of the record format: one State's status towards one instrument, with its
reservations, declarations and notifications.

Its identity is (country, instrument), not an external_id: a status is a fact about that pair, so a file from
another portal updates the same row. It has no workflow fields (treaty status is not a PublishableRecord, see
treaties/models.py) and is public, so it is exported with or without `published_only`. A notification names
the authority it designates by the authority's external_id; authorities are imported first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import Any

from django.db.models import Prefetch

from authorities.models import CompetentAuthority
from interchange.codes import Codes, Vocabulary
from interchange.jsonl_format import FORMAT_VERSION, iso_date, iso_datetime
from taxonomy import registry
from treaties.models import ConsentKind, Declaration, DeclarationKind, Notification, TreatyStatus

TREATY = "treaty_status"
STATUS_FIELDS = (
    "country",
    "instrument",
    "signature_date",
    "consent_kind",
    "consent_date",
    "entry_into_force_date",
    "note",
    "source_url",
    "declarations",
    "notifications",
    "created_at",
    "updated_at",
)
PARAGRAPH = re.compile(r"^[0-9A-Za-z()., ]*$")  # the database's notification_paragraph rule
DECLARATION_FIELDS = ("kind", "article", "text", "date")
NOTIFICATION_FIELDS = ("article", "paragraph", "text", "date", "authority")


def key_of(data: dict) -> tuple[str, str]:
    """A line's identity: (country alpha-3, instrument code)."""
    return data["country"], data["instrument"]


# --------------------------------------------------------------------------- export


def _queryset():  # noqa: ANN202
    return TreatyStatus.objects.select_related("country", "instrument").prefetch_related(
        Prefetch("declarations", queryset=Declaration.objects.select_related("article")),
        Prefetch("notifications", queryset=Notification.objects.select_related("article", "authority")),
    )


def serialise(status: TreatyStatus) -> dict[str, Any]:
    """One status as a format object (its declarations and notifications prefetched, in their order)."""
    return {
        "format_version": FORMAT_VERSION,
        "type": TREATY,
        "country": status.country.alpha3,
        "instrument": status.instrument.code,
        "signature_date": iso_date(status.signature_date),
        "consent_kind": status.consent_kind,
        "consent_date": iso_date(status.consent_date),
        "entry_into_force_date": iso_date(status.entry_into_force_date),
        "note": status.note,
        "source_url": status.source_url,
        "declarations": [
            {"kind": d.kind, "article": d.article.code if d.article else None, "text": d.text, "date": iso_date(d.date)}
            for d in status.declarations.all()
        ],
        "notifications": [
            {
                "article": n.article.code,
                "paragraph": n.paragraph,
                "text": n.text,
                "date": iso_date(n.date),
                "authority": n.authority.external_id if n.authority else None,
            }
            for n in status.notifications.all()
        ],
        "created_at": iso_datetime(status.created_at),
        "updated_at": iso_datetime(status.updated_at),
    }


def count() -> int:
    return TreatyStatus.objects.count()


def iter_lines(chunk_size: int = 500) -> Iterator[dict[str, Any]]:
    """Every status ordered by country then instrument code: the order does not depend on insertion, so export ->
    import -> export gives the same file. (A few hundred rows per instrument: fetched in plain chunks.)"""
    ordered = _queryset().order_by("country__alpha3", "instrument__code")
    for status in ordered.iterator(chunk_size=chunk_size):
        yield serialise(status)


def current(chunk: Sequence[dict]) -> tuple[dict[tuple[str, str], TreatyStatus], dict[tuple[str, str], dict]]:
    """Rows already in the database for these lines, and their current export (to spot unchanged lines)."""
    wanted = {key_of(d) for d in chunk}
    rows = _queryset().filter(country__alpha3__in={c for c, _ in wanted}, instrument__code__in={i for _, i in wanted})
    existing = {
        (s.country.alpha3, s.instrument.code): s for s in rows if (s.country.alpha3, s.instrument.code) in wanted
    }
    return existing, {key: serialise(s) for key, s in existing.items()}


# --------------------------------------------------------------------------- validation


def validate(c: Any, data: dict) -> None:
    """Field checks of one line (c: interchange.validation's checker). The database's rules are repeated here so
    that a bad date is refused naming its field before anything is written."""
    codes: Codes = c.ctx.codes
    c.code_field(data, "country", "country", codes.countries, "country", required=True)
    instruments = Vocabulary.load("instrument")
    instrument = c.code_field(data, "instrument", "instrument", instruments, "instrument", required=True)
    signature = c.date(data, "signature_date", "signature_date")
    kind = data.get("consent_kind") or None
    if kind is not None:
        kind = c.choice(data, "consent_kind", "consent_kind", ConsentKind)
    consent = c.date(data, "consent_date", "consent_date")
    in_force = c.date(data, "entry_into_force_date", "entry_into_force_date")
    if (data.get("consent_kind") or None) is None and consent is not None:
        c.error(
            "consent_kind", "required with consent_date (ratification, accession, acceptance, approval, succession)"
        )
    if kind is not None and data.get("consent_date") is None:
        c.error("consent_date", f"required with consent_kind {kind!r}")
    if in_force is not None and data.get("consent_date") is None:
        c.error("entry_into_force_date", "an entry into force needs a consent_date")
    if in_force is not None and consent is not None and in_force < consent:
        c.error("entry_into_force_date", f"{in_force} is before the consent_date {consent}")
    if signature is not None and consent is not None and signature > consent:
        c.error("signature_date", f"{signature} is after the consent_date {consent}")
    c.string(data, "note", "note")
    c.url(data, "source_url", "source_url", TreatyStatus._meta.get_field("source_url").max_length)
    c.datetime(data, "created_at", "created_at")
    c.datetime(data, "updated_at", "updated_at")

    def article(item: dict, path: str, *, required: bool) -> None:
        code = c.code_field(item, "article", path, codes.articles, "article", required=required)
        term = registry.vocabulary("article").get(code) if code else None
        if term is not None and instrument is not None and term.instrument != instrument:
            c.error(path, f"article {code!r} is not an article of {instrument}")

    for i, item in enumerate(c.lst(data, "declarations", "declarations")):
        path = f"declarations[{i}]"
        if c.obj(item, path) is None:
            continue
        c.known_fields(item, DECLARATION_FIELDS, f"{path}.")
        c.choice(item, "kind", f"{path}.kind", DeclarationKind, required=True)
        article(item, f"{path}.article", required=False)
        c.string(item, "text", f"{path}.text", required=True)
        c.date(item, "date", f"{path}.date")
    for i, item in enumerate(c.lst(data, "notifications", "notifications")):
        path = f"notifications[{i}]"
        if c.obj(item, path) is None:
            continue
        c.known_fields(item, NOTIFICATION_FIELDS, f"{path}.")
        article(item, f"{path}.article", required=True)
        paragraph = c.string(item, "paragraph", f"{path}.paragraph", max_length=32)
        if paragraph and not PARAGRAPH.fullmatch(paragraph):
            c.error(f"{path}.paragraph", f"expected a paragraph such as '13' or '1(a)', got {paragraph!r}")
        c.string(item, "text", f"{path}.text", required=True)
        c.date(item, "date", f"{path}.date")
        c.string(item, "authority", f"{path}.authority", nullable=True, max_length=64)


def authority_refs(data: dict) -> list[tuple[str, str]]:
    """(path, authority external_id) of a valid line's notifications, for the file-wide reference check."""
    return [
        (f"notifications[{i}].authority", n["authority"])
        for i, n in enumerate(data.get("notifications", []))
        if n.get("authority")
    ]


def authority_countries(external_ids: Sequence[str]) -> dict[str, str]:
    """{external_id: country alpha-3} of authorities in the database."""
    rows = CompetentAuthority.objects.filter(external_id__in=list(external_ids))
    return dict(rows.values_list("external_id", "country__alpha3"))


# --------------------------------------------------------------------------- writing


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def write(data: dict, status: TreatyStatus | None, codes: Codes, change_reason: str) -> TreatyStatus:
    """Create or update one status from a validated line; its declarations and notifications are replaced (they
    have no identity of their own). The file's timestamps are kept, as for the other record types."""
    instruments = Vocabulary.load("instrument")
    if status is None:
        status = TreatyStatus(
            country_id=codes.countries.by_code[data["country"]], instrument_id=instruments.by_code[data["instrument"]]
        )
    status.signature_date = _date(data.get("signature_date"))
    status.consent_kind = data.get("consent_kind") or ""
    status.consent_date = _date(data.get("consent_date"))
    status.entry_into_force_date = _date(data.get("entry_into_force_date"))
    status.note = data.get("note") or ""
    status.source_url = data.get("source_url") or ""
    status._change_reason = change_reason
    status.save()
    status.declarations.all().delete()
    status.notifications.all().delete()
    Declaration.objects.bulk_create(
        Declaration(
            status=status,
            kind=item["kind"],
            article_id=codes.articles.by_code[item["article"]] if item.get("article") else None,
            text=item["text"],
            date=_date(item.get("date")),
            order=i + 1,
        )
        for i, item in enumerate(data.get("declarations", []))
    )
    authorities = dict(
        CompetentAuthority.objects.filter(
            external_id__in=[n["authority"] for n in data.get("notifications", []) if n.get("authority")]
        ).values_list("external_id", "pk")
    )
    Notification.objects.bulk_create(
        Notification(
            status=status,
            article_id=codes.articles.by_code[item["article"]],
            paragraph=item.get("paragraph") or "",
            text=item["text"],
            date=_date(item.get("date")),
            authority_id=authorities.get(item.get("authority")) if item.get("authority") else None,
            order=i + 1,
        )
        for i, item in enumerate(data.get("notifications", []))
    )
    stamps = {name: dt.datetime.fromisoformat(data[name]) for name in ("created_at", "updated_at") if data.get(name)}
    if stamps:  # after the children: their signals stamp the status with the import time
        TreatyStatus.objects.filter(pk=status.pk).update(**stamps)
    return status
