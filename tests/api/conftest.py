"""Fixtures for the REST API tests: a small published corpus with one unpublished record of each kind,
API clients (anonymous, with a token, as a practitioner), and a clean throttle cache per test."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from rest_framework.test import APIClient

from apikeys.models import ApiToken
from apikeys.scopes import Scope
from caselaw.models import CourtLevel, Gender, PersonKind, PersonRole, Verdict
from sherloc.models import PublicationStatus
from tests.factories import (
    AuthorityFactory,
    CaseFactory,
    ChargeFactory,
    CourtFactory,
    LawFactory,
    PersonFactory,
    ProvisionFactory,
    UserFactory,
    country,
)


@pytest.fixture(autouse=True)
def _clear_throttles():  # noqa: ANN202
    """Throttle counters live in the cache: without this, tests would throttle each other."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def issue_token(db):  # noqa: ANN001, ANN201
    def issue(scopes: list[str] | None = None, **kwargs) -> tuple[ApiToken, str]:  # noqa: ANN003
        user = kwargs.pop("user", None) or UserFactory()
        return ApiToken.issue(name=kwargs.pop("name", "Test client"), user=user, scopes=scopes or [], **kwargs)

    return issue


@pytest.fixture
def contacts_client(issue_token) -> APIClient:  # noqa: ANN001
    _, key = issue_token([Scope.READ_CONTACTS])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def practitioner(db):  # noqa: ANN001, ANN201
    user = UserFactory(username="prosecutor")
    user.groups.add(Group.objects.get_or_create(name="practitioners")[0])
    return user


@pytest.fixture
def corpus(db) -> dict:  # noqa: ANN001
    """Two published laws (BRA with tagged provisions, FRA repealed), two published cases, two published
    authorities, and one draft of each family that must never appear."""
    bra_law = LawFactory(
        title="Penal Code amendment on trafficking", country=country("BRA"), adoption_date=dt.date(2016, 10, 6)
    )
    p1 = ProvisionFactory(
        law=bra_law,
        order=1,
        label="Art. 149-A",
        tags={
            "articles": ["TIP-3", ("TIP-5", "1")],
            "crime_types": ["trafficking-in-persons"],
            "issues": ["investigation.sit.undercover"],
        },
    )
    p2 = ProvisionFactory(
        law=bra_law, order=2, label="Art. 149-B", tags={"articles": [("UNTOC-18", "13")], "issues": ["jurisdiction"]}
    )
    fra_law = LawFactory(
        title="Code de procédure pénale",
        country=country("FRA"),
        adoption_date=dt.date(2004, 3, 9),
        entry_into_force_date=dt.date(2004, 10, 1),
        legal_status="repealed",
    )
    p3 = ProvisionFactory(law=fra_law, order=1, label="Art. 706-73", tags={"articles": ["UNTOC-5"]})
    draft_law = LawFactory(title="Draft bill", status=PublicationStatus.DRAFT, country=country("BRA"))
    ProvisionFactory(law=draft_law, order=1, tags={"articles": ["TIP-3"]})

    bra_case = CaseFactory(
        title="Ministério Público v. R.S.",
        country=country("BRA"),
        decision_date=dt.date(2019, 5, 14),
        tags={"articles": ["TIP-3"], "crime_types": ["trafficking-in-persons"], "issues": ["investigation"]},
    )
    defendant = PersonFactory(case=bra_case, order=1, name="R.S. Souza", gender=Gender.MALE, age_at_offence=41)
    PersonFactory(case=bra_case, order=2, role=PersonRole.VICTIM, name="M.R.", gender=Gender.FEMALE)
    PersonFactory(case=bra_case, order=3, role=PersonRole.DEFENDANT, kind=PersonKind.GROUP, name="Gang", group_size=5)
    ChargeFactory(case=bra_case, defendant=defendant, provision=p1, verdict=Verdict.CONVICTED, sentence="8 years")
    xir_court = CourtFactory(
        country=country("XIR"), name="European Court of Human Rights", level=CourtLevel.INTERNATIONAL
    )
    xir_case = CaseFactory(
        title="Rantsev v. Cyprus and Russia",
        country=country("XIR"),
        court=xir_court,
        decision_date=dt.date(2010, 1, 7),
        tags={"articles": [("UNTOC-18", "13")], "crime_types": ["money-laundering"]},
    )
    draft_case = CaseFactory(title="Unpublished case", status=PublicationStatus.IN_REVIEW)

    bra_auth = AuthorityFactory(
        name="Departamento de Recuperação de Ativos",
        country=country("BRA"),
        roles=["mla-central", "extradition"],
        articles=[("UNTOC-18", "13")],
        contact_person="Dr. A. Silva",
    )
    fra_auth = AuthorityFactory(name="Bureau de l'entraide pénale", country=country("FRA"), roles=["extradition"])
    draft_auth = AuthorityFactory(name="Withdrawn authority", status=PublicationStatus.WITHDRAWN)
    return {
        "bra_law": bra_law,
        "fra_law": fra_law,
        "draft_law": draft_law,
        "provisions": [p1, p2, p3],
        "bra_case": bra_case,
        "xir_case": xir_case,
        "draft_case": draft_case,
        "bra_auth": bra_auth,
        "fra_auth": fra_auth,
        "draft_auth": draft_auth,
    }


def ids(response) -> list[int]:  # noqa: ANN001
    return [item["id"] for item in response.json()["results"]]


@pytest.fixture
def indexed_corpus(corpus) -> dict:  # noqa: ANN001
    """The corpus, indexed through the real path (save signals -> on_commit -> eager task -> engine).

    The test transaction never commits, so run its on-commit callbacks now, as a commit would (what
    django_capture_on_commit_callbacks(execute=True) does for callbacks registered inside it)."""
    from django.db import transaction

    from taxonomy import registry

    registry.clear()
    connection = transaction.get_connection()
    callbacks, connection.run_on_commit = connection.run_on_commit, []
    for _savepoints, callback, _robust in callbacks:
        callback()
    return corpus
