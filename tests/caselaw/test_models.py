"""Case law constraints: no future decisions, victims by initials only, plausible people rows."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from caselaw.models import Person, PersonKind, PersonRole
from caselaw.rules import latest_decision_date, validate_decision_date
from tests.factories import CaseFactory, ChargeFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_decision_date_cannot_be_in_the_future():
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseFactory(decision_date=timezone.now().date() + dt.timedelta(days=30))
    case = CaseFactory(decision_date=timezone.now().date())
    case.decision_date = dt.date(2999, 1, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        case.save()


def test_the_decision_date_validator_has_the_databases_limit():
    """caselaw.rules is the one limit the admin, the forms, the importer and the API use: it must be the
    database's (today in UTC + 1 day), neither stricter nor looser."""
    latest = latest_decision_date()
    assert latest == timezone.now().date() + dt.timedelta(days=1)
    validate_decision_date(latest)
    validate_decision_date(None)
    CaseFactory(decision_date=latest)  # the database agrees
    with pytest.raises(ValidationError) as refused:
        validate_decision_date(latest + dt.timedelta(days=1))
    assert refused.value.code == "future"
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseFactory(decision_date=latest + dt.timedelta(days=1))


@pytest.mark.parametrize("name", ["M.R.", "A.", "J. K.", "Ma.L."])
def test_victim_initials_accepted(name):
    PersonFactory(role=PersonRole.VICTIM, name=name)


@pytest.mark.parametrize("name", ["Maria Rodrigues", "M R", "maria", ""])
def test_victim_full_name_refused(name):
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(role=PersonRole.VICTIM, name=name)


def test_group_size_only_for_groups_and_age_plausible():
    PersonFactory(kind=PersonKind.GROUP, name="Network", group_size=12)
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(kind=PersonKind.PERSON, group_size=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(age_at_offence=300)


def test_charges_belong_to_defendants_and_cascade():
    charge = ChargeFactory(verdict="convicted", sentence="8 years", sentence_months=96)
    case = charge.case
    assert list(case.charges.values_list("defendant__name", flat=True)) == [charge.defendant.name]
    case.delete()
    assert not Person.objects.filter(pk=charge.defendant_id).exists()
