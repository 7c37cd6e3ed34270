"""POST/GET /api/v1/submissions/: the API write path into the submission workflow, through HTTP."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from rest_framework.test import APIClient

from authorities.models import CompetentAuthority
from caselaw.models import Case
from legislation.models import Law
from sherloc.access import EDITORS, REVIEWERS
from sherloc.models import PublicationStatus
from submissions import workflow
from submissions.models import Transition
from taxonomy.models import Language
from tests.factories import (
    ApiTokenFactory,
    AuthorityFactory,
    FocalPointFactory,
    LawFactory,
    ProvisionFactory,
    UserFactory,
    country,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/submissions/"

LAW = {
    "type": "law",
    "country": "BRA",
    "title": "Lei de enfrentamento ao tráfico de pessoas",
    "number": "13.344/2016",
    "adoption_date": "2016-10-06",
    "original_language": "pt",
    "provisions": [
        {
            "label": "Art. 149-A",
            "text": "Agenciar, aliciar, recrutar, transportar, transferir, comprar, alojar ou acolher pessoa.",
            "language": "pt",
            "articles": [{"article": "TIP-3", "paragraph": "a"}, "TIP-5"],
            "crime_types": ["trafficking-in-persons"],
            "issues": ["investigation.sit.undercover"],
        },
        {"label": "Art. 149-B", "text": "Quarquatrian penalty clause.", "language": "pt"},
    ],
}
CASE = {
    "type": "case",
    "title": "Ministério Público v. J.S.",
    "portal_number": "BRA9001",
    "country": "BRA",
    "court": {"name": "Tribunal Regional Federal da 3ª Região", "level": "appeal"},
    "decision_date": "2019-05-14",
    "original_language": "pt",
    "fact_summary": "<p>The defendant recruited workers with false promises.</p>",
    "people": [{"key": "p1", "role": "defendant", "name": "J.S."}, {"key": "p2", "role": "victim", "name": "M.R."}],
    "charges": [{"defendant": "p1", "statute": "Código Penal art. 149-A", "verdict": "convicted"}],
}
AUTHORITY = {
    "type": "authority",
    "country": "BRA",
    "name": "Secretaria Nacional de Justiça",
    "roles": ["mla-central", "extradition"],
    "original_language": "pt",
    "email": "central.authority@example.gov",
}


def body(template: dict, **changes: object) -> dict:
    data = copy.deepcopy(template)
    data.update(changes)
    return data


def client_for(token=None) -> APIClient:  # noqa: ANN001
    client = APIClient()
    if token is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture(autouse=True)
def _portuguese(db) -> None:  # noqa: ANN001
    """Portuguese is not one of the six shipped languages (the demo data adds it the same way)."""
    Language.objects.get_or_create(code="pt", defaults={"label": "Portuguese"})


@pytest.fixture
def fp_bra(db):  # noqa: ANN001, ANN201
    return FocalPointFactory(username="fp-bra", countries=["BRA"])


@pytest.fixture
def bra(fp_bra) -> APIClient:  # noqa: ANN001
    """The Brazilian focal point's client system, with a `submit` token."""
    return client_for(ApiTokenFactory(user=fp_bra, scopes=["submit"]))


@pytest.fixture
def fra(db) -> APIClient:  # noqa: ANN001
    user = FocalPointFactory(username="fp-fra", countries=["FRA"])
    return client_for(ApiTokenFactory(user=user, scopes=["submit"]))


def test_law_with_two_provisions_is_submitted(bra, fp_bra) -> None:  # noqa: ANN001
    response = bra.post(URL, LAW, format="json")

    assert response.status_code == 201, response.json()
    data = response.json()
    law = Law.objects.get(pk=data["id"])
    assert data["kind"] == "law" and data["status"] == "submitted" and data["country"] == "BRA"
    assert data["api_url"] == f"http://testserver/api/v1/submissions/law/{law.pk}/"
    assert response["Location"] == data["api_url"]
    assert data["edit_url"] == f"http://testserver/en/submit/laws/{law.pk}/edit/"
    assert data["public_url"] is None and data["latest_comment"] is None
    assert "private" in response["Cache-Control"]

    assert law.status == PublicationStatus.SUBMITTED and law.submitted_by == fp_bra and law.submitted_at
    assert law.external_id and law.revision_of_id is None
    assert "API" in law.provenance
    first, second = law.provisions.order_by("order")
    assert (first.order, first.label, second.order, second.label) == (1, "Art. 149-A", 2, "Art. 149-B")
    assert sorted((t.article.code, t.paragraph) for t in first.article_tags.all()) == [("TIP-3", "a"), ("TIP-5", "")]
    assert [c.code for c in first.crime_types.all()] == ["trafficking-in-persons"]
    steps = [(t.actor, t.from_status, t.to_status) for t in workflow.history(law)]
    assert steps == [
        (fp_bra, "", PublicationStatus.DRAFT),
        (fp_bra, PublicationStatus.DRAFT, PublicationStatus.SUBMITTED),
    ]
    assert {h.history_user for h in law.history.all()} == {fp_bra}  # the change log names the token's user


def test_submission_reaches_the_review_queue(bra, client) -> None:  # noqa: ANN001
    law_id = bra.post(URL, LAW, format="json").json()["id"]
    client.force_login(UserFactory(username="reviewer", groups=[REVIEWERS]))

    response = client.get("/en/review/?type=law")

    assert response.status_code == 200
    assert [(row["kind"], row["record"].pk, row["record"].status) for row in response.context["rows"]] == [
        ("law", law_id, PublicationStatus.SUBMITTED)
    ]


def test_case_body(bra) -> None:  # noqa: ANN001
    cited = LawFactory(country=country("BRA"), external_id="bra-penal-code")
    ProvisionFactory(law=cited, order=1)
    data = body(CASE)
    data["charges"][0]["provision"] = {"law": "bra-penal-code", "order": 1}

    response = bra.post(URL, data, format="json")

    assert response.status_code == 201, response.json()
    case = Case.objects.get(pk=response.json()["id"])
    assert response.json()["kind"] == "case" and case.status == PublicationStatus.SUBMITTED
    assert case.court.name == "Tribunal Regional Federal da 3ª Região"
    assert sorted(p.name for p in case.people.all()) == ["J.S.", "M.R."]
    assert case.charges.get().provision == cited.provisions.get()
    assert response.json()["edit_url"].endswith(f"/en/submit/cases/{case.pk}/edit/")
    assert response.json()["public_url"] is None


def test_authority_body(bra) -> None:  # noqa: ANN001
    response = bra.post(URL, AUTHORITY, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["kind"] == "authority" and response.json()["title"] == AUTHORITY["name"]
    assert response.json()["api_url"].endswith(f"/submissions/authority/{response.json()['id']}/")
    assert response.json()["edit_url"].endswith(f"/en/submit/authorities/{response.json()['id']}/edit/")


def test_draft_action_keeps_a_draft(bra, fp_bra) -> None:  # noqa: ANN001
    response = bra.post(f"{URL}?action=draft", LAW, format="json")

    assert response.status_code == 201
    law = Law.objects.get(pk=response.json()["id"])
    assert law.status == PublicationStatus.DRAFT and law.submitted_by is None
    assert [(t.actor, t.to_status) for t in workflow.history(law)] == [(fp_bra, PublicationStatus.DRAFT)]


def test_unknown_action_is_a_400(bra) -> None:  # noqa: ANN001
    response = bra.post(f"{URL}?action=publish", LAW, format="json")

    assert response.status_code == 400
    assert "action" in response.json()["errors"]
    assert not Law.objects.exists()


def test_bad_fields_are_named(bra) -> None:  # noqa: ANN001
    data = body(LAW)
    del data["title"]
    data["provisions"][1]["articles"] = ["UNTOC-99"]
    data["adoption_date"] = "06/10/2016"

    response = bra.post(URL, data, format="json")

    assert response.status_code == 400
    payload = response.json()
    assert payload["status"] == 400 and payload["detail"] == "Invalid record."
    assert payload["errors"]["title"] == ["required field is missing"]
    assert payload["errors"]["provisions[1].articles[0]"] == ["unknown article code 'UNTOC-99'"]
    assert "adoption_date" in payload["errors"]
    assert not Law.objects.exists() and not Transition.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"type": "statute"}, "type"),
        ({"type": "language"}, "type"),
        ({"title": 42}, "title"),
        ({"provisions": "Art. 1"}, "provisions"),
        ({"format_version": 2}, "format_version"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_wrong_types_are_named(bra, changes, field) -> None:  # noqa: ANN001
    response = bra.post(URL, body(LAW, **changes), format="json")

    assert response.status_code == 400
    assert field in response.json()["errors"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("status", "published"),
        ("submitted_by", "someone.else"),
        ("reviewed_by", "secretariat.reviewer"),
        ("published_at", "2024-01-01T00:00:00Z"),
        ("created_at", "2020-01-01T00:00:00Z"),
        ("attachments", [{"file": "attachments/2024/05/someone-elses.pdf"}]),
    ],
)
def test_workflow_fields_and_attachments_are_refused(bra, field, value) -> None:  # noqa: ANN001
    response = bra.post(URL, body(LAW, **{field: value}), format="json")

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not Law.objects.exists()


def test_null_workflow_fields_are_tolerated(bra) -> None:  # noqa: ANN001
    """An exported line carries them as null; they mean nothing, so they are not an error."""
    data = body(LAW, status=None, submitted_by=None, reviewed_at=None, attachments=[])

    response = bra.post(URL, data, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["status"] == "submitted"


@pytest.mark.parametrize(("data", "content_type"), [("{not json", "application/json"), ("[]", "application/json")])
def test_malformed_bodies_are_400(bra, data, content_type) -> None:  # noqa: ANN001
    response = bra.post(URL, data, content_type=content_type)

    assert response.status_code == 400
    assert set(response.json()) == {"status", "detail", "errors"}


def test_bodies_a_database_would_choke_on_are_400(bra) -> None:  # noqa: ANN001
    """Never a 500: nesting past the parser's recursion limit, integers past the columns, NUL characters."""
    deep = bra.post(URL, "[" * 100_000, content_type="application/json")
    data = body(LAW, title="Lei\x00")
    data["provisions"][0]["order"] = 10**30
    values = bra.post(URL, data, format="json")

    assert deep.status_code == 400
    assert values.status_code == 400
    assert set(values.json()["errors"]) == {"title", "provisions[0].order"}
    assert not Law.objects.exists()


def test_non_json_body_is_415(bra) -> None:  # noqa: ANN001
    response = bra.post(URL, "type=law", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 415


def test_no_token_is_401(api) -> None:  # noqa: ANN001
    for response in (api.post(URL, LAW, format="json"), api.get(URL), api.get(f"{URL}law/1/")):
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Token"
        assert set(response.json()) == {"status", "detail", "errors"}
    assert not Law.objects.exists()


def test_bad_token_is_401(api) -> None:  # noqa: ANN001
    api.credentials(HTTP_AUTHORIZATION="Token shl_00000000_nope")
    assert api.post(URL, LAW, format="json").status_code == 401


def test_token_without_submit_scope_is_403(fp_bra) -> None:  # noqa: ANN001
    client = client_for(ApiTokenFactory(user=fp_bra, scopes=["read_contacts"]))

    for response in (client.post(URL, LAW, format="json"), client.get(URL)):
        assert response.status_code == 403
        assert "submit" in response.json()["detail"]
    assert not Law.objects.exists()


def test_token_of_a_non_focal_point_is_403(db) -> None:  # noqa: ANN001
    client = client_for(ApiTokenFactory(user=UserFactory(username="practitioner"), scopes=["submit"]))

    response = client.post(URL, LAW, format="json")

    assert response.status_code == 403
    assert "focal points" in response.json()["detail"]
    assert not Law.objects.exists()


def test_focal_point_group_without_scope_cannot_submit(db) -> None:  # noqa: ANN001
    user = UserFactory(username="fp-unscoped", groups=["focal_points"])
    client = client_for(ApiTokenFactory(user=user, scopes=["submit"]))

    response = client.post(URL, LAW, format="json")

    assert response.status_code == 403
    assert response.json()["errors"] == {"country": ["BRA is outside your scope"]}


def test_other_country_is_403(fra) -> None:  # noqa: ANN001
    response = fra.post(URL, LAW, format="json")

    assert response.status_code == 403
    assert "FRA" in response.json()["detail"] and "BRA" in response.json()["detail"]
    assert not Law.objects.exists()


def test_editor_may_submit_for_any_country(db) -> None:  # noqa: ANN001
    editor = UserFactory(username="editor", groups=[EDITORS])
    client = client_for(ApiTokenFactory(user=editor, scopes=["submit"]))

    response = client.post(URL, body(LAW, country="ARG"), format="json")

    assert response.status_code == 201
    assert Law.objects.get().submitted_by == editor


def test_duplicate_law_is_409(bra) -> None:  # noqa: ANN001
    LawFactory(country=country("BRA"), title=LAW["title"], number=LAW["number"])

    response = bra.post(URL, LAW, format="json")

    assert response.status_code == 409
    assert "title" in response.json()["errors"]
    assert Law.objects.count() == 1


def test_resubmitting_the_same_body_is_409(bra) -> None:  # noqa: ANN001
    assert bra.post(URL, body(LAW, external_id="bra-13344"), format="json").status_code == 201

    response = bra.post(URL, body(LAW, external_id="bra-13344"), format="json")

    assert response.status_code == 409
    assert "external_id" in response.json()["errors"]


def test_duplicate_case_portal_number_and_authority_name_are_409(bra) -> None:  # noqa: ANN001
    AuthorityFactory(country=country("BRA"), name=AUTHORITY["name"])
    assert bra.post(URL, CASE, format="json").status_code == 201

    case = bra.post(URL, body(CASE, title="Another title"), format="json")
    authority = bra.post(URL, AUTHORITY, format="json")

    assert case.status_code == 409 and "portal_number" in case.json()["errors"]
    assert authority.status_code == 409 and "name" in authority.json()["errors"]


def test_update_of_a_published_record_becomes_a_pending_revision(bra, client) -> None:  # noqa: ANN001
    law = LawFactory(
        country=country("BRA"), external_id="bra-published", title="Old title", status=PublicationStatus.PUBLISHED
    )

    response = bra.post(URL, body(LAW, external_id="bra-published", title="New title"), format="json")

    assert response.status_code == 201, response.json()
    copy = Law.objects.get(revision_of=law)
    assert response.json()["id"] == copy.pk and copy.status == PublicationStatus.SUBMITTED and copy.title == "New title"
    law.refresh_from_db()
    assert (
        law.title == "Old title" and law.status == PublicationStatus.PUBLISHED
    )  # the public keeps the published version
    public = client.get("/api/v1/laws/").json()
    assert [row["title"] for row in public["results"]] == ["Old title"]

    again = bra.post(URL, body(LAW, external_id="bra-published", title="Newer"), format="json")
    assert again.status_code == 409 and "pending review" in again.json()["errors"]["external_id"][0]


def test_update_cannot_move_a_record_or_touch_unpublished_ones(bra) -> None:  # noqa: ANN001
    LawFactory(country=country("BRA"), external_id="bra-published", status=PublicationStatus.PUBLISHED)
    LawFactory(country=country("BRA"), external_id="bra-draft", status=PublicationStatus.DRAFT)
    moved = bra.post(URL, body(LAW, external_id="bra-published", country="FRA"), format="json")
    assert moved.status_code == 403  # FRA is outside the scope before anything else
    draft = bra.post(URL, body(LAW, external_id="bra-draft"), format="json")
    assert draft.status_code == 409 and "already used" in draft.json()["detail"]


def test_charge_cannot_cite_another_countrys_draft(bra) -> None:  # noqa: ANN001
    hidden = LawFactory(country=country("FRA"), external_id="fra-draft", status=PublicationStatus.DRAFT)
    ProvisionFactory(law=hidden, order=1)
    data = body(CASE)
    data["charges"][0]["provision"] = {"law": "fra-draft", "order": 1}

    response = bra.post(URL, data, format="json")

    assert response.status_code == 400
    assert response.json()["errors"] == {"charges[0].provision.law": ["no law 'fra-draft' that you can cite"]}


def test_session_post_needs_csrf_and_a_token(fp_bra) -> None:  # noqa: ANN001
    """Token requests are CSRF-exempt; a signed-in browser session is not, and cannot write anyway."""
    browser = APIClient(enforce_csrf_checks=True)
    browser.force_login(fp_bra)

    without_csrf = browser.post(URL, LAW, format="json")

    assert without_csrf.status_code == 403
    assert "CSRF" in without_csrf.json()["detail"]
    csrf_ok = APIClient()  # force_authenticate-like session without CSRF enforcement
    csrf_ok.force_login(fp_bra)
    assert csrf_ok.post(URL, LAW, format="json").status_code == 403
    assert not Law.objects.exists()
    assert csrf_ok.get(URL).status_code == 200  # reading with the session is fine


def test_workflow_refusal_rolls_everything_back(bra, monkeypatch) -> None:  # noqa: ANN001
    def refuse(record, user, comment=""):  # noqa: ANN001, ANN202
        raise workflow.InvalidTransition("Cannot submit: the record's status is “Submitted”.")

    monkeypatch.setattr(workflow, "submit", refuse)

    response = bra.post(URL, LAW, format="json")

    assert response.status_code == 409
    assert not Law.objects.exists() and not Transition.objects.exists()


def test_public_endpoints_do_not_show_submissions(bra, api, django_capture_on_commit_callbacks) -> None:  # noqa: ANN001
    with django_capture_on_commit_callbacks(execute=True):  # indexing runs as after a real commit
        draft = bra.post(f"{URL}?action=draft", body(LAW, title="Quarquatrian draft"), format="json").json()
        submitted = bra.post(URL, body(LAW, title="Quarquatrian submitted", number="2"), format="json").json()
        case = bra.post(URL, CASE, format="json").json()
        authority = bra.post(URL, AUTHORITY, format="json").json()

    assert api.get("/api/v1/laws/").json()["count"] == 0
    assert api.get("/api/v1/provisions/").json()["count"] == 0
    assert api.get("/api/v1/cases/").json()["count"] == 0
    assert api.get("/api/v1/authorities/").json()["count"] == 0
    for path in (f"/api/v1/laws/{draft['id']}/", f"/api/v1/laws/{submitted['id']}/"):
        assert api.get(path).status_code == 404
    assert api.get(f"/api/v1/cases/{case['id']}/").status_code == 404
    assert api.get(f"/api/v1/authorities/{authority['id']}/").status_code == 404
    assert api.get("/api/v1/search/?q=quarquatrian").json()["count"] == 0
    export = api.get("/api/v1/export/?format=jsonl")
    assert b"Quarquatrian" not in b"".join(export.streaming_content)

    # Control: the same search finds the record once a reviewer publishes it.
    reviewer = UserFactory(username="reviewer", groups=[REVIEWERS])
    law = Law.objects.get(pk=submitted["id"])
    with django_capture_on_commit_callbacks(execute=True):
        workflow.start_review(law, reviewer)
        workflow.publish(law, reviewer)
    assert api.get("/api/v1/search/?q=quarquatrian").json()["count"] >= 1


def test_own_submissions_list(bra, fp_bra) -> None:  # noqa: ANN001
    law = bra.post(URL, LAW, format="json").json()
    draft = bra.post(f"{URL}?action=draft", AUTHORITY, format="json").json()
    colleague_law = LawFactory(country=country("FRA"), status=PublicationStatus.DRAFT)  # not theirs, other country
    reviewer = UserFactory(username="reviewer", groups=[REVIEWERS])
    record = Law.objects.get(pk=law["id"])
    workflow.start_review(record, reviewer)
    workflow.return_to_submitter(record, reviewer, "Add the English translation.")

    response = bra.get(URL)

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2 and data["page"] == 1 and data["next"] is None
    by_id = {(row["kind"], row["id"]): row for row in data["results"]}
    assert set(by_id) == {("law", law["id"]), ("authority", draft["id"])}
    assert ("law", colleague_law.pk) not in by_id
    returned = by_id["law", law["id"]]
    assert returned["status"] == "returned"
    assert returned["latest_comment"]["comment"] == "Add the English translation."
    assert returned["latest_comment"]["actor"] == "reviewer"
    assert by_id["authority", draft["id"]]["status"] == "draft"
    assert data["results"][0]["id"] == law["id"]  # newest activity first

    paged = bra.get(f"{URL}?page_size=1&page=2").json()
    assert paged["count"] == 2 and len(paged["results"]) == 1 and paged["previous"]
    assert bra.get(f"{URL}?country=BRA").status_code == 400  # unknown parameters are named, as everywhere


def test_submission_detail(bra) -> None:  # noqa: ANN001
    created = bra.post(URL, LAW, format="json").json()

    response = bra.get(created["api_url"])

    assert response.status_code == 200
    data = response.json()
    assert data["id"] == created["id"] and data["status"] == "submitted"
    assert [(h["from_status"], h["to_status"], h["actor"]) for h in data["history"]] == [
        ("", "draft", "fp-bra"),
        ("draft", "submitted", "fp-bra"),
    ]
    assert data["record"]["title"] == LAW["title"] and len(data["record"]["provisions"]) == 2
    assert data["record"]["external_id"] == data["external_id"]


def test_other_focal_point_cannot_read_it(bra, fra) -> None:  # noqa: ANN001
    created = bra.post(f"{URL}?action=draft", LAW, format="json").json()

    response = fra.get(created["api_url"])

    assert response.status_code == 403
    assert LAW["title"] not in response.content.decode()
    assert response.json()["errors"] == {}
    assert fra.get(URL).json()["count"] == 0


def test_colleague_of_the_same_country_can_read_it(bra) -> None:  # noqa: ANN001
    created = bra.post(f"{URL}?action=draft", LAW, format="json").json()
    colleague = client_for(ApiTokenFactory(user=FocalPointFactory(countries=["BRA"]), scopes=["submit"]))

    assert colleague.get(created["api_url"]).status_code == 200
    assert colleague.get(URL).json()["count"] == 0  # the list is one's own records


def test_unknown_submission_is_404(bra) -> None:  # noqa: ANN001
    assert bra.get(f"{URL}law/999999/").status_code == 404
    assert bra.get(f"{URL}statute/1/").status_code == 404


def test_token_throttle_applies(bra, settings) -> None:  # noqa: ANN001
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"token": "2/min"}}

    statuses = [bra.post(URL, body(LAW, number=str(n)), format="json").status_code for n in range(3)]

    assert statuses == [201, 201, 429]


def test_reviewer_group_alone_does_not_grant_submission(db) -> None:  # noqa: ANN001
    user = UserFactory(username="rev", groups=[REVIEWERS])
    client = client_for(ApiTokenFactory(user=user, scopes=["submit"]))

    assert client.post(URL, LAW, format="json").status_code == 403
    assert Group.objects.filter(name=REVIEWERS).exists()


# --------------------------------------------------------------------------- complete enough to submit
# The same rules as the web forms' "Submit for review" (submissions/completeness.py); a draft may lack them.

INCOMPLETE = [
    pytest.param(body(AUTHORITY, roles=[]), {"roles"}, id="authority-without-roles"),
    pytest.param(
        {k: v for k, v in AUTHORITY.items() if k != "email"}, {"email", "phone", "address"}, id="authority-no-contact"
    ),
    pytest.param(body(AUTHORITY, email="", phone="  ", address=""), {"email", "phone", "address"}, id="blank-contact"),
    pytest.param(body(LAW, provisions=[]), {"provisions"}, id="law-with-empty-provisions"),
    pytest.param({k: v for k, v in LAW.items() if k != "provisions"}, {"provisions"}, id="law-without-provisions"),
    pytest.param(
        body(CASE, fact_summary="<p> </p>", people=[CASE["people"][1]], charges=[]),
        {"fact_summary", "people"},
        id="case-without-facts-or-defendant",
    ),
    pytest.param({k: v for k, v in CASE.items() if k != "fact_summary"}, {"fact_summary"}, id="case-without-facts"),
]


@pytest.mark.parametrize(("data", "missing"), INCOMPLETE)
def test_incomplete_record_is_not_submitted(bra, data, missing) -> None:  # noqa: ANN001
    response = bra.post(URL, data, format="json")

    assert response.status_code == 400, response.json()
    payload = response.json()
    assert payload["status"] == 400 and "submit" in payload["detail"]
    assert set(payload["errors"]) == missing
    assert all(messages for messages in payload["errors"].values())
    assert not (Law.objects.exists() or Case.objects.exists() or CompetentAuthority.objects.exists())


@pytest.mark.parametrize(("data", "missing"), INCOMPLETE)
def test_incomplete_record_may_be_saved_as_a_draft(bra, data, missing) -> None:  # noqa: ANN001
    response = bra.post(f"{URL}?action=draft", data, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["status"] == "draft"


def test_incompleteness_and_bad_fields_are_reported_together(bra) -> None:  # noqa: ANN001
    data = body(AUTHORITY, roles=[], email="not an address", original_language="xx")

    payload = bra.post(URL, data, format="json").json()

    assert payload["errors"]["roles"] == ["This field is required to submit."]
    assert payload["errors"]["email"] == ["not a valid e-mail address: 'not an address'"]  # one problem per field
    assert payload["errors"]["original_language"] == ["unknown language code 'xx'"]


def test_incomplete_update_of_a_published_record_is_refused(bra) -> None:  # noqa: ANN001
    law = LawFactory(country=country("BRA"), status=PublicationStatus.PUBLISHED, external_id="bra-law")
    ProvisionFactory(law=law, order=1)

    response = bra.post(URL, body(LAW, external_id="bra-law", provisions=[]), format="json")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"provisions"}
    assert Law.objects.count() == 1 and law.provisions.count() == 1


# --------------------------------------------------------------------------- decision date: caselaw.rules


def test_decision_date_tomorrow_is_accepted_like_the_forms_and_the_database(bra) -> None:  # noqa: ANN001
    tomorrow = timezone.now().date() + dt.timedelta(days=1)

    response = bra.post(URL, body(CASE, decision_date=tomorrow.isoformat()), format="json")

    assert response.status_code == 201, response.json()
    assert Case.objects.get().decision_date == tomorrow


def test_decision_date_after_tomorrow_is_a_400(bra) -> None:  # noqa: ANN001
    later = timezone.now().date() + dt.timedelta(days=2)

    response = bra.post(URL, body(CASE, decision_date=later.isoformat()), format="json")

    assert response.status_code == 400
    assert response.json()["errors"]["decision_date"] == [f"{later} is in the future"]
    assert not Case.objects.exists()


def test_rich_text_of_provisions_and_authorities_is_stored_sanitised(bra) -> None:  # noqa: ANN001
    """Like a case summary: the allow-list applies when the API saves a provision's texts and an
    authority's requirements; plain text is stored as sent."""
    provisions = copy.deepcopy(LAW["provisions"])
    provisions[0]["text"] = '<p onclick="x()">Agenciar <strong>pessoa</strong>.</p><script>alert(1)</script>'
    provisions[0]["text_en"] = "To recruit a person.\n\nAge < 18 aggravates."
    law_id = bra.post(URL, body(LAW, provisions=provisions), format="json").json()["id"]
    first = Law.objects.get(pk=law_id).provisions.order_by("order").first()
    assert first.text == "<p>Agenciar <strong>pessoa</strong>.</p>"
    assert first.text_en == "To recruit a person.\n\nAge < 18 aggravates."

    sent = body(AUTHORITY, legal_requirements='<p>Dual criminality.</p><img src=x onerror="x()">')
    authority_id = bra.post(URL, sent, format="json").json()["id"]
    assert CompetentAuthority.objects.get(pk=authority_id).legal_requirements == "<p>Dual criminality.</p>"
