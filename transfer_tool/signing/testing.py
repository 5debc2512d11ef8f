"""An offline test PKI (for tests, the benchmark and demos): a CA, a trusted signer, an untrusted
signer (self-signed) and an RSA timestamp authority for pyHanko's DummyTimeStamper."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

from transfer_tool.signing.identity import create_self_signed_identity


@dataclass(frozen=True)
class OfflinePki:
    ca_pem: bytes
    signer_p12: Path  # issued by the CA
    untrusted_p12: Path  # self-signed, not in any trust list
    passphrase: str
    tsa_cert_der: bytes
    tsa_key_der: bytes

    def timestamper(self) -> DummyTimeStamper:
        return DummyTimeStamper(
            tsa_cert=asn1_x509.Certificate.load(self.tsa_cert_der),
            tsa_key=asn1_keys.PrivateKeyInfo.load(self.tsa_key_der),
        )


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test PKI"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _key_usage(*, sign: bool = False, ca: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=sign,
        content_commitment=sign,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def make_test_pki(
    directory: Path, signer_name: str = "山田 太郎 (DPO)", passphrase: str = "correct horse battery"
) -> OfflinePki:
    directory.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("Test Root CA")
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_key_usage(ca=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )

    def issue(cn: str, *, tsa: bool) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(cn))
            .issuer_name(ca_name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=730))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_key_usage(sign=True), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
            )
        )
        if tsa:
            builder = builder.add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
            )
        return key, builder.sign(ca_key, hashes.SHA256())

    signer_key, signer_cert = issue(signer_name, tsa=False)
    signer_p12 = directory / "signer.p12"
    signer_p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"signer",
            signer_key,
            signer_cert,
            [ca_cert],
            serialization.BestAvailableEncryption(passphrase.encode()),
        )
    )
    signer_p12.chmod(0o600)
    tsa_key, tsa_cert = issue("Test TSA", tsa=True)
    untrusted = create_self_signed_identity("Mallory Untrusted", "mallory@example.org", passphrase, directory)
    return OfflinePki(
        ca_pem=ca_cert.public_bytes(serialization.Encoding.PEM),
        signer_p12=signer_p12,
        untrusted_p12=untrusted,
        passphrase=passphrase,
        tsa_cert_der=tsa_cert.public_bytes(serialization.Encoding.DER),
        tsa_key_der=tsa_key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ),
    )
