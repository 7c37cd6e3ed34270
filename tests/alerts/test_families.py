"""Every declared record family reaches digests and feeds (alerts.entries reads the search document
declarations, naming no family): strategies, bibliography entries and article guidance as themselves, an
explanatory material as its law; unpublished records never, even while the index still holds them."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from alerts import entries
from search.indexing import rebuild
from search.query import SearchQuery
from sherloc.models import PublicationStatus
from tests.factories import (
    GuidanceFactory,
    LawFactory,
    MaterialFactory,
    ProvisionFactory,
    PublicationFactory,
    StrategyFactory,
    country,
)

from .conftest import NOW, SINCE, saved
from .test_digests import run_task

pytestmark = pytest.mark.django_db

RECENT = NOW - dt.timedelta(hours=2)
WORD = "cormorants"  # in every record below, and in no other


@pytest.fixture
def family_records(db):  # noqa: ANN001, ANN201
    """Published yesterday: a strategy, a bibliography entry, English guidance on UNTOC article 5 and a
    law whose explanatory material (not its provision) has the word; a draft strategy with it too."""
    law = LawFactory(country=country("BRA"), title="Law on Coastal Crime", published_at=RECENT)
    ProvisionFactory(law=law, order=1, text="Whoever fishes without a licence.")
    records = {
        "strategy": StrategyFactory(
            country=country("BRA"),
            title="Strategy on Seabird Trafficking",
            summary=f"Protects {WORD} from organized criminal groups.",
            published_at=RECENT,
        ),
        "draft": StrategyFactory(
            country=country("BRA"),
            title="Draft Strategy on Seabirds",
            summary=f"Protects {WORD}.",
            status=PublicationStatus.DRAFT,
            published_at=RECENT,
        ),
        "publication": PublicationFactory(
            title="Seabirds and organized crime",
            synopsis=f"How criminal groups traffic {WORD}.",
            published_at=RECENT,
        ),
        "guidance": GuidanceFactory(requirements=f"States shall protect {WORD}.", published_at=RECENT),
        "law": law,
        "material": MaterialFactory(
            law=law,
            title="Explanatory memorandum on seabirds",
            summary=f"Why {WORD} need the new offence.",
            published_at=RECENT,
        ),
    }
    rebuild()
    return records


def test_digest_lists_every_family_and_a_material_as_its_law(family_records, subscriber, mailoutbox) -> None:  # noqa: ANN001
    saved(subscriber, f"q={WORD}")
    assert run_task() == {"sent": 1, "empty": 0, "failed": []}
    body = mailoutbox[0].body
    strategy, publication, law = family_records["strategy"], family_records["publication"], family_records["law"]
    assert "4 new records" in mailoutbox[0].subject
    assert "Strategy on Seabird Trafficking" in body and f"/en/strategies/{strategy.pk}/" in body
    assert "Seabirds and organized crime" in body and f"/en/bibliography/{publication.pk}/" in body
    assert "- UNTOC 5. Criminalization of participation" in body  # guidance: its article, at the article page
    assert "/en/instruments/UNTOC/articles/5/\n" in body
    assert "#guidance" not in body  # the page, not its anchor
    assert body.count("- Law on Coastal Crime\n") == 1 and f"/en/laws/{law.pk}/" in body
    assert "Explanatory memorandum on seabirds" not in body  # the material's entry is its law
    assert "Draft Strategy" not in body


def test_digest_skips_records_unpublished_but_still_indexed(family_records, subscriber, mailoutbox) -> None:  # noqa: ANN001
    for name in ("strategy", "publication", "guidance"):
        record = family_records[name]
        type(record).objects.filter(pk=record.pk).update(status=PublicationStatus.DRAFT)  # no signal: still indexed
    saved(subscriber, f"q={WORD}")
    run_task()
    body = mailoutbox[0].body
    assert "1 new record" in mailoutbox[0].subject and "Law on Coastal Crime" in body
    assert "Seabird Trafficking" not in body and "Seabirds and organized crime" not in body
    assert "/articles/5/" not in body


def test_a_material_newly_published_on_an_old_law_is_not_new(family_records, subscriber, mailoutbox) -> None:  # noqa: ANN001
    law = family_records["law"]
    type(law).objects.filter(pk=law.pk).update(published_at=SINCE - dt.timedelta(days=30))
    saved(subscriber, f"q={WORD}")
    run_task()
    assert "3 new records" in mailoutbox[0].subject and "Law on Coastal Crime" not in mailoutbox[0].body


def test_search_feed_has_every_family_with_its_page(client, family_records) -> None:  # noqa: ANN001
    response = client.get("/en/search/feed/", {"q": WORD})
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    by_title = {e.title: e for e in feed.entries}
    strategy, publication, law = family_records["strategy"], family_records["publication"], family_records["law"]
    assert by_title["Strategy on Seabird Trafficking"].link == f"http://testserver/en/strategies/{strategy.pk}/"
    assert by_title["Seabirds and organized crime"].link == f"http://testserver/en/bibliography/{publication.pk}/"
    assert by_title["Law on Coastal Crime"].link == f"http://testserver/en/laws/{law.pk}/"
    guidance = [e for e in feed.entries if e.link == "http://testserver/en/instruments/UNTOC/articles/5/"]
    assert len(guidance) == 1 and guidance[0].title  # titled by its article (the indexed title)
    assert {t.term for e in feed.entries for t in e.tags} == {"strategy", "publication", "guidance", "legislation"}
    assert len(feed.entries) == 4  # the draft strategy and the material itself are not entries


def test_feed_drops_a_published_record_whose_parent_is_unpublished(client, family_records) -> None:  # noqa: ANN001
    law = family_records["law"]
    type(law).objects.filter(pk=law.pk).update(status=PublicationStatus.DRAFT)  # the material is still indexed
    found = entries.newest(SearchQuery(text=WORD))
    assert "Law on Coastal Crime" not in {e.title for e in found}
    assert {e.key for e in found} == {
        f"strategy:{family_records['strategy'].pk}",
        f"publication:{family_records['publication'].pk}",
        f"guidance:{family_records['guidance'].pk}",
    }


def test_entries_read_one_query_per_document_kind(family_records) -> None:  # noqa: ANN001
    def queries() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            found = entries.newest(SearchQuery(text=WORD))
        return len(found), len(captured)

    entries.newest(SearchQuery(text=WORD))  # warm the search layer's caches
    count, before = queries()
    for index in range(5):  # more strategies and materials: the same queries read them all
        StrategyFactory(title=f"Strategy {index}", summary=f"About {WORD}.", published_at=RECENT)
        MaterialFactory(law=LawFactory(published_at=RECENT), summary=f"About {WORD}.")
    rebuild()
    assert queries() == (count + 10, before)
    assert before <= 4  # strategies, publications, guidance, materials


def test_published_between_reads_one_query_per_document_kind(family_records, django_assert_num_queries) -> None:  # noqa: ANN001
    with django_assert_num_queries(len(entries.families())):
        fresh = entries.published_between(SINCE, NOW)
    assert fresh.countries is None  # guidance and bibliography have no declared country: no country narrowing
    assert fresh.types == {"strategy", "publication", "guidance", "material", "legislation"}
    assert f"strategy:{family_records['draft'].pk}" not in fresh.keys
    assert f"material:{family_records['material'].pk}" in fresh.keys
