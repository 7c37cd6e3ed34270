"""The focal point's competent-authority form: access matrix, draft and submit, contact details, errors keep input."""

import pytest

from authorities.models import CompetentAuthority
from search import service
from search.query import SearchQuery
from sherloc.models import PublicationStatus
from submissions import workflow
from tests.factories import AuthorityFactory, country, lang
from tests.submissions.conftest import as_user

pytestmark = pytest.mark.django_db
NEW = "/en/submit/authorities/new/"
MINE = "/en/submit/mine/"
WORD = "Xochimilcan"


def edit_url(authority) -> str:  # noqa: ANN001
    return f"/en/submit/authorities/{authority.pk}/edit/"


@pytest.fixture
def draft_authority(db):  # noqa: ANN001, ANN201
    return AuthorityFactory(
        name="Draft Central Authority", status=PublicationStatus.DRAFT, articles=[("UNTOC-18", "13")]
    )


def post_data(action: str = "save", **fields: object) -> dict:
    data = {
        "action": action,
        "country": country("BRA").pk,
        "name": f"Department of International Legal Cooperation {WORD}",
        "roles": ["mla-central", "extradition"],
        "original_language": lang("es").pk,
        "email": "dricj@example.gov.br",
        "phone": "+55 61 2025 9000",
        "languages_accepted": "pt, en, es",
        "channels": ["direct", "diplomatic"],
        "time_zone": "America/Sao_Paulo",
        "untoc_legal_basis": "true",
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


# --- access matrix ----------------------------------------------------------------------------------
def test_anonymous_is_sent_to_login(client, draft_authority) -> None:  # noqa: ANN001
    for url in (NEW, edit_url(draft_authority)):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(NEW, post_data()).status_code == 302
    assert CompetentAuthority.objects.count() == 1


@pytest.mark.parametrize(("who", "status"), [("fp_bra", 200), ("editor", 200), ("reviewer", 403), ("nobody", 403)])
def test_who_may_open_the_new_authority_form(client, request, who, status) -> None:  # noqa: ANN001
    assert as_user(client, request.getfixturevalue(who)).get(NEW).status_code == status


@pytest.mark.parametrize(
    ("who", "get", "post"),
    [("fp_bra", 200, 302), ("fp_fra", 403, 403), ("editor", 200, 302), ("reviewer", 403, 403), ("nobody", 403, 403)],
)
def test_edit_draft_matrix(client, request, draft_authority, who, get, post) -> None:  # noqa: ANN001
    client = as_user(client, request.getfixturevalue(who))
    assert client.get(edit_url(draft_authority)).status_code == get
    assert client.post(edit_url(draft_authority), post_data(name="Changed")).status_code == post
    draft_authority.refresh_from_db()
    assert (draft_authority.name == "Changed") is (post == 302)


def test_other_country_cannot_read_drafts_or_withdraw(client, fp_fra, draft_authority) -> None:  # noqa: ANN001
    client = as_user(client, fp_fra)
    assert client.get(edit_url(draft_authority)).status_code == 403
    assert client.post(f"/en/submit/authorities/{draft_authority.pk}/withdraw/").status_code == 403
    draft_authority.refresh_from_db()
    assert draft_authority.status == PublicationStatus.DRAFT


def test_focal_point_cannot_create_for_another_country(client, fp_bra) -> None:  # noqa: ANN001
    response = as_user(client, fp_bra).post(NEW, post_data(country=country("FRA").pk))
    assert response.status_code == 200
    assert "country" in response.context["form"].errors
    assert not CompetentAuthority.objects.exists()


def test_submitted_authority_is_read_only(client, fp_bra, draft_authority) -> None:  # noqa: ANN001
    workflow.submit(draft_authority, fp_bra)
    client = as_user(client, fp_bra)
    response = client.get(edit_url(draft_authority))
    assert response.status_code == 200 and not response.context["editable"]
    assert 'value="submit"' not in response.content.decode()
    assert client.post(edit_url(draft_authority), post_data(name="Sneaky")).status_code == 403
    draft_authority.refresh_from_db()
    assert draft_authority.name == "Draft Central Authority"


# --- saving -------------------------------------------------------------------------------------------
def test_draft_needs_only_country_and_name(client, fp_bra) -> None:  # noqa: ANN001
    data = {"action": "save", "country": country("BRA").pk, "name": "Federal Police"}
    response = as_user(client, fp_bra).post(NEW, data)
    authority = CompetentAuthority.objects.get()
    assert response.status_code == 302 and response["Location"] == edit_url(authority)
    assert authority.status == PublicationStatus.DRAFT and authority.original_language.code == "en"
    assert not authority.roles.exists()
    assert [(t.actor, t.from_status, t.to_status) for t in workflow.history(authority)] == [
        (fp_bra, "", PublicationStatus.DRAFT)
    ]


def test_create_with_all_fields(client, fp_bra) -> None:  # noqa: ANN001
    data = post_data(
        articles=["UNTOC-18", "UNTOC-16"],
        crime_types=["trafficking-in-persons"],
        address="Esplanada dos Ministérios, Brasília",
        fax="+55 61 2025 9001",
        website="https://www.gov.br/mj",
        contact_person="Dr. A. Souza, Director",
        office_hours="Mon-Fri 09:00-18:00",
        urgent_by_email="on",
        legal_requirements="Dual criminality for coercive measures.",
        procedural_requirements="Requests in Portuguese or with a translation.",
        last_confirmed="2024-02-01",
    )
    assert as_user(client, fp_bra).post(NEW, data).status_code == 302
    a = CompetentAuthority.objects.get()
    assert sorted(r.code for r in a.roles.all()) == ["extradition", "mla-central"]
    assert sorted(t.article.code for t in a.article_tags.all()) == ["UNTOC-16", "UNTOC-18"]
    assert [c.code for c in a.crime_types.all()] == ["trafficking-in-persons"]
    assert a.languages_accepted == ["pt", "en", "es"] and a.channels == ["direct", "diplomatic"]
    assert (a.urgent_by_email, a.urgent_by_fax, a.untoc_legal_basis) == (True, False, True)
    assert a.time_zone == "America/Sao_Paulo" and str(a.last_confirmed) == "2024-02-01"
    assert a.contact_person == "Dr. A. Souza, Director" and a.original_language.code == "es"


def test_edit_keeps_paragraph_level_article_tags(client, fp_bra, draft_authority) -> None:  # noqa: ANN001
    page = as_user(client, fp_bra).get(edit_url(draft_authority)).content.decode()
    assert 'value="UNTOC-18" selected' in page and 'value="mla-central" selected' in page
    response = client.post(edit_url(draft_authority), post_data(articles=["UNTOC-18", "UNTOC-13"]))
    assert response.status_code == 302
    tags = sorted((t.article.code, t.paragraph) for t in draft_authority.article_tags.all())
    assert tags == [("UNTOC-13", ""), ("UNTOC-18", "13")]


def test_submit_validates_fully_and_transitions(client, fp_bra, reviewer, commit, mailoutbox) -> None:  # noqa: ANN001
    client = as_user(client, fp_bra)
    response = client.post(NEW, post_data("submit", roles=None, original_language="", email="", phone=""))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"roles", "original_language", "email"} <= set(errors)
    assert not CompetentAuthority.objects.exists()

    with commit():
        response = client.post(NEW, post_data("submit", note="Designated in 2023."))
    assert response.status_code == 302 and response["Location"] == MINE
    authority = CompetentAuthority.objects.get()
    assert authority.status == PublicationStatus.SUBMITTED and authority.submitted_by == fp_bra
    assert [(t.to_status, t.comment) for t in workflow.history(authority)] == [
        (PublicationStatus.DRAFT, ""),
        (PublicationStatus.SUBMITTED, "Designated in 2023."),
    ]
    assert [m.to for m in mailoutbox] == [[reviewer.email]]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("languages_accepted", "pt, Portuguese please"),
        ("time_zone", "Brasilia time"),
        ("email", "not-an-address"),
        ("website", "not a url"),
        ("last_confirmed", "2024-13-45"),
    ],
)
def test_contact_fields_are_validated_and_typed_data_kept(client, fp_bra, field, value) -> None:  # noqa: ANN001
    data = post_data(**{field: value}, contact_person="Typed contact kept", legal_requirements="Typed text kept")
    response = as_user(client, fp_bra).post(NEW, data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    page = response.content.decode()
    assert f'id="id_{field}_errors"' in page
    assert 'value="Typed contact kept"' in page and "Typed text kept</textarea>" in page
    assert 'value="mla-central" selected' in page and 'value="diplomatic" id="id_channels_1" checked' in page
    assert not CompetentAuthority.objects.exists()


def test_duplicate_name_is_a_form_error(client, fp_bra) -> None:  # noqa: ANN001
    AuthorityFactory(name="Federal Police")
    response = as_user(client, fp_bra).post(NEW, post_data(name="Federal Police"))
    assert response.status_code == 200 and "name" in response.context["form"].errors
    assert CompetentAuthority.objects.count() == 1


# --- withdraw, mine, history, public pages ---------------------------------------------------------------
def test_withdraw_history_and_mine(client, fp_bra, reviewer) -> None:  # noqa: ANN001
    client = as_user(client, fp_bra)
    client.post(NEW, post_data("submit"))
    authority = CompetentAuthority.objects.get()
    workflow.start_review(authority, reviewer)
    workflow.return_to_submitter(authority, reviewer, "Please confirm the fax number.")

    page = client.get(MINE).content.decode()
    assert f'href="{edit_url(authority)}"' in page and authority.name in page and "Returned" in page
    page = client.get(edit_url(authority)).content.decode()
    assert "Please confirm the fax number." in page and "History" in page

    assert client.post(f"/en/submit/authorities/{authority.pk}/withdraw/").status_code == 302
    authority.refresh_from_db()
    assert authority.status == PublicationStatus.WITHDRAWN
    assert [t.to_status for t in workflow.history(authority)][-1] == PublicationStatus.WITHDRAWN


def test_draft_is_nowhere_public_until_published(client, fp_bra, reviewer, commit) -> None:  # noqa: ANN001
    with commit():
        as_user(client, fp_bra).post(NEW, post_data("submit"))
    authority = CompetentAuthority.objects.get()
    client.logout()
    assert client.get(f"/en/authorities/{authority.pk}/").status_code == 404
    assert client.get(f"/api/v1/authorities/{authority.pk}/").status_code == 404
    assert not [hit for hit in service.search(SearchQuery(text=WORD)).hits if hit.type == "authority"]
    assert authority.name not in client.get(f"/en/search/?q={WORD}").content.decode()
    with commit():
        workflow.start_review(authority, reviewer)
        workflow.publish(authority, reviewer)
    assert client.get(f"/en/authorities/{authority.pk}/").status_code == 200
    assert [hit.record_id for hit in service.search(SearchQuery(text=WORD)).hits] == [authority.pk]


def test_requirements_rich_text_is_stored_sanitised(client, fp_bra) -> None:  # noqa: ANN001
    data = post_data(legal_requirements='<p onclick="x()">Dual <b>criminality</b></p><iframe src="https://e"></iframe>')
    data["procedural_requirements"] = "Send by post.\n\nUrgent: e-mail (< 24 h)."
    assert as_user(client, fp_bra).post(NEW, data).status_code == 302
    authority = CompetentAuthority.objects.get()
    assert authority.legal_requirements == "<p>Dual <b>criminality</b></p>"
    assert authority.procedural_requirements == "Send by post.\n\nUrgent: e-mail (< 24 h)."
