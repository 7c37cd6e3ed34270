"""Document kinds come from the models' declarations (sherloc.families.SearchDocument): a family declares
its documents on its model and the search layer, naming no family, builds them and lists their type."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from legislation.models import Law
from search import documents, facets, schema, service
from search.documents import builders, documents_for, tag_source
from sherloc.families import SearchDocument
from sherloc.models import PublicationStatus
from sherloc.publishable import families
from strategies.models import Strategy
from tests.factories import LawFactory, country

pytestmark = pytest.mark.django_db


def build_law_sheet(row: dict, tags: object, vocab: object) -> dict:
    """A family's own fields, as a family app's documents.py builds them."""
    return {"title": row["title"], "texts": {"en": {"title": row["title"], "body": " ".join(tags.attachment_texts)}}}


@pytest.fixture
def law_sheets(monkeypatch):  # noqa: ANN001, ANN201
    """A new document kind declared on a model, as a new family would: nothing in search/ changes."""
    spec = SearchDocument(
        kind="law-sheet",
        type="sheet",
        label="Law sheets",
        fields=("pk", "title", "country", "updated_at"),
        tags=("attachments",),
        build="tests.search.test_registry.build_law_sheet",
        viewname="legislation:law-detail",
        type_facets=("legal_status",),
    )
    monkeypatch.setattr(Law, "search_document", spec, raising=False)
    monkeypatch.setitem(schema.DOC_KINDS, "law-sheet", "sheet")  # the index format's list of kinds
    builders.cache_clear()
    yield spec
    monkeypatch.undo()
    builders.cache_clear()


def test_every_family_declares_its_documents_under_its_record_kind() -> None:
    kinds = set(builders())
    assert {model.record_kind for model in families()} - {"law"} <= kinds  # a law's documents are its provisions
    assert schema.DOC_KINDS == {
        "provision": "legislation",
        "case": "case",
        "authority": "authority",
        "strategy": "strategy",
        "material": "material",
        "publication": "publication",
        "guidance": "guidance",
    }
    assert facets.DOC_TYPES == ("legislation", "case", "authority", "strategy", "material", "publication", "guidance")
    assert facets.FACET_TYPES["publication_type"] == "publication"
    assert facets.FACET_TYPES["role"] == "authority" and facets.FACET_TYPES["verdict"] == "case"
    assert str(service.DOC_TYPE_LABELS["strategy"]) == "Strategies and policies"


def test_a_declared_kind_is_built_listed_and_labelled(law_sheets) -> None:  # noqa: ANN001
    law = LawFactory(country=country("BRA"), title="Penal Code", status=PublicationStatus.PUBLISHED)
    draft = LawFactory(country=country("BRA"), title="Draft code", status=PublicationStatus.DRAFT)

    (doc,), missing = documents_for("law-sheet", [law.pk, draft.pk])

    assert missing == [f"law-sheet:{draft.pk}"]  # only published records have documents
    assert (doc["id"], doc["type"], doc["title"], doc["country"]) == (
        f"law-sheet:{law.pk}",
        "sheet",
        "Penal Code",
        "BRA",
    )
    assert doc["url"] == f"/laws/{law.pk}/" and doc["version"] == law.updated_at.isoformat()
    assert doc["article"] == [] and doc["region"]  # the generic part: tag facets, regions
    assert "sheet" in facets.DOC_TYPES and str(service.DOC_TYPE_LABELS["sheet"]) == "Law sheets"
    assert facets.FACET_TYPES["legal_status"] == "sheet"
    assert "law-sheet" in documents.KINDS


def test_a_relation_that_is_no_tag_is_refused_by_name() -> None:
    with pytest.raises(ImproperlyConfigured, match="'country'"):
        tag_source(Strategy, "country")
    assert tag_source(Strategy, "covered_countries").target == "countries"
    assert tag_source(Strategy, "article_tags").extra == "paragraph"


def test_a_kind_missing_from_the_index_format_is_named(monkeypatch) -> None:  # noqa: ANN001
    spec = SearchDocument(
        kind="law-sheet",
        type="sheet",
        label="Law sheets",
        fields=("pk",),
        tags=(),
        build="tests.search.test_registry.build_law_sheet",
        viewname="legislation:law-detail",
    )
    monkeypatch.setattr(Law, "search_document", spec, raising=False)
    builders.cache_clear()
    try:
        with pytest.raises(ImproperlyConfigured, match="'law-sheet': 'sheet' to search.schema.DOC_KINDS"):
            builders()
    finally:
        monkeypatch.undo()
        builders.cache_clear()
