"""The empty signature field of the sign-off box, written by ReportLab while the page is built.

It is the field pyHanko's `append_signature_field` would add afterwards (`/FT /Sig`, a widget with the
print and locked flags, an empty appearance, `/SigFlags 1` in the form), but written in the same pass as
the rest of the document: a draft report needs neither pyHanko nor a second parse of its own PDF. Any
PAdES signer, ours or a third party's, fills it in (`transfer_tool.signing.sign_pdf`).
"""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString
from reportlab.pdfgen.canvas import Canvas

from transfer_tool.report.reportlab_adapter import add_annotation, canvas_document

# ISO 32000-1 table 165 (annotation flags): Print (bit 3) and Locked (bit 8), as pyHanko sets them.
_PRINT_AND_LOCKED = 4 | 128
# ISO 32000-1 table 219 (SigFlags): SignaturesExist.
_SIGNATURES_EXIST = 1


def rounded_box(box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    """Whole points, as `SignatureFieldLayout.spec()` gives them to pyHanko."""
    return (round(box[0]), round(box[1]), round(box[2]), round(box[3]))


def add_empty_signature_field(canv: Canvas, name: str, box: tuple[float, float, float, float]) -> None:
    """An unsigned signature field named `name` on the canvas's current page at `box` (page points)."""
    x1, y1, x2, y2 = rounded_box(box)
    doc = canvas_document(canv)
    appearance = PDFStream(
        PDFDictionary(
            {
                "Type": PDFName("XObject"),
                "Subtype": PDFName("Form"),
                "BBox": PDFArray([0, 0, x2 - x1, y2 - y1]),
            }
        ),
        content=b"",
    )
    widget = PDFDictionary(
        {
            "FT": PDFName("Sig"),
            "T": PDFString(name),
            "Type": PDFName("Annot"),
            "Subtype": PDFName("Widget"),
            "F": _PRINT_AND_LOCKED,
            "Rect": PDFArray([x1, y1, x2, y2]),
            "P": doc.thisPageRef(),
            "AP": PDFDictionary({"N": doc.Reference(appearance)}),
        }
    )
    add_annotation(canv, widget)
    form = canv.acroForm
    form.sigFlags = _SIGNATURES_EXIST
    form.fields.append(doc.Reference(widget))
