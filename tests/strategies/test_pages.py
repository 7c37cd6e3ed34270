"""Strategy page, the law page's explanatory materials, and the country, international and article pages."""

import datetime as dt

import pytest

from sherloc.models import PublicationStatus
from tests.factories import LawFactory, MaterialFactory, StrategyFactory, article, country

pytestmark = pytest.mark.django_db


def test_strategy_page_with_citation_status_and_tags(client):
    strategy = StrategyFactory(
        title="National Strategy against Organized Crime 2015-2020",
        original_title="Estratégia Nacional",
        issuing_body="Council of Ministers",
        adoption_date=dt.date(2015, 2, 1),
        period_start=dt.date(2015, 1, 1),
        period_end=dt.date(2020, 12, 31),
        summary="<p>Five pillars.</p><script>alert(1)</script>",
        tags={"articles": [("UNTOC-5", "1")], "crime_types": ["trafficking-in-persons"]},
    )
    body = client.get(f"/fr/strategies/{strategy.pk}/").content.decode()
    assert "National Strategy against Organized Crime 2015-2020" in body and "Estratégia Nacional" in body
    assert "Expir" in body  # the period ended: expired
    assert "<p>Five pillars.</p>" in body and "<script>alert(1)</script>" not in body
    assert "UNTOC 5(1)" in body
    # Each part of the citation isolated for mixed-direction text (portal's citation tag)
    assert (
        "<bdi>National Strategy against Organized Crime 2015-2020</bdi>, <bdi>Council of Ministers</bdi> "
        "(<bdi>Brésil</bdi>, <bdi>2015</bdi>)." in body
    )


def test_unpublished_or_unknown_strategy_is_404(client):
    draft = StrategyFactory(status=PublicationStatus.IN_REVIEW)
    assert client.get(f"/en/strategies/{draft.pk}/").status_code == 404
    assert client.get("/en/strategies/999999/").status_code == 404


def test_regional_strategy_on_the_pages_of_its_covered_countries_and_xir(client):
    plan = StrategyFactory(
        title="ECOWAS Plan of Action",
        country=country("XIR"),
        covered=["NGA", "GHA"],
        tags={"crime_types": ["trafficking-in-persons"]},
    )
    national = StrategyFactory(title="Nigeria National Action Plan", country=country("NGA"))
    nga = client.get("/en/countries/NGA/").content.decode()
    assert "ECOWAS Plan of Action" in nga and "Nigeria National Action Plan" in nga
    assert "<strong>2</strong> strategies and policies" in nga
    # the crime-type table counts the regional plan for each country it covers
    assert (
        "country=GHA&amp;crime_type=trafficking-in-persons&amp;type=strategy"
        in client.get("/en/countries/GHA/").content.decode()
    )
    assert "ECOWAS Plan of Action" in client.get("/en/countries/GHA/").content.decode()
    assert "Nigeria National Action Plan" not in client.get("/en/countries/GHA/").content.decode()
    assert "ECOWAS Plan of Action" in client.get("/en/countries/XIR/").content.decode()
    body = client.get(f"/en/strategies/{plan.pk}/").content.decode()
    assert "Countries covered" in body and "Nigeria" in body and "Ghana" in body
    assert national.pk


def test_material_on_its_law_page_country_and_article_page(client):
    law = LawFactory(title="Organized Crime Act", country=country("FRA"))
    memo = MaterialFactory(law=law, title="Memorandum on the Act", tags={"articles": ["UNTOC-5"]})
    StrategyFactory(title="Tagged strategy", tags={"articles": ["UNTOC-5"]})
    law_page = client.get(f"/en/laws/{law.pk}/").content.decode()
    assert f'id="material-{memo.pk}"' in law_page and "Explanatory memorandum" in law_page
    assert "Memorandum on the Act" in client.get("/en/countries/FRA/").content.decode()
    code = article("UNTOC-5")
    page = client.get(f"/en/instruments/UNTOC/articles/{code.number}/").content.decode()
    assert "Tagged strategy" in page and "Memorandum on the Act" in page


def test_material_of_an_unpublished_law_is_not_listed(client):
    law = LawFactory(status=PublicationStatus.DRAFT, country=country("FRA"))
    MaterialFactory(law=law, title="Memo of a draft law")
    assert "Memo of a draft law" not in client.get("/en/countries/FRA/").content.decode()


def test_home_and_country_list_count_strategies_and_materials(client):
    """A regional strategy counts under each State it covers, in the search's counts and the database's."""
    from portal.views.home import counts_from_database, counts_from_search
    from search import indexing

    law = LawFactory(country=country("BRA"), status=PublicationStatus.PUBLISHED)
    MaterialFactory(law=law, title="Memorandum on the Act")
    MaterialFactory(law=law, title="Draft memorandum", status=PublicationStatus.DRAFT)
    StrategyFactory(country=country("BRA"), title="Brazilian plan")
    regional = StrategyFactory(country=country("XIR"), title="ECOWAS Regional Action Plan", covered=["GHA", "NGA"])
    StrategyFactory(country=country("GHA"), title="Unpublished plan", status=PublicationStatus.DRAFT)
    indexing.rebuild()

    home = client.get("/en/")

    assert home.context["totals"]["strategies"] == 2 and home.context["totals"]["materials"] == 1
    body = home.content.decode()
    assert "<strong>2</strong> strategies and policies" in body and "<strong>1</strong> explanatory material" in body
    assert f'href="/en/strategies/{regional.pk}/"' in body  # among the recently published
    assert counts_from_search() == counts_from_database()
    assert counts_from_database()["country"]["GHA"] == 1

    rows = {
        row["country"].alpha3: row for _region, group in client.get("/en/countries/").context["groups"] for row in group
    }
    assert (rows["BRA"]["laws"], rows["BRA"]["strategies"]) == (1, 1)
    assert (rows["GHA"]["strategies"], rows["NGA"]["strategies"], rows["XIR"]["strategies"]) == (1, 1, 1)
    assert rows["FRA"]["strategies"] == 0
