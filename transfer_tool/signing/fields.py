"""Where the approver's signature goes: a named field on a page of the report, and adding it as an
empty (unsigned) signature field so any PAdES signer, ours or a third party's, can sign it there."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pyHanko loads when a field is actually added (the layout itself is plain data)
    from pyhanko.sign.fields import SigFieldSpec

DEFAULT_SIGNATURE_FIELD = "ApproverSignature"


@dataclass(frozen=True)
class SignatureFieldLayout:
    field_name: str
    page_index: int  # 0-based
    box: tuple[float, float, float, float]  # (x1, y1, x2, y2) in PDF points from the bottom-left

    def spec(self) -> SigFieldSpec:
        from pyhanko.sign.fields import SigFieldSpec

        rounded = (round(self.box[0]), round(self.box[1]), round(self.box[2]), round(self.box[3]))
        return SigFieldSpec(self.field_name, on_page=self.page_index, box=rounded)


def add_signature_field(pdf: bytes, layout: SignatureFieldLayout) -> bytes:
    """`pdf` with an empty signature field at `layout` (as an incremental update)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import append_signature_field

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    append_signature_field(writer, layout.spec())
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()
