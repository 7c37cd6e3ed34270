"""The OpenSearch engine against a real node (`make opensearch`; CI's services pass starts one).

- analyzers: `_analyze` on the node stems English, French, Spanish, Russian and Arabic and keeps
  Chinese bigrams inside words, and every test query finds the same records as the tantivy engine;
- zero-downtime rebuild: searches run in a loop during `search_index rebuild`; none fails and none
  sees an empty or partial index (the alias swaps atomically);
- outage: with the node unreachable, saving a record still succeeds, the search page and the API
  answer 503 with a clear message (never a 500), and reconcile indexes the missed record once the
  node is back.

Every test here is a `services` test: without OPENSEARCH_URL it is skipped, and in the services pass
(SHERLOC_REQUIRE_SERVICES=1) a skip is a failure. The outage tests need no node and always run.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from contextlib import contextmanager

import pytest
from django.db import transaction

from config.celery import app as celery_app
from search import indexing
from search.engines import get_engine, reset_engine
from search.engines.elasticsearch.cjk import mark_word_boundaries
from search.engines.opensearch_engine import OpenSearchEngine
from search.engines.tantivy.analysis import query_tokens
from search.engines.tantivy_engine import TantivyEngine
from search.query import SearchQuery
from tests.factories import ProvisionFactory

from .test_engine_contract import CORPUS

pytestmark = pytest.mark.services

UNREACHABLE_URL = "http://127.0.0.1:9"  # discard port: nothing listens, connections are refused


def _url() -> str:
    url = os.environ.get("OPENSEARCH_URL", "")
    if not url:
        pytest.skip("OPENSEARCH_URL not set: live OpenSearch tests skipped (make opensearch)")
    return url


@pytest.fixture
def node_url() -> str:
    return _url()


@pytest.fixture
def opensearch_settings(settings):  # noqa: ANN001, ANN201
    """Point the portal at OpenSearch under a prefix of its own; yields a function to change the URL."""
    prefix = f"test-{uuid.uuid4().hex[:12]}"
    settings.SEARCH_ENGINE = "opensearch"
    settings.SEARCH_INDEX_PREFIX = prefix

    def use(url: str) -> None:
        settings.OPENSEARCH_URL = url
        reset_engine()

    yield use
    url = os.environ.get("OPENSEARCH_URL", "")
    if url:  # drop this test's indices
        cleanup = OpenSearchEngine(url, prefix=prefix)
        cleanup.clear()
        cleanup.close()
    reset_engine()


@pytest.fixture
def commit(db, django_capture_on_commit_callbacks):  # noqa: ANN001, ANN201
    """`with commit(): ...` = one transaction whose on_commit callbacks (indexing) really run."""

    @contextmanager
    def block():  # noqa: ANN202
        with django_capture_on_commit_callbacks(execute=True):
            with transaction.atomic():
                yield

    return block


# --- analyzers --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_engines(tmp_path_factory):  # noqa: ANN001, ANN201
    """The contract corpus in both engines: OpenSearch (live) and tantivy (embedded)."""
    url = _url()
    live = OpenSearchEngine(url, prefix=f"test-{uuid.uuid4().hex[:12]}", replicas=0)
    embedded = TantivyEngine(tmp_path_factory.mktemp("tantivy") / "index")
    live.upsert(CORPUS)
    embedded.upsert(CORPUS)
    yield live, embedded
    live.clear()
    live.close()
    embedded.close()


def _analyze(engine: OpenSearchEngine, analyzer: str, text: str) -> list[str]:
    resp = engine.client.indices.analyze(
        index=engine.alias, body={"analyzer": f"sherloc_{analyzer}", "text": mark_word_boundaries(text)}
    )
    return [token["token"] for token in resp["tokens"]]


@pytest.mark.parametrize(
    ("analyzer", "query", "variant"),
    [
        ("en", "trafficked", "trafficking"),
        ("fr", "exploitations", "exploitation"),
        ("es", "explotaciones", "explotación"),
        ("ru", "торговля", "торговле"),
        ("ar", "الأشخاص", "بالأشخاص"),
        ("zh", "贩运", "贩运"),
    ],
)
def test_analyzers_stem_like_tantivy(corpus_engines, analyzer: str, query: str, variant: str) -> None:  # noqa: ANN001
    live, embedded = corpus_engines
    # On the node: both forms reduce to the same single term.
    [term] = _analyze(live, analyzer, query)
    assert _analyze(live, analyzer, variant) == [term]
    # In tantivy too, to the very same term (both engines stem with Snowball, then fold).
    assert query_tokens(analyzer, query) == query_tokens(analyzer, variant) == (term,)
    # And the query finds the same records in both engines.
    found_live = {hit.id for hit in live.search(SearchQuery(text=query, page_size=100)).hits}
    found_embedded = {hit.id for hit in embedded.search(SearchQuery(text=query, page_size=100)).hits}
    assert found_live == found_embedded and found_live


def test_chinese_bigrams_stay_inside_words(corpus_engines) -> None:  # noqa: ANN001
    live, embedded = corpus_engines
    assert _analyze(live, "zh", "人口贩运") == ["人口", "贩运"]  # no 口贩 across the two words
    assert _analyze(live, "zh", "被害人") == ["被害", "害人"]
    for text in ("人口贩运", "妇女", "被害人", "口贩"):
        found_live = {hit.id for hit in live.search(SearchQuery(text=text)).hits}
        found_embedded = {hit.id for hit in embedded.search(SearchQuery(text=text)).hits}
        assert found_live == found_embedded, text


# --- zero-downtime rebuild ----------------------------------------------------------------------------


def test_searches_never_fail_or_see_an_empty_index_during_rebuild(  # noqa: ANN001
    node_url, opensearch_settings, commit, run_command
) -> None:
    opensearch_settings(node_url)
    with commit():
        ProvisionFactory.create_batch(40, text="Whoever smuggles migrants across a border for profit.")
    engine = get_engine()
    run_command("search_index", "rebuild", "--no-progress")
    expected = engine.count()
    assert expected == 40

    searcher = OpenSearchEngine(node_url, prefix=engine.alias.removesuffix("-documents"))
    totals: list[int] = []
    failures: list[str] = []
    stop = threading.Event()

    def loop() -> None:
        deadline = time.monotonic() + 120  # bounded even if the main thread dies
        while not stop.is_set() and time.monotonic() < deadline:
            try:
                totals.append(searcher.search(SearchQuery(text="smuggles", page_size=5)).total)
            except Exception as exc:  # noqa: BLE001 - every failure is the finding
                failures.append(repr(exc))

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        for _ in range(3):
            run_command("search_index", "rebuild", "--no-progress")
    finally:
        stop.set()
        thread.join(timeout=30)
        searcher.close()

    assert failures == []
    assert len(totals) >= 10, f"only {len(totals)} searches ran during the rebuilds"
    assert set(totals) == {expected}, f"a search saw {sorted(set(totals))} documents, not {expected}"
    indices = engine.adapter.get_alias(name=engine.alias)
    assert len(indices) == 1  # exactly one index behind the alias; the old ones are deleted
    assert engine.adapter.get_alias(index=f"{engine.alias}-*").keys() == indices.keys()


# --- outage -------------------------------------------------------------------------------------------


@pytest.fixture
def engine_down(opensearch_settings):  # noqa: ANN001, ANN201
    opensearch_settings(UNREACHABLE_URL)
    previous = celery_app.conf.task_eager_propagates
    celery_app.conf.task_eager_propagates = False  # as in production: a task failure is the task's
    yield opensearch_settings
    celery_app.conf.task_eager_propagates = previous


def test_saving_a_record_succeeds_while_the_node_is_down(engine_down, commit) -> None:  # noqa: ANN001
    from legislation.models import Provision

    with commit():  # the indexing task fails (and retries) after the commit: the save is not undone
        prov = ProvisionFactory(text="Laundering the proceeds of corruption.")
    assert Provision.objects.filter(pk=prov.pk, text__startswith="Laundering").exists()


def test_search_page_and_api_answer_503_while_the_node_is_down(engine_down, client, db) -> None:  # noqa: ANN001
    page = client.get("/en/search/", {"q": "trafficking"})
    assert page.status_code == 503
    assert "Search is temporarily unavailable" in page.content.decode()
    api = client.get("/api/v1/search/", {"q": "trafficking"})
    assert api.status_code == 503
    assert api["Retry-After"]
    assert "temporarily unavailable" in api.content.decode()


def test_reconcile_indexes_what_was_saved_while_the_node_was_down(engine_down, node_url, commit) -> None:  # noqa: ANN001
    with commit():
        prov = ProvisionFactory(text="Whoever counterfeits medicines commits an offence.")
    engine_down(node_url)  # the node is back
    engine = get_engine()
    assert engine.search(SearchQuery(text="counterfeits")).total == 0
    found = indexing.reconcile()
    assert f"provision:{prov.pk}" in found.missing
    assert [hit.id for hit in engine.search(SearchQuery(text="counterfeits")).hits] == [f"provision:{prov.pk}"]
