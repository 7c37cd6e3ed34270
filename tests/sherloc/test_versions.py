"""A record's version (updated_at) moves when anything it shows changes: its parts, its tags, the terms
it shows. The declarations live on the family models; these tests go through saves, as users' edits do."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from caselaw.models import Case
from legislation.models import Law
from search import signals
from sherloc.models import PublicationStatus
from sherloc.versions import records_changed
from taxonomy.reference import load_reference_data
from tests.factories import (
    AuthorityFactory,
    CaseFactory,
    ChargeFactory,
    LawFactory,
    PersonFactory,
    ProvisionFactory,
    country,
    crime,
    issue,
)

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - timedelta(days=30)


def aged(*records) -> None:  # noqa: ANN002
    """Put the records' versions in the past, so any stamp shows."""
    for record in records:
        type(record).objects.filter(pk=record.pk).update(updated_at=LONG_AGO)


def version(record) -> object:  # noqa: ANN001
    return type(record).objects.values_list("updated_at", flat=True).get(pk=record.pk)


@pytest.fixture
def step(django_capture_on_commit_callbacks):  # noqa: ANN001, ANN201
    """`with step(): ...` = one committed transaction, as one user request is (the test itself runs in
    a transaction that never commits, so without this every change would share one)."""

    @contextmanager
    def block():  # noqa: ANN202
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            yield

    return block


def test_a_provision_tag_added_from_either_side_stamps_its_law(step):
    with step():
        prov = ProvisionFactory()
    aged(prov.law)
    with step():
        prov.crime_types.add(crime("smuggling-of-migrants"))
    assert version(prov.law) > LONG_AGO
    aged(prov.law)
    with step():
        crime("trafficking-in-firearms").provisions.add(prov)  # the reverse side of the same link
    assert version(prov.law) > LONG_AGO


def test_people_and_charges_stamp_their_case_not_others(step):
    with step():
        case, other = CaseFactory(), CaseFactory()
    aged(case, other)
    with step():
        person = PersonFactory(case=case)
    assert version(case) > LONG_AGO
    aged(case)
    with step():
        ChargeFactory(case=case, defendant=person)
    assert version(case) > LONG_AGO
    assert version(other) == LONG_AGO


def test_a_country_rename_stamps_the_published_records_showing_it_nationalities_included(step):
    with step():
        law = LawFactory(country=country("BRA"))
        case_elsewhere = CaseFactory(country=country("ARG"))
        PersonFactory(case=case_elsewhere, nationality=country("BRA"))  # a Brazilian defendant in Argentina
        authority = AuthorityFactory(country=country("BRA"))
        draft = CaseFactory(country=country("BRA"), status=PublicationStatus.DRAFT)
        unrelated = CaseFactory(country=country("ARG"))
    aged(law, case_elsewhere, authority, draft, unrelated)
    with step():
        brazil = country("BRA")
        brazil.name = "Brasil"
        brazil.save()
    assert version(law) > LONG_AGO
    assert version(case_elsewhere) > LONG_AGO
    assert version(authority) > LONG_AGO
    assert version(draft) == LONG_AGO  # not public: stamped by its next edit
    assert version(unrelated) == LONG_AGO


def test_a_broader_issue_relabel_stamps_records_tagged_with_a_narrower_one(step):
    with step():
        case = CaseFactory()
        case.issues.add(issue("investigation.sit.controlled-delivery"))
    aged(case)
    with step():
        broad = issue("investigation")
        broad.label = "Investigations"
        broad.save()
    assert version(case) > LONG_AGO


def test_unchanged_reference_data_and_sort_order_stamp_nothing(step):
    with step():
        prov = ProvisionFactory(tags={"articles": ["TIP-3"], "crime_types": ["trafficking-in-persons"]})
    aged(prov.law)
    with step():
        load_reference_data()
        term = crime("trafficking-in-persons")
        term.sort_order = 99
        term.save()
    assert version(prov.law) == LONG_AGO


def test_pausing_indexing_does_not_pause_stamping(step):
    """Stamping is the record layer's rule (ETags, updated_since); pausing is only about indexing."""
    with step():
        case = CaseFactory()
    aged(case)
    with step(), signals.paused():
        PersonFactory(case=case)
    assert version(case) > LONG_AGO


def test_one_stamp_per_record_per_transaction(step):
    with step():
        case = CaseFactory()
    aged(case)
    with step():
        PersonFactory(case=case)
        stamped = version(case)
        PersonFactory(case=case)
        PersonFactory(case=case)
        assert version(case) == stamped  # the later parts found the record stamped already


def test_records_changed_stamps_records_changed_behind_signals(step):
    with step():
        cases = CaseFactory.create_batch(2, status=PublicationStatus.IN_REVIEW)
    aged(*cases)
    with step():
        Case.objects.filter(pk__in=[c.pk for c in cases]).update(status=PublicationStatus.PUBLISHED)
        records_changed(Case, [c.pk for c in cases])
    assert all(version(c) > LONG_AGO for c in cases)


def test_deleting_a_provision_stamps_its_law(step):
    with step():
        law = LawFactory()
        prov = ProvisionFactory(law=law)
    aged(law)
    with step():
        prov.delete()
    assert Law.objects.get(pk=law.pk).updated_at > LONG_AGO
