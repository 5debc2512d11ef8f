"""Signed PDFs for tests of signing and verifying (with a throwaway self-signed identity). Tests that
approve use `tests/approval_support.py`: approval renders and signs itself."""

from __future__ import annotations

import atexit
import functools
import io
import shutil
import tempfile
from pathlib import Path

from reportlab.pdfgen import canvas

from transfer_tool import signing

PASSPHRASE = "test passphrase"


@functools.cache
def identity() -> Path:
    """One self-signed identity per test process, in a folder removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix="tia-test-identity-"))
    atexit.register(shutil.rmtree, folder, True)
    return signing.create_self_signed_identity("Test Approver", "approver@example.org", PASSPHRASE, folder)


def sign(pdf: bytes, signer: str = "Test Approver") -> bytes:
    return signing.sign_pdf(
        pdf,
        identity(),
        PASSPHRASE,
        reason="Approval of the transfer impact assessment",
        location="Tokyo",
        signer_display_name=signer,
    )


@functools.cache
def unsigned_stand_in() -> bytes:
    """A one-page PDF, not signed."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "A stand-in for a signed transfer impact assessment")
    page.save()
    return buffer.getvalue()


@functools.cache
def signed_stand_in() -> bytes:
    """A one-page PDF, signed: for tests about the approval's effects rather than the report's text."""
    return sign(unsigned_stand_in())
