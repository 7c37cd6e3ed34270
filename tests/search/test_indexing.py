"""The indexing pipeline end to end, in-process: signals -> on_commit -> (eager) task -> engine.

Tests run Celery eagerly whatever the environment says, and execute on_commit callbacks with
django_capture_on_commit_callbacks(execute=True) so each `commit()` block is one real commit.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.management.base import CommandError
from django.db import transaction
from kombu.exceptions import OperationalError

from config.celery import app as celery_app
from legislation.models import Law, Provision, ProvisionArticle
from search import indexing, tasks
from search.documents import expected_versions
from search.engines import get_engine
from search.query import SearchQuery
from sherloc.models import PublicationStatus
from taxonomy.models import AuthorityRole, Country, CrimeType
from taxonomy.reference import load_reference_data
from tests.factories import (
    AuthorityFactory,
    CaseFactory,
    LawFactory,
    PersonFactory,
    ProvisionFactory,
    article,
    crime,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def eager_celery():
    """Run tasks in-process even when REDIS_URL is set (the services pass runs this module too)."""
    previous = celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = previous


@pytest.fixture
def engine():
    """The configured engine (tantivy by default) on this test's own index directory (conftest)."""
    return get_engine()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit(): ...` = one transaction whose on_commit callbacks (our flush) really run."""

    @contextmanager
    def block():
        with django_capture_on_commit_callbacks(execute=True):
            with transaction.atomic():
                yield

    return block


def ids(engine) -> set[str]:
    return set(engine.versions())


def search(engine, text: str = "", **filters: str) -> list[str]:
    query = SearchQuery(text=text, filters={k: (v,) for k, v in filters.items()}, page_size=100)
    return sorted(hit.id for hit in engine.search(query).hits)


def in_sync(engine) -> bool:
    return engine.versions() == expected_versions()


# --------------------------------------------------------------------------- save / unpublish / delete


def test_saving_published_records_makes_them_searchable(engine, commit):
    with commit():
        prov = ProvisionFactory(text="Whoever launders the proceeds of crime.", tags={"articles": ["UNTOC-6"]})
        case = CaseFactory(fact_summary="Bribes paid through shell companies.")
        auth = AuthorityFactory()
    assert ids(engine) == {f"provision:{prov.pk}", f"case:{case.pk}", f"authority:{auth.pk}"}
    assert in_sync(engine)
    assert search(engine, "launders") == [f"provision:{prov.pk}"]
    assert search(engine, article="UNTOC-6") == [f"provision:{prov.pk}"]


def test_drafts_are_not_indexed(engine, commit):
    with commit():
        ProvisionFactory(law=LawFactory(status=PublicationStatus.DRAFT))
        CaseFactory(status=PublicationStatus.SUBMITTED)
        AuthorityFactory(status=PublicationStatus.IN_REVIEW)
    assert ids(engine) == set()


def test_unpublishing_removes_documents(engine, commit):
    with commit():
        law = LawFactory()
        provs = ProvisionFactory.create_batch(3, law=law)
        case = CaseFactory()
    assert len(ids(engine)) == 4
    with commit():
        law.status = PublicationStatus.WITHDRAWN
        law.save()
        case.status = PublicationStatus.RETURNED
        case.save()
    assert ids(engine) == set()
    with commit():
        law.status = PublicationStatus.PUBLISHED
        law.save()
    assert ids(engine) == {f"provision:{p.pk}" for p in provs}


def test_deleting_removes_documents(engine, commit):
    with commit():
        law = LawFactory()
        keep, drop = ProvisionFactory.create_batch(2, law=law)
        other_law = LawFactory()
        ProvisionFactory.create_batch(2, law=other_law)
        case = CaseFactory()
        auth = AuthorityFactory()
    assert len(ids(engine)) == 6
    with commit():
        drop.delete()
        case.delete()
        auth.delete()
    assert ids(engine) == {f"provision:{p.pk}" for p in Provision.objects.all()}
    with commit():
        other_law.delete()  # cascades to its provisions: their documents go too
    assert ids(engine) == {f"provision:{keep.pk}"}
    assert in_sync(engine)


# --------------------------------------------------------------------------- provisions, tags, vocabularies


def test_provision_edit_bumps_and_reindexes_its_law(engine, commit):
    with commit():
        law = LawFactory()
        first, second = ProvisionFactory.create_batch(2, law=law)
    before = engine.versions()
    law_updated = Law.objects.get(pk=law.pk).updated_at
    with commit():
        first.text = "Whoever smuggles firearms across the border."
        first.save()
    assert Law.objects.get(pk=law.pk).updated_at > law_updated
    after = engine.versions()
    assert after[f"provision:{second.pk}"] != before[f"provision:{second.pk}"]  # whole law re-indexed
    assert in_sync(engine)
    assert search(engine, "firearms") == [f"provision:{first.pk}"]


def test_tag_changes_reindex(engine, commit):
    with commit():
        prov = ProvisionFactory()
        case = CaseFactory()
        auth = AuthorityFactory(roles=["mla-central"])
    assert search(engine, crime_type="corruption") == []
    with commit():
        case.crime_types.add(crime("corruption"))  # forward m2m
        crime("corruption").provisions.add(prov)  # reverse m2m
        ProvisionArticle.objects.create(provision=prov, article=article("UNTOC-8"))  # through model
        auth.roles.add(AuthorityRole.objects.get(code="extradition"))
    assert search(engine, crime_type="corruption") == sorted([f"case:{case.pk}", f"provision:{prov.pk}"])
    assert search(engine, article="UNTOC-8") == [f"provision:{prov.pk}"]
    assert search(engine, role="extradition") == [f"authority:{auth.pk}"]
    assert in_sync(engine)
    with commit():
        crime("corruption").cases.clear()  # reverse clear
        prov.article_tags.all().delete()
    assert search(engine, crime_type="corruption") == [f"provision:{prov.pk}"]
    assert search(engine, article="UNTOC-8") == []
    assert in_sync(engine)


def test_people_and_attachments_reindex_their_case(engine, commit):
    with commit():
        case = CaseFactory()
    version = engine.versions()[f"case:{case.pk}"]
    with commit():
        PersonFactory(case=case)
    assert engine.versions()[f"case:{case.pk}"] != version
    assert in_sync(engine)


def test_vocabulary_label_change_reindexes_the_records_using_it(engine, commit):
    with commit():
        auth = AuthorityFactory(roles=["extradition"])
        other = AuthorityFactory(roles=["mla-central"])
    assert search(engine, "Auslieferungsbehörde") == []
    with commit():
        role = AuthorityRole.objects.get(code="extradition")
        role.label = "Auslieferungsbehörde"
        role.save()
    assert search(engine, "Auslieferungsbehörde") == [f"authority:{auth.pk}"]
    assert f"authority:{other.pk}" in ids(engine)


def test_country_name_change_fans_out_to_all_record_kinds(commit):
    with commit():
        prov = ProvisionFactory()
        case = CaseFactory()
        auth = AuthorityFactory()
    with (
        mock.patch.object(tasks.index_records, "delay") as delay,
        mock.patch.object(tasks.index_law, "delay") as index_law,
    ):
        with commit():
            brazil = Country.objects.get(alpha3="BRA")
            brazil.name = "Brasil"
            brazil.save()
    assert sorted(c.args for c in delay.call_args_list) == [("authority", [auth.pk]), ("case", [case.pk])]
    assert [c.args for c in index_law.call_args_list] == [(prov.law_id, [])]


def test_a_lost_vocabulary_fan_out_is_repaired_by_reconcile(engine, commit):
    """The relabel stamps the records in the saving transaction, so their documents are visibly stale
    even when the fan-out task never runs (broker down)."""
    with commit():
        auth = AuthorityFactory(roles=["extradition"])
        draft = AuthorityFactory(roles=["extradition"], status=PublicationStatus.DRAFT)
    stamped_before = type(auth).objects.get(pk=auth.pk).updated_at
    draft_before = type(draft).objects.get(pk=draft.pk).updated_at
    with mock.patch.object(tasks.index_records, "delay"):  # the fan-out is lost (broker down)
        with commit():
            role = AuthorityRole.objects.get(code="extradition")
            role.label = "Auslieferungsbehörde"
            role.save()
    assert type(auth).objects.get(pk=auth.pk).updated_at > stamped_before
    assert type(draft).objects.get(pk=draft.pk).updated_at == draft_before  # not public, not indexed
    assert search(engine, "Auslieferungsbehörde") == []
    found = indexing.reconcile(engine)
    assert found.stale == [f"authority:{auth.pk}"]
    assert search(engine, "Auslieferungsbehörde") == [f"authority:{auth.pk}"]
    assert in_sync(engine)


def test_reloading_unchanged_reference_data_fans_out_nothing(commit):
    ProvisionFactory(tags={"articles": ["TIP-3"], "crime_types": ["trafficking-in-persons"]})
    with (
        mock.patch.object(tasks.index_records, "delay") as delay,
        mock.patch.object(tasks.index_law, "delay") as index_law,
        mock.patch.object(tasks.index_laws, "delay") as index_laws,
    ):
        with commit():
            load_reference_data()
    delay.assert_not_called()
    index_law.assert_not_called()
    index_laws.assert_not_called()


def test_changes_documents_do_not_use_fan_out_nothing(commit):
    CaseFactory(tags={"articles": ["TIP-3"], "crime_types": ["trafficking-in-persons"]})
    with mock.patch.object(tasks.index_records, "delay") as delay:
        with commit():
            term = crime("trafficking-in-persons")
            term.sort_order = 99
            term.save()
            tip = article("TIP-3").instrument
            tip.parent = None
            tip.save()
    delay.assert_not_called()


def test_deleting_a_vocabulary_term_reindexes_its_records(engine, commit):
    with commit():
        term = CrimeType.objects.create(code="test-crime", label="Test crime")
        case = CaseFactory()
        case.crime_types.add(term)
    assert search(engine, crime_type="test-crime") == [f"case:{case.pk}"]
    with commit():
        term.delete()  # the m2m rows cascade without m2m_changed
    assert search(engine, crime_type="test-crime") == []


def test_records_changed_covers_queryset_updates(engine, commit):
    from sherloc.versions import records_changed

    with commit():
        cases = CaseFactory.create_batch(2, status=PublicationStatus.IN_REVIEW)
    assert ids(engine) == set()
    with commit():  # e.g. an admin bulk action "publish selected"
        type(cases[0]).objects.filter(pk__in=[c.pk for c in cases]).update(status=PublicationStatus.PUBLISHED)
        records_changed(type(cases[0]), [c.pk for c in cases])
    assert ids(engine) == {f"case:{c.pk}" for c in cases}
    assert in_sync(engine)


# --------------------------------------------------------------------------- transactions and task counts


def test_several_changes_in_one_transaction_send_one_task_per_record(commit):
    with (
        mock.patch.object(tasks.index_records, "delay") as index_records,
        mock.patch.object(tasks.index_law, "delay") as index_law,
    ):
        with commit():
            law = LawFactory()
            for _ in range(5):
                ProvisionFactory(law=law, tags={"articles": ["TIP-3"], "crime_types": ["trafficking-in-persons"]})
            case = CaseFactory(tags={"articles": ["TIP-3"], "issues": ["liability"]})
            case.title = "Renamed"
            case.save()
            PersonFactory(case=case)
            case.crime_types.add(crime("corruption"))
            auth = AuthorityFactory()
            auth.save()
    assert index_law.call_count == 1
    assert index_law.call_args.args == (law.pk, [])
    assert sorted(c.args for c in index_records.call_args_list) == [("authority", [auth.pk]), ("case", [case.pk])]


def test_many_laws_in_one_transaction_are_batched_into_chunked_tasks(engine, commit):
    """An import or bulk action touching many laws sends one index_laws task per chunk, not one per law."""
    with (
        mock.patch.object(tasks.index_law, "delay") as index_law,
        mock.patch.object(tasks.index_laws, "delay") as batch,
    ):
        with commit():
            laws = [ProvisionFactory().law for _ in range(3)]
    assert index_law.call_count == 0
    assert batch.call_count == 1 and batch.call_args.args == (sorted(law.pk for law in laws), [])
    with commit():  # and, run for real, the batch indexes every provision
        for law in laws:
            ProvisionFactory(law=law)
    assert {i for i in ids(engine) if i.startswith("provision:")} == {
        f"provision:{p.pk}" for law in laws for p in law.provisions.all()
    }
    assert in_sync(engine)


def test_rolled_back_transaction_sends_nothing(commit):
    with mock.patch.object(tasks.index_records, "delay") as delay:
        with commit():
            CaseFactory()
            try:
                with transaction.atomic():
                    doomed = CaseFactory()
                    raise RuntimeError("rollback the savepoint")
            except RuntimeError:
                pass
    ((kind, pks),) = (c.args for c in delay.call_args_list)
    assert kind == "case" and doomed.pk in pks  # harmless: the task re-reads and finds nothing
    with mock.patch.object(tasks.index_records, "delay") as delay:
        try:
            with transaction.atomic():
                CaseFactory()
                raise RuntimeError("rollback")
        except RuntimeError:
            pass
        with commit():
            pass
    delay.assert_not_called()


def test_each_commit_gets_its_own_flush(commit):
    with mock.patch.object(tasks.index_records, "delay") as delay:
        with commit():
            first = CaseFactory()
        with commit():
            second = CaseFactory()
    assert [c.args for c in delay.call_args_list] == [("case", [first.pk]), ("case", [second.pk])]


# --------------------------------------------------------------------------- broker down, check, reconcile


def test_broker_down_save_succeeds_and_reconcile_repairs(engine, commit, run_command, caplog):
    with commit():
        indexed = CaseFactory()
    down = OperationalError("[Errno 111] Connection refused")
    with (
        mock.patch.object(tasks.index_records, "delay", side_effect=down),
        mock.patch.object(tasks.index_law, "delay", side_effect=down),
        caplog.at_level(logging.WARNING, logger="search.signals"),
    ):
        with commit():
            lost = CaseFactory()
            prov = ProvisionFactory()
            indexed.title = "Changed while the broker was down"
            indexed.save()
    assert "could not enqueue" in caplog.text and "reconcile" in caplog.text
    assert Provision.objects.filter(pk=prov.pk).exists()  # the user's save went through

    with pytest.raises(CommandError) as excinfo:
        run_command("search_index", "check")
    assert excinfo.value.returncode == 1
    found = indexing.diff()
    assert found.missing == [f"case:{lost.pk}", f"provision:{prov.pk}"]
    assert found.stale == [f"case:{indexed.pk}"]

    result = tasks.reconcile_index.delay().get()
    assert result["missing"] == 2 and result["stale"] == 1
    assert in_sync(engine)
    out, _ = run_command("search_index", "check")
    assert "in sync" in out


def test_check_lists_differences_and_update_repairs_them(engine, commit, run_command):
    with commit():
        cases = CaseFactory.create_batch(3)
        gone = CaseFactory()
    engine.delete([f"case:{cases[0].pk}"])
    engine.upsert([{**_any_doc(engine, f"case:{cases[1].pk}"), "version": "1999-01-01T00:00:00+00:00"}])
    type(gone).objects.filter(pk=gone.pk).update(status=PublicationStatus.WITHDRAWN)  # no signal: orphan

    with pytest.raises(CommandError, match="1 missing, 1 stale, 1 orphaned"):
        run_command("search_index", "check", "--show", "5")
    out = _check_output(run_command)
    assert "database: 3 documents" in out and "index:    3 documents" in out
    assert f"missing: 1: case:{cases[0].pk}" in out
    assert f"stale: 1: case:{cases[1].pk}" in out
    assert f"orphaned: 1: case:{gone.pk}" in out

    out, _ = run_command("search_index", "update")
    assert "Indexed 1 missing and 1 stale documents; deleted 1 orphaned." in out
    out, _ = run_command("search_index", "check")
    assert "in sync" in out
    out, _ = run_command("search_index", "update")
    assert "already in sync" in out


def test_check_truncates_long_lists(run_command):
    with mock.patch.object(tasks.index_records, "delay"):
        CaseFactory.create_batch(4)  # autocommit inside the test transaction: never indexed
    out = _check_output(run_command, "--show", "2")
    assert "missing: 4 (first 2):" in out


def test_rebuild_command(engine, run_command):
    with mock.patch.object(tasks.index_records, "delay"), mock.patch.object(tasks.index_law, "delay"):
        law = LawFactory()
        ProvisionFactory.create_batch(3, law=law)
        CaseFactory.create_batch(2)
        AuthorityFactory()
    assert engine.count() == 0
    out, err = run_command("search_index", "rebuild")
    assert "Rebuilt the index: 6 documents" in out
    assert "rebuild: 100%" in err and "6/6" in err  # the tqdm progress bar
    assert engine.count() == 6 and in_sync(engine)
    out, err = run_command("search_index", "rebuild", "--no-progress")
    assert "Rebuilt the index: 6 documents" in out and err == ""


def test_index_ids_is_idempotent(engine):
    case = CaseFactory()
    first = indexing.index_ids("case", [case.pk, case.pk, 424242])
    second = indexing.index_ids("case", [case.pk, 424242])
    assert first.upserted == second.upserted == 1
    assert ids(engine) == {f"case:{case.pk}"}


def test_index_law_deletes_removed_provisions(engine):
    law = LawFactory()
    keep, drop = ProvisionFactory.create_batch(2, law=law)
    indexing.index_law(law.pk)
    drop_id = drop.pk
    Provision.objects.filter(pk=drop_id).delete()
    indexing.index_law(law.pk, removed=[drop_id])
    assert ids(engine) == {f"provision:{keep.pk}"}


def _any_doc(engine, doc_id: str) -> dict:
    from search.documents import documents_for
    from search.schema import parse_doc_id

    kind, pk = parse_doc_id(doc_id)
    (doc,), _ = documents_for(kind, [pk])
    return doc


def _check_output(run_command, *args: str) -> str:
    import io

    from django.core.management import call_command

    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("search_index", "check", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()
