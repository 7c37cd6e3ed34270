"""The admin autocomplete endpoint finds vocabulary terms the way editors type them."""

import pytest
from django.urls import reverse

from taxonomy.models import Article, Country

pytestmark = pytest.mark.django_db

AUTOCOMPLETE = reverse("admin:autocomplete")


def results(client, app: str, model: str, field: str, term: str) -> list[dict]:  # noqa: ANN001
    response = client.get(AUTOCOMPLETE, {"app_label": app, "model_name": model, "field_name": field, "term": term})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["results"]


def test_articles_autocomplete_finds_untoc_18_for_mutual(staff_client) -> None:  # noqa: ANN001
    hits = results(staff_client, "legislation", "provisionarticle", "article", "mutual")
    codes = set(Article.objects.filter(pk__in=[h["id"] for h in hits]).values_list("code", flat=True))
    assert "UNTOC-18" in codes
    untoc18 = next(h for h in hits if h["id"] == str(Article.objects.get(code="UNTOC-18").pk))
    assert untoc18["text"] == "UNTOC-18: Mutual legal assistance"


def test_articles_autocomplete_by_code(staff_client) -> None:  # noqa: ANN001
    hits = results(staff_client, "caselaw", "casearticle", "article", "UNTOC-18")
    assert [h["text"] for h in hits] == ["UNTOC-18: Mutual legal assistance"]


@pytest.mark.parametrize("term", ["BR", "BRA", "Brazil", "076"])
def test_countries_autocomplete_by_code_or_name(staff_client, term: str) -> None:  # noqa: ANN001
    brazil = str(Country.objects.get(alpha3="BRA").pk)
    assert brazil in {h["id"] for h in results(staff_client, "legislation", "law", "country", term)}


def test_autocomplete_needs_staff(client) -> None:  # noqa: ANN001
    response = client.get(
        AUTOCOMPLETE, {"app_label": "legislation", "model_name": "law", "field_name": "country", "term": "bra"}
    )
    assert response.status_code == 302
