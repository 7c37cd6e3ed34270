"""The request's files: DOCX (python-docx) and PDF (fpdf2, its text shaped by HarfBuzz through uharfbuzz so
Arabic joins and runs right to left). Both lay out the same mla.document blocks.

Fonts: DejaVu Sans (Latin, Cyrillic, Arabic) from the system, and for Chinese the first CJK font found
(Debian's fonts-noto-cjk or fonts-wqy-zenhei; .ci/run and the Dockerfile install one) as a fallback font.
Without one, Chinese characters cannot be drawn: `cjk_font()` says so and the PDF refuses Chinese output
rather than printing blanks.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from django.conf import settings

from .document import Block, Document

DEJAVU = Path(getattr(settings, "MLA_DEJAVU_DIR", "/usr/share/fonts/truetype/dejavu"))
CJK_FONTS = [  # (path, index in a collection); the Simplified Chinese face of Noto CJK is index 2
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
]


# fontTools logs every glyph of every font subset fpdf2 embeds at INFO: noise in the server's log.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)


class OutputUnavailable(Exception):
    """The file cannot be made on this server (a font is missing); the message says which."""


def cjk_font() -> tuple[str, int] | None:
    for path, index in CJK_FONTS:
        if Path(path).exists():
            return path, index
    return None


def _has_cjk(text: str) -> bool:
    return any("\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef" for ch in text)


# --- DOCX ---


def to_docx(doc: Document) -> bytes:
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml.ns import qn
    from docx.shared import Pt

    out = Docx()
    out.core_properties.title = doc.title
    out.core_properties.language = doc.language
    style = out.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(11)

    def rtl(paragraph: object) -> None:
        """Right-to-left paragraph and runs (w:bidi, w:rtl) for Arabic."""
        if not doc.rtl:
            return
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.element.get_or_add_pPr().append(
            paragraph.paragraph_format.element.makeelement(qn("w:bidi"), {})
        )
        for run in paragraph.runs:
            run.font.rtl = True

    for block in doc.blocks:
        if block.kind == "title":
            paragraph = out.add_heading(block.text, level=1)
        elif block.kind == "heading":
            paragraph = out.add_heading(block.text, level=2)
        elif block.kind == "subheading":
            paragraph = out.add_heading(block.text, level=3)
        elif block.kind == "field":
            paragraph = out.add_paragraph()
            paragraph.add_run(f"{block.label}: ").bold = True
            paragraph.add_run(block.text)
        elif block.kind == "quote":
            paragraph = out.add_paragraph(block.text, style="Quote")
        elif block.kind == "break":
            out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            continue
        else:
            paragraph = out.add_paragraph(block.text)
        rtl(paragraph)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


# --- PDF ---


def to_pdf(doc: Document) -> bytes:
    from fpdf import FPDF

    text = " ".join(f"{b.label} {b.text}" for b in doc.blocks)
    cjk = cjk_font()
    if cjk is None and _has_cjk(text):
        raise OutputUnavailable("No CJK font is installed (apt-get install fonts-noto-cjk): Chinese cannot be drawn.")
    pdf = FPDF(format="A4")
    pdf.set_title(doc.title)
    pdf.set_lang(doc.language)
    pdf.set_creator("SHERLOC MLA request writer")
    pdf.add_font("DejaVu", "", DEJAVU / "DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", DEJAVU / "DejaVuSans-Bold.ttf")
    if cjk is not None:
        pdf.add_font("CJK", "", cjk[0], collection_font_number=cjk[1])
        pdf.add_font("CJK", "B", cjk[0], collection_font_number=cjk[1])
        pdf.set_fallback_fonts(["CJK"], exact_match=False)
    pdf.set_text_shaping(True)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    align = "R" if doc.rtl else "L"
    width = pdf.epw
    # Chinese has no spaces between words: lines break between characters.
    wrapmode = "CHAR" if doc.language.startswith("zh") else "WORD"

    def write(block_text: str, size: float, bold: bool = False, gap: float = 2, indent: float = 0) -> None:
        pdf.set_font("DejaVu", "B" if bold else "", size)
        pdf.set_x(pdf.l_margin + (0 if doc.rtl else indent))
        pdf.multi_cell(
            width - indent, size * 0.5, block_text, align=align, new_x="LMARGIN", new_y="NEXT", wrapmode=wrapmode
        )
        pdf.ln(gap)

    for block in doc.blocks:
        if block.kind == "title":
            write(block.text, 15, bold=True, gap=4)
        elif block.kind == "heading":
            pdf.ln(2)
            write(block.text, 12.5, bold=True)
        elif block.kind == "subheading":
            write(block.text, 11, bold=True, gap=1)
        elif block.kind == "field":
            write(block.label, 9.5, bold=True, gap=0.5)
            write(block.text, 10.5)
        elif block.kind == "quote":
            write(block.text, 10, indent=8)
        elif block.kind == "break":
            pdf.add_page()
        else:
            write(block.text, 10.5)
    return bytes(pdf.output())


def render(doc: Document, file_format: str) -> bytes:
    return to_docx(doc) if file_format == "docx" else to_pdf(doc)


__all__ = ["Block", "Document", "OutputUnavailable", "cjk_font", "render", "to_docx", "to_pdf"]
