"""POST /api/v1/submissions/ for strategies and explanatory materials: the same write path as the other
families (import format, completeness, scope, identity, pending revisions)."""

from __future__ import annotations

import copy

import pytest
from rest_framework.test import APIClient

from sherloc.models import PublicationStatus
from strategies.models import ExplanatoryMaterial, Strategy
from submissions import workflow
from tests.factories import (
    ApiTokenFactory,
    FocalPointFactory,
    LawFactory,
    MaterialFactory,
    StrategyFactory,
    country,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/submissions/"

STRATEGY = {
    "type": "strategy",
    "country": "BRA",
    "title": "National Plan to Combat Trafficking in Persons",
    "strategy_type": "action_plan",
    "issuing_body": "Ministry of Justice",
    "period_start": "2018-01-01",
    "period_end": "2022-12-31",
    "original_language": "en",
    "summary": "<p>Prevention, protection of victims and prosecution.</p><script>x()</script>",
    "articles": ["TIP-3"],
    "crime_types": ["trafficking-in-persons"],
}
MATERIAL = {
    "type": "material",
    "law": "bra-13344",
    "kind": "memorandum",
    "title": "Exposição de motivos",
    "original_language": "en",
    "text": "Why the law was needed.",
    "articles": ["TIP-5"],
}


def body(template: dict, **changes: object) -> dict:
    data = copy.deepcopy(template)
    data.update(changes)
    return data


def client_for(alpha3: str) -> APIClient:
    user = FocalPointFactory(username=f"fp-{alpha3.lower()}", countries=[alpha3])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {ApiTokenFactory(user=user, scopes=['submit']).key}")
    client.user = user
    return client


@pytest.fixture
def bra() -> APIClient:
    return client_for("BRA")


@pytest.fixture
def law(db):  # noqa: ANN001, ANN201
    return LawFactory(country=country("BRA"), external_id="bra-13344", status=PublicationStatus.PUBLISHED)


def test_strategy_is_submitted(bra) -> None:  # noqa: ANN001
    response = bra.post(URL, STRATEGY, format="json")

    assert response.status_code == 201, response.json()
    data = response.json()
    strategy = Strategy.objects.get(pk=data["id"])
    assert data["kind"] == "strategy" and data["status"] == "submitted" and data["country"] == "BRA"
    assert data["title"] == STRATEGY["title"]
    assert data["api_url"].endswith(f"/submissions/strategy/{strategy.pk}/")
    assert data["edit_url"].endswith(f"/en/submit/strategies/{strategy.pk}/edit/")
    assert strategy.summary == "<p>Prevention, protection of victims and prosecution.</p>"  # sanitised
    assert [t.article.code for t in strategy.article_tags.all()] == ["TIP-3"]
    assert [s.to_status for s in workflow.history(strategy)] == [PublicationStatus.DRAFT, PublicationStatus.SUBMITTED]
    detail = bra.get(data["api_url"]).json()
    assert detail["record"]["type"] == "strategy" and detail["record"]["period_end"] == "2022-12-31"


def test_material_is_submitted_under_its_laws_country(bra, law) -> None:  # noqa: ANN001
    response = bra.post(URL, MATERIAL, format="json")

    assert response.status_code == 201, response.json()
    data = response.json()
    material = ExplanatoryMaterial.objects.get(pk=data["id"])
    assert data["kind"] == "material" and data["country"] == "BRA" and data["status"] == "submitted"
    assert material.law == law and material.country_id == law.country_id
    assert data["edit_url"].endswith(f"/en/submit/explanatory-materials/{material.pk}/edit/")
    assert [row["kind"] for row in bra.get(URL).json()["results"]] == ["material"]


@pytest.mark.parametrize(
    ("data", "missing"),
    [
        pytest.param(body(STRATEGY, summary="<p> </p>"), {"summary", "attachments"}, id="strategy-without-content"),
        pytest.param(
            {k: v for k, v in STRATEGY.items() if k != "summary"}, {"summary", "attachments"}, id="no-summary"
        ),
        pytest.param(body(MATERIAL, text="", summary=""), {"summary", "text", "attachments"}, id="material-empty"),
    ],
)
def test_incomplete_document_is_not_submitted_but_may_be_a_draft(bra, law, data, missing) -> None:  # noqa: ANN001
    response = bra.post(URL, data, format="json")

    assert response.status_code == 400, response.json()
    assert "submit" in response.json()["detail"] and set(response.json()["errors"]) == missing
    assert not (Strategy.objects.exists() or ExplanatoryMaterial.objects.exists())
    assert bra.post(f"{URL}?action=draft", data, format="json").json()["status"] == "draft"


def test_bad_fields_are_named(bra) -> None:  # noqa: ANN001
    response = bra.post(URL, body(STRATEGY, strategy_type="manifesto", period_end="2017-01-01"), format="json")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"strategy_type", "period_end"}


def test_strategy_of_another_country_is_403(bra) -> None:  # noqa: ANN001
    response = bra.post(URL, body(STRATEGY, country="FRA"), format="json")

    assert response.status_code == 403
    assert response.json()["errors"] == {"country": ["FRA is outside your scope"]}
    assert not Strategy.objects.exists()


def test_material_of_another_countrys_law_is_403(bra) -> None:  # noqa: ANN001
    LawFactory(country=country("FRA"), external_id="fra-law", status=PublicationStatus.PUBLISHED)

    response = bra.post(URL, body(MATERIAL, law="fra-law"), format="json")

    assert response.status_code == 403
    assert set(response.json()["errors"]) == {"law"} and "BRA" in response.json()["detail"]
    assert not ExplanatoryMaterial.objects.exists()


@pytest.mark.parametrize("law_id", ["nowhere", "fra-draft"])
def test_material_of_an_unknown_or_hidden_law_is_400(bra, law_id) -> None:  # noqa: ANN001
    """Another country's draft law reads as missing, like an unknown one: nothing about it is revealed."""
    LawFactory(country=country("FRA"), external_id="fra-draft", status=PublicationStatus.DRAFT)

    response = bra.post(URL, body(MATERIAL, law=law_id), format="json")

    assert response.status_code == 400
    assert response.json()["errors"] == {"law": [f"no law {law_id!r} that you can attach a record to"]}


def test_duplicate_identities_are_409(bra, law) -> None:  # noqa: ANN001
    StrategyFactory(country=country("BRA"), title=STRATEGY["title"])
    MaterialFactory(law=law, title=MATERIAL["title"])

    strategy = bra.post(URL, STRATEGY, format="json")
    material = bra.post(URL, MATERIAL, format="json")

    assert strategy.status_code == 409 and "title" in strategy.json()["errors"]
    assert material.status_code == 409 and "title" in material.json()["errors"]
    assert Strategy.objects.count() == 1 and ExplanatoryMaterial.objects.count() == 1


def test_update_of_a_published_strategy_becomes_a_pending_revision(bra) -> None:  # noqa: ANN001
    published = StrategyFactory(country=country("BRA"), external_id="bra-plan", title="Old plan")

    response = bra.post(URL, body(STRATEGY, external_id="bra-plan", title="New plan"), format="json")

    assert response.status_code == 201, response.json()
    copy_ = Strategy.objects.get(revision_of=published)
    assert copy_.pk == response.json()["id"] and copy_.title == "New plan"
    published.refresh_from_db()
    assert published.title == "Old plan" and published.status == PublicationStatus.PUBLISHED
