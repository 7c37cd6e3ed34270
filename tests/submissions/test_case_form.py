"""The focal point's case form: access matrix, draft and submit, people and charges, errors keep input."""

import datetime as dt

import pytest
from django.utils import timezone

from caselaw.models import Case, Court
from caselaw.numbering import next_portal_number
from search import service
from search.query import SearchQuery
from sherloc.models import PublicationStatus
from submissions import workflow
from tests.factories import CaseFactory, ChargeFactory, CourtFactory, LawFactory, PersonFactory, country, lang
from tests.submissions.conftest import as_user

pytestmark = pytest.mark.django_db
NEW = "/en/submit/cases/new/"
MINE = "/en/submit/mine/"
WORD = "Quetzalcoatlian"


def edit_url(case) -> str:  # noqa: ANN001
    return f"/en/submit/cases/{case.pk}/edit/"


@pytest.fixture
def court(db):  # noqa: ANN001, ANN201
    return CourtFactory(country=country("BRA"), name="Federal Court of São Paulo")


@pytest.fixture
def draft_case(db, court):  # noqa: ANN001, ANN201
    case = CaseFactory(title="Draft v. Trafficker", status=PublicationStatus.DRAFT, court=court, portal_number="BRA007")
    person = PersonFactory(case=case, order=1, name="Jane Roe")
    ChargeFactory(defendant=person, statute="Penal Code art. 149-A")
    return case


def rows(prefix: str, items: list[dict], initial: int = 0) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": len(items),
        f"{prefix}-INITIAL_FORMS": initial,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for i, row in enumerate(items):
        for key, value in row.items():
            data[f"{prefix}-{i}-{key}"] = value
    return data


def post_data(
    court,  # noqa: ANN001
    action: str = "save",
    case: dict | None = None,
    people: list[dict] | None = None,
    charges: list[dict] | None = None,
    initial_people: int = 0,
    initial_charges: int = 0,
) -> dict:
    data = {
        "action": action,
        "country": country("BRA").pk,
        "title": "Public Prosecutor v. J.S. and others",
        "court": court.pk if court else "",
        "decision_date": "2021-03-15",
        "procedural_stage": "trial",
        "original_language": lang("es").pk,
        "fact_summary": f"The defendants recruited women with false job offers ({WORD}).",
        **(case or {}),
    }
    data.update(rows("people", people or [], initial_people))
    data.update(rows("charges", charges or [], initial_charges))
    return data


DEFENDANT = {"role": "defendant", "kind": "person", "name": "João Silva", "gender": "male", "age_at_offence": "41"}
VICTIM = {"role": "victim", "kind": "person", "name": "M.R.", "gender": "female", "age_at_offence": "17"}
CHARGE = {"defendant_row": "1", "statute": "Penal Code art. 149-A", "verdict": "convicted", "sentence": "8 years"}


# --- access matrix ----------------------------------------------------------------------------------
def test_anonymous_is_sent_to_login(client, draft_case) -> None:  # noqa: ANN001
    for url in (NEW, edit_url(draft_case)):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(NEW, post_data(draft_case.court)).status_code == 302
    assert Case.objects.count() == 1


@pytest.mark.parametrize(("who", "status"), [("fp_bra", 200), ("editor", 200), ("reviewer", 403), ("nobody", 403)])
def test_who_may_open_the_new_case_form(client, request, who, status) -> None:  # noqa: ANN001
    assert as_user(client, request.getfixturevalue(who)).get(NEW).status_code == status


@pytest.mark.parametrize(
    ("who", "get", "post"),
    [("fp_bra", 200, 302), ("fp_fra", 403, 403), ("editor", 200, 302), ("reviewer", 403, 403), ("nobody", 403, 403)],
)
def test_edit_draft_matrix(client, request, draft_case, who, get, post) -> None:  # noqa: ANN001
    client = as_user(client, request.getfixturevalue(who))
    assert client.get(edit_url(draft_case)).status_code == get
    assert client.post(edit_url(draft_case), post_data(draft_case.court, case={"title": "Changed"})).status_code == post
    draft_case.refresh_from_db()
    assert (draft_case.title == "Changed") is (post == 302)


def test_other_country_cannot_read_drafts_or_withdraw(client, fp_fra, draft_case) -> None:  # noqa: ANN001
    client = as_user(client, fp_fra)
    assert client.get(edit_url(draft_case)).status_code == 403
    assert client.post(f"/en/submit/cases/{draft_case.pk}/withdraw/").status_code == 403
    draft_case.refresh_from_db()
    assert draft_case.status == PublicationStatus.DRAFT


def test_focal_point_cannot_create_for_another_country(client, fp_bra) -> None:  # noqa: ANN001
    court_fra = CourtFactory(country=country("FRA"), name="Cour d'appel de Paris")
    data = post_data(court_fra, case={"country": country("FRA").pk})
    response = as_user(client, fp_bra).post(NEW, data)
    assert response.status_code == 200
    assert "country" in response.context["form"].errors
    assert "court" in response.context["form"].errors  # another country's courts are not offered either
    assert not Case.objects.exists()


def test_submitted_case_is_read_only(client, fp_bra, draft_case) -> None:  # noqa: ANN001
    workflow.submit(draft_case, fp_bra)
    client = as_user(client, fp_bra)
    response = client.get(edit_url(draft_case))
    assert response.status_code == 200 and not response.context["editable"]
    page = response.content.decode()
    assert 'value="submit"' not in page and "disabled" in page
    assert client.post(edit_url(draft_case), post_data(draft_case.court, case={"title": "Sneaky"})).status_code == 403
    draft_case.refresh_from_db()
    assert draft_case.title == "Draft v. Trafficker"


# --- saving -------------------------------------------------------------------------------------------
def test_create_draft_with_people_and_charges(client, fp_bra, court) -> None:  # noqa: ANN001
    people = [DEFENDANT, VICTIM, {}]
    charges = [
        CHARGE,
        {"defendant_row": "1", "statute": "Penal Code art. 288", "crime_type": "organized-criminal-group"},
        {},
    ]
    data = post_data(
        court,
        case={"articles": ["TIP-3"], "crime_types": ["trafficking-in-persons"], "keywords": "debt bondage\nfarm"},
        people=people,
        charges=charges,
    )
    response = as_user(client, fp_bra).post(NEW, data)
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == edit_url(case)
    assert case.status == PublicationStatus.DRAFT and case.court == court
    assert case.portal_number == "BRA001"
    assert case.original_language.code == "es"
    assert case.keywords == ["debt bondage", "farm"]
    assert [t.article.code for t in case.article_tags.all()] == ["TIP-3"]
    assert [(p.order, p.role, p.name) for p in case.people.all()] == [
        (1, "defendant", "João Silva"),
        (2, "victim", "M.R."),
    ]
    charges = list(case.charges.order_by("statute"))
    assert [(c.statute, c.defendant.name) for c in charges] == [
        ("Penal Code art. 149-A", "João Silva"),
        ("Penal Code art. 288", "João Silva"),
    ]
    assert charges[1].crime_type.code == "organized-criminal-group"
    assert [(t.actor, t.from_status, t.to_status) for t in workflow.history(case)] == [
        (fp_bra, "", PublicationStatus.DRAFT)
    ]

    # the saved page lists the people by number for the charge rows and keeps the charge's defendant
    page = as_user(client, fp_bra).get(edit_url(case)).content.decode()
    assert "Person 1: João Silva" in page and "Person 2: M.R." in page
    assert '<option value="1" selected>Person 1: João Silva</option>' in page


def test_new_court_is_created_with_the_case(client, fp_bra) -> None:  # noqa: ANN001
    data = post_data(None, case={"new_court_name": "Regional Court of Manaus", "new_court_level": "first_instance"})
    assert as_user(client, fp_bra).post(NEW, data).status_code == 302
    case = Case.objects.get()
    assert (case.court.name, case.court.country.alpha3, case.court.level) == (
        "Regional Court of Manaus",
        "BRA",
        "first_instance",
    )


def test_court_errors(client, fp_bra, court) -> None:  # noqa: ANN001
    client = as_user(client, fp_bra)
    response = client.post(NEW, post_data(court, case={"new_court_name": "Both", "new_court_level": "appeal"}))
    assert "new_court_name" in response.context["form"].errors
    response = client.post(NEW, post_data(None, case={"decision_date": "15/03/2021"}))
    assert "YYYY-MM-DD, YYYY-MM or YYYY" in str(response.context["form"].errors["decision_date"])
    response = client.post(NEW, post_data(None, case={"decision_date": "2099"}))
    assert "decision_date" in response.context["form"].errors
    assert not Case.objects.exists() and Court.objects.count() == 1


def test_case_without_court_date_or_stage_is_submitted_as_is(client, fp_bra) -> None:  # noqa: ANN001
    """Real records lack them: the form neither requires nor invents a court, a date or a stage."""
    data = post_data(None, action="submit", people=[DEFENDANT], case={"decision_date": "", "procedural_stage": ""})
    response = as_user(client, fp_bra).post(NEW, data)
    assert response.status_code == 302, response.context["form"].errors
    case = Case.objects.get()
    assert case.status == PublicationStatus.SUBMITTED
    assert (case.court, case.decision_date, case.decision_date_precision, case.procedural_stage) == (
        None,
        None,
        None,
        "",
    )


@pytest.mark.parametrize(
    ("typed", "stored", "precision"),
    [
        ("2018", dt.date(2018, 1, 1), "year"),
        ("2018-03", dt.date(2018, 3, 1), "month"),
        ("2018-03-15", dt.date(2018, 3, 15), "day"),
    ],
)
def test_partial_decision_dates_keep_their_precision(client, fp_bra, typed, stored, precision) -> None:  # noqa: ANN001
    client = as_user(client, fp_bra)
    data = post_data(None, case={"decision_date": typed, "new_court_name": "Court without level"})
    assert client.post(NEW, data).status_code == 302
    case = Case.objects.get()
    assert (case.decision_date, case.decision_date_precision) == (stored, precision)
    assert case.court.name == "Court without level" and case.court.level == ""
    assert f'value="{typed}"' in client.get(edit_url(case)).content.decode()  # shown back as typed


def test_portal_numbers_run_per_country(client, fp_bra, court) -> None:  # noqa: ANN001
    CaseFactory(portal_number="BRA041", court=court)
    CaseFactory(portal_number="BRAD000001", court=court)  # demo numbers do not count
    assert next_portal_number(country("BRA")) == "BRA042"
    assert next_portal_number(country("FRA")) == "FRA001"
    as_user(client, fp_bra).post(NEW, post_data(court))
    assert Case.objects.filter(portal_number="BRA042").exists()


def test_portal_number_is_not_typed(client, fp_bra, court) -> None:  # noqa: ANN001
    response = as_user(client, fp_bra).post(NEW, post_data(court, case={"portal_number": "BRA999"}))
    assert response.status_code == 302
    assert Case.objects.get().portal_number == "BRA001"
    assert 'name="portal_number"' not in as_user(client, fp_bra).get(NEW).content.decode()


def test_edit_deletes_and_adds_people_and_charges(client, fp_bra, draft_case) -> None:  # noqa: ANN001
    person = draft_case.people.get()
    charge = draft_case.charges.get()
    people = [
        {"id": person.pk, "case": draft_case.pk, **DEFENDANT, "name": "Jane Roe"},
        {**DEFENDANT, "name": "Carlos Souza"},
    ]
    charges = [
        {"id": charge.pk, "case": draft_case.pk, **CHARGE, "DELETE": "on"},
        {**CHARGE, "defendant_row": "2", "statute": "Penal Code art. 231"},
    ]
    data = post_data(draft_case.court, people=people, charges=charges, initial_people=1, initial_charges=1)
    response = as_user(client, fp_bra).post(edit_url(draft_case), data)
    assert response.status_code == 302
    assert list(draft_case.people.values_list("order", "name")) == [(1, "Jane Roe"), (2, "Carlos Souza")]
    assert [(c.statute, c.defendant.name) for c in draft_case.charges.all()] == [
        ("Penal Code art. 231", "Carlos Souza")
    ]
    draft_case.refresh_from_db()
    assert draft_case.portal_number == "BRA007"  # kept on edit


def test_charge_can_link_a_published_provision_of_the_country(client, fp_bra, court) -> None:  # noqa: ANN001
    from tests.factories import ProvisionFactory

    provision = ProvisionFactory(law=LawFactory(title="Penal Code"), label="Art. 149-A")
    hidden = ProvisionFactory(law=LawFactory(title="Draft Penal Code", status=PublicationStatus.DRAFT), label="Art. 1")
    client = as_user(client, fp_bra)
    page = client.get(NEW).content.decode()
    assert "Penal Code – Art. 149-A" in page and "Draft Penal Code" not in page
    bad = post_data(court, people=[DEFENDANT], charges=[{**CHARGE, "provision": hidden.pk}])
    assert "provision" in client.post(NEW, bad).context["submission"].charges.forms[0].errors
    good = post_data(court, people=[DEFENDANT], charges=[{**CHARGE, "provision": provision.pk}])
    assert client.post(NEW, good).status_code == 302
    assert Case.objects.get().charges.get().provision == provision


def test_submit_validates_fully_and_transitions(client, fp_bra, reviewer, court, commit, mailoutbox) -> None:  # noqa: ANN001
    client = as_user(client, fp_bra)
    response = client.post(NEW, post_data(court, "submit", case={"original_language": "", "fact_summary": ""}))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "original_language" in errors and "fact_summary" in errors
    assert "Add at least one defendant before submitting." in response.content.decode()
    assert not Case.objects.exists()

    with commit():
        response = client.post(NEW, post_data(court, "submit", people=[DEFENDANT, VICTIM], charges=[CHARGE]))
    assert response.status_code == 302 and response["Location"] == MINE
    case = Case.objects.get()
    assert case.status == PublicationStatus.SUBMITTED and case.submitted_by == fp_bra
    assert [(t.actor, t.to_status) for t in workflow.history(case)] == [
        (fp_bra, PublicationStatus.DRAFT),
        (fp_bra, PublicationStatus.SUBMITTED),
    ]
    assert [m.to for m in mailoutbox] == [[reviewer.email]]


# --- database rules become field errors ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("row", "field"),
    [
        ({**VICTIM, "name": "Maria Rodrigues"}, "name"),
        ({**DEFENDANT, "age_at_offence": "121"}, "age_at_offence"),
        ({**DEFENDANT, "group_size": "12"}, "group_size"),
    ],
)
def test_person_rules_are_field_errors(client, fp_bra, court, row, field) -> None:  # noqa: ANN001
    response = as_user(client, fp_bra).post(NEW, post_data(court, people=[row]))
    assert response.status_code == 200
    person = response.context["submission"].people.forms[0]
    assert list(person.errors) == [field]
    assert f'id="id_people-0-{field}_errors"' in response.content.decode()
    assert not Case.objects.exists()


def test_group_may_have_a_size(client, fp_bra, court) -> None:  # noqa: ANN001
    group = {"role": "defendant", "kind": "group", "name": "Os Lobos", "group_size": "12"}
    assert as_user(client, fp_bra).post(NEW, post_data(court, people=[group])).status_code == 302
    assert Case.objects.get().people.get().group_size == 12


@pytest.mark.parametrize(
    ("people", "row", "message"),
    [
        ([DEFENDANT, VICTIM], "2", "is not a defendant"),
        ([DEFENDANT, {}], "2", "is empty or marked for deletion"),
        ([DEFENDANT, {**DEFENDANT, "name": "Other", "DELETE": "on"}], "2", "is empty or marked for deletion"),
    ],
)
def test_charge_must_name_a_kept_defendant_row(client, fp_bra, court, people, row, message) -> None:  # noqa: ANN001
    response = as_user(client, fp_bra).post(
        NEW, post_data(court, people=people, charges=[{**CHARGE, "defendant_row": row}])
    )
    assert response.status_code == 200
    charge = response.context["submission"].charges.forms[0]
    assert message in str(charge.errors["defendant_row"])
    assert not Case.objects.exists()


def test_sub_type_needs_its_crime_type(client, fp_bra, court) -> None:  # noqa: ANN001
    subtype = "trafficking-in-persons.means.deception"
    orphan = post_data(court, case={"crime_types": ["money-laundering"], "crime_subtypes": [subtype]})
    response = as_user(client, fp_bra).post(NEW, orphan)
    assert response.status_code == 200 and not Case.objects.exists()
    assert response.context["form"].errors["crime_subtypes"] == [
        "“Deception” needs its crime type, “Trafficking in persons”, among the crime types."
    ]
    whole = post_data(court, case={"crime_types": ["trafficking-in-persons"], "crime_subtypes": [subtype]})
    assert as_user(client, fp_bra).post(NEW, whole).status_code == 302
    assert list(Case.objects.get().crime_subtypes.values_list("code", flat=True)) == [subtype]


def test_sub_type_options_name_crime_type_and_family(client, fp_bra) -> None:  # noqa: ANN001
    body = as_user(client, fp_bra).get(NEW).content.decode()
    assert "Trafficking in persons › Means: Deception" in body


def test_future_decision_date_is_a_field_error(client, fp_bra, court) -> None:  # noqa: ANN001
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    response = as_user(client, fp_bra).post(NEW, post_data(court, case={"decision_date": future}))
    assert "decision_date" in response.context["form"].errors


@pytest.mark.parametrize(("days", "saved"), [(1, True), (2, False)])
def test_decision_date_limit_is_the_databases(client, fp_bra, court, days, saved) -> None:  # noqa: ANN001
    """caselaw.rules: today (UTC) + 1 day, the same limit as the admin, the importer and the API."""
    date = timezone.now().date() + dt.timedelta(days=days)
    response = as_user(client, fp_bra).post(NEW, post_data(court, case={"decision_date": date.isoformat()}))
    assert Case.objects.filter(decision_date=date).exists() is saved
    if not saved:
        assert response.context["form"].errors["decision_date"] == ["The decision date cannot be in the future."]


def test_validation_errors_keep_typed_data(client, fp_bra, court) -> None:  # noqa: ANN001
    data = post_data(
        court,
        case={
            "title": "Typed title kept",
            "case_number": "0001-22.2021",
            "articles": ["TIP-5"],
            "decision_date": "2021-13",
        },
        people=[{**DEFENDANT, "name": "Typed defendant kept"}, {**VICTIM, "name": "Typed Victim Name"}],
        charges=[{**CHARGE, "statute": "Typed statute kept"}],
    )
    response = as_user(client, fp_bra).post(NEW, data)
    assert response.status_code == 200
    page = response.content.decode()
    for typed in (
        "Typed title kept",
        "0001-22.2021",
        "Typed defendant kept",
        "Typed Victim Name",
        "Typed statute kept",
    ):
        assert f'value="{typed}"' in page
    assert 'value="TIP-5" selected' in page
    assert "decision_date" in response.context["form"].errors
    assert 'value="2021-13"' in page
    assert 'class="errors"' in page
    assert not Case.objects.exists()


# --- withdraw, mine, history, public pages ---------------------------------------------------------------
def test_withdraw_history_and_mine(client, fp_bra, reviewer, court) -> None:  # noqa: ANN001
    client = as_user(client, fp_bra)
    client.post(NEW, post_data(court, "submit", people=[DEFENDANT], charges=[CHARGE]))
    case = Case.objects.get()
    workflow.start_review(case, reviewer)
    workflow.return_to_submitter(case, reviewer, "Please add the sentence.")

    page = client.get(MINE).content.decode()
    assert f'href="{edit_url(case)}"' in page and "Returned" in page
    page = client.get(edit_url(case)).content.decode()
    assert "Please add the sentence." in page  # latest reviewer comment
    assert "History" in page and 'value="submit"' in page  # returned: editable again

    assert client.get(f"/en/submit/cases/{case.pk}/withdraw/").status_code == 405
    assert client.post(f"/en/submit/cases/{case.pk}/withdraw/").status_code == 302
    case.refresh_from_db()
    assert case.status == PublicationStatus.WITHDRAWN
    assert [t.to_status for t in workflow.history(case)] == [
        PublicationStatus.DRAFT,
        PublicationStatus.SUBMITTED,
        PublicationStatus.IN_REVIEW,
        PublicationStatus.RETURNED,
        PublicationStatus.WITHDRAWN,
    ]


def test_draft_is_nowhere_public_until_published(client, fp_bra, reviewer, court, commit) -> None:  # noqa: ANN001
    with commit():
        as_user(client, fp_bra).post(NEW, post_data(court, "submit", people=[DEFENDANT]))
    case = Case.objects.get()
    client.logout()
    assert client.get(f"/en/cases/{case.pk}/").status_code == 404
    assert client.get(f"/api/v1/cases/{case.pk}/").status_code == 404
    assert not [hit for hit in service.search(SearchQuery(text=WORD)).hits if hit.type == "case"]
    assert case.title not in client.get(f"/en/search/?q={WORD}").content.decode()
    with commit():
        workflow.start_review(case, reviewer)
        workflow.publish(case, reviewer)
    assert client.get(f"/en/cases/{case.pk}/").status_code == 200
    assert [hit.record_id for hit in service.search(SearchQuery(text=WORD)).hits] == [case.pk]


def test_portal_number_lost_race_is_retried_and_country_change_renumbers(monkeypatch, fp_bra, court) -> None:  # noqa: ANN001
    from caselaw import numbering

    CaseFactory(portal_number="BRA001", court=court)
    real = numbering.next_portal_number
    # the first attempt computes a number another request has just taken (simulated); the retry skips it
    monkeypatch.setattr(numbering, "next_portal_number", lambda c, skip=0: "BRA001" if skip == 0 else real(c, skip))
    case = CaseFactory.build(
        portal_number="", court=court, status=PublicationStatus.DRAFT, original_language=lang("en")
    )
    numbering.save_with_number(case)
    assert case.pk and case.portal_number == "BRA003"  # BRA002 + skip 1
    monkeypatch.setattr(numbering, "next_portal_number", real)

    # a never-published draft moved to another country takes that country's prefix; a published case keeps its number
    case.country, case.court = country("FRA"), CourtFactory(country=country("FRA"), name="Cour de cassation")
    numbering.save_with_number(case, previous_country_id=country("BRA").pk)
    assert case.portal_number == "FRA001"
    published = CaseFactory(portal_number="BRA010", court=court, published_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    published.country = country("FRA")
    numbering.save_with_number(published, previous_country_id=country("BRA").pk)
    assert published.portal_number == "BRA010"
