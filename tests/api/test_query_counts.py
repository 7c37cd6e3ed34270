"""No N+1: a page of records costs the same number of queries with 1 or 20 records on it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AuthorityFactory, CaseFactory, ChargeFactory, LawFactory, PersonFactory, ProvisionFactory

pytestmark = pytest.mark.django_db

TAGS = {
    "articles": ["TIP-3", ("UNTOC-18", "13")],
    "crime_types": ["trafficking-in-persons"],
    "issues": ["investigation"],
}


def make_laws(n: int) -> None:
    for _ in range(n):
        law = LawFactory()
        for order in (1, 2, 3):
            ProvisionFactory(law=law, order=order, tags=TAGS)


def make_cases(n: int) -> None:
    for _ in range(n):
        case = CaseFactory(tags=TAGS)
        person = PersonFactory(case=case)
        ChargeFactory(case=case, defendant=person)


def make_authorities(n: int) -> None:
    for _ in range(n):
        AuthorityFactory(articles=["UNTOC-18"], roles=["mla-central", "extradition"])


def count_queries(client, url: str) -> int:  # noqa: ANN001
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("url", "make", "budget"),
    [
        ("/api/v1/laws/?page_size=100", make_laws, 3),
        ("/api/v1/provisions/?page_size=100", make_laws, 7),
        ("/api/v1/cases/?page_size=100", make_cases, 11),
        ("/api/v1/authorities/?page_size=100", make_authorities, 6),
        ("/api/v1/cases/?page_size=100&country=BRA&article=TIP-3&issue=investigation", make_cases, 14),
    ],
)
def test_list_queries_do_not_grow_with_page(api, url, make, budget):
    make(1)
    count_queries(api, url)  # warm the vocabulary registry (one query per vocabulary, once per process)
    small = count_queries(api, url)
    make(15)
    large = count_queries(api, url)
    assert small == large, f"{small} queries for 1 record, {large} for 16"
    assert large <= budget


def test_law_detail_queries_constant(api, django_assert_max_num_queries):
    law = LawFactory()
    for order in range(1, 30):
        ProvisionFactory(law=law, order=order, tags=TAGS)
    with django_assert_max_num_queries(8):
        assert api.get(f"/api/v1/laws/{law.pk}/").status_code == 200


def test_case_detail_queries_constant(api, django_assert_max_num_queries):
    case = CaseFactory(tags=TAGS)
    for _ in range(10):
        ChargeFactory(case=case, defendant=PersonFactory(case=case))
    with django_assert_max_num_queries(10):
        assert api.get(f"/api/v1/cases/{case.pk}/").status_code == 200
