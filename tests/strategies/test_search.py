"""Strategies and explanatory materials in the search: documents, facets, the PDF's words, the law link."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile

from search import indexing, service
from search.documents import documents_for
from search.query import SearchQuery
from sherloc import uploads
from sherloc.models import PublicationStatus
from strategies.models import MaterialAttachment, StrategyAttachment
from tests.factories import LawFactory, MaterialFactory, StrategyFactory, country
from tests.pdfs import make_pdf

pytestmark = pytest.mark.django_db


def attach(model: type, owner: str, record: object, text: str) -> None:
    """A real PDF through the upload checker, as the forms and the admin store it."""
    upload = ContentFile(make_pdf(text), name="document.pdf")
    checked = uploads.check_pdf(upload)
    attachment = model(**{owner: record})
    uploads.apply(attachment, upload, checked)
    attachment.save()


def ids(result: object) -> list[str]:
    return [hit.id for hit in result.hits]


def test_strategy_document_carries_tags_years_and_the_pdf_text() -> None:
    strategy = StrategyFactory(
        title="National Action Plan against Trafficking",
        tags={"articles": [("TIP-9", "1")], "crime_types": ["trafficking-in-persons"], "issues": ["prevention"]},
    )
    attach(StrategyAttachment, "strategy", strategy, "Shelters for victims in every province")
    (doc,), missing = documents_for("strategy", [strategy.pk])
    assert missing == []
    assert doc["type"] == "strategy"
    assert doc["country"] == "BRA" and "419" in doc["region"]
    assert doc["article"] == ["TIP-9"] and doc["article_ref"] == ["TIP 9(1)"]
    assert doc["crime_type"] == ["trafficking-in-persons"]
    assert "prevention" in doc["issue"]
    assert doc["year"] == 2021 and doc["url"] == f"/strategies/{strategy.pk}/"
    assert "Shelters for victims" in doc["texts"]["en"]["body"]


def test_regional_strategy_is_found_under_every_covered_country() -> None:
    plan = StrategyFactory(country=country("XIR"), covered=["NGA", "GHA"])
    (doc,), _ = documents_for("strategy", [plan.pk])
    assert sorted(doc["country"]) == ["GHA", "NGA", "XIR"]
    indexing.rebuild()
    for code in ("NGA", "GHA", "XIR"):
        assert ids(service.search(SearchQuery(filters={"country": (code,)}))) == [f"strategy:{plan.pk}"]
    assert ids(service.search(SearchQuery(filters={"country": ("BRA",)}))) == []


def test_unpublished_strategy_has_no_document() -> None:
    draft = StrategyFactory(status=PublicationStatus.DRAFT)
    docs, missing = documents_for("strategy", [draft.pk])
    assert docs == [] and missing == [f"strategy:{draft.pk}"]


def test_strategy_found_by_pdf_word_country_article_and_type_facet() -> None:
    strategy = StrategyFactory(tags={"articles": ["UNTOC-5"]})
    attach(StrategyAttachment, "strategy", strategy, "Witness protection programme expanded nationwide")
    StrategyFactory(country=country("FRA"), tags={"articles": ["UNTOC-6"]})
    indexing.rebuild()
    hit = f"strategy:{strategy.pk}"
    assert ids(service.search(SearchQuery(text="witness protection programme"))) == [hit]
    assert ids(service.search(SearchQuery(filters={"country": ("BRA",), "type": ("strategy",)}))) == [hit]
    assert ids(service.search(SearchQuery(filters={"article": ("UNTOC-5",)}))) == [hit]
    types = {f.value: f.count for f in service.search(SearchQuery()).facets["type"]}
    assert types == {"strategy": 2}
    labels = {f.value: f.label for f in service.search(SearchQuery(language="fr")).facets["type"]}
    assert labels["strategy"] != "strategy"


def test_material_hit_leads_to_its_law_and_follows_the_law_publication() -> None:
    law = LawFactory(title="Organized Crime Act")
    memo = MaterialFactory(law=law, tags={"articles": ["UNTOC-2"]})
    attach(MaterialAttachment, "material", memo, "Rationale for the controlled delivery clause")
    indexing.rebuild()
    (hit,) = service.search(SearchQuery(text="controlled delivery rationale")).hits
    assert hit.type == "material" and hit.url == f"/laws/{law.pk}/#material-{memo.pk}"
    assert "Organized Crime Act" in hit.source["subtitle"]
    assert ids(service.search(SearchQuery(filters={"article": ("UNTOC-2",), "type": ("material",)}))) == [hit.id]

    law.status = PublicationStatus.WITHDRAWN
    law.save()
    indexing.index_laws([law.pk])
    assert ids(service.search(SearchQuery(text="controlled delivery rationale"))) == []


def test_material_date_gives_year() -> None:
    memo = MaterialFactory(date=dt.date(2019, 7, 1))
    (doc,), _ = documents_for("material", [memo.pk])
    assert doc["year"] == 2019 and doc["parent_id"] == memo.law_id
