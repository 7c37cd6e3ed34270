"""Records with publication times, indexed, for the digest and feed tests.

`transaction.on_commit` never fires inside the test transaction, so the index is built explicitly
(search.indexing.rebuild) after the records exist.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from alerts.models import SavedSearch
from search.indexing import rebuild
from tests.factories import CaseFactory, LawFactory, ProvisionFactory, SavedSearchFactory, UserFactory, country

NOW = timezone.now().replace(microsecond=0)
SINCE = NOW - dt.timedelta(days=1, minutes=5)


@pytest.fixture
def fresh_records(db):  # noqa: ANN001, ANN201
    """Published yesterday: a Brazilian smuggling case and a law with two matching provisions; published
    last year: an older Brazilian smuggling case; published yesterday in France: another smuggling case."""
    bra, fra = country("BRA"), country("FRA")
    recent = NOW - dt.timedelta(hours=3)
    records = {
        "new_case": CaseFactory(
            country=bra,
            title="Prosecutor v. Smuggling Ring",
            fact_summary="Migrants smuggled by boat.",
            published_at=recent,
        ),
        "old_case": CaseFactory(
            country=bra,
            title="Prosecutor v. Old Ring",
            fact_summary="Migrants smuggled by lorry.",
            published_at=NOW - dt.timedelta(days=400),
        ),
        "french_case": CaseFactory(
            country=fra,
            title="Ministère public c. Passeurs",
            fact_summary="Migrants smuggled by car.",
            published_at=recent,
        ),
        "law": LawFactory(country=bra, title="Law on Migrant Smuggling", published_at=recent - dt.timedelta(hours=1)),
    }
    for order in (1, 2):
        ProvisionFactory(law=records["law"], order=order, text=f"Whoever smuggles migrants (part {order}).")
    rebuild()
    return records


@pytest.fixture
def subscriber(db):  # noqa: ANN001, ANN201
    return UserFactory(username="analyst", email="analyst@example.org")


def saved(user: object, query: str, frequency: str = "daily", language: str = "en", **kwargs: object) -> SavedSearch:
    return SavedSearchFactory(
        user=user, query=query, frequency=frequency, language=language, last_digest_at=SINCE, **kwargs
    )
