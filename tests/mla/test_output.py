"""The exported files parsed back: DOCX with python-docx, PDF with pypdf (headings, the requested authority's
name, the cited provision's text), in the output language's fixed text; the export log."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from mla import output
from mla.models import RequestExport
from tests.factories import AssistanceMeasureFactory, RequestDraftFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def complete(world):  # noqa: ANN001, ANN201
    draft = RequestDraftFactory(
        owner=world.practitioner,
        requested_authority=world.authority,
        offences=[world.bra_provision],
        urgent=True,
        urgency_reasons="The suspects' trial opens on 12 May.",
    )
    AssistanceMeasureFactory(draft=draft, measure="records")
    AssistanceMeasureFactory(draft=draft, measure="evidence", details="Hear the hotel manager, Mr. R. Pérez.")
    return draft


def export(client, draft, file_format: str):  # noqa: ANN001, ANN201
    client.force_login(draft.owner)
    return client.post(reverse("mla:export", kwargs={"pk": draft.pk, "file_format": file_format}))


def docx_text(content: bytes) -> tuple[list[str], str]:
    from docx import Document

    doc = Document(io.BytesIO(content))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    return headings, "\n".join(p.text for p in doc.paragraphs)


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_docx_in_english(client, world, complete) -> None:  # noqa: ANN001
    response = export(client, complete, "docx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    headings, text = docx_text(response.content)
    assert headings[:2] == ["Cover letter", "Request for mutual legal assistance in criminal matters"]
    for heading in (
        "1. Requesting authority",
        "3. Legal basis",
        "6. Offences and applicable law",
        "7. Assistance requested",
    ):
        assert heading in headings
    assert "Código Penal, Art. 149-A – Tráfico de Pessoas" in headings
    assert world.authority.name in text and "Esmeralda 1212, Buenos Aires" in text
    assert world.bra_provision.text in text  # the cited provision, as written
    assert "Hear the hotel manager, Mr. R. Pérez." in text and "This request is urgent" in text
    assert "United Nations Convention against Transnational Organized Crime, article 18" in text


def test_docx_fixed_text_in_french_user_text_as_written(client, world, complete) -> None:  # noqa: ANN001
    complete.output_language = "fr"
    complete.save()
    headings, text = docx_text(export(client, complete, "docx").content)
    assert "Argentine" in text  # the requested State in French
    assert complete.facts in text and world.bra_provision.text in text
    log = RequestExport.objects.get()
    assert (log.file_format, log.language, log.user) == ("docx", "fr", complete.owner)


def test_pdf_in_english(client, world, complete) -> None:  # noqa: ANN001
    response = export(client, complete, "pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Cover letter" in text and "Request for mutual legal assistance in criminal matters" in text
    assert "6. Offences and applicable law" in text
    assert world.authority.name in text
    assert "Agenciar, aliciar, recrutar" in text  # the cited provision's text
    assert RequestExport.objects.filter(file_format="pdf", language="en").count() == 1


def test_pdf_in_arabic_is_shaped_right_to_left(client, world, complete) -> None:  # noqa: ANN001
    from pypdf import PdfReader

    complete.output_language = "ar"
    complete.save()
    response = export(client, complete, "pdf")
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.metadata.title  # the title in Arabic
    text = pdf_text(response.content)
    assert world.authority.name in text and "Agenciar, aliciar" in text
    # Shaped Arabic: the glyphs of the fixed text are there (as contextual forms or base letters).
    assert any("\u0600" <= ch <= "\u06ff" or "\ufe70" <= ch <= "\ufeff" for ch in text)


def test_pdf_in_chinese(client, world, complete) -> None:  # noqa: ANN001
    complete.output_language = "zh-hans"
    complete.save()
    if output.cjk_font() is None:
        response = export(client, complete, "pdf")
        assert response.status_code == 503 and "No CJK font is installed" in response.content.decode()
        assert not RequestExport.objects.exists()
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk): the Chinese PDF cannot be drawn")
    response = export(client, complete, "pdf")
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert world.authority.name in text and "Agenciar, aliciar" in text


def test_every_export_is_logged_for_its_author_only(client, world, complete) -> None:  # noqa: ANN001
    export(client, complete, "pdf")
    export(client, complete, "docx")
    assert list(RequestExport.objects.values_list("file_format", flat=True)) == ["docx", "pdf"]
    page = client.get(reverse("mla:step", kwargs={"pk": complete.pk, "step": "review"})).content.decode()
    assert page.count("<tr><td><time") == 2


def test_docx_in_arabic_runs_right_to_left(client, world, complete) -> None:  # noqa: ANN001
    from docx import Document
    from docx.oxml.ns import qn

    complete.output_language = "ar"
    complete.save()
    response = export(client, complete, "docx")
    assert response.status_code == 200
    doc = Document(io.BytesIO(response.content))
    paragraphs = [p for p in doc.paragraphs if p.text]
    assert paragraphs and all(p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None for p in paragraphs)
    assert "الأرجنتين" in "\n".join(p.text for p in paragraphs)  # the requested State, named in Arabic
