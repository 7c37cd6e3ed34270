"""Demo treaty statuses (seed_demo): clearly synthetic, deterministic, valid against the import format, removed
by --replace; their 18(13) notifications designate demo central authorities of the same country."""

import io
from pathlib import Path

import pytest

from demo.generator import delete_demo_records, seed_demo
from demo.treaties import DEMO_NOTE
from interchange.exporter import export_records
from interchange.importer import import_file
from tests.factories import TreatyStatusFactory, country
from treaties.models import Notification, TreatyStatus

pytestmark = pytest.mark.django_db


def fingerprint() -> list:
    return list(
        TreatyStatus.objects.order_by("country__alpha3", "instrument__code").values_list(
            "country__alpha3", "instrument__code", "signature_date", "consent_kind", "consent_date"
        )
    )


def test_seed_demo_writes_synthetic_statuses_deterministically(tmp_path: Path) -> None:
    own = TreatyStatusFactory(country=country("BRA"), note="curated by the secretariat")
    report = seed_demo(60, seed=4)
    demo = TreatyStatus.objects.exclude(pk=own.pk)
    assert report.created["treaty_status"] == demo.count() > 100
    assert set(demo.values_list("note", flat=True)) == {DEMO_NOTE}
    assert TreatyStatus.objects.get(pk=own.pk).note == "curated by the secretariat"  # never overwritten
    assert demo.filter(consent_date__isnull=True).exists() and demo.filter(consent_kind="accession").exists()
    assert Notification.objects.exists()
    for note in Notification.objects.select_related("status", "authority"):
        assert note.authority.country_id == note.status.country_id
        assert note.authority.external_id.startswith("demo-")
    first = fingerprint()

    out = io.StringIO()
    export_records(out)
    path = tmp_path / "demo.jsonl"
    path.write_text(out.getvalue(), encoding="utf-8")
    assert import_file(path, dry_run=True).ok

    deleted = delete_demo_records()
    assert deleted["treaty_status"] == len(first) - 1
    assert list(TreatyStatus.objects.values_list("pk", flat=True)) == [own.pk]
    seed_demo(60, seed=4)
    assert fingerprint() == first
