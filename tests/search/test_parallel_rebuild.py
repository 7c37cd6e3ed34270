"""A parallel rebuild (worker processes build and convert the documents) writes the same index as a
serial one: the same documents, the same indexed text, the same title keys and order."""

from __future__ import annotations

import json
from unittest import mock

import pytest
import tantivy
from django.db import transaction

from search import indexing, tasks
from search.documents import expected_count
from search.engines import EngineError, get_engine
from search.engines.tantivy.fields import COARSE_SORT_KEYS, DOC
from search.query import SearchQuery, Sort
from tests.factories import (
    AuthorityFactory,
    CaseFactory,
    LawFactory,
    MaterialFactory,
    ProvisionFactory,
    StrategyFactory,
    lang,
)

# Committed rows: the workers read them through their own connections (inside a transaction a rebuild
# stays in-process).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def records(reference_data) -> None:  # noqa: ANN001 - reference data is reloaded: a transactional test flushes it
    """Records of every family, some in Chinese (pre-tokenized text), without indexing them on save."""
    with mock.patch.object(tasks.index_records, "delay"), mock.patch.object(tasks.index_law, "delay"):
        for n in range(6):
            law = LawFactory(title=f"Penal Code {n % 3}")  # equal titles: ties in title order
            ProvisionFactory.create_batch(4, law=law)
        chinese = LawFactory(title="刑法", original_language=lang("zh-hans"))
        ProvisionFactory(law=chinese, language=lang("zh-hans"), heading="拐卖妇女儿童罪", text="以出卖为目的拐卖妇女")
        CaseFactory.create_batch(5)
        AuthorityFactory.create_batch(3)
        StrategyFactory.create_batch(2)
        MaterialFactory.create_batch(2)


def _snapshot(engine) -> dict:  # noqa: ANN001
    """Every stored document with its title key, the title order, and what a few queries find."""
    searcher = engine._store.searcher()
    found = searcher.search(tantivy.Query.all_query(), limit=1000).hits
    addresses = [address for _, address in found]
    keys = searcher.fast_field_values(COARSE_SORT_KEYS["title"], addresses)
    stored = {}
    for address, key in zip(addresses, keys, strict=True):
        doc = json.loads(searcher.doc(address).get_first(DOC))
        stored[doc["id"]] = (doc, key)

    def found_ids(**kwargs) -> list[str]:  # noqa: ANN003
        return [h.id for h in engine.search(SearchQuery(page_size=100, facets=(), **kwargs)).hits]

    return {
        "documents": stored,
        "title order": found_ids(sort=Sort.TITLE),
        "text": found_ids(text="exploitation"),
        "chinese": found_ids(text="拐卖"),
        "versions": engine.versions(),
    }


def test_parallel_rebuild_indexes_what_the_serial_one_does(records, monkeypatch) -> None:  # noqa: ANN001
    engine = get_engine()
    monkeypatch.setattr(indexing, "SLICE", 3)  # many slices: several per worker, out-of-order finishes
    monkeypatch.setattr(indexing, "PARALLEL_MIN", 1)
    serial_count = indexing.rebuild(workers=1)
    serial = _snapshot(engine)
    with mock.patch.object(indexing, "_Workers", wraps=indexing._Workers) as parallel_path:
        parallel_count = indexing.rebuild(workers=2)
    assert parallel_path.called  # the worker processes did build the documents
    parallel = _snapshot(engine)
    assert parallel_count == serial_count == len(serial["documents"]) == expected_count() > 30
    assert parallel == serial
    assert serial["chinese"] and serial["text"]
    assert len(set(key for _, key in serial["documents"].values())) > 1


def test_small_corpus_and_one_worker_build_in_process(records, settings) -> None:  # noqa: ANN001
    settings.SEARCH_INDEX_WORKERS = 4
    with mock.patch.object(indexing, "_Workers") as parallel_path:
        assert indexing.rebuild() == expected_count()  # below PARALLEL_MIN
        assert indexing.rebuild(workers=1) == expected_count()
    parallel_path.assert_not_called()


def test_a_rebuild_inside_a_transaction_builds_in_process(records, monkeypatch) -> None:  # noqa: ANN001
    """Workers could not see the transaction's rows, and closing its connection to fork would end it."""
    monkeypatch.setattr(indexing, "PARALLEL_MIN", 1)
    with transaction.atomic(), mock.patch.object(indexing, "_Workers") as parallel_path:
        assert indexing.rebuild(workers=2) == expected_count()
        assert LawFactory._meta.model.objects.exists()  # the connection is still usable afterwards
    parallel_path.assert_not_called()


def test_a_failing_worker_fails_the_rebuild_and_keeps_the_old_index(records, monkeypatch) -> None:  # noqa: ANN001
    engine = get_engine()
    monkeypatch.setattr(indexing, "SLICE", 3)
    monkeypatch.setattr(indexing, "PARALLEL_MIN", 1)
    indexing.rebuild(workers=1)
    before = engine.versions()

    def broken(doc: dict) -> object:
        raise ValueError(f"cannot convert {doc['id']}")

    with mock.patch.object(type(engine), "preparer", return_value=broken):
        with pytest.raises(EngineError, match="cannot convert"):
            indexing.rebuild(workers=2)
    assert engine.versions() == before
