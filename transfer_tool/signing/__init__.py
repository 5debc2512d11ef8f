"""Signing and verifying the TIA PDF (PAdES via pyHanko).

pyHanko (and with it aiohttp, for timestamp servers) is heavy to import: the names below load their module
on first use, so code that only needs `SignatureFieldLayout` or `DEFAULT_SIGNATURE_FIELD` (the renderer,
a draft report) never loads the signing stack.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from transfer_tool.signing.fields import (
        DEFAULT_SIGNATURE_FIELD,
        SignatureFieldLayout,
        add_signature_field,
    )
    from transfer_tool.signing.identity import (
        SigningIdentity,
        create_self_signed_identity,
        export_certificate_pem,
        open_identity,
    )
    from transfer_tool.signing.result import VerificationResult
    from transfer_tool.signing.sign import sign_pdf
    from transfer_tool.signing.verify import verify_pdf

_WHERE = {
    "DEFAULT_SIGNATURE_FIELD": "fields",
    "SignatureFieldLayout": "fields",
    "add_signature_field": "fields",
    "SigningIdentity": "identity",
    "create_self_signed_identity": "identity",
    "export_certificate_pem": "identity",
    "open_identity": "identity",
    "sign_pdf": "sign",
    "VerificationResult": "result",
    "verify_pdf": "verify",
}

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


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"{__name__}.{name}", name=name)
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # the next look-up is a plain attribute
    return value
