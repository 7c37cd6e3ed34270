"""Strategy status from the period, the database's period rule, and a material keeping its law's country."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from strategies.models import StrategyStatus, strategy_status
from tests.factories import LawFactory, MaterialFactory, StrategyFactory, country

TODAY = dt.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("superseded", "end", "status"),
    [
        (False, None, StrategyStatus.CURRENT),  # open-ended
        (False, dt.date(2026, 6, 1), StrategyStatus.CURRENT),  # its last day
        (False, dt.date(2026, 5, 31), StrategyStatus.EXPIRED),
        (True, dt.date(2030, 1, 1), StrategyStatus.SUPERSEDED),  # recorded, whatever the period says
        (True, None, StrategyStatus.SUPERSEDED),
    ],
)
def test_status_follows_the_period_unless_superseded(superseded, end, status) -> None:  # noqa: ANN001
    assert strategy_status(superseded, end, TODAY) == status


@pytest.mark.django_db
def test_database_refuses_a_period_ending_before_it_starts() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        StrategyFactory(period_start=dt.date(2024, 1, 1), period_end=dt.date(2023, 12, 31))
    StrategyFactory(period_start=None, period_end=dt.date(2023, 12, 31))  # either end may be open


@pytest.mark.django_db
def test_material_takes_and_keeps_its_laws_country() -> None:
    law = LawFactory(country=country("BRA"))
    memo = MaterialFactory(law=law)
    assert memo.country == country("BRA")
    law.country = country("ARG")
    law.save()
    memo.refresh_from_db()
    assert memo.country == country("ARG")
    other = LawFactory(country=country("FRA"))
    memo.law = other
    memo.save()
    memo.refresh_from_db()
    assert memo.country == country("FRA")
