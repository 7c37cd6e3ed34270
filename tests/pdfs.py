"""Small real PDFs for upload tests, built with pypdf: one page per text, Helvetica, so
`extract_text()` gives the words back."""

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ContentStream, DictionaryObject, NameObject


def make_pdf(*pages: str, password: str | None = None) -> bytes:
    writer = PdfWriter()
    for text in pages or ("",):
        page = writer.add_blank_page(width=612, height=792)
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream = ContentStream(None, writer)
        stream.set_data(f"BT /F1 12 Tf 72 720 Td ({escaped}) Tj ET".encode("latin-1"))
        page.replace_contents(stream)
    if password:
        writer.encrypt(password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_bomb_pdf(inflated_bytes: int = 20_000_000, repeats: int = 100, before: str = "", after: str = "") -> bytes:
    """A small PDF whose one page repeats one compressed content stream `repeats` times, together inflating
    to about `inflated_bytes` of text-showing operators (the "content-stream bomb" of issue #19). Optional
    ordinary pages before and after it."""
    from pypdf.generic import ArrayObject, DecodedStreamObject

    source = PdfReader(io.BytesIO(make_pdf(*(text for text in (before, "bomb", after) if text))))
    writer = PdfWriter(clone_from=source)
    operators = b"BT /F1 12 Tf 72 720 Td (bomb words) Tj ET\n"
    chunk = DecodedStreamObject()
    chunk.set_data(operators * max(1, inflated_bytes // repeats // len(operators)))
    reference = writer._add_object(chunk.flate_encode(level=9))
    page = writer.pages[1 if before else 0]
    page[NameObject("/Contents")] = ArrayObject([reference] * repeats)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
