"""Updates of published records: the working copy, what the public sees meanwhile, the diff, approval,
published-version snapshots and restore."""

import pytest
from django.db import IntegrityError, transaction

from legislation.models import Law, Provision
from search import service as search_service
from sherloc.models import PublicationStatus
from strategies.models import ExplanatoryMaterial
from submissions import diff, revisions, snapshots, workflow
from submissions.models import PublishedVersion
from tests.factories import AuthorityFactory, CaseFactory, LawFactory, MaterialFactory, ProvisionFactory, country
from tests.submissions.conftest import as_user
from tests.submissions.test_law_form import post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_law(fp_bra, reviewer, commit):  # noqa: ANN001, ANN201
    """A law published through the workflow (so it has a version 1 snapshot), indexed."""
    # Every write in a commit() block: the search index only hears of committed transactions.
    with commit():
        law = LawFactory(
            title="Law 13.344 on trafficking", number="13.344", status=PublicationStatus.DRAFT, country=country("BRA")
        )
        ProvisionFactory(
            law=law, order=1, label="Art. 1", heading="Scope", text="Prevention of trafficking in persons."
        )
        ProvisionFactory(law=law, order=2, label="Art. 2", heading="Penalty", text="Four to eight years of prison.")
    with commit():
        workflow.submit(law, fp_bra)
        workflow.start_review(law, reviewer)
        workflow.publish(law, reviewer)
    law.refresh_from_db()
    return law


def hits(word: str) -> int:
    return search_service.search(search_service.query_from_params({"q": word}, "en")).total


def revise(client, user, law) -> Law:  # noqa: ANN001
    response = as_user(client, user).post(f"/en/submit/law/{law.pk}/revise/")
    assert response.status_code == 302, response.content[:300]
    copy = Law.objects.get(revision_of=law)
    assert response["Location"] == f"/en/submit/laws/{copy.pk}/edit/"
    return copy


def edit_post(copy: Law, action: str = "save", **law_fields) -> dict:  # noqa: ANN003
    provisions = list(copy.provisions.order_by("order"))
    rows = [{"id": p.pk, "law": copy.pk, "label": p.label, "heading": p.heading, "text": p.text} for p in provisions]
    rows[1]["text"] = "Five to ten years of prison and a fine."
    keep = {
        name: getattr(copy, name) or ""
        for name in (
            "original_title",
            "law_type",
            "legal_status",
            "source_url",
            "adoption_date",
            "entry_into_force_date",
        )
    }
    keep["original_language"] = copy.original_language_id
    rows.append(
        {
            "label": "Art. 3",
            "heading": "Victims",
            "text": "Victims are not punished for crimes they were forced to commit.",
        }
    )
    return post_data(
        action,
        law={"title": copy.title, "number": copy.number, **keep, **law_fields},
        provisions=rows,
        initial=len(provisions),
    )


def test_start_revision_makes_a_private_working_copy(client, fp_bra, published_law) -> None:  # noqa: ANN001
    copy = revise(client, fp_bra, published_law)
    assert copy.status == PublicationStatus.DRAFT and copy.external_id != published_law.external_id
    assert [p.text for p in copy.provisions.order_by("order")] == [
        p.text for p in published_law.provisions.order_by("order")
    ]
    # Asking again resumes the same copy rather than making a second one.
    assert revise(client, fp_bra, published_law).pk == copy.pk
    # The public site, the API and search know one law only.
    assert client.get(f"/en/laws/{copy.pk}/").status_code == 404
    assert Law.objects.published().count() == 1


def test_public_keeps_the_published_version_until_approval(
    client,
    fp_bra,
    reviewer,
    published_law,
    commit,  # noqa: ANN001
) -> None:
    assert hits("prison") == 1
    with commit():  # writes outside commit() blocks would never reach the index (see conftest)
        copy = revise(client, fp_bra, published_law)
    with commit():
        response = as_user(client, fp_bra).post(f"/en/submit/laws/{copy.pk}/edit/", edit_post(copy, "submit"))
    assert response.status_code == 302
    copy.refresh_from_db()
    assert copy.status == PublicationStatus.SUBMITTED

    client.logout()
    page = client.get(published_law.get_absolute_url()).content.decode()
    assert "Four to eight years" in page and "Five to ten years" not in page
    assert hits("forced") == 0

    with commit():
        workflow.start_review(copy, reviewer)
        workflow.publish(copy, reviewer, "Thanks")

    assert not Law.objects.filter(pk=copy.pk).exists()
    law = Law.objects.get(pk=published_law.pk)
    assert law.status == PublicationStatus.PUBLISHED and law.external_id == published_law.external_id
    assert law.submitted_by == fp_bra and law.reviewed_by == reviewer
    assert [p.label for p in law.provisions.order_by("order")] == ["Art. 1", "Art. 2", "Art. 3"]
    page = client.get(law.get_absolute_url()).content.decode()
    assert "Five to ten years" in page and "Four to eight years" not in page
    assert hits("forced") == 1
    # The copy's log moved onto the record: the history tells the whole story.
    steps = [(t.from_status, t.to_status) for t in workflow.history(law)]
    assert steps[-4:] == [("", "draft"), ("draft", "submitted"), ("submitted", "in_review"), ("in_review", "published")]
    assert list(snapshots.versions(law).values_list("number", flat=True)) == [1, 2]


def test_returned_revision_goes_back_to_the_focal_point(client, fp_bra, reviewer, published_law) -> None:  # noqa: ANN001
    copy = revise(client, fp_bra, published_law)
    workflow.submit(copy, fp_bra)
    workflow.start_review(copy, reviewer)
    workflow.return_to_submitter(copy, reviewer, "Cite the gazette.")
    page = as_user(client, fp_bra).get(f"/en/submit/laws/{copy.pk}/edit/").content.decode()
    assert "Cite the gazette." in page and "update of a published record" in page
    published_law.refresh_from_db()
    assert published_law.status == PublicationStatus.PUBLISHED


def test_other_country_and_public_users_cannot_revise(client, fp_fra, reviewer, nobody, published_law) -> None:  # noqa: ANN001
    for user in (fp_fra, reviewer, nobody):
        assert as_user(client, user).post(f"/en/submit/law/{published_law.pk}/revise/").status_code == 403
    client.logout()
    assert client.post(f"/en/submit/law/{published_law.pk}/revise/").status_code == 302  # to the login page
    assert not Law.objects.filter(revision_of=published_law).exists()


def test_only_published_records_can_be_revised(client, fp_bra, draft_law) -> None:  # noqa: ANN001
    assert as_user(client, fp_bra).post(f"/en/submit/law/{draft_law.pk}/revise/").status_code == 404
    assert as_user(client, fp_bra).post(f"/en/submit/nonsense/{draft_law.pk}/revise/").status_code == 404


def test_revise_button_on_the_public_page(client, fp_bra, fp_fra, published_law) -> None:  # noqa: ANN001
    assert "Propose an update" in as_user(client, fp_bra).get(published_law.get_absolute_url()).content.decode()
    assert "Propose an update" not in as_user(client, fp_fra).get(published_law.get_absolute_url()).content.decode()
    client.logout()
    assert "Propose an update" not in client.get(published_law.get_absolute_url()).content.decode()


def test_country_of_a_revision_is_fixed(client, fp_bra, published_law) -> None:  # noqa: ANN001
    copy = revise(client, fp_bra, published_law)
    data = edit_post(copy)
    data["country"] = country("FRA").pk
    as_user(client, fp_bra).post(f"/en/submit/laws/{copy.pk}/edit/", data)
    copy.refresh_from_db()
    assert copy.country.alpha3 == "BRA"


def test_a_revision_can_never_be_published_itself(published_law, fp_bra) -> None:  # noqa: ANN001
    copy = revisions.start_revision(published_law, fp_bra)
    with pytest.raises(IntegrityError), transaction.atomic():
        Law.objects.filter(pk=copy.pk).update(status=PublicationStatus.PUBLISHED)
    # ...and there is one open revision per record.
    clone = Law.objects.get(pk=copy.pk)
    clone.pk = clone.id = None
    clone._state.adding = True
    clone.external_id = "another"
    with pytest.raises(IntegrityError), transaction.atomic():
        clone.save()


def test_approval_fails_cleanly_if_the_record_was_unpublished(published_law, fp_bra, reviewer) -> None:  # noqa: ANN001
    copy = revisions.start_revision(published_law, fp_bra)
    workflow.submit(copy, fp_bra)
    workflow.start_review(copy, reviewer)
    workflow.unpublish(published_law, reviewer)
    with pytest.raises(workflow.InvalidTransition):
        workflow.publish(copy, reviewer)
    copy.refresh_from_db()
    assert copy.status == PublicationStatus.IN_REVIEW


def test_case_and_authority_revisions(fp_bra, reviewer) -> None:  # noqa: ANN001
    for record in (
        CaseFactory(status=PublicationStatus.PUBLISHED, country=country("BRA")),
        AuthorityFactory(status=PublicationStatus.PUBLISHED, country=country("BRA")),
    ):
        copy = revisions.start_revision(record, fp_bra)
        field = "title" if hasattr(copy, "title") else "name"
        setattr(copy, field, getattr(record, field) + " (updated)")
        copy.save()
        workflow.submit(copy, fp_bra)
        workflow.start_review(copy, reviewer)
        workflow.publish(copy, reviewer)
        record.refresh_from_db()
        assert getattr(record, field).endswith("(updated)") and record.status == PublicationStatus.PUBLISHED
        assert not type(record).objects.filter(revision_of=record).exists()


# --- the diff ----------------------------------------------------------------------------------------
def test_diff_field_by_field_and_provision_by_provision(client, fp_bra, published_law) -> None:  # noqa: ANN001
    copy = revise(client, fp_bra, published_law)
    as_user(client, fp_bra).post(f"/en/submit/laws/{copy.pk}/edit/", edit_post(copy, number="13.344/2016"))
    result = diff.diff_records(published_law, Law.objects.get(pk=copy.pk))
    assert [(c.name, c.old, c.new) for c in result.fields] == [("number", "13.344", "13.344/2016")]
    provisions = next(s for s in result.sections if s.name == "provisions")
    changes = {item.label: item for item in provisions.items}
    assert changes["Art. 2 Penalty"].change == "changed"
    text = next(c for c in changes["Art. 2 Penalty"].fields if c.name == "text")
    assert (text.old, text.new) == ("Four to eight years of prison.", "Five to ten years of prison and a fine.")
    assert changes["Art. 3 Victims"].change == "added"
    assert "Art. 1 Scope" not in changes


def test_diff_reports_removed_and_moved_provisions() -> None:
    old = {
        "type": "law",
        "title": "A",
        "provisions": [{"label": "1", "text": "x"}, {"label": "2", "text": "y"}, {"label": "3", "text": "z"}],
    }
    new = {"type": "law", "title": "A", "provisions": [{"label": "3", "text": "z"}, {"label": "1", "text": "x"}]}
    items = {i.label: i.change for i in diff.diff_data(old, new).sections[0].items}
    assert items == {"3": "moved", "1": "moved", "2": "removed"}


def test_word_diff_escapes_html() -> None:
    html = diff.word_diff("<b>old</b> text", "<b>new</b> text")
    assert "<b>" not in html and "&lt;b&gt;" in html and "<del>" in html and "<ins>" in html


def test_reviewer_sees_the_diff(client, fp_bra, reviewer, published_law) -> None:  # noqa: ANN001
    copy = revise(client, fp_bra, published_law)
    as_user(client, fp_bra).post(f"/en/submit/laws/{copy.pk}/edit/", edit_post(copy, "submit"))
    page = as_user(client, reviewer).get(f"/en/review/law/{copy.pk}/").content.decode()
    assert "Changes against the published version" in page
    assert "<del>Four to eight years of prison.</del>" in page
    assert "<ins>Five to ten years of prison and a fine.</ins>" in page
    assert "Victims" in page and "added" in page
    queue = client.get("/en/review/").content.decode()
    assert "Update of a published record" in queue


# --- history and restore -----------------------------------------------------------------------------
def _publish_update(client, fp_bra, reviewer, law, commit) -> None:  # noqa: ANN001
    with commit():
        copy = revise(client, fp_bra, law)
    with commit():
        as_user(client, fp_bra).post(f"/en/submit/laws/{copy.pk}/edit/", edit_post(copy, "submit"))
    with commit():
        workflow.start_review(Law.objects.get(pk=copy.pk), reviewer)
        workflow.publish(Law.objects.get(pk=copy.pk), reviewer)


def test_history_page_and_restore(client, fp_bra, reviewer, editor, published_law, commit) -> None:  # noqa: ANN001
    _publish_update(client, fp_bra, reviewer, published_law, commit)
    page = as_user(client, editor).get(f"/en/review/law/{published_law.pk}/history/").content.decode()
    assert "Version 2" in page and "Version 1" in page and "Changes from the previous version" in page
    assert "Restore this version" not in page  # editors see the history; reviewers decide

    client.logout()
    as_user(client, reviewer)
    with commit():
        response = client.post(f"/en/review/law/{published_law.pk}/restore/1/", {"comment": "Update was wrong"})
    assert response.status_code == 302
    law = Law.objects.get(pk=published_law.pk)
    assert law.status == PublicationStatus.PUBLISHED
    assert [p.text for p in law.provisions.order_by("order")] == [
        "Prevention of trafficking in persons.",
        "Four to eight years of prison.",
    ]
    assert PublishedVersion.objects.filter(object_id=law.pk).count() == 3
    last = workflow.history(law).last()
    assert last.actor == reviewer and "Version 1 restored" in last.comment and "Update was wrong" in last.comment
    assert hits("forced") == 0


@pytest.mark.parametrize("who", ["fp_bra", "nobody", "editor"])
def test_only_reviewers_restore(client, request, who, published_law) -> None:  # noqa: ANN001
    user = request.getfixturevalue(who)
    assert as_user(client, user).post(f"/en/review/law/{published_law.pk}/restore/1/").status_code == 403


@pytest.mark.parametrize("who", ["fp_bra", "nobody"])
def test_history_is_for_staff(client, request, who, published_law) -> None:  # noqa: ANN001
    assert (
        as_user(client, request.getfixturevalue(who)).get(f"/en/review/law/{published_law.pk}/history/").status_code
        == 403
    )


def test_restore_refused_while_an_update_is_pending(client, fp_bra, reviewer, published_law) -> None:  # noqa: ANN001
    revisions.start_revision(published_law, fp_bra)
    response = as_user(client, reviewer).post(f"/en/review/law/{published_law.pk}/restore/1/", follow=True)
    assert "pending review" in response.content.decode()
    assert as_user(client, reviewer).post(f"/en/review/law/{published_law.pk}/restore/99/").status_code == 404


def test_provision_rows_are_matched_by_order_on_approval(client, fp_bra, reviewer, published_law, commit) -> None:  # noqa: ANN001
    """Approval updates provisions in place (their ids survive), so case charges citing them keep their link."""
    ids = list(published_law.provisions.order_by("order").values_list("pk", flat=True))
    _publish_update(client, fp_bra, reviewer, published_law, commit)
    assert list(Provision.objects.filter(law=published_law).order_by("order").values_list("pk", flat=True))[:2] == ids


def test_case_and_authority_updates_use_their_own_forms(client, fp_bra) -> None:  # noqa: ANN001
    case = CaseFactory(status=PublicationStatus.PUBLISHED, country=country("BRA"), title="Prosecutor v. A.B.")
    authority = AuthorityFactory(
        status=PublicationStatus.PUBLISHED, country=country("BRA"), name="Central Authority of Brazil"
    )
    for kind, record, edit in (("case", case, "cases"), ("authority", authority, "authorities")):
        response = as_user(client, fp_bra).post(f"/en/submit/{kind}/{record.pk}/revise/")
        copy = type(record).objects.get(revision_of=record)
        assert response["Location"] == f"/en/submit/{edit}/{copy.pk}/edit/"
        page = client.get(response["Location"]).content.decode()
        assert "update of a published record" in page and "data-autosave" in page
        assert "Changes against the published version" in page and "No differences." in page


def test_a_pending_revision_leaks_nowhere(client, fp_bra, published_law, commit) -> None:  # noqa: ANN001
    """Public page, API list and detail, export, search and its facet counts, sitemap: one law only."""
    with commit():
        copy = revisions.start_revision(published_law, fp_bra)
        Law.objects.filter(pk=copy.pk).update(title="Secret working title")
    client.logout()
    assert client.get(f"/en/laws/{copy.pk}/").status_code == 404
    assert client.get(f"/api/v1/laws/{copy.pk}/").status_code == 404
    assert [r["id"] for r in client.get("/api/v1/laws/").json()["results"]] == [published_law.pk]
    export = b"".join(client.get("/api/v1/export/?format=jsonl").streaming_content).decode()
    assert "Secret working title" not in export and export.count('"type":"law"') == 1
    result = search_service.search(search_service.query_from_params({"type": "legislation"}, "en"))
    assert result.total == 2  # the two provisions of the published law
    assert {v.value: v.count for v in result.facets["country"]} == {"BRA": 2}
    assert "Secret working title" not in client.get("/sitemap-laws.xml").content.decode()
    assert f"/laws/{copy.pk}/" not in client.get("/sitemap-laws.xml").content.decode()


def test_a_lost_race_for_the_working_copy_returns_the_winner(published_law, fp_bra, monkeypatch) -> None:  # noqa: ANN001
    """Two clicks at once: the partial unique index refuses the second copy; the first one is returned."""
    winner = revisions.start_revision(published_law, fp_bra)
    monkeypatch.setattr(
        revisions,
        "open_revision",
        lambda record, _real=revisions.open_revision: (
            None if not getattr(record, "_seen", False) and not setattr(record, "_seen", True) else _real(record)
        ),
    )
    assert revisions.start_revision(published_law, fp_bra).pk == winner.pk
    assert Law.objects.filter(revision_of=published_law).count() == 1


def test_second_reviewer_approving_the_same_update_gets_a_message_not_a_500(
    client, published_law, fp_bra, reviewer
) -> None:  # noqa: ANN001
    """Two reviewers open the same pending update; the first approval applies and deletes it, the second
    one finds nothing left to decide (issue #19 item 5: was Law.DoesNotExist, a 500)."""
    from sherloc.access import REVIEWERS
    from tests.factories import UserFactory

    copy = revisions.start_revision(published_law, fp_bra)
    workflow.submit(copy, fp_bra)
    second = UserFactory(username="reviewer-2", groups=[REVIEWERS])
    url = f"/en/review/law/{copy.pk}/approve/"
    first = as_user(client, reviewer).post(url)
    assert first.status_code == 302
    response = as_user(client, second).post(url, follow=True)
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert any("no longer pending: someone else has already decided" in m for m in messages), messages
    published_law.refresh_from_db()
    assert published_law.status == PublicationStatus.PUBLISHED
    assert [t.actor for t in workflow.history(published_law) if t.to_status == PublicationStatus.PUBLISHED][
        -1
    ] == reviewer


def test_removing_a_file_from_an_update_keeps_the_published_file(
    client, fp_bra, published_law, commit, settings
) -> None:  # noqa: ANN001
    """Issue #19 item 1: the working copy's attachment row points at the published record's stored file;
    removing it from the update must not delete the file the public page links to."""
    from pathlib import Path

    from django.core.files.base import ContentFile

    from legislation.models import LawAttachment
    from tests.pdfs import make_pdf

    attachment = LawAttachment.objects.create(
        law=published_law, file=ContentFile(make_pdf("Official gazette"), name="gazette.pdf"), original_name="G.pdf"
    )
    stored = Path(settings.MEDIA_ROOT) / attachment.file.name
    copy = revise(client, fp_bra, published_law)
    shared = copy.attachments.get()
    assert shared.file.name == attachment.file.name, "the working copy shares the stored file"
    data = edit_post(copy)
    data["attachments-remove"] = [shared.pk]
    with commit():
        response = as_user(client, fp_bra).post(f"/en/submit/laws/{copy.pk}/edit/", data)
    assert response.status_code == 302, response.content[:500]
    assert not copy.attachments.exists()
    assert stored.exists(), "the published record's file was deleted"
    download = client.get(attachment.get_download_url())
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF-")
    with commit():
        workflow.withdraw(copy, fp_bra)
    assert stored.exists()


def test_a_file_no_row_uses_leaves_storage(published_law, commit, settings) -> None:  # noqa: ANN001
    from pathlib import Path

    from django.core.files.base import ContentFile

    from legislation.models import LawAttachment
    from tests.pdfs import make_pdf

    attachment = LawAttachment.objects.create(
        law=published_law, file=ContentFile(make_pdf("x"), name="x.pdf"), original_name="x.pdf"
    )
    stored = Path(settings.MEDIA_ROOT) / attachment.file.name
    with commit():
        attachment.detach()
    assert not stored.exists()


def test_explanatory_material_update_from_the_law_page(client, fp_bra, fp_fra, reviewer) -> None:  # noqa: ANN001
    """ "Propose an update" on a material's section of its law page: a working copy in the material form;
    approval writes it onto the published material."""
    law = LawFactory(status=PublicationStatus.PUBLISHED, country=country("BRA"))
    material = MaterialFactory(law=law, title="Explanatory memorandum")
    action = f'action="/en/submit/material/{material.pk}/revise/"'
    assert action in as_user(client, fp_bra).get(law.get_absolute_url()).content.decode()
    assert action not in as_user(client, fp_fra).get(law.get_absolute_url()).content.decode()
    assert as_user(client, fp_fra).post(f"/en/submit/material/{material.pk}/revise/").status_code == 403

    response = as_user(client, fp_bra).post(f"/en/submit/material/{material.pk}/revise/")

    copy = ExplanatoryMaterial.objects.get(revision_of=material)
    assert response["Location"] == f"/en/submit/explanatory-materials/{copy.pk}/edit/"
    page = client.get(response["Location"]).content.decode()
    assert "update of a published record" in page and "No differences." in page
    copy.title = "Explanatory memorandum (updated)"
    copy.save()
    workflow.submit(copy, fp_bra)
    workflow.start_review(copy, reviewer)
    workflow.publish(copy, reviewer)
    material.refresh_from_db()
    assert material.title == "Explanatory memorandum (updated)" and material.status == PublicationStatus.PUBLISHED
    assert not ExplanatoryMaterial.objects.filter(revision_of=material).exists()
