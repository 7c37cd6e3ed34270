"""Treaty status in the JSON Lines format: round trip into an empty database, named errors for bad lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from authorities.models import CompetentAuthority
from interchange.importer import import_file
from tests.factories import AuthorityFactory, TreatyStatusFactory, article, country
from tests.interchange.test_import_export import export_text, records, write
from treaties.models import Declaration, Notification, TreatyStatus

pytestmark = pytest.mark.django_db


def _instrument(code: str):  # noqa: ANN202
    from taxonomy.models import Instrument

    return Instrument.objects.get(code=code)


@pytest.fixture
def statuses() -> dict:
    authority = AuthorityFactory(country=country("NGA"), name="Synthetic Central Authority")
    untoc = TreatyStatusFactory(country=country("NGA"), consent_kind="accession", signature_date=None)
    Declaration.objects.create(status=untoc, kind="declaration", text="Synthetic declaration.", order=1)
    Declaration.objects.create(
        status=untoc, kind="reservation", article=article("UNTOC-35"), text="Synthetic reservation.", order=2
    )
    Notification.objects.create(
        status=untoc,
        article=article("UNTOC-18"),
        paragraph="13",
        text="Synthetic 18(13) notification.",
        date=dt.date(2005, 1, 2),
        authority=authority,
    )
    TreatyStatusFactory(
        country=country("FRA"),
        instrument=_instrument("TIP"),
        consent_kind="",
        consent_date=None,
        entry_into_force_date=None,
    )
    return {"authority": authority}


def snapshot() -> list:
    return [
        (
            s.country.alpha3,
            s.instrument.code,
            s.signature_date,
            s.consent_kind,
            s.consent_date,
            s.entry_into_force_date,
            s.note,
            s.created_at,
            s.updated_at,
            [(d.kind, d.article.code if d.article else None, d.text, d.date) for d in s.declarations.all()],
            [
                (n.article.code, n.paragraph, n.text, n.date, n.authority.external_id if n.authority else None)
                for n in s.notifications.all()
            ],
        )
        for s in TreatyStatus.objects.order_by("country__alpha3", "instrument__code")
    ]


def test_export_then_import_into_an_empty_database_gives_the_same_records(statuses: dict, tmp_path: Path) -> None:
    first = export_text()
    lines = records(first)
    assert [r["type"] for r in lines] == ["authority", "treaty_status", "treaty_status"]
    nga = lines[-1]
    assert (nga["country"], nga["instrument"], nga["consent_kind"]) == ("NGA", "UNTOC", "accession")
    assert nga["notifications"][0]["authority"] == statuses["authority"].external_id
    assert [d["article"] for d in nga["declarations"]] == [None, "UNTOC-35"]
    before = snapshot()
    TreatyStatus.objects.all().delete()
    CompetentAuthority.objects.all().delete()

    report = import_file(write(tmp_path, first.splitlines()))

    assert report.ok, [str(e) for e in report.errors]
    assert dict(report.created) == {"authority": 1, "treaty_status": 2}
    assert snapshot() == before
    assert export_text() == first
    again = import_file(write(tmp_path, first.splitlines(), name="again.jsonl"))
    assert dict(again.unchanged) == {"authority": 1, "treaty_status": 2} and not again.created


def test_reimport_updates_the_status_in_place(statuses: dict, tmp_path: Path) -> None:
    line = records(export_text(types=["treaty_status"]))[-1]
    line["entry_into_force_date"] = "2009-01-01"
    line["declarations"] = []
    report = import_file(write(tmp_path, [line]))
    assert report.ok and dict(report.updated) == {"treaty_status": 1}
    status = TreatyStatus.objects.get(country__alpha3="NGA")
    assert status.entry_into_force_date == dt.date(2009, 1, 1) and not status.declarations.exists()
    assert TreatyStatus.objects.count() == 2


def test_published_only_export_still_holds_treaty_status(statuses: dict) -> None:
    types = [r["type"] for r in records(export_text(published_only=True))]
    assert types.count("treaty_status") == 2


def line(**fields: object) -> dict:
    return {"format_version": 1, "type": "treaty_status", "country": "BRA", "instrument": "UNTOC", **fields}


def test_bad_lines_name_their_fields_and_nothing_is_written(db: None, tmp_path: Path) -> None:
    lines = [
        line(country="ZZZ", instrument="UNCAC", external_id="x"),
        line(consent_kind="ratification"),  # no consent date
        line(country="FRA", consent_date="2004-01-01"),  # no consent kind
        line(
            country="NGA",
            consent_kind="accession",
            consent_date="2004-01-01",
            signature_date="2005-01-01",
            entry_into_force_date="2003-12-31",
        ),
        line(
            country="JPN",
            consent_kind="marriage",
            declarations=[{"kind": "objection", "text": ""}, {"kind": "reservation", "article": "TIP-3", "text": "x"}],
            notifications=[{"article": "UNTOC-18", "paragraph": "13;", "text": "x", "authority": "no-such-authority"}],
        ),
        line(country="GHA"),
        line(country="GHA"),  # same country + instrument twice
    ]
    report = import_file(write(tmp_path, lines))
    assert not report.committed and not TreatyStatus.objects.exists()
    found = {(e.line, e.path): e.message for e in report.errors}
    assert set(found) >= {
        (1, "country"),
        (1, "instrument"),
        (1, "external_id"),
        (2, "consent_date"),
        (3, "consent_kind"),
        (4, "signature_date"),
        (4, "entry_into_force_date"),
        (5, "consent_kind"),
        (5, "declarations[0].kind"),
        (5, "declarations[0].text"),
        (5, "declarations[1].article"),
        (5, "notifications[0].paragraph"),
        (7, "instrument"),
    }
    assert found[1, "external_id"] == "unknown field"
    assert "before the consent_date 2004-01-01" in found[4, "entry_into_force_date"]
    assert "not an article of UNTOC" in found[5, "declarations[1].article"]
    assert "line 6" in found[7, "instrument"]


def test_notification_authority_must_exist_and_be_of_the_country(db: None, tmp_path: Path) -> None:
    elsewhere = AuthorityFactory(country=country("FRA"))
    note = {"article": "UNTOC-18", "paragraph": "13", "text": "Designation."}
    lines = [
        line(notifications=[{**note, "authority": "no-such-authority"}]),
        line(country="NGA", notifications=[{**note, "authority": elsewhere.external_id}]),
    ]
    report = import_file(write(tmp_path, lines))
    found = {(e.line, e.path): e.message for e in report.errors}
    assert "no authority 'no-such-authority'" in found[1, "notifications[0].authority"]
    assert "is of FRA, not of NGA" in found[2, "notifications[0].authority"]
    assert not report.committed


def test_export_command_takes_the_treaty_status_type(statuses: dict, run_command) -> None:  # noqa: ANN001
    out, err = run_command("export_records", "--type", "treaty_status")
    assert [r["type"] for r in records(out)] == ["treaty_status", "treaty_status"]
    assert "exported 2 treaty_status" in err
