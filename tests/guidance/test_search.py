"""Guidance in the search: its document, found by a word, faceted by article, instrument and language; the
hit leads to the article page's guidance box; the web search page lists it."""

import re

import pytest
from django.db import transaction

from search import indexing, service
from search.documents import documents_for
from search.query import SearchQuery
from sherloc.models import PublicationStatus
from tests.factories import GuidanceFactory, StrategyFactory, article

pytestmark = pytest.mark.django_db


def ids(result: object) -> list[str]:
    return [hit.id for hit in result.hits]


def test_guidance_document_has_article_instrument_language_and_no_country() -> None:
    guidance = GuidanceFactory(article=article("TIP-6"), language="fr", requirements="Protection des victimes.")
    (doc,), missing = documents_for("guidance", [guidance.pk])
    assert missing == []
    assert doc["type"] == "guidance" and doc["language"] == "fr"
    assert doc["article"] == ["TIP-6"] and doc["instrument"] == ["TIP"] and doc["article_ref"] == ["TIP 6"]
    assert doc["country"] == "" and doc["region"] == []
    assert doc["url"] == "/instruments/TIP/articles/6/#guidance"
    assert "Protection des victimes." in doc["texts"]["fr"]["body"]


def test_unpublished_guidance_has_no_document_and_leaves_the_index(django_capture_on_commit_callbacks) -> None:
    def committed():  # one real transaction whose on_commit callbacks (the index update) run
        return django_capture_on_commit_callbacks(execute=True)

    with committed(), transaction.atomic():
        guidance = GuidanceFactory(requirements="Confiscation of proceeds of crime.")
    assert ids(service.search(SearchQuery(text="confiscation proceeds"))) == [f"guidance:{guidance.pk}"]
    with committed(), transaction.atomic():
        guidance.status = PublicationStatus.DRAFT
        guidance.save()
    assert documents_for("guidance", [guidance.pk]) == ([], [f"guidance:{guidance.pk}"])
    assert ids(service.search(SearchQuery(text="confiscation proceeds"))) == []


def test_search_finds_guidance_by_a_word_with_its_facets() -> None:
    fr = GuidanceFactory(language="fr", requirements="Les États adoptent des mesures contre le blanchiment.")
    en = GuidanceFactory(
        article=article("UNTOC-6"), requirements="Laundering of proceeds of crime must be criminalized."
    )
    StrategyFactory(summary="Laundering prevention strategy.", tags={"articles": ["UNTOC-6"]})
    indexing.rebuild()
    found = service.search(SearchQuery(text="laundering", filters={"type": ("guidance",)}))
    assert ids(found) == [f"guidance:{en.pk}"]
    assert found.hits[0].url == "/instruments/UNTOC/articles/6/#guidance"
    assert ids(service.search(SearchQuery(text="blanchiment"))) == [f"guidance:{fr.pk}"]
    assert ids(service.search(SearchQuery(filters={"type": ("guidance",), "language": ("fr",)}))) == [
        f"guidance:{fr.pk}"
    ]
    assert sorted(ids(service.search(SearchQuery(filters={"type": ("guidance",), "instrument": ("UNTOC",)})))) == (
        sorted([f"guidance:{fr.pk}", f"guidance:{en.pk}"])
    )
    assert ids(service.search(SearchQuery(filters={"type": ("guidance",), "article": ("UNTOC-6",)}))) == [
        f"guidance:{en.pk}"
    ]
    types = {f.value: f.count for f in service.search(SearchQuery()).facets["type"]}
    assert types == {"guidance": 2, "strategy": 1}
    labels = {f.value: f.label for f in service.search(SearchQuery(language="fr")).facets["type"]}
    assert labels["guidance"] != "guidance"


def test_search_page_lists_guidance_with_a_tab(client) -> None:
    GuidanceFactory(requirements="Participation in an organized criminal group.")
    indexing.rebuild()
    body = client.get("/en/search/?q=participation").content.decode()
    assert 'href="/en/instruments/UNTOC/articles/5/#guidance"' in body
    assert '<span class="badge badge-guidance">Guidance</span>' in body
    assert re.search(r'<a href="[^"]*type=guidance"[^>]*>Guidance <span class="count">1</span>', body)  # its tab
