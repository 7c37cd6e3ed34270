"""The article page shows the secretariat's guidance first, in the page's language or English (marked)."""

import re

import pytest

from sherloc.models import PublicationStatus
from tests.factories import CaseFactory, GuidanceFactory, LawFactory, ProvisionFactory, article

pytestmark = pytest.mark.django_db

UNTOC_5 = "/{lang}/instruments/UNTOC/articles/5/"


def _page(client, lang: str) -> str:
    response = client.get(UNTOC_5.format(lang=lang))
    assert response.status_code == 200
    return response.content.decode()


def test_french_page_shows_french_guidance_before_provisions_and_cases(client):
    GuidanceFactory(language="en", requirements="English requirements text.")
    GuidanceFactory(
        language="fr",
        requirements="Les États incriminent la participation à un groupe criminel organisé.",
        mandatory_measures="",
        optional_measures="",
        drafting_points="Aligner la définition sur l'article 2.",
        sources="",
    )
    law = LawFactory()
    ProvisionFactory(law=law, tags={"articles": ["UNTOC-5"]})
    CaseFactory(tags={"articles": ["UNTOC-5"]})
    body = _page(client, "fr")
    assert "Les États incriminent la participation" in body
    assert "English requirements text." not in body
    assert "Guidance available in English only" not in body and "Orientations disponibles" not in body
    # its own language on the text, and no heading for an empty section
    assert re.search(r'<div class="legal-text" lang="fr" dir="ltr"><p>Les États incriminent', body)
    assert "Aligner la définition" in body
    assert body.count('<div class="legal-text" lang="fr"') == 2  # requirements and drafting points only
    # at the top: before the implementing provisions and the cases
    assert body.index('id="guidance"') < body.index('id="provisions"') < body.index('id="cases"')


def test_spanish_page_without_spanish_guidance_shows_english_marked(client):
    GuidanceFactory(language="en", requirements="States shall criminalize participation.")
    GuidanceFactory(language="fr", requirements="Texte français.")
    body = _page(client, "es")
    assert "States shall criminalize participation." in body and "Texte français." not in body
    notice = re.search(r'<p class="guidance-fallback">(.*?)</p>', body, re.S)
    assert notice is not None  # the page says it is English (in the page's language once translated)
    assert re.search(r'<div class="legal-text" lang="en" dir="ltr"><p>States shall criminalize', body)


def test_arabic_guidance_is_right_to_left(client):
    GuidanceFactory(language="ar", requirements="تجرّم الدول المشاركة في جماعة إجرامية منظمة.")
    body = _page(client, "ar")
    assert re.search(r'<div class="legal-text" lang="ar" dir="rtl"><p>تجرّم الدول', body)


def test_no_guidance_no_box(client):
    GuidanceFactory(article=article("UNTOC-6"))  # another article's guidance
    body = _page(client, "en")
    assert 'id="guidance"' not in body and "guidance" not in body.lower().split("<main", 1)[-1].split("</main>")[0]


@pytest.mark.parametrize("status", [PublicationStatus.DRAFT, PublicationStatus.SUBMITTED, PublicationStatus.WITHDRAWN])
def test_unpublished_guidance_is_not_shown(client, status):
    GuidanceFactory(language="en", status=status, requirements="Not yet public text.")
    GuidanceFactory(language="fr", status=status, requirements="Texte pas encore public.")
    for lang in ("en", "fr"):
        body = _page(client, lang)
        assert 'id="guidance"' not in body and "public text" not in body and "pas encore public" not in body


def test_unpublished_translation_falls_back_to_published_english(client):
    GuidanceFactory(language="en", requirements="Published English.")
    GuidanceFactory(language="fr", status=PublicationStatus.DRAFT, requirements="Brouillon français.")
    body = _page(client, "fr")
    assert "Published English." in body and "Brouillon français." not in body
    assert 'class="guidance-fallback"' in body


def test_guidance_markup_is_sanitised(client):
    GuidanceFactory(requirements="<p>Safe <strong>text</strong></p><script>alert(1)</script><img src=x onerror=y>")
    body = _page(client, "en")
    assert "<strong>text</strong>" in body and "<script>alert(1)" not in body and "onerror" not in body
