"""Signing identities: a PKCS#12 file (a certificate and its key, encrypted with a passphrase).

Either the user brings one (from their organisation's CA), or the tool makes a self-signed one for the
manager. The file lives in the folder the caller gives (the user's data folder), owner-only; never in the
database.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from transfer_tool.errors import ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.signing.names import readable_name

_VALIDITY_DAYS = 5 * 365


@dataclass(frozen=True)
class SigningIdentity:
    """A PKCS#12 file on disk. Opening it needs the passphrase; see `open_identity`."""

    path: Path


@dataclass(frozen=True)
class OpenedIdentity:
    key: PrivateKeyTypes
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]
    pkcs12_bytes: bytes

    @property
    def subject_name(self) -> str:
        names = self.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(names[0].value) if names else readable_name(self.certificate.subject)


def _as_identity(identity: SigningIdentity | str | os.PathLike[str]) -> SigningIdentity:
    return identity if isinstance(identity, SigningIdentity) else SigningIdentity(Path(identity))


def open_identity(identity: SigningIdentity | str | os.PathLike[str], passphrase: str) -> OpenedIdentity:
    """Read and decrypt the identity; a wrong passphrase or a bad file is a ValidationError."""
    ident = _as_identity(identity)
    try:
        data = ident.path.read_bytes()
    except OSError as exc:
        raise ValidationError(
            error_text(
                "The signing identity {0} cannot be read ({1}). Choose another file.",
                ident.path,
                exc.strerror,
            )
        ) from exc
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, passphrase.encode("utf-8"))
    except ValueError as exc:
        raise ValidationError(
            "The passphrase does not open this signing identity, or the file is not a PKCS#12 (.p12/.pfx) "
            "file. Check the passphrase and try again."
        ) from exc
    if key is None or cert is None:
        raise ValidationError(
            "The signing identity holds no private key and certificate. Choose a complete .p12 file."
        )
    return OpenedIdentity(key, cert, tuple(extra), data)


def _file_stem(name: str, email: str) -> str:
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", email.split("@")[0] or name).strip("-.") or "identity"
    return f"{base}-{secrets.token_hex(4)}"


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(path, 0o600)  # the umask may have widened nothing, but be explicit


def create_self_signed_identity(
    name: str, email: str, passphrase: str, directory: str | os.PathLike[str]
) -> Path:
    """Make a self-signed signing certificate for `name` (Japanese allowed) and store it with its key in
    an encrypted PKCS#12 file in `directory`. Returns the file's path."""
    problems = []
    if not name.strip():
        problems.append("Enter the signer's name.")
    if len(passphrase) < 8:
        problems.append("Choose a passphrase of at least 8 characters; it protects the signing key.")
    if problems:
        raise ValidationError(" ".join(problems))
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, name.strip())]
    if email:
        attributes.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    subject = x509.Name(attributes)
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=_VALIDITY_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if email:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False)
    cert = builder.sign(key, hashes.SHA256())
    data = pkcs12.serialize_key_and_certificates(
        name.strip().encode("utf-8"),
        key,
        cert,
        None,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )
    path = folder / f"{_file_stem(name, email)}.p12"
    _write_private(path, data)
    return path


def export_certificate_pem(identity: SigningIdentity | str | os.PathLike[str], passphrase: str) -> bytes:
    """The identity's certificate as PEM, for an admin's list of trusted signers (no key material)."""
    return open_identity(identity, passphrase).certificate.public_bytes(serialization.Encoding.PEM)
