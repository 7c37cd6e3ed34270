"""Admin pages cost a bounded number of queries however many rows they show (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from authorities.models import AuthorityArticle
from caselaw.models import CaseArticle
from taxonomy.models import Article
from tests.factories import (
    AuthorityFactory,
    CaseFactory,
    ChargeFactory,
    LawFactory,
    PersonFactory,
    ProvisionFactory,
    country,
    crime,
)

pytestmark = pytest.mark.django_db

COUNTRIES = ["BRA", "FRA", "NGA", "ITA", "ZAF", "IND", "MEX", "DEU", "JPN", "KEN"]


def query_count(client, url: str, params: dict | None = None) -> int:  # noqa: ANN001
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx)


def make_laws(n: int) -> None:
    for i in range(n):
        law = LawFactory(country=country(COUNTRIES[i % len(COUNTRIES)]))
        ProvisionFactory(law=law, tags={"articles": ["TIP-3"], "crime_types": ["trafficking-in-persons"]})


def make_cases(n: int) -> None:
    for i in range(n):
        CaseFactory(country=country(COUNTRIES[i % len(COUNTRIES)]), tags={"crime_types": ["trafficking-in-persons"]})


def make_authorities(n: int) -> None:
    for i in range(n):
        AuthorityFactory(country=country(COUNTRIES[i % len(COUNTRIES)]), roles=["mla-central", "extradition"])


CHANGELISTS = [
    ("admin:legislation_law_changelist", make_laws),
    ("admin:legislation_provision_changelist", make_laws),
    ("admin:caselaw_case_changelist", make_cases),
    ("admin:caselaw_court_changelist", make_cases),
    ("admin:authorities_competentauthority_changelist", make_authorities),
]


@pytest.mark.parametrize(("url_name", "make"), CHANGELISTS, ids=[c[0].split(":")[1] for c in CHANGELISTS])
def test_changelist_queries_do_not_grow_with_rows(staff_client, url_name, make, django_assert_max_num_queries) -> None:  # noqa: ANN001
    url = reverse(url_name)
    make(3)
    few = query_count(staff_client, url)
    make(57)
    with django_assert_max_num_queries(few):
        response = staff_client.get(url)
    assert len(response.context["cl"].result_list) >= 10


@pytest.mark.parametrize(
    "url_name",
    ["admin:taxonomy_article_changelist", "admin:taxonomy_country_changelist", "admin:taxonomy_issue_changelist"],
)
def test_vocabulary_changelists_are_bounded(staff_client, url_name, django_assert_max_num_queries) -> None:  # noqa: ANN001
    """107 articles, 100 countries a page, the issue tree with its paths: a handful of queries each."""
    with django_assert_max_num_queries(15):
        assert staff_client.get(reverse(url_name)).status_code == 200


def test_law_change_page_is_bounded_with_many_provisions(staff_client, django_assert_max_num_queries) -> None:  # noqa: ANN001
    law = LawFactory()
    ProvisionFactory.create_batch(3, law=law)
    url = reverse("admin:legislation_law_change", args=[law.pk])
    few = query_count(staff_client, url)
    ProvisionFactory.create_batch(60, law=law)
    with django_assert_max_num_queries(few):
        staff_client.get(url)


def _add_parties(case, n: int, offset: int) -> None:  # noqa: ANN001
    """People with a nationality, charges citing a provision, article tags: every autocomplete row type."""
    for i in range(n):
        person = PersonFactory(case=case, nationality=country(COUNTRIES[(offset + i) % len(COUNTRIES)]))
        ChargeFactory(defendant=person, provision=ProvisionFactory(), crime_type=crime())
        CaseArticle.objects.create(case=case, article=Article.objects.order_by("pk")[offset + i])


def test_case_change_page_is_bounded_with_many_people_and_charges(staff_client, django_assert_max_num_queries) -> None:  # noqa: ANN001
    case = CaseFactory()
    _add_parties(case, 2, 0)
    url = reverse("admin:caselaw_case_change", args=[case.pk])
    few = query_count(staff_client, url)
    _add_parties(case, 25, 2)
    with django_assert_max_num_queries(few):
        response = staff_client.get(url)
    html = response.content.decode()
    assert html.count("selected>France</option>") >= 2, "nationality labels still rendered"


def test_authority_change_page_is_bounded_with_many_article_tags(staff_client, django_assert_max_num_queries) -> None:  # noqa: ANN001
    authority = AuthorityFactory(articles=["UNTOC-16"])
    url = reverse("admin:authorities_competentauthority_change", args=[authority.pk])
    few = query_count(staff_client, url)
    for art in Article.objects.filter(instrument__code="UNTOC")[:20]:
        AuthorityArticle.objects.get_or_create(authority=authority, article=art, paragraph="1")
    with django_assert_max_num_queries(few):
        response = staff_client.get(url)
    assert "UNTOC-18: Mutual legal assistance" in response.content.decode()
