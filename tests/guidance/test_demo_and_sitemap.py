"""Demo guidance (seed_demo) and the article pages in the sitemap, whose lastmod follows the guidance."""

import datetime as dt
import re

import pytest

from demo.generator import delete_demo_records, seed_demo
from guidance.models import ArticleGuidance
from sherloc.models import PublicationStatus
from tests.factories import GuidanceFactory, article

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_guidance_in_several_languages_marked_as_demo_text(client) -> None:
    report = seed_demo(40, seed=3)
    created = report.created["guidance"]
    assert created >= 6
    rows = ArticleGuidance.objects.published()
    assert rows.count() == created
    assert rows.values("article").distinct().count() >= 3
    assert set(rows.values_list("language", flat=True)) >= {"en", "fr", "es", "ar"}
    assert all(g.sources and g.provenance.startswith("Written for the demo") for g in rows)
    assert all(g.original_language.code == g.language for g in rows)
    body = client.get("/fr/instruments/UNTOC/articles/5/").content.decode()
    assert "impose aux États parties" in body and "Texte de démonstration" in body
    again = seed_demo(40, seed=3)  # idempotent
    assert again.created["guidance"] == 0 and again.skipped["guidance"] == created
    assert "article guidance texts" in again.summary()
    deleted = delete_demo_records()
    assert deleted["guidance"] == created and not ArticleGuidance.objects.exists()


def _lastmod(body: str, path: str) -> str | None:
    match = re.search(rf"<loc>[^<]*/en{re.escape(path)}</loc>\s*<lastmod>([^<]+)</lastmod>", body)
    return match.group(1) if match else None


def test_sitemap_lists_article_pages_with_the_guidance_lastmod(client) -> None:
    assert b"sitemap-articles.xml" in client.get("/sitemap.xml").content
    body = client.get("/sitemap-articles.xml").content.decode()
    assert "/en/instruments/UNTOC/articles/5/" in body and "/fr/instruments/TIP/articles/3/" in body
    assert _lastmod(body, "/instruments/UNTOC/articles/5/") is None  # no guidance yet

    english = GuidanceFactory()  # a save: the built sitemap pages are dropped
    french = GuidanceFactory(language="fr")
    GuidanceFactory(article=article("UNTOC-6"), status=PublicationStatus.DRAFT)  # unpublished: no lastmod
    ArticleGuidance.objects.filter(pk=english.pk).update(updated_at=dt.datetime(2020, 5, 4, 12, tzinfo=dt.UTC))
    ArticleGuidance.objects.filter(pk=french.pk).update(updated_at=dt.datetime(2020, 6, 7, 12, tzinfo=dt.UTC))
    body = client.get("/sitemap-articles.xml").content.decode()
    assert _lastmod(body, "/instruments/UNTOC/articles/5/") == "2020-06-07"  # the latest of its languages
    assert _lastmod(body, "/instruments/UNTOC/articles/6/") is None

    english.drafting_points = "A new drafting point."
    english.save()  # an edit moves the lastmod (and drops the cached pages)
    body = client.get("/sitemap-articles.xml").content.decode()
    english.refresh_from_db()
    assert _lastmod(body, "/instruments/UNTOC/articles/5/") == english.updated_at.date().isoformat()
