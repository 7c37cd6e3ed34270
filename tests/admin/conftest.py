"""Fixtures for the admin tests: a signed-in secretariat superuser and a few records of each family."""

import pytest
from django.test import Client

from tests.factories import (
    AuthorityFactory,
    CaseFactory,
    MaterialFactory,
    PersonFactory,
    ProvisionFactory,
    StrategyFactory,
    UserFactory,
)


@pytest.fixture
def superuser(db):  # noqa: ANN001, ANN201
    return UserFactory(username="secretariat", is_staff=True, is_superuser=True)


@pytest.fixture
def staff_client(client: Client, superuser) -> Client:  # noqa: ANN001
    """The Django test client signed in as a secretariat superuser."""
    client.force_login(superuser)
    return client


@pytest.fixture
def records(db):  # noqa: ANN001, ANN201
    """One record of every family, with the related rows their inlines show."""
    provision = ProvisionFactory(tags={"articles": [("UNTOC-18", "13")], "crime_types": ["trafficking-in-persons"]})
    case = CaseFactory(tags={"articles": ["TIP-3"], "crime_types": ["trafficking-in-persons"]})
    person = PersonFactory(case=case)
    authority = AuthorityFactory(articles=[("UNTOC-18", "13")])
    strategy = StrategyFactory(tags={"articles": ["UNTOC-5"], "crime_types": ["trafficking-in-persons"]})
    material = MaterialFactory(law=provision.law, tags={"articles": ["UNTOC-2"]})
    return {
        "law": provision.law,
        "provision": provision,
        "case": case,
        "person": person,
        "authority": authority,
        "strategy": strategy,
        "material": material,
    }
