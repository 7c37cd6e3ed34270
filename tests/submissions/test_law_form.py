"""The focal point's law form: access matrix, draft and submit, provisions formset, errors keep input."""

import pytest

from legislation.models import Law
from sherloc.models import PublicationStatus
from submissions import workflow
from tests.factories import LawFactory, ProvisionFactory, article, country, lang
from tests.submissions.conftest import as_user

pytestmark = pytest.mark.django_db
NEW = "/en/submit/laws/new/"
MINE = "/en/submit/mine/"


def edit_url(law) -> str:  # noqa: ANN001
    return f"/en/submit/laws/{law.pk}/edit/"


def post_data(action: str = "save", law: dict | None = None, provisions: list[dict] | None = None, initial: int = 0):
    data = {
        "action": action,
        "country": country("BRA").pk,
        "title": "Law No. 13.344 on trafficking in persons",
        "law_type": "act",
        "legal_status": "in_force",
        "original_language": lang("fr").pk,
        **(law or {}),
    }
    provisions = provisions or []
    data.update(
        {
            "provisions-TOTAL_FORMS": len(provisions),
            "provisions-INITIAL_FORMS": initial,
            "provisions-MIN_NUM_FORMS": 0,
            "provisions-MAX_NUM_FORMS": 1000,
        }
    )
    for i, row in enumerate(provisions):
        for key, value in row.items():
            data[f"provisions-{i}-{key}"] = value
    return data


ART1 = {"label": "Art. 1", "heading": "Scope", "text": "This law provides for the prevention of trafficking."}
ART2 = {
    "label": "Art. 149-A",
    "heading": "Trafficking in persons",
    "text": "Recruit, transport or harbour a person by threat for the purpose of exploitation.",
    "articles": ["TIP-3", "UNTOC-5"],
    "crime_types": ["trafficking-in-persons"],
}


# --- access matrix ----------------------------------------------------------------------------------
@pytest.mark.parametrize("url", [NEW, MINE])
def test_anonymous_is_sent_to_login(client, url) -> None:  # noqa: ANN001
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(("who", "status"), [("fp_bra", 200), ("editor", 200), ("reviewer", 403), ("nobody", 403)])
@pytest.mark.parametrize("url", [NEW, MINE])
def test_who_may_use_the_submission_pages(client, request, who, status, url) -> None:  # noqa: ANN001
    assert as_user(client, request.getfixturevalue(who)).get(url).status_code == status


@pytest.mark.parametrize(
    ("who", "get", "post"),
    [("fp_bra", 200, 302), ("fp_fra", 403, 403), ("editor", 200, 302), ("reviewer", 403, 403), ("nobody", 403, 403)],
)
def test_edit_draft_matrix(client, request, draft_law, who, get, post) -> None:  # noqa: ANN001
    client = as_user(client, request.getfixturevalue(who))
    assert client.get(edit_url(draft_law)).status_code == get
    data = post_data(law={"title": "Changed"}, provisions=[{"id": draft_law.provisions.get().pk, **ART1}], initial=1)
    assert client.post(edit_url(draft_law), data).status_code == post
    draft_law.refresh_from_db()
    assert (draft_law.title == "Changed") is (post == 302)


def test_anonymous_edit_redirects_to_login(client, draft_law) -> None:  # noqa: ANN001
    response = client.get(edit_url(draft_law))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(edit_url(draft_law), post_data()).status_code == 302
    draft_law.refresh_from_db()
    assert draft_law.title == "Draft Act against Trafficking"


def test_other_country_cannot_read_drafts_or_withdraw(client, fp_fra, draft_law) -> None:  # noqa: ANN001
    client = as_user(client, fp_fra)
    assert client.get(edit_url(draft_law)).status_code == 403
    assert client.post(f"/en/submit/laws/{draft_law.pk}/withdraw/").status_code == 403
    draft_law.refresh_from_db()
    assert draft_law.status == PublicationStatus.DRAFT


def test_focal_point_cannot_create_for_another_country(client, fp_bra) -> None:  # noqa: ANN001
    response = as_user(client, fp_bra).post(NEW, post_data(law={"country": country("FRA").pk}))
    assert response.status_code == 200
    assert "country" in response.context["form"].errors
    assert not Law.objects.exists()


def test_submitted_law_is_read_only_for_the_focal_point(client, fp_bra, draft_law) -> None:  # noqa: ANN001
    workflow.submit(draft_law, fp_bra)
    client = as_user(client, fp_bra)
    response = client.get(edit_url(draft_law))
    assert response.status_code == 200 and not response.context["editable"]
    assert 'value="submit"' not in response.content.decode()
    assert client.post(edit_url(draft_law), post_data(law={"title": "Sneaky"})).status_code == 403


def test_csrf_is_enforced(fp_bra) -> None:  # noqa: ANN001
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(fp_bra)
    assert client.post(NEW, post_data()).status_code == 403
    assert 'name="csrfmiddlewaretoken"' in client.get(NEW).content.decode()


# --- saving -------------------------------------------------------------------------------------------
def test_draft_needs_only_title_and_country(client, fp_bra) -> None:  # noqa: ANN001
    data = post_data(law={"law_type": "act", "original_language": ""})
    response = as_user(client, fp_bra).post(NEW, data)
    law = Law.objects.get()
    assert response.status_code == 302 and response["Location"] == edit_url(law)
    assert law.status == PublicationStatus.DRAFT and law.country.alpha3 == "BRA"
    assert law.original_language.code == "en"  # assumed until the focal point says otherwise
    assert [(t.actor, t.from_status, t.to_status) for t in workflow.history(law)] == [
        (fp_bra, "", PublicationStatus.DRAFT)
    ]


def test_create_with_provisions_and_tags(client, fp_bra) -> None:  # noqa: ANN001
    response = as_user(client, fp_bra).post(NEW, post_data(provisions=[ART1, ART2, {}]))
    assert response.status_code == 302
    law = Law.objects.get()
    provisions = list(law.provisions.order_by("order"))
    assert [(p.order, p.label) for p in provisions] == [(1, "Art. 1"), (2, "Art. 149-A")]
    assert provisions[0].language.code == "fr"  # defaults to the law's language
    assert sorted(t.article.code for t in provisions[1].article_tags.all()) == ["TIP-3", "UNTOC-5"]
    assert [c.code for c in provisions[1].crime_types.all()] == ["trafficking-in-persons"]


def test_edit_reorders_deletes_and_adds_provisions(client, fp_bra, draft_law) -> None:  # noqa: ANN001
    first = draft_law.provisions.get()
    second = ProvisionFactory(law=draft_law, order=2, label="Art. 2", tags={"articles": [("UNTOC-18", "13")]})
    third = ProvisionFactory(law=draft_law, order=3, label="Art. 3")
    rows = [
        {"id": second.pk, "law": draft_law.pk, "label": "Art. 2", "text": second.text, "articles": ["UNTOC-18"]},
        {"id": first.pk, "law": draft_law.pk, "label": "Art. 1", "text": first.text},
        {"id": third.pk, "law": draft_law.pk, "label": "Art. 3", "text": third.text, "DELETE": "on"},
        {"label": "Art. 4", "text": "New provision."},
    ]
    response = as_user(client, fp_bra).post(edit_url(draft_law), post_data(provisions=rows, initial=3))
    assert response.status_code == 302
    assert list(draft_law.provisions.order_by("order").values_list("label", "order")) == [
        ("Art. 2", 1),
        ("Art. 1", 2),
        ("Art. 4", 3),
    ]
    # the existing paragraph-level tag survives an edit that keeps its article
    assert [(t.article.code, t.paragraph) for t in second.article_tags.all()] == [("UNTOC-18", "13")]


def test_submit_validates_fully_and_transitions(client, fp_bra, reviewer, commit, mailoutbox) -> None:  # noqa: ANN001
    client = as_user(client, fp_bra)
    response = client.post(NEW, post_data("submit", law={"original_language": ""}))
    assert response.status_code == 200
    assert "original_language" in response.context["form"].errors
    assert "Add at least one provision before submitting." in response.content.decode()
    assert not Law.objects.exists()

    with commit():
        response = client.post(NEW, post_data("submit", provisions=[ART1]))
    assert response.status_code == 302 and response["Location"] == MINE
    law = Law.objects.get()
    assert law.status == PublicationStatus.SUBMITTED and law.submitted_by == fp_bra
    assert [t.to_status for t in workflow.history(law)] == [PublicationStatus.DRAFT, PublicationStatus.SUBMITTED]
    assert [m.to for m in mailoutbox] == [[reviewer.email]]


def test_returned_law_can_be_edited_and_resubmitted(client, fp_bra, reviewer, draft_law) -> None:  # noqa: ANN001
    workflow.submit(draft_law, fp_bra)
    workflow.start_review(draft_law, reviewer)
    workflow.return_to_submitter(draft_law, reviewer, "Please add the heading of Art. 1.")
    client = as_user(client, fp_bra)
    page = client.get(edit_url(draft_law)).content.decode()
    assert "Please add the heading of Art. 1." in page
    row = {"id": draft_law.provisions.get().pk, "law": draft_law.pk, **ART1}
    assert client.post(edit_url(draft_law), post_data("submit", provisions=[row], initial=1)).status_code == 302
    draft_law.refresh_from_db()
    assert draft_law.status == PublicationStatus.SUBMITTED
    assert draft_law.provisions.get().heading == "Scope"


def test_validation_errors_keep_typed_data(client, fp_bra) -> None:  # noqa: ANN001
    typed = {"label": "Art. 7", "heading": "Typed heading kept", "text": "", "articles": ["TIP-5"]}
    data = post_data(
        law={"title": "Typed title kept", "adoption_date": "2020-05-01", "entry_into_force_date": "2019-01-01"},
        provisions=[typed],
    )
    response = as_user(client, fp_bra).post(NEW, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Typed title kept"' in page
    assert 'value="Typed heading kept"' in page
    assert 'value="TIP-5" selected' in page
    assert response.context["formset"].forms[0].errors["text"]
    assert response.context["form"].non_field_errors()  # entry into force before adoption
    assert 'class="errors"' in page
    assert not Law.objects.exists()


def test_duplicate_law_is_a_form_error(client, fp_bra) -> None:  # noqa: ANN001
    LawFactory(title="Same", number="1/2020", status=PublicationStatus.PUBLISHED)
    response = as_user(client, fp_bra).post(NEW, post_data(law={"title": "Same", "number": "1/2020"}))
    assert response.status_code == 200 and response.context["form"].errors
    assert Law.objects.count() == 1


# --- withdraw and mine ------------------------------------------------------------------------------
def test_withdraw_and_mine(client, fp_bra, fp_fra, reviewer) -> None:  # noqa: ANN001
    client = as_user(client, fp_bra)
    client.post(NEW, post_data("submit", provisions=[ART1]))
    law = Law.objects.get()
    other = LawFactory(status=PublicationStatus.IN_REVIEW, submitted_by=fp_fra, country=country("FRA"))
    workflow.start_review(law, reviewer)
    workflow.return_to_submitter(law, reviewer, "Needs the official source URL.")

    page = client.get(MINE).content.decode()
    assert law.title in page and "Returned" in page and "Needs the official source URL." in page
    assert other.title not in page

    assert client.post(f"/en/submit/laws/{law.pk}/withdraw/").status_code == 302
    law.refresh_from_db()
    assert law.status == PublicationStatus.WITHDRAWN
    assert "Withdrawn" in client.get(MINE).content.decode()


def test_withdraw_needs_post(client, fp_bra, draft_law) -> None:  # noqa: ANN001
    assert as_user(client, fp_bra).get(f"/en/submit/laws/{draft_law.pk}/withdraw/").status_code == 405


def test_article_choices_use_codes(client, fp_bra) -> None:  # noqa: ANN001
    page = as_user(client, fp_bra).get(NEW).content.decode()
    assert f'value="{article("UNTOC-18").code}"' in page


def test_provisions_are_reordered_by_position(client, fp_bra) -> None:  # noqa: ANN001
    client = as_user(client, fp_bra)
    client.post(NEW, post_data(provisions=[ART1, ART2]))
    law = Law.objects.get()
    first, second = law.provisions.order_by("order")
    rows = [
        {"id": first.pk, "law": law.pk, "label": first.label, "text": first.text, "ORDER": 2},
        {"id": second.pk, "law": law.pk, "label": second.label, "text": second.text, "ORDER": 1},
        {"label": "Art. 3", "text": "New last provision.", "ORDER": ""},
    ]
    response = client.post(edit_url(law), post_data(provisions=rows, initial=2))
    assert response.status_code == 302
    assert list(law.provisions.order_by("order").values_list("label", "order")) == [
        ("Art. 149-A", 1),
        ("Art. 1", 2),
        ("Art. 3", 3),
    ]
    # Provision ids survive a reorder (charges in cases keep pointing at the same provision).
    assert law.provisions.get(label="Art. 1").pk == first.pk
    assert 'name="provisions-0-ORDER"' in client.get(edit_url(law)).content.decode()


def test_entry_into_force_before_adoption_is_a_readable_error(client, fp_bra) -> None:  # noqa: ANN001
    """Issue #19 item 11: the form showed 'Constraint “law_in_force_after_adoption” is violated.'"""
    data = post_data(law={"adoption_date": "2016-10-06", "entry_into_force_date": "2016-01-01"}, provisions=[ART1])
    response = as_user(client, fp_bra).post(NEW, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "The entry into force cannot be earlier than the adoption date." in body
    assert "law_in_force_after_adoption" not in body
    assert not Law.objects.exists()


def test_provision_rich_text_is_stored_sanitised(client, fp_bra) -> None:  # noqa: ANN001
    """Like a case summary (sherloc.richtext): pasted HTML keeps the allow-list, plain text stays as typed."""
    row = {**ART1, "text": '<p style="color:red">Scope</p><script>alert(1)</script>', "text_en": "One.\n\nAge < 18."}
    assert as_user(client, fp_bra).post(NEW, post_data(provisions=[row])).status_code == 302
    provision = Law.objects.get().provisions.get()
    assert provision.text == "<p>Scope</p>"
    assert provision.text_en == "One.\n\nAge < 18."
