"""List filters and search return the right rows, once each, and reject malformed values."""

import datetime as dt

import pytest
from django.urls import reverse

from caselaw.models import CourtLevel
from sherloc.models import PublicationStatus
from taxonomy.models import AuthorityRole, Instrument
from tests.factories import (
    AuthorityFactory,
    CaseFactory,
    CourtFactory,
    LawFactory,
    ProvisionFactory,
    article,
    country,
    crime,
)

pytestmark = pytest.mark.django_db

LAWS = reverse("admin:legislation_law_changelist")
PROVISIONS = reverse("admin:legislation_provision_changelist")
CASES = reverse("admin:caselaw_case_changelist")
AUTHORITIES = reverse("admin:authorities_competentauthority_changelist")
COURTS = reverse("admin:caselaw_court_changelist")


def listed(client, url: str, **params: object) -> list:  # noqa: ANN001
    response = client.get(url, params)
    assert response.status_code == 200, response.get("Location")
    return list(response.context["cl"].result_list)


@pytest.fixture
def laws(db):  # noqa: ANN001, ANN201
    bra = LawFactory(country=country("BRA"), title="Brazilian trafficking law")
    ProvisionFactory(law=bra, tags={"articles": ["TIP-3"], "crime_types": ["trafficking-in-persons"]})
    ProvisionFactory(law=bra, tags={"articles": [("TIP-3", "a")], "crime_types": ["trafficking-in-persons"]})
    fra = LawFactory(country=country("FRA"), title="French cooperation law", status=PublicationStatus.DRAFT)
    ProvisionFactory(law=fra, text="Entraide judiciaire.", tags={"articles": [("UNTOC-18", "13")]})
    nga = LawFactory(country=country("NGA"), title="Nigerian firearms law")
    ProvisionFactory(law=nga, tags={"crime_types": ["trafficking-in-firearms"]})
    return {"BRA": bra, "FRA": fra, "NGA": nga}


def test_law_filter_by_country(staff_client, laws) -> None:  # noqa: ANN001
    assert listed(staff_client, LAWS, country=country("FRA").pk) == [laws["FRA"]]


def test_law_filter_by_status(staff_client, laws) -> None:  # noqa: ANN001
    assert listed(staff_client, LAWS, status__exact="draft") == [laws["FRA"]]


def test_law_filter_by_crime_type_lists_each_law_once(staff_client, laws) -> None:  # noqa: ANN001
    """The Brazilian law has two provisions tagged trafficking: it must appear once."""
    assert listed(staff_client, LAWS, crime_type=crime("trafficking-in-persons").pk) == [laws["BRA"]]


def test_law_filter_by_article_of_its_provisions(staff_client, laws) -> None:  # noqa: ANN001
    assert listed(staff_client, LAWS, article=article("TIP-3").pk) == [laws["BRA"]]
    assert listed(staff_client, LAWS, article=article("UNTOC-18").pk) == [laws["FRA"]]


def test_law_filter_by_instrument(staff_client, laws) -> None:  # noqa: ANN001
    untoc = Instrument.objects.get(code="UNTOC")
    assert listed(staff_client, LAWS, instrument=untoc.pk) == [laws["FRA"]]


def test_law_filters_combine(staff_client, laws) -> None:  # noqa: ANN001
    params = {"country": country("BRA").pk, "crime_type": crime("trafficking-in-firearms").pk}
    assert listed(staff_client, LAWS, **params) == []


def test_law_search_reaches_provision_text(staff_client, laws) -> None:  # noqa: ANN001
    assert listed(staff_client, LAWS, q="entraide") == [laws["FRA"]]


def test_malformed_filter_value_is_refused_not_a_server_error(staff_client, laws) -> None:  # noqa: ANN001
    response = staff_client.get(LAWS, {"article": "not-a-number"})
    assert response.status_code == 302
    assert "e=1" in response["Location"]


def test_selected_autocomplete_filter_shows_its_term(staff_client, laws) -> None:  # noqa: ANN001
    html = staff_client.get(LAWS, {"country": country("FRA").pk}).content.decode()
    assert 'data-model-name="law" data-field-name="country"' in html
    assert f'<option value="{country("FRA").pk}" selected>France</option>' in html
    assert "admin/js/autocomplete.js" in html


def test_provision_filters(staff_client, laws) -> None:  # noqa: ANN001
    rows = listed(staff_client, PROVISIONS, article=article("TIP-3").pk)
    assert {p.law for p in rows} == {laws["BRA"]} and len(rows) == 2
    assert {p.law for p in listed(staff_client, PROVISIONS, country=country("NGA").pk)} == {laws["NGA"]}


@pytest.fixture
def cases(db):  # noqa: ANN001, ANN201
    first = CourtFactory(country=country("BRA"), name="1st Federal Criminal Court", level=CourtLevel.FIRST_INSTANCE)
    bra = CaseFactory(
        country=country("BRA"),
        court=first,
        decision_date=dt.date(2018, 3, 1),
        tags={"articles": [("TIP-3", "a"), "TIP-3"], "crime_types": ["trafficking-in-persons"]},
    )
    ita = CaseFactory(
        country=country("ITA"),
        status=PublicationStatus.IN_REVIEW,
        tags={"articles": ["UNTOC-5"], "crime_types": ["organized-criminal-group"]},
    )
    return {"BRA": bra, "ITA": ita}


def test_case_filters(staff_client, cases) -> None:  # noqa: ANN001
    assert listed(staff_client, CASES, country=country("ITA").pk) == [cases["ITA"]]
    assert listed(staff_client, CASES, status__exact="in_review") == [cases["ITA"]]
    assert listed(staff_client, CASES, court__level__exact="first_instance") == [cases["BRA"]]
    assert listed(staff_client, CASES, crime_type=crime("trafficking-in-persons").pk) == [cases["BRA"]]
    assert listed(staff_client, CASES, article=article("TIP-3").pk) == [cases["BRA"]]  # two tags, one row
    assert listed(staff_client, CASES, year=2018) == [cases["BRA"]]
    assert listed(staff_client, CASES, q=cases["ITA"].portal_number) == [cases["ITA"]]


def test_case_year_filter_offers_the_years_on_file(staff_client, cases) -> None:  # noqa: ANN001
    html = staff_client.get(CASES).content.decode()
    assert "?year=2018" in html and "?year=2019" in html


def test_authority_filters_and_search(staff_client) -> None:  # noqa: ANN001
    mla = AuthorityFactory(country=country("BRA"), roles=["mla-central"], email="dci@example.gov.br")
    ext = AuthorityFactory(country=country("ZAF"), roles=["extradition"], status=PublicationStatus.DRAFT)
    role = AuthorityRole.objects.get(code="extradition")
    assert listed(staff_client, AUTHORITIES, role=role.pk) == [ext]
    assert listed(staff_client, AUTHORITIES, country=country("BRA").pk) == [mla]
    assert listed(staff_client, AUTHORITIES, status__exact="draft") == [ext]
    assert listed(staff_client, AUTHORITIES, q="dci@example") == [mla]


def test_court_search_and_country_filter(staff_client, cases) -> None:  # noqa: ANN001
    rows = listed(staff_client, COURTS, q="criminal")
    assert [c.name for c in rows] == ["1st Federal Criminal Court"]
    assert {c.country.alpha3 for c in listed(staff_client, COURTS, country=country("ITA").pk)} == {"ITA"}
