"""Atom feeds of a search, a country and an article: parsed back with feedparser, published records only,
linked from the pages' heads; bad parameters answer 400, never 500."""

from __future__ import annotations

import feedparser
import pytest

from sherloc.models import PublicationStatus
from tests.factories import CaseFactory, country

pytestmark = pytest.mark.django_db


def parse(response: object) -> feedparser.FeedParserDict:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_search_feed_is_atom_with_published_records_only(client, fresh_records) -> None:  # noqa: ANN001
    draft = CaseFactory(country=country("BRA"), title="Draft smuggling case", status=PublicationStatus.DRAFT)
    from search.indexing import rebuild

    rebuild()
    feed = parse(client.get("/en/search/feed/", {"q": "smuggled", "country": "BRA"}))
    titles = [entry.title for entry in feed.entries]
    assert "Prosecutor v. Smuggling Ring" in titles and "Prosecutor v. Old Ring" in titles
    assert titles.count("Law on Migrant Smuggling") == 1  # a law once, not once per provision
    assert "Ministère public c. Passeurs" not in titles and draft.title not in titles
    case = fresh_records["new_case"]
    links = [entry.link for entry in feed.entries]
    assert f"http://testserver/en/cases/{case.pk}/" in links
    assert all(entry.get("id") and entry.get("updated") for entry in feed.entries)
    assert feed.feed.link.startswith("http://testserver/en/search/?")


def test_a_record_unpublished_but_still_indexed_is_not_in_the_feed(client, fresh_records) -> None:  # noqa: ANN001
    case = fresh_records["new_case"]
    type(case).objects.filter(pk=case.pk).update(status=PublicationStatus.DRAFT)  # no signal: still indexed
    titles = [e.title for e in parse(client.get("/en/search/feed/", {"country": "BRA"})).entries]
    assert case.title not in titles and "Prosecutor v. Old Ring" in titles


def test_search_feed_lists_records_with_all_the_words_only(client, fresh_records) -> None:  # noqa: ANN001
    assert parse(client.get("/en/search/feed/", {"q": "smuggled zzyzx"})).entries == []


def test_country_and_article_feeds_in_the_page_language(client, fresh_records) -> None:  # noqa: ANN001
    feed = parse(client.get("/fr/countries/BRA/feed/"))
    assert "Brésil" in feed.feed.title
    assert feed.feed.get("language") == "fr"
    assert {e.title for e in feed.entries} >= {"Prosecutor v. Smuggling Ring", "Law on Migrant Smuggling"}
    assert all("/fr/" in e.link for e in feed.entries)
    assert "Ministère public c. Passeurs" not in {e.title for e in feed.entries}

    CaseFactory(country=country("FRA"), title="Tagged case", tags={"articles": ["UNTOC-6"]})
    from search.indexing import rebuild

    rebuild()
    feed = parse(client.get("/en/instruments/UNTOC/articles/6/feed/"))
    assert [e.title for e in feed.entries] == ["Tagged case"]


@pytest.mark.parametrize(
    ("path", "head"),
    [
        ("/en/countries/BRA/", "/en/countries/BRA/feed/"),
        ("/en/instruments/UNTOC/articles/6/", "/en/instruments/UNTOC/articles/6/feed/"),
        ("/en/search/?q=smuggled&country=BRA", "/en/search/feed/?q=smuggled&amp;country=BRA"),
    ],
)
def test_pages_link_their_feed_in_the_head(client, fresh_records, path: str, head: str) -> None:  # noqa: ANN001
    body = client.get(path).content.decode()
    head_html = body.split("</head>")[0]
    assert '<link rel="alternate" type="application/atom+xml"' in head_html
    assert f'href="{head}"' in head_html


def test_bad_feed_parameters_answer_400_or_404(client, db) -> None:  # noqa: ANN001
    response = client.get("/en/search/feed/", {"country": "XXX"})
    assert response.status_code == 400 and b"country" in response.content
    assert client.get("/en/search/feed/", {"colour": "red"}).status_code == 400
    assert client.get("/en/countries/QQQ/feed/").status_code == 404
    assert client.get("/en/instruments/UNTOC/articles/999/feed/").status_code == 404
