"""Crime sub-types as a facet and filter of /api/v1/search/ and of /api/v1/cases/ (issue #14 part 3)."""

import pytest
from django.db import transaction

from taxonomy.models import CrimeSubType
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

MEANS = "trafficking-in-persons.means"


@pytest.fixture
def subtype_cases() -> dict:
    """Three published cases with sub-types, indexed through the save signals and on-commit tasks."""

    def case(title: str, *codes: str) -> object:
        record = CaseFactory(title=title, tags={"crime_types": ["trafficking-in-persons"]})
        record.crime_subtypes.set(CrimeSubType.objects.filter(code__in=codes))
        return record

    cases = {
        "deception": case("Deception case", f"{MEANS}.deception", "trafficking-in-persons.acts.recruitment"),
        "abduction": case("Abduction case", f"{MEANS}.abduction"),
        "recruitment": case("Recruitment case", "trafficking-in-persons.acts.recruitment"),
    }
    connection = transaction.get_connection()
    callbacks, connection.run_on_commit = connection.run_on_commit, []
    for _savepoints, callback, _robust in callbacks:
        callback()
    return cases


def get(api, query: str, status: int = 200) -> dict:  # noqa: ANN001
    response = api.get(f"/api/v1/search/?{query}")
    assert response.status_code == status, response.content
    return response.json()


def test_facet_holds_values_and_families_labelled_in_the_language(api, subtype_cases) -> None:  # noqa: ANN001
    facet = get(api, "facets=crime_subtype&lang=fr")["facets"]["crime_subtype"]
    by_value = {f["value"]: (f["label"], f["count"]) for f in facet}
    assert by_value[MEANS] == ("Moyens", 2)
    assert by_value[f"{MEANS}.deception"] == ("Tromperie", 1)
    assert by_value["trafficking-in-persons.acts"] == ("Actes", 2)
    assert by_value["trafficking-in-persons.acts.recruitment"] == ("Recrutement", 2)


def test_a_family_filters_as_a_whole_and_values_or_together(api, subtype_cases) -> None:  # noqa: ANN001
    titles = {h["title"] for h in get(api, f"crime_subtype={MEANS}")["results"]}
    assert titles == {"Deception case", "Abduction case"}
    body = get(api, f"crime_subtype={MEANS}.abduction,trafficking-in-persons.acts.recruitment&facets=crime_subtype")
    assert {h["title"] for h in body["results"]} == {"Abduction case", "Deception case", "Recruitment case"}
    # Multi-select: the facet leaves out its own filter, so deception keeps its count.
    assert {f["value"]: f["count"] for f in body["facets"]["crime_subtype"]}[f"{MEANS}.deception"] == 1


def test_unknown_sub_type_code_is_a_400_naming_it(api, db) -> None:  # noqa: ANN001
    body = get(api, "crime_subtype=trafficking-in-persons.means.telepathy", status=400)
    assert "crime_subtype" in body["errors"]
    assert "trafficking-in-persons.means.telepathy" in str(body["errors"]["crime_subtype"])


def test_record_lists_filter_a_family_too(api, subtype_cases) -> None:  # noqa: ANN001
    response = api.get(f"/api/v1/cases/?crime_subtype={MEANS}")
    assert response.status_code == 200, response.content
    assert {c["title"] for c in response.json()["results"]} == {"Deception case", "Abduction case"}
    bad = api.get("/api/v1/cases/?crime_subtype=trafficking-in-persons.nope")
    assert bad.status_code == 400 and "trafficking-in-persons.nope" in str(bad.json()["errors"])
