"""Row counts of the submission formsets are bounded, and a bad count is a form error: never a silent
drop of what was typed, never thousands of forms built (issue #19, item 6)."""

import time

import pytest

from caselaw.models import Case
from legislation.models import Law
from tests.factories import LawFactory, ProvisionFactory
from tests.submissions.conftest import as_user
from tests.submissions.test_case_form import DEFENDANT, court  # noqa: F401
from tests.submissions.test_case_form import NEW as CASE_NEW
from tests.submissions.test_case_form import post_data as case_data
from tests.submissions.test_law_form import ART1, NEW, edit_url, post_data

pytestmark = pytest.mark.django_db
REFUSED = "The number of rows sent with this form is missing or invalid"


def refused(response) -> bool:  # noqa: ANN001
    return response.status_code == 200 and REFUSED in response.content.decode()


def test_huge_total_forms_is_refused_without_building_rows(client, fp_bra) -> None:  # noqa: ANN001
    data = post_data(provisions=[ART1])
    data["provisions-TOTAL_FORMS"] = 100000
    started = time.monotonic()
    response = as_user(client, fp_bra).post(NEW, data)
    assert time.monotonic() - started < 5
    assert refused(response)
    assert response.context["submission"].formset.total_form_count() == 0
    assert not Law.objects.exists()


@pytest.mark.parametrize("total", ["-1", "abc", "", "1.5"])
def test_bad_total_forms_is_an_error_not_a_dropped_provision(client, fp_bra, total) -> None:  # noqa: ANN001
    data = post_data(provisions=[ART1])
    data["provisions-TOTAL_FORMS"] = total
    assert refused(as_user(client, fp_bra).post(NEW, data))
    assert not Law.objects.exists()


@pytest.mark.parametrize("initial", ["-1", "2", "x"])
def test_bad_initial_forms_is_an_error(client, fp_bra, draft_law, initial) -> None:  # noqa: ANN001
    row = {"id": draft_law.provisions.get().pk, **ART1, "text": "Changed text."}
    data = post_data(provisions=[row], initial=1)
    data["provisions-INITIAL_FORMS"] = initial
    assert refused(as_user(client, fp_bra).post(edit_url(draft_law), data))
    assert draft_law.provisions.get().text == "Zanzibarian exploitation clause."


def test_rows_up_to_the_bound_are_saved_one_more_is_refused(client, fp_bra, settings) -> None:  # noqa: ANN001
    settings.SUBMISSION_MAX_ROWS = 3
    client = as_user(client, fp_bra)
    rows = [{**ART1, "label": f"Art. {n}"} for n in range(1, 5)]
    assert refused(client.post(NEW, post_data(provisions=rows)))
    assert not Law.objects.exists()
    assert client.post(NEW, post_data(provisions=rows[:3])).status_code == 302
    assert Law.objects.get().provisions.count() == 3


def test_a_record_with_more_rows_than_the_bound_stays_editable(client, fp_bra, settings) -> None:  # noqa: ANN001
    settings.SUBMISSION_MAX_ROWS = 2
    law = LawFactory(title="Long Act", status="draft")
    existing = [ProvisionFactory(law=law, order=n, label=f"Art. {n}") for n in range(1, 5)]
    client = as_user(client, fp_bra)
    assert client.get(edit_url(law)).status_code == 200
    rows = [{"id": p.pk, "label": p.label, "text": "Same."} for p in existing]
    response = client.post(edit_url(law), post_data(law={"title": "Long Act"}, provisions=rows, initial=4))
    assert response.status_code == 302
    assert law.provisions.count() == 4


@pytest.mark.parametrize("prefix", ["people", "charges"])
@pytest.mark.parametrize("total", ["-1", "100000"])
def test_case_formsets_are_bounded_too(client, fp_bra, court, prefix, total) -> None:  # noqa: ANN001, F811
    data = case_data(court, people=[DEFENDANT])
    data[f"{prefix}-TOTAL_FORMS"] = total
    assert refused(as_user(client, fp_bra).post(CASE_NEW, data))
    assert not Case.objects.exists()
