"""Demo bibliography entries (seed_demo: clearly synthetic, deterministic, deletable) and the sitemap."""

import pytest

from bibliography.models import Publication
from demo.generator import delete_demo_records, seed_demo
from sherloc.models import PublicationStatus
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_synthetic_entries_deterministically() -> None:
    report = seed_demo(150, seed=3)
    assert report.created["publication"] == 6 and "6 bibliography entries" in report.summary()
    entries = Publication.objects.all()
    assert all(p.synopsis.startswith("Demo data, not a real publication.") for p in entries)
    assert all(p.doi.startswith("10.5555/demo.") for p in entries if p.doi)  # Crossref's example prefix
    assert all(p.authors.exists() and p.countries.exists() for p in entries)
    first = sorted(Publication.objects.values_list("external_id", "title", "doi"))
    deleted = delete_demo_records()
    assert deleted["publication"] == 6 and not Publication.objects.exists()
    seed_demo(150, seed=3)
    assert sorted(Publication.objects.values_list("external_id", "title", "doi")) == first


def test_sitemap_lists_published_entries_only(client) -> None:
    published = PublicationFactory()
    draft = PublicationFactory(status=PublicationStatus.DRAFT)
    assert b"sitemap-bibliography.xml" in client.get("/sitemap.xml").content
    body = client.get("/sitemap-bibliography.xml").content.decode()
    assert f"/bibliography/{published.pk}/" in body and f"/bibliography/{draft.pk}/" not in body
