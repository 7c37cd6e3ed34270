"""Vocabularies on the pages: the sub-type tree in the search sidebar, sub-types labelled with their
family on case pages, and facets that read in the page's language (issue #14 parts 3 and 5)."""

import pytest

from search.indexing import rebuild
from taxonomy.models import CrimeSubType

pytestmark = pytest.mark.django_db

DECEPTION = "trafficking-in-persons.means.deception"


@pytest.fixture
def tagged(web_data):  # noqa: ANN001, ANN201
    web_data.case.crime_subtypes.set(
        CrimeSubType.objects.filter(code__in=[DECEPTION, "trafficking-in-persons.purposes.sexual-exploitation"])
    )
    rebuild()
    return web_data


def test_sidebar_nests_families_and_values_under_the_crime_type(client, tagged) -> None:  # noqa: ANN001
    response = client.get("/en/search/", {"crime_subtype": DECEPTION})
    assert response.status_code == 200
    crime_panel = next(p for p in response.context["panels"] if p.name == "crime_type")
    tip = next(o for o in crime_panel.options if o.value == "trafficking-in-persons")
    families = {o.value: o for o in tip.children}
    assert set(families) == {"trafficking-in-persons.means", "trafficking-in-persons.purposes"}
    means = families["trafficking-in-persons.means"]
    assert (means.name, means.label) == ("crime_subtype", "Means")
    assert [(o.value, o.label, o.selected) for o in means.children] == [(DECEPTION, "Deception", True)]
    assert tip.open  # something inside is ticked
    body = response.content.decode()
    assert f'name="crime_subtype" value="{DECEPTION}" checked' in body
    # The chip names the family.
    assert any(c["label"] == "Means: Deception" for c in response.context["chips"])


def test_case_page_labels_each_sub_type_with_its_family(client, tagged) -> None:  # noqa: ANN001
    body = client.get(tagged.case.get_absolute_url()).content.decode()
    assert "Means: Deception" in body and "Purposes: Sexual exploitation" in body
    assert f"crime_subtype={DECEPTION}" in body


def test_arabic_search_page_facets_read_in_arabic(client, tagged) -> None:  # noqa: ANN001
    response = client.get("/ar/search/")
    assert response.status_code == 200
    labels = {}
    for panel in response.context["panels"]:
        stack = list(panel.options) + list(panel.more)
        while stack:
            option = stack.pop()
            labels[(option.name, option.value)] = option.label
            stack.extend(option.children)
    assert labels[("crime_type", "trafficking-in-persons")] == "الاتجار بالأشخاص"
    assert labels[("crime_subtype", "trafficking-in-persons.means")] == "الوسائل"
    assert labels[("crime_subtype", DECEPTION)] == "الخداع"
    assert labels[("country", "BRA")] == "البرازيل"
    assert labels[("region", "419")] == "أمريكا اللاتينية ومنطقة البحر الكاريبي"
    assert labels[("article", "TIP-3")] == "3. المصطلحات المستخدمة"
    assert labels[("issue", "liability")] == "المسؤولية الجنائية"
    # Every vocabulary option of the sidebar reads in Arabic script, not in English.
    english = {key: label for key, label in labels.items() if key[0] != "year" and label.isascii()}
    assert not english, english
    body = response.content.decode()
    assert "الاتجار بالأشخاص" in body and "Trafficking in persons" not in body
