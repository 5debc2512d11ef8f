"""Signing and verifying the TIA PDF (PAdES via pyHanko)."""

from transfer_tool.signing.fields import DEFAULT_SIGNATURE_FIELD, SignatureFieldLayout, add_signature_field
from transfer_tool.signing.identity import (
    SigningIdentity,
    create_self_signed_identity,
    export_certificate_pem,
    open_identity,
)
from transfer_tool.signing.sign import sign_pdf
from transfer_tool.signing.verify import VerificationResult, verify_pdf

__all__ = [
    "DEFAULT_SIGNATURE_FIELD",
    "SignatureFieldLayout",
    "SigningIdentity",
    "VerificationResult",
    "add_signature_field",
    "create_self_signed_identity",
    "export_certificate_pem",
    "open_identity",
    "sign_pdf",
    "verify_pdf",
]
