"""The writer's steps through HTTP: the happy path from an empty draft to an export, and the unhappy ones
(missing fields, another practitioner, anonymous visitors, export while incomplete)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mla.models import AssistanceMeasure, RequestDraft, RequestExport
from tests.factories import (
    AssistanceMeasureFactory,
    AuthorityFactory,
    RequestDraftFactory,
    TreatyStatusFactory,
    UserFactory,
    country,
)

pytestmark = pytest.mark.django_db


def step_url(draft: RequestDraft, step: str) -> str:
    return reverse("mla:step", kwargs={"pk": draft.pk, "step": step})


def test_anonymous_visitor_is_sent_to_sign_in(client, world) -> None:  # noqa: ANN001
    draft = RequestDraftFactory(owner=world.practitioner)
    for url in (reverse("mla:list"), step_url(draft, "facts")):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = client.post(reverse("mla:export", kwargs={"pk": draft.pk, "file_format": "pdf"}))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not RequestExport.objects.exists()


def test_signed_in_user_without_the_practitioner_role_is_refused(client, world) -> None:  # noqa: ANN001
    client.force_login(UserFactory(username="reader"))
    assert client.get(reverse("mla:list")).status_code == 403
    assert client.post(reverse("mla:new")).status_code == 403
    assert not RequestDraft.objects.exists()


def test_another_practitioner_gets_404_everywhere(client, world) -> None:  # noqa: ANN001
    draft = RequestDraftFactory(
        owner=world.practitioner, requested_authority=world.authority, offences=[world.bra_provision]
    )
    AssistanceMeasureFactory(draft=draft)
    client.force_login(world.other)
    assert client.get(step_url(draft, "facts")).status_code == 404
    assert client.get(step_url(draft, "review")).status_code == 404
    assert client.post(step_url(draft, "facts"), {"facts": "x", "investigation": "y"}).status_code == 404
    assert client.post(reverse("mla:export", kwargs={"pk": draft.pk, "file_format": "docx"})).status_code == 404
    assert client.post(reverse("mla:delete", kwargs={"pk": draft.pk})).status_code == 404
    assert draft.title not in client.get(reverse("mla:list")).content.decode()
    draft.refresh_from_db()
    assert draft.facts.startswith("Between 2021") and not draft.exports.exists()


def test_a_request_drafted_step_by_step_then_exported(client, world) -> None:  # noqa: ANN001
    client.force_login(world.practitioner)
    response = client.post(reverse("mla:new"))
    draft = RequestDraft.objects.get(owner=world.practitioner)
    assert response["Location"] == step_url(draft, "authority")

    response = client.post(
        step_url(draft, "authority"),
        {
            "title": "Operation Harbour",
            "requesting_country": country("BRA").pk,
            "requesting_authority": "Federal Public Prosecutor's Office",
            "requesting_contact": "Dr. Ana Souza, +55 61 3105 5100",
            "action": "next",
        },
    )
    assert response["Location"] == step_url(draft, "requested")

    # The requested State's only central authority is chosen by itself, and its details are shown.
    response = client.post(step_url(draft, "requested"), {"requested_country": country("ARG").pk, "action": "next"})
    assert response["Location"] == step_url(draft, "legal-basis")
    draft.refresh_from_db()
    assert draft.requested_authority == world.authority
    page = client.get(step_url(draft, "requested")).content.decode()
    assert world.authority.name in page and "Spanish" in page and "cooperacion@example.gob.ar" in page
    assert "Accepted by e-mail" in page and "Requests must be signed and sealed" in page

    page = client.get(step_url(draft, "legal-basis")).content.decode()
    assert 'value="untoc"' in page and "Not offered" not in page
    client.post(step_url(draft, "legal-basis"), {"legal_basis": "untoc", "legal_basis_details": ""})
    client.post(
        step_url(draft, "facts"), {"facts": "Recruitment by false job offers.", "investigation": "Inquiry 12/2023."}
    )

    # Offences: the requesting State's provisions; beside the cited one, the requested State's on the same article.
    page = client.get(step_url(draft, "offences")).content.decode()
    assert "Art. 149-A" in page and "Art. 288" in page and "Ley 26.364" not in page
    response = client.post(step_url(draft, "offences"), {"offences": [world.bra_provision.pk], "action": "stay"})
    assert response.status_code == 302
    page = client.get(step_url(draft, "offences")).content.decode()
    assert "Dual criminality at a glance" in page and "TIP 5" in page
    assert world.arg_provision.get_absolute_url() in page
    assert world.arg_unrelated.get_absolute_url() not in page  # another article (TIP 6)

    client.post(
        step_url(draft, "assistance"),
        {
            "measure_records": "on",
            "details_records": "Bank statements of account 000-123.",
            "measure_evidence": "on",
            "details_evidence": "Hear the hotel manager as a witness.",
            "purpose": "Evidence for the prosecution.",
        },
    )
    assert set(AssistanceMeasure.objects.filter(draft=draft).values_list("measure", flat=True)) == {
        "records",
        "evidence",
    }
    client.post(step_url(draft, "persons"), {"persons": "J. D., born 1980, Argentine national, Buenos Aires."})
    client.post(
        step_url(draft, "handling"), {"urgent": "on", "urgency_reasons": "Trial in May.", "output_language": "es"}
    )

    review = client.get(step_url(draft, "review")).content.decode()
    assert "The request is complete." in review and "Still missing" not in review
    response = client.post(reverse("mla:export", kwargs={"pk": draft.pk, "file_format": "docx"}))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="operation-harbour-es.docx"'
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    log = RequestExport.objects.get(draft=draft)
    assert (log.user, log.file_format, log.language) == (world.practitioner, "docx", "es")
    review = client.get(step_url(draft, "review")).content.decode()
    assert "Not exported yet." not in review and "DOCX" in review and "prosecutor" in review


def test_missing_fields_are_named(client, world) -> None:  # noqa: ANN001
    draft = RequestDraftFactory(owner=world.practitioner, requested_authority=world.authority)
    client.force_login(world.practitioner)
    response = client.post(step_url(draft, "authority"), {"requesting_country": "", "requesting_authority": ""})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"requesting_country", "requesting_authority", "requesting_contact"}

    response = client.post(step_url(draft, "assistance"), {"measure_search": "on", "purpose": "x"})
    assert response.status_code == 400
    assert "Executing searches and seizures, and freezing" in str(response.context["form"].errors["details_search"])
    response = client.post(step_url(draft, "assistance"), {"purpose": "x"})
    assert response.status_code == 400 and "Choose at least one measure" in response.content.decode()

    response = client.post(step_url(draft, "handling"), {"urgent": "on", "output_language": "en"})
    assert response.status_code == 400 and "urgency_reasons" in response.context["form"].errors
    response = client.post(step_url(draft, "handling"), {"time_limit": "2001-01-01", "output_language": "en"})
    assert response.status_code == 400 and "already past" in str(response.context["form"].errors["time_limit"])

    response = client.post(step_url(draft, "requested"), {"requested_country": country("BRA").pk})
    assert response.status_code == 400 and "must differ" in str(response.context["form"].errors)

    response = client.post(step_url(draft, "offences"), {"offences": [world.arg_provision.pk]})
    assert response.status_code == 400  # not a provision of the requesting State
    assert "not a published provision of the requesting State" in str(response.context["form"].errors["offences"])
    response = client.post(step_url(draft, "offences"), {})
    assert response.status_code == 400 and "at least one offence" in str(response.context["form"].errors["offences"])
    assert client.get(step_url(draft, "no-such-step")).status_code == 404


def test_export_is_blocked_while_the_request_is_incomplete(client, world) -> None:  # noqa: ANN001
    draft = RequestDraftFactory(owner=world.practitioner, requested_authority=world.authority, facts="")
    client.force_login(world.practitioner)
    review = client.get(step_url(draft, "review")).content.decode()
    assert "Still missing" in review
    for message in ("The summary of the facts.", "At least one offence provision", "At least one measure"):
        assert message in review
    assert "disabled" in review
    response = client.post(reverse("mla:export", kwargs={"pk": draft.pk, "file_format": "pdf"}))
    assert response.status_code == 409 and "not complete" in response.content.decode()
    assert not RequestExport.objects.exists()
    # The step list marks the facts step as missing something.
    assert 'Facts<span class="visually-hidden"> (something missing)' in review
    assert client.post(reverse("mla:export", kwargs={"pk": draft.pk, "file_format": "odt"})).status_code == 404


def test_convention_offered_only_when_the_directory_says_it_is_accepted(client, world) -> None:  # noqa: ANN001
    refusing = AuthorityFactory(
        country=country("ARG"), name="Ministerio de Relaciones Exteriores", untoc_legal_basis=False
    )
    draft = RequestDraftFactory(owner=world.practitioner, requested_authority=refusing, legal_basis="")
    client.force_login(world.practitioner)
    page = client.get(step_url(draft, "legal-basis")).content.decode()
    assert 'value="untoc"' not in page and 'value="protocol"' not in page and 'value="treaty"' in page
    assert "does not accept the Convention as a legal basis" in page
    response = client.post(step_url(draft, "legal-basis"), {"legal_basis": "untoc"})
    assert response.status_code == 400 and "legal_basis" in response.context["form"].errors
    response = client.post(step_url(draft, "legal-basis"), {"legal_basis": "treaty"})
    assert response.status_code == 400 and "Name the Protocol or the treaty" in response.content.decode()

    # Two central authorities in the State: the practitioner picks one; the page lists both.
    draft.requested_authority = None
    draft.save()
    page = client.get(step_url(draft, "requested")).content.decode()
    assert refusing.name in page and world.authority.name in page


def test_treaty_status_decides_when_the_directory_is_silent(client, world) -> None:  # noqa: ANN001
    """Both States parties: the Convention is offered though the directory says nothing; a State recorded
    without consent to be bound: not offered, even where the directory accepts it, with the reason."""
    silent = AuthorityFactory(country=country("ARG"), name="Autoridad Central Silenciosa", untoc_legal_basis=None)
    draft = RequestDraftFactory(owner=world.practitioner, requested_authority=silent, legal_basis="")
    client.force_login(world.practitioner)
    page = client.get(step_url(draft, "legal-basis")).content.decode()
    assert 'value="untoc"' not in page and "Neither the directory nor the treaty status" in page

    TreatyStatusFactory(country=country("BRA"))
    argentina = TreatyStatusFactory(country=country("ARG"))
    page = client.get(step_url(draft, "legal-basis")).content.decode()
    assert 'value="untoc"' in page and 'value="protocol"' in page

    argentina.consent_kind, argentina.consent_date, argentina.entry_into_force_date = "", None, None
    argentina.save()
    draft.requested_authority = world.authority  # the directory accepts the Convention for this one
    draft.save()
    page = client.get(step_url(draft, "legal-basis")).content.decode()
    assert 'value="untoc"' not in page and "is not a party to the Convention" in page
    response = client.post(step_url(draft, "legal-basis"), {"legal_basis": "untoc"})
    assert response.status_code == 400 and "legal_basis" in response.context["form"].errors


def test_output_language_not_accepted_is_warned(client, world) -> None:  # noqa: ANN001
    draft = RequestDraftFactory(owner=world.practitioner, requested_authority=world.authority, output_language="fr")
    client.force_login(world.practitioner)
    warning = "does not list this language among those it accepts"
    assert warning in client.get(step_url(draft, "handling")).content.decode()
    assert warning in client.get(step_url(draft, "review")).content.decode()
    draft.output_language = "es"
    draft.save()
    assert warning not in client.get(step_url(draft, "review")).content.decode()


def test_a_draft_is_deleted_for_good(client, world) -> None:  # noqa: ANN001
    draft = RequestDraftFactory(owner=world.practitioner, requested_authority=world.authority)
    AssistanceMeasureFactory(draft=draft)
    RequestExport.objects.create(draft=draft, user=world.practitioner, file_format="pdf", language="en")
    client.force_login(world.practitioner)
    response = client.post(reverse("mla:delete", kwargs={"pk": draft.pk}))
    assert response.status_code == 302
    assert not RequestDraft.objects.exists() and not AssistanceMeasure.objects.exists()
    assert not RequestExport.objects.exists()


def test_private_pages_are_never_cached_or_indexed(client, world) -> None:  # noqa: ANN001
    draft = RequestDraftFactory(owner=world.practitioner)
    client.force_login(world.practitioner)
    response = client.get(step_url(draft, "facts"))
    assert response["X-Robots-Tag"] == "noindex, nofollow" and "private" in response["Cache-Control"]
    assert "noindex" in response.content.decode()
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /en/mla/" in robots
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/mla/" not in sitemap


def test_without_javascript_a_new_requested_state_drops_the_old_states_authority(client, world) -> None:  # noqa: ANN001
    """The form posts the old authority with the new State (no script re-submitted on change): the State is
    saved, the old authority is dropped, and the page comes back to list the new State's authorities."""
    draft = RequestDraftFactory(owner=world.practitioner, requested_authority=world.authority)
    client.force_login(world.practitioner)
    response = client.post(
        step_url(draft, "requested"),
        {"requested_country": country("FRA").pk, "requested_authority": world.authority.pk, "action": "next"},
    )
    assert response.status_code == 302 and response["Location"] == step_url(draft, "requested")
    draft.refresh_from_db()
    assert draft.requested_country == country("FRA") and draft.requested_authority is None
    page = client.get(step_url(draft, "requested")).content.decode()
    assert "The directory lists no central authority for mutual legal assistance of France" in page
    review = client.get(step_url(draft, "review")).content.decode()
    assert "The requested State&#x27;s central authority." in review


def test_the_provision_picker_filters_on_the_server(client, world) -> None:  # noqa: ANN001
    draft = RequestDraftFactory(owner=world.practitioner, offences=[world.bra_other])
    client.force_login(world.practitioner)
    page = client.get(step_url(draft, "offences") + "?q=tráfico pessoas").content.decode()
    assert "Art. 149-A" in page
    assert "Art. 288" in page  # not matching, but already cited: it stays listed (and ticked)
    page = client.get(step_url(draft, "offences") + "?q=nothing-like-this").content.decode()
    assert "Art. 149-A" not in page


def test_drafts_never_reach_search_or_api(client, world) -> None:  # noqa: ANN001
    RequestDraftFactory(owner=world.practitioner, title="Operation Quokkaharbour", facts="Quokkaharbour facts.")
    client.force_login(world.practitioner)
    response = client.get("/api/v1/search/?q=Quokkaharbour")
    assert response.status_code == 200 and response.json()["count"] == 0
    assert "mla" not in client.get("/api/v1/").content.decode().lower()


def test_a_cited_provision_beyond_the_picker_limit_stays_listed(client, world, monkeypatch) -> None:  # noqa: ANN001
    from mla import directory

    monkeypatch.setattr(directory, "PICKER_LIMIT", 1)
    draft = RequestDraftFactory(owner=world.practitioner, offences=[world.bra_other])  # sorted after Art. 149-A
    client.force_login(world.practitioner)
    page = client.get(step_url(draft, "offences")).content.decode()
    assert f'value="{world.bra_other.pk}" checked' in page and "More provisions match" in page
