"""Demo strategies and explanatory materials (seed_demo), and the strategies' sitemap."""

import pytest
from django.db.models import F

from demo.generator import delete_demo_records, seed_demo
from sherloc.models import PublicationStatus
from strategies.models import ExplanatoryMaterial, Strategy
from tests.factories import StrategyFactory

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_national_and_regional_strategies_and_materials_of_demo_laws() -> None:
    report = seed_demo(140, seed=2)
    assert report.created["strategy"] == 7 and report.created["material"] == 7
    regional = Strategy.objects.filter(country__is_international=True)
    assert regional.exists() and all(s.covered_countries.count() > 1 for s in regional)
    assert Strategy.objects.filter(country__is_international=False, articles__isnull=False).exists()
    materials = ExplanatoryMaterial.objects.all()
    assert all(m.law.external_id.startswith("demo-law-") for m in materials)
    assert not materials.exclude(country=F("law__country")).exists()
    first = sorted(Strategy.objects.values_list("external_id", "title"))
    deleted = delete_demo_records()
    assert deleted["strategy"] == 7 and deleted["material"] == 7
    assert not Strategy.objects.exists() and not ExplanatoryMaterial.objects.exists()
    seed_demo(140, seed=2)
    assert sorted(Strategy.objects.values_list("external_id", "title")) == first  # deterministic


def test_sitemap_lists_published_strategies_only(client) -> None:
    published = StrategyFactory()
    draft = StrategyFactory(status=PublicationStatus.DRAFT)
    assert b"sitemap-strategies.xml" in client.get("/sitemap.xml").content
    body = client.get("/sitemap-strategies.xml").content.decode()
    assert f"/strategies/{published.pk}/" in body and f"/strategies/{draft.pk}/" not in body
