"""Treaty status rules in the database and the status service other apps call (treaties.status)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import AuthorityFactory, TreatyStatusFactory, article, country
from treaties import status as service
from treaties.models import Declaration, Notification, TreatyStatus

pytestmark = pytest.mark.django_db


def _instrument(code: str):  # noqa: ANN202
    from taxonomy.models import Instrument

    return Instrument.objects.get(code=code)


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"consent_kind": "ratification", "consent_date": None, "entry_into_force_date": None}, "with_date"),
        ({"consent_kind": "", "entry_into_force_date": None}, "with_date"),
        ({"consent_kind": "marriage"}, "consent_kind_known"),
        ({"entry_into_force_date": dt.date(2004, 1, 28)}, "entry_into_force_after_consent"),
        (
            {"consent_kind": "", "consent_date": None, "entry_into_force_date": dt.date(2004, 1, 1)},
            "entry_into_force_after_consent",
        ),
        ({"signature_date": dt.date(2004, 1, 30)}, "signature_not_after_consent"),
    ],
)
def test_database_refuses_inconsistent_dates(fields: dict, constraint: str) -> None:
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        TreatyStatusFactory(**fields)


def test_full_clean_names_the_broken_rule() -> None:
    status = TreatyStatus(
        country=country("BRA"),
        instrument=_instrument("UNTOC"),
        signature_date=dt.date(2005, 1, 1),
        consent_kind="ratification",
        consent_date=dt.date(2004, 1, 1),
    )
    with pytest.raises(ValidationError, match="signature cannot be after the consent"):
        status.full_clean()


def test_one_status_per_country_and_instrument() -> None:
    TreatyStatusFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        TreatyStatus.objects.create(country=country("BRA"), instrument=_instrument("UNTOC"))


def test_children_belong_to_the_status_instrument_and_country() -> None:
    status = TreatyStatusFactory()
    with pytest.raises(ValidationError, match="article must belong"):
        Declaration(status=status, kind="reservation", article=article("TIP-3"), text="x").full_clean()
    other = AuthorityFactory(country=country("FRA"))
    with pytest.raises(ValidationError, match="same country"):
        Notification(status=status, article=article("UNTOC-18"), paragraph="13", text="x", authority=other).full_clean()


def test_a_child_change_moves_the_status_updated_at() -> None:
    status = TreatyStatusFactory()
    TreatyStatus.objects.filter(pk=status.pk).update(updated_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    Declaration.objects.create(status=status, kind="declaration", text="x")
    status.refresh_from_db()
    assert status.updated_at.year > 2020


def test_is_party_answers_none_when_nothing_is_recorded() -> None:
    TreatyStatusFactory(country=country("BRA"))
    TreatyStatusFactory(country=country("FRA"), consent_kind="", consent_date=None, entry_into_force_date=None)
    assert service.is_party("BRA", "untoc") is True
    assert service.is_party(country("FRA"), "UNTOC") is False
    assert service.is_party("NGA", "UNTOC") is None
    assert service.is_party("BRA", "UNTOC", on=dt.date(2003, 1, 1)) is False  # before its consent
    assert service.bound_on("BRA", "UNTOC", on=dt.date(2004, 2, 1)) is False  # consented, not yet in force
    assert service.bound_on("BRA", "UNTOC", on=dt.date(2004, 3, 1)) is True
    assert service.status_for("bra", "UNTOC").consent_kind == "ratification"
    assert [s.country.alpha3 for s in service.parties("UNTOC")] == ["BRA"]
    assert list(service.parties(_instrument("TIP"))) == []
