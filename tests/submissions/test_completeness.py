"""One set of "complete enough to submit" rules (submissions/completeness.py) for the web forms and the API.

The rules are checked here through the service function, then the same incomplete record is submitted
through each path (the focal point's form and POST /api/v1/submissions/): both refuse it, naming the same
missing pieces with the same messages, and both let it be kept as a draft.
"""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from authorities.models import CompetentAuthority
from caselaw.models import Case
from legislation.models import Law
from sherloc.models import PublicationStatus
from submissions import completeness
from taxonomy.models import Language
from tests.factories import ApiTokenFactory, CourtFactory, country
from tests.submissions import test_authority_form as authority_page
from tests.submissions import test_case_form as case_page
from tests.submissions import test_law_form as law_page
from tests.submissions.conftest import as_user

pytestmark = pytest.mark.django_db

API = "/api/v1/submissions/"
REQUIRED = "This field is required to submit."
PROVISION = "Add at least one provision before submitting."
DEFENDANT = "Add at least one defendant before submitting."
REACH = "Give an e-mail address, a telephone number or a postal address to submit."

LAW = {
    "original_language": "en",
    "provisions": [{"label": "Art. 1", "text": "Text.", "language": "en"}],
}
CASE = {"original_language": "en", "fact_summary": "<p>Facts.</p>", "people": [{"role": "defendant"}]}
AUTHORITY = {"original_language": "en", "roles": ["mla-central"], "email": "a@example.gov"}


def pieces(kind: str, record: dict) -> list[tuple[tuple[str, ...], str]]:
    return [(m.fields, str(m.message)) for m in completeness.missing(kind, record)]


def test_complete_records_lack_nothing() -> None:
    assert pieces("law", LAW) == [] and pieces("case", CASE) == [] and pieces("authority", AUTHORITY) == []


@pytest.mark.parametrize(
    ("kind", "record", "expected"),
    [
        ("law", {}, [(("original_language",), REQUIRED), (("provisions",), PROVISION)]),
        ("law", {**LAW, "provisions": []}, [(("provisions",), PROVISION)]),
        ("law", {**LAW, "provisions": "Art. 1"}, [(("provisions",), PROVISION)]),  # not a list: no rows
        ("case", {**CASE, "fact_summary": "  "}, [(("fact_summary",), REQUIRED)]),
        ("case", {**CASE, "fact_summary": "<p><br></p>"}, [(("fact_summary",), REQUIRED)]),  # markup, no text
        ("case", {**CASE, "people": [{"role": "victim"}, "junk"]}, [(("people",), DEFENDANT)]),
        ("authority", {**AUTHORITY, "roles": []}, [(("roles",), REQUIRED)]),
        ("authority", {**AUTHORITY, "email": "", "phone": " "}, [(("email", "phone", "address"), REACH)]),
        ("authority", {**AUTHORITY, "email": None, "address": "Rua 1"}, []),
        ("authority", {**AUTHORITY, "original_language": None}, [(("original_language",), REQUIRED)]),
    ],
)
def test_missing_pieces(kind, record, expected) -> None:  # noqa: ANN001
    assert pieces(kind, record) == expected


# --------------------------------------------------------------------------- the same answer on every path


@pytest.fixture
def api(fp_bra) -> APIClient:  # noqa: ANN001
    Language.objects.get_or_create(code="pt", defaults={"label": "Portuguese"})
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {ApiTokenFactory(user=fp_bra, scopes=['submit']).key}")
    return client


def test_authority_without_roles_or_contact(client, fp_bra, api) -> None:  # noqa: ANN001
    form = as_user(client, fp_bra).post(
        authority_page.NEW, authority_page.post_data("submit", roles=None, email=None, phone=None)
    )
    body = {"type": "authority", "country": "BRA", "name": "Central", "roles": [], "original_language": "en"}
    answer = api.post(API, body, format="json")

    assert form.status_code == 200 and answer.status_code == 400
    errors = form.context["form"].errors
    assert errors["roles"] == answer.json()["errors"]["roles"] == [REQUIRED]
    assert errors["email"] == answer.json()["errors"]["email"] == [REACH]
    assert answer.json()["errors"]["phone"] == answer.json()["errors"]["address"] == [REACH]
    assert not CompetentAuthority.objects.exists()
    # a draft may be incomplete, on both paths
    assert as_user(client, fp_bra).post(authority_page.NEW, authority_page.post_data(roles=None)).status_code == 302
    assert api.post(f"{API}?action=draft", body, format="json").status_code == 201


def test_law_without_provisions(client, fp_bra, api) -> None:  # noqa: ANN001
    form = as_user(client, fp_bra).post(law_page.NEW, law_page.post_data("submit", provisions=[]))
    body = {"type": "law", "country": "BRA", "title": "Act", "original_language": "en", "provisions": []}
    answer = api.post(API, body, format="json")

    assert form.status_code == 200 and answer.status_code == 400
    assert list(form.context["formset"].non_form_errors()) == answer.json()["errors"]["provisions"] == [PROVISION]
    assert not Law.objects.exists()


def test_case_without_facts_or_defendant(client, fp_bra, api) -> None:  # noqa: ANN001
    court = CourtFactory(country=country("BRA"), name="Federal Court")
    data = case_page.post_data(court, "submit", case={"fact_summary": "<p> </p>"}, people=[case_page.VICTIM])
    form = as_user(client, fp_bra).post(case_page.NEW, data)
    body = {
        "type": "case",
        "title": "P. v. J.S.",
        "portal_number": "BRA9001",
        "country": "BRA",
        "court": {"name": "Federal Court", "level": "appeal"},
        "decision_date": "2019-05-14",
        "original_language": "en",
        "fact_summary": "<p> </p>",
        "people": [{"key": "v", "role": "victim", "name": "M.R."}],
    }
    answer = api.post(API, body, format="json")

    assert form.status_code == 200 and answer.status_code == 400
    assert form.context["form"].errors["fact_summary"] == answer.json()["errors"]["fact_summary"] == [REQUIRED]
    people = form.context["submission"].people
    assert list(people.non_form_errors()) == answer.json()["errors"]["people"] == [DEFENDANT]
    assert not Case.objects.exists()


def test_complete_submission_passes_both_paths(client, fp_bra, api) -> None:  # noqa: ANN001
    form = as_user(client, fp_bra).post(authority_page.NEW, authority_page.post_data("submit"))
    body = {"type": "authority", "country": "BRA", "name": "Central", "roles": ["mla-central"]}
    answer = api.post(API, {**body, "original_language": "en", "phone": "+55 61 1234"}, format="json")

    assert form.status_code == 302 and answer.status_code == 201, answer.json()
    assert set(CompetentAuthority.objects.values_list("status", flat=True)) == {PublicationStatus.SUBMITTED}
