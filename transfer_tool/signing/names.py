"""A certificate's name as people read it: its common name, organisation and e-mail, never an attribute's
dotted number (`rfc4514_string()` writes the e-mail as `1.2.840.113549.1.9.1=...`). cryptography only."""

from __future__ import annotations

from cryptography import x509
from cryptography.x509.oid import NameOID

_READ_IN_ORDER = (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME, NameOID.EMAIL_ADDRESS)


def readable_name(name: x509.Name) -> str:
    """ "Taro Yamada · Net Japan Co., Ltd. · taro@example.jp"; a name without these attributes shows its
    other values (country, place, unit) without their keys."""
    parts = [str(a.value) for oid in _READ_IN_ORDER for a in name.get_attributes_for_oid(oid)]
    if not parts:
        parts = [str(a.value) for a in name]
    return " · ".join(dict.fromkeys(p.strip() for p in parts if str(p).strip()))


def readable_name_of_der(certificate_der: bytes) -> str:
    """The subject of a DER certificate (as pyHanko's asn1crypto hands it over), readable."""
    try:
        return readable_name(x509.load_der_x509_certificate(certificate_der).subject)
    except ValueError:  # not a certificate cryptography can read: no name rather than a wrong one
        return ""
