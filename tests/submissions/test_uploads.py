"""PDF attachments: checked by content and size, stored under a generated name, text searchable once
the law is published, downloads only through the permission-checked view."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from caselaw.models import CaseAttachment
from legislation.models import Law, LawAttachment
from search import service
from search.query import SearchQuery
from sherloc import uploads
from sherloc.models import PublicationStatus
from submissions import workflow
from tests.factories import CaseFactory, LawFactory, ProvisionFactory, country
from tests.pdfs import make_pdf
from tests.submissions.conftest import as_user
from tests.submissions.test_law_form import ART1, edit_url, post_data

pytestmark = pytest.mark.django_db
PDF_WORD = "Quokkafelony"  # appears only in the PDF
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def pdf_upload(
    name: str = "Gazette 2016.pdf", text: str = f"Official gazette {PDF_WORD} provisions"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, make_pdf(text), content_type="application/octet-stream")


# --- the checker ---------------------------------------------------------------------------------------
def test_real_pdf_is_accepted_and_its_text_extracted() -> None:
    checked = uploads.check_pdf(pdf_upload())
    assert checked.content_type == "application/pdf"
    assert PDF_WORD in checked.extracted_text
    assert checked.original_name == "Gazette 2016.pdf"
    assert checked.size > 0


def test_the_name_does_not_decide_the_type() -> None:
    with pytest.raises(ValidationError) as refused:
        uploads.check_pdf(SimpleUploadedFile("setup.pdf", EXE, content_type="application/pdf"))
    assert refused.value.code == "not_pdf"
    assert PDF_WORD in uploads.check_pdf(pdf_upload(name="scan.bin")).extracted_text


def test_oversized_file_is_refused_before_it_is_read(settings) -> None:  # noqa: ANN001
    settings.ATTACHMENT_MAX_BYTES = 100
    with pytest.raises(ValidationError) as refused:
        uploads.check_pdf(pdf_upload())
    assert refused.value.code == "too_large"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"%PDF-1.7\n this is not really a PDF at all", "damaged"),
        (make_pdf("secret", password="pw"), "encrypted"),
        (b"", "empty"),
    ],
)
def test_broken_pdfs_get_a_clear_error(content: bytes, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        uploads.check_pdf(SimpleUploadedFile("x.pdf", content))
    assert refused.value.code == code


def test_extraction_is_bounded(settings) -> None:  # noqa: ANN001
    settings.ATTACHMENT_TEXT_MAX_PAGES = 2
    settings.ATTACHMENT_TEXT_MAX_CHARS = 1000
    upload = SimpleUploadedFile("long.pdf", make_pdf("first page", "second page", "third page"))
    text = uploads.check_pdf(upload).extracted_text
    assert "second page" in text and "third page" not in text
    settings.ATTACHMENT_TEXT_MAX_CHARS = 5
    assert len(uploads.check_pdf(upload).extracted_text) == 5


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("C:\\Users\\me\\Desktop\\Lei 13.344.pdf", "Lei 13.344.pdf"),
        ("../../etc/passwd", "passwd"),
        ("a\x00b<>.pdf", "a_b_.pdf"),
        ("", "document.pdf"),
        ("x" * 300 + ".pdf", "x" * 251 + ".pdf"),
    ],
)
def test_original_name_is_a_clean_base_name(raw: str, clean: str) -> None:
    assert uploads.clean_name(raw) == clean


# --- the law form ----------------------------------------------------------------------------------------
def form_data(law: Law, **extra) -> dict:  # noqa: ANN003
    data = post_data(law={"title": law.title}, provisions=[{"id": law.provisions.get().pk, **ART1}], initial=1)
    data.update(extra)
    return data


def test_focal_point_attaches_a_pdf_stored_under_a_generated_name(client, fp_bra, draft_law, settings) -> None:  # noqa: ANN001
    client = as_user(client, fp_bra)
    response = client.post(edit_url(draft_law), form_data(draft_law, **{"attachments-files": pdf_upload()}))
    assert response.status_code == 302, response.content.decode()[:2000]
    attachment = draft_law.attachments.get()
    assert attachment.original_name == "Gazette 2016.pdf"
    assert attachment.title == "Gazette 2016"
    assert attachment.content_type == "application/pdf"
    assert PDF_WORD in attachment.extracted_text
    stored = Path(attachment.file.name)
    assert "Gazette" not in stored.name and re.fullmatch(r"[0-9a-f]{32}\.pdf", stored.name)
    assert (Path(settings.MEDIA_ROOT) / attachment.file.name).read_bytes().startswith(b"%PDF-")
    page = client.get(edit_url(draft_law)).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert f'href="/files/law/{attachment.pk}/"' in page and "Gazette 2016.pdf" in page


def test_refused_upload_keeps_everything_typed(client, fp_bra, draft_law) -> None:  # noqa: ANN001
    client = as_user(client, fp_bra)
    data = form_data(draft_law, title="A title typed before the upload failed")
    data["attachments-files"] = [SimpleUploadedFile("setup.pdf", EXE), pdf_upload()]
    response = client.post(edit_url(draft_law), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "setup.pdf: The file is not a PDF" in body
    assert 'value="A title typed before the upload failed"' in body
    assert ART1["text"] in body
    draft_law.refresh_from_db()
    assert draft_law.title == "Draft Act against Trafficking"
    assert not draft_law.attachments.exists()


def test_oversized_upload_is_a_field_error(client, fp_bra, draft_law, settings) -> None:  # noqa: ANN001
    settings.ATTACHMENT_MAX_BYTES = 200
    data = form_data(draft_law, **{"attachments-files": pdf_upload()})
    response = as_user(client, fp_bra).post(edit_url(draft_law), data)
    assert response.status_code == 200
    assert "larger than" in response.content.decode()
    assert not draft_law.attachments.exists()


def test_attached_file_can_be_removed_while_editable(client, fp_bra, draft_law, settings, commit) -> None:  # noqa: ANN001
    client = as_user(client, fp_bra)
    client.post(edit_url(draft_law), form_data(draft_law, **{"attachments-files": pdf_upload()}))
    attachment = draft_law.attachments.get()
    path = Path(settings.MEDIA_ROOT) / attachment.file.name
    assert path.exists()
    with commit():  # the file leaves storage after commit
        response = client.post(edit_url(draft_law), form_data(draft_law, **{"attachments-remove": [attachment.pk]}))
    assert response.status_code == 302
    assert not draft_law.attachments.exists()
    assert not path.exists()


def test_submitted_law_shows_its_files_read_only(client, fp_bra, draft_law) -> None:  # noqa: ANN001
    attachment = LawAttachment.objects.create(law=draft_law, file=ContentFile(b"%PDF-1.4", name="g.pdf"))
    draft_law.status = PublicationStatus.SUBMITTED
    draft_law.save()
    body = as_user(client, fp_bra).get(edit_url(draft_law)).content.decode()
    assert f'href="/files/law/{attachment.pk}/"' in body
    assert 'name="attachments-files"' not in body and 'name="attachments-remove"' not in body


# --- search ------------------------------------------------------------------------------------------------
def found(word: str = PDF_WORD) -> set[int]:
    """Provisions found (a law's PDF text is indexed with its lead provision)."""
    return {hit.record_id for hit in service.search(SearchQuery(text=word)).hits if hit.type == "legislation"}


def test_pdf_text_is_searchable_after_publication_only(client, commit, fp_bra, reviewer) -> None:  # noqa: ANN001
    with commit():
        law = LawFactory(status=PublicationStatus.DRAFT, country=country("BRA"))
        ProvisionFactory(law=law, order=2, text="Second provision.")
        lead = ProvisionFactory(law=law, order=1, text="First provision.")
    with commit():  # (the indexing callbacks of the form's transaction must run, as they do outside tests)
        response = as_user(client, fp_bra).post(
            edit_url(law),
            {
                **post_data(
                    law={"title": law.title},
                    provisions=[{"id": p.pk, **ART1, "label": p.label} for p in law.provisions.order_by("order")],
                    initial=2,
                ),
                "attachments-files": pdf_upload(),
            },
        )
    assert response.status_code == 302
    assert found() == set()
    with commit():
        workflow.submit(law, fp_bra)
    with commit():
        workflow.start_review(law, reviewer)
    assert found() == set()
    with commit():
        workflow.publish(law, reviewer)
    hits = [h for h in service.search(SearchQuery(text=PDF_WORD)).hits if h.type == "legislation"]
    assert [h.record_id for h in hits] == [lead.pk]  # once, on the lead provision
    assert hits[0].url.startswith(f"/laws/{law.pk}/")
    client.logout()
    assert law.title in client.get(f"/en/search/?q={PDF_WORD}").content.decode()

    with commit():  # removing the file takes its words out of the index
        law.attachments.get().delete()
    assert found() == set()


def test_case_attachment_text_is_searchable(commit) -> None:  # noqa: ANN001
    with commit():
        case = CaseFactory()
        CaseAttachment.objects.create(case=case, file=ContentFile(b"%PDF-1.4", name="j.pdf"), extracted_text=PDF_WORD)
    assert case.pk in {h.record_id for h in service.search(SearchQuery(text=PDF_WORD)).hits if h.type == "case"}


# --- downloads ---------------------------------------------------------------------------------------------
@pytest.fixture
def files(db):  # noqa: ANN001, ANN201
    """A published and a draft law of Brazil, and a draft case of Brazil, each with a PDF."""
    out = {}
    for status in (PublicationStatus.PUBLISHED, PublicationStatus.DRAFT):
        law = LawFactory(status=status, country=country("BRA"))
        out[f"law-{status}"] = uploads.apply(
            LawAttachment(law=law), pdf_upload(name="Lei 13.344.pdf"), uploads.check_pdf(pdf_upload())
        )
        out[f"law-{status}"].original_name = "Lei 13.344.pdf"
        out[f"law-{status}"].save()
        case = CaseFactory(status=status, country=country("BRA"))
        out[f"case-{status}"] = CaseAttachment.objects.create(
            case=case, file=ContentFile(make_pdf("judgment"), name="j.pdf"), original_name="Judgment.pdf"
        )
    return out


MATRIX = [
    (None, PublicationStatus.PUBLISHED, 200),
    (None, PublicationStatus.DRAFT, 404),
    ("nobody", PublicationStatus.DRAFT, 403),
    ("fp_fra", PublicationStatus.PUBLISHED, 200),
    ("fp_fra", PublicationStatus.DRAFT, 403),
    ("fp_bra", PublicationStatus.DRAFT, 200),
    ("reviewer", PublicationStatus.DRAFT, 200),
    ("editor", PublicationStatus.DRAFT, 200),
]


@pytest.mark.parametrize("kind", ["law", "case"])
@pytest.mark.parametrize(("who", "status", "expected"), MATRIX)
def test_download_permission_matrix(client, request, files, kind, who, status, expected) -> None:  # noqa: ANN001
    user = request.getfixturevalue(who) if who else None
    attachment = files[f"{kind}-{status}"]
    response = as_user(client, user).get(f"/files/{kind}/{attachment.pk}/")
    assert response.status_code == expected
    if expected == 200:
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Disposition"].startswith("attachment;")
        assert attachment.original_name in response["Content-Disposition"]
        if status != PublicationStatus.PUBLISHED:
            assert "no-store" in response["Cache-Control"]


def test_download_of_unknown_kind_or_missing_file_is_404(client, files) -> None:  # noqa: ANN001
    attachment = files[f"law-{PublicationStatus.PUBLISHED}"]
    assert client.get(f"/files/provision/{attachment.pk}/").status_code == 404
    assert client.get("/files/law/999999/").status_code == 404
    attachment.file.storage.delete(attachment.file.name)
    assert client.get(f"/files/law/{attachment.pk}/").status_code == 404


def test_media_is_not_served_and_public_links_use_the_checked_view(client, files, settings) -> None:  # noqa: ANN001
    attachment = files[f"law-{PublicationStatus.PUBLISHED}"]
    assert client.get(f"/{settings.MEDIA_URL}{attachment.file.name}").status_code == 404
    page = client.get(f"/en/laws/{attachment.law_id}/").content.decode()
    assert f'href="/files/law/{attachment.pk}/"' in page and "/media/" not in page
    api = client.get(f"/api/v1/laws/{attachment.law_id}/").json()
    assert api["attachments"][0]["file_url"] == f"http://testserver/files/law/{attachment.pk}/"
    assert api["attachments"][0]["name"] == "Lei 13.344.pdf"
    case = files[f"case-{PublicationStatus.PUBLISHED}"]
    page = client.get(f"/en/cases/{case.case_id}/").content.decode()
    assert f'href="/files/case/{case.pk}/"' in page
    api = client.get(f"/api/v1/cases/{case.case_id}/").json()
    assert api["attachments"][0]["file_url"] == f"http://testserver/files/case/{case.pk}/"
