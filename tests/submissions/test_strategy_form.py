"""Focal points submit strategies and explanatory materials (drafts, PDFs); reviewers publish; updates, restore."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from search import service
from search.query import SearchQuery
from sherloc.models import PublicationStatus
from strategies.models import ExplanatoryMaterial, Strategy
from submissions import revisions, snapshots, workflow
from tests.factories import LawFactory, MaterialFactory, StrategyFactory, country, lang
from tests.pdfs import make_pdf
from tests.submissions.conftest import as_user

pytestmark = pytest.mark.django_db
NEW_STRATEGY = "/en/submit/strategies/new/"
NEW_MATERIAL = "/en/submit/explanatory-materials/new/"
PDF_WORD = "Wombatcartel"  # only in the PDF


def pdf(text: str = f"National plan {PDF_WORD} measures", name: str = "Plan 2025.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, make_pdf(text), content_type="application/octet-stream")


def strategy_data(action: str = "save", **fields: object) -> dict:
    data = {
        "action": action,
        "country": country("BRA").pk,
        "title": "National Plan against Trafficking in Persons",
        "strategy_type": "action_plan",
        "issuing_body": "Ministry of Justice",
        "adoption_date": "2024-07-30",
        "period_start": "2024-01-01",
        "period_end": "2028-12-31",
        "articles": ["TIP-9"],
        "crime_types": ["trafficking-in-persons"],
        "original_language": lang("en").pk,
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def found(word: str, kind: str) -> list[int]:
    return [hit.record_id for hit in service.search(SearchQuery(text=word)).hits if hit.type == kind]


@pytest.mark.parametrize(("who", "status"), [("fp_bra", 200), ("editor", 200), ("reviewer", 403), ("nobody", 403)])
def test_who_may_open_the_forms(client, request, who, status) -> None:  # noqa: ANN001
    client = as_user(client, request.getfixturevalue(who))
    assert client.get(NEW_STRATEGY).status_code == status
    assert client.get(NEW_MATERIAL).status_code == status


def test_draft_needs_little_submit_needs_content_and_errors_keep_input(client, fp_bra) -> None:  # noqa: ANN001
    client = as_user(client, fp_bra)
    response = client.post(NEW_STRATEGY, strategy_data(action="submit"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Give a summary or attach the document (PDF) before submitting." in body
    assert 'value="National Plan against Trafficking in Persons"' in body
    assert not Strategy.objects.exists()

    response = client.post(NEW_STRATEGY, strategy_data(period_end="2020-01-01"))
    assert response.status_code == 200 and "The period cannot end before it starts." in response.content.decode()

    response = client.post(NEW_STRATEGY, strategy_data(**{"attachments-files": SimpleUploadedFile("x.pdf", b"MZ")}))
    assert response.status_code == 200 and "x.pdf: The file is not a PDF" in response.content.decode()
    assert not Strategy.objects.exists()

    response = client.post(NEW_STRATEGY, strategy_data())
    assert response.status_code == 302
    draft = Strategy.objects.get()
    assert draft.status == PublicationStatus.DRAFT and draft.submitted_by is None


def test_other_countries_focal_point_may_not_edit(client, fp_fra) -> None:  # noqa: ANN001
    draft = StrategyFactory(status=PublicationStatus.DRAFT)
    client = as_user(client, fp_fra)
    assert client.get(f"/en/submit/strategies/{draft.pk}/edit/").status_code == 403
    assert client.post(NEW_STRATEGY, strategy_data()).status_code == 200  # BRA is not a choice for them
    assert Strategy.objects.count() == 1


def test_strategy_with_pdf_submitted_published_and_found(client, commit, fp_bra, reviewer) -> None:  # noqa: ANN001
    with commit():
        response = as_user(client, fp_bra).post(
            NEW_STRATEGY, strategy_data(action="submit", covered=None, **{"attachments-files": pdf()})
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    strategy = Strategy.objects.get()
    assert strategy.status == PublicationStatus.SUBMITTED
    assert PDF_WORD in strategy.attachments.get().extracted_text
    assert found(PDF_WORD, "strategy") == []
    with commit():
        response = as_user(client, reviewer).post(f"/en/review/strategy/{strategy.pk}/approve/", {"comment": ""})
    assert response.status_code == 302
    strategy.refresh_from_db()
    assert strategy.status == PublicationStatus.PUBLISHED
    assert found(PDF_WORD, "strategy") == [strategy.pk]
    client.logout()
    page = client.get(f"/en/strategies/{strategy.pk}/").content.decode()
    assert "Ministry of Justice" in page and "Cite this record" in page and "Current" in page


def test_published_strategy_update_and_restore(client, commit, fp_bra, reviewer) -> None:  # noqa: ANN001
    strategy = StrategyFactory(title="First title", summary="The first summary.")
    workflow.log(strategy, reviewer, PublicationStatus.SUBMITTED, PublicationStatus.PUBLISHED, "")
    first = snapshots.snapshot(strategy, reviewer)
    response = as_user(client, fp_bra).post(f"/en/submit/strategy/{strategy.pk}/revise/")
    copy = Strategy.objects.get(revision_of=strategy)
    assert response.status_code == 302 and response["Location"].endswith(f"/strategies/{copy.pk}/edit/")
    data = strategy_data(action="submit", title="Second title", summary="The second summary.")
    data.pop("country")  # an update stays with its record's country
    assert client.post(f"/en/submit/strategies/{copy.pk}/edit/", data).status_code == 302
    workflow.approve(Strategy.objects.get(pk=copy.pk), reviewer)
    strategy.refresh_from_db()
    assert strategy.title == "Second title" and not Strategy.objects.filter(revision_of=strategy).exists()
    revisions.restore(strategy, first, reviewer)
    strategy.refresh_from_db()
    assert strategy.title == "First title" and strategy.summary == "The first summary."


def test_material_submitted_published_and_shown_on_its_law(client, commit, fp_bra, reviewer) -> None:  # noqa: ANN001
    with commit():  # (records made outside a commit() block would hold back the indexing of later blocks)
        law = LawFactory(title="Law on Organized Crime", country=country("BRA"))
        foreign = LawFactory(title="Loi française", country=country("FRA"))
    client = as_user(client, fp_bra)
    form = client.get(NEW_MATERIAL).content.decode()
    assert "Law on Organized Crime" in form and "Loi française" not in form
    data = {
        "action": "submit",
        "law": law.pk,
        "kind": "memorandum",
        "title": "Explanatory memorandum of the bill",
        "date": "2013-08-02",
        "articles": ["UNTOC-20"],
        "original_language": lang("en").pk,
    }
    assert client.post(NEW_MATERIAL, {**data, "law": foreign.pk}).status_code == 200  # outside the scope
    with commit():
        response = client.post(NEW_MATERIAL, {**data, "attachments-files": pdf(f"Controlled {PDF_WORD}", "memo.pdf")})
    assert response.status_code == 302, response.content.decode()[:3000]
    memo = ExplanatoryMaterial.objects.get()
    assert memo.country == law.country and memo.status == PublicationStatus.SUBMITTED
    with commit():
        workflow.take_into_review(memo, reviewer)
        workflow.approve(memo, reviewer)
    assert found(PDF_WORD, "material") == [memo.pk]
    client.logout()
    page = client.get(f"/en/laws/{law.pk}/").content.decode()
    assert f'id="material-{memo.pk}"' in page and "Explanatory memorandum of the bill" in page


def test_draft_material_is_not_on_the_law_page(client) -> None:  # noqa: ANN001
    memo = MaterialFactory(status=PublicationStatus.DRAFT, title="Unreviewed brief")
    assert "Unreviewed brief" not in client.get(f"/en/laws/{memo.law_id}/").content.decode()
