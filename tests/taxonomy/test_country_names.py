"""Country names as people read them; the UN formal name where a formal name is meant (issue #14)."""

import pytest

from taxonomy.models import Country
from taxonomy.reference import readable_name


@pytest.mark.django_db
def test_loaded_names_drop_the_sorting_article_and_keep_meaningful_parentheses() -> None:
    names = dict(
        Country.objects.filter(alpha3__in=["PHL", "USA", "NLD", "BOL", "BHS", "VAT"]).values_list("alpha3", "name")
    )
    assert names == {
        "PHL": "Philippines",
        "USA": "United States of America",
        "NLD": "Netherlands",
        "BOL": "Bolivia (Plurinational State of)",
        "BHS": "Bahamas",
        "VAT": "Holy See",
    }
    philippines = Country.objects.get(alpha3="PHL")
    assert philippines.formal_name == "the Republic of the Philippines"
    assert philippines.translations["fr"] == "Philippines" and philippines.translations["es"] == "Filipinas"


def test_readable_name_rules() -> None:
    assert readable_name("Netherlands (Kingdom of the)") == "Netherlands"
    assert readable_name("Cook Islands (the) **") == "Cook Islands"
    assert readable_name("Bahamas (les)") == "Bahamas"
    assert readable_name("Iran (République islamique d')") == "Iran (République islamique d')"
    assert readable_name("Micronesia (Federated States of)") == "Micronesia (Federated States of)"


@pytest.mark.django_db
def test_country_list_sorts_by_readable_name(client) -> None:  # noqa: ANN001
    html = client.get("/en/countries/").content.decode()
    # Western Europe, in the readable order: Monaco, Netherlands, Switzerland.
    assert html.index(">Monaco<") < html.index(">Netherlands<") < html.index(">Switzerland<")
    assert "(the)" not in html
