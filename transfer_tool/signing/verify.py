"""Verifying a signed report. Never raises: garbage, encrypted or truncated input gives a result that
says so. "Valid" here means intact, trusted, and covering the whole file (nothing appended since)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging

from asn1crypto import pem, x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from transfer_tool.i18n.engine_text import engine_text
from transfer_tool.signing.limits import TOO_COMPLEX, oversize_problem
from transfer_tool.signing.names import readable_name_of_der
from transfer_tool.signing.result import VerificationResult

_log = logging.getLogger(__name__)


def _failure(verdict: str, *reasons: str) -> VerificationResult:
    return VerificationResult(False, False, False, False, verdict=verdict, reasons=reasons or (verdict,))


def _load_certs(trusted_certs: list[bytes]) -> tuple[list[x509.Certificate], list[str]]:
    roots: list[x509.Certificate] = []
    problems: list[str] = []
    for index, blob in enumerate(trusted_certs, start=1):
        try:
            der = pem.unarmor(blob)[2] if pem.detect(blob) else blob
            cert = x509.Certificate.load(der)
            cert.native  # noqa: B018 - parse now so a broken certificate is reported here
            roots.append(cert)
        except Exception:  # any parse failure: report it, keep going with the others
            problems.append(
                engine_text("Trusted certificate no. {0} could not be read and was ignored.", index)
            )
    return roots, problems


def _signer_name(status: PdfSignatureStatus) -> str:
    cert = status.signing_cert
    if cert is None:
        return ""
    subject = cert.subject.native
    return str(subject.get("common_name") or readable_name_of_der(cert.dump()))


def verify_pdf(pdf: bytes, trusted_certs: list[bytes]) -> VerificationResult:
    if b"%PDF-" not in pdf[:1024]:
        return _failure("Not a PDF file.", "The data does not start with a PDF header.")
    refused = oversize_problem(pdf)  # before any parsing: the parser's memory grows with these sizes
    if refused:
        return _failure(engine_text("REFUSED: {0}", refused))
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        if reader.encrypted:
            return _failure("The PDF is encrypted; its signatures cannot be verified.")
        signatures = list(reader.embedded_signatures)
    except MemoryError:
        return _failure(TOO_COMPLEX)
    except Exception as exc:  # damaged input can fail anywhere in the parser
        _log.info("unreadable PDF: %s", exc)
        return _failure(
            "The PDF is damaged or truncated and cannot be verified.",
            engine_text("The file could not be read: {0}", exc),
        )
    if not signatures:
        return _failure("The PDF is not signed.")
    roots, reasons = _load_certs(trusted_certs)
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    intact = trusted = True
    signer = ""
    signing_time: dt.datetime | None = None
    ts_present = ts_valid = False
    coverage_ok = False
    fingerprint = ""
    for embedded in signatures:
        try:
            status = validate_pdf_signature(embedded, context)
        except (SignatureValidationError, ValueError, KeyError, TypeError) as exc:
            return VerificationResult(
                True,
                False,
                False,
                False,
                verdict="The signature is broken: the document was modified.",
                reasons=(*reasons, str(exc)),
            )
        except MemoryError:
            return _failure(TOO_COMPLEX)
        except Exception as exc:  # the validator must not take the caller down on hostile input
            return VerificationResult(
                True,
                False,
                False,
                False,
                verdict="The signature could not be checked.",
                reasons=(*reasons, str(exc)),
            )
        signer = _signer_name(status)
        fingerprint = hashlib.sha256(status.signing_cert.dump()).hexdigest() if status.signing_cert else ""
        broken = not status.intact or not status.valid
        if broken:
            intact = False
            reasons.append(
                engine_text(
                    "The signature of {0} does not match the document: it was modified after signing.", signer
                )
                if signer
                else "The signature does not match the document: it was modified after signing."
            )
        if not status.trusted:
            trusted = False
        # A broken signature is never trusted, whoever signed: the signer's certificate was not judged, so
        # saying it is "not from a trusted source" would be wrong for a trusted signer's tampered copy.
        if not status.trusted and not broken:
            reasons.append(
                engine_text("The signer's certificate ({0}) is not from a trusted source.", signer)
                if signer
                else "The signer's certificate is not from a trusted source."
            )
        ts = status.timestamp_validity
        if ts is not None:
            ts_present = True
            ts_valid = bool(ts.intact and ts.valid and ts.trusted)
            signing_time = ts.timestamp
            if not ts_valid:
                reasons.append("The timestamp is not valid or not from a trusted timestamp authority.")
        else:
            signing_time = status.signer_reported_dt
        coverage_ok = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    if not coverage_ok:
        reasons.append("The file was changed after it was signed (content was appended after the signature).")
    result = VerificationResult(
        signed=True,
        intact=intact,
        covers_whole_file=coverage_ok,
        trusted=trusted,
        signer_name=signer,
        signer_fingerprint=fingerprint,
        signing_time=signing_time,
        timestamp_present=ts_present,
        timestamp_valid=ts_valid,
        reasons=tuple(reasons),
    )
    return _with_verdict(result)


def _with_verdict(r: VerificationResult) -> VerificationResult:
    if not r.intact:
        verdict = "INVALID: the document was modified after signing."
    elif not r.covers_whole_file:
        verdict = "INVALID: content was added to the document after signing."
    elif not r.trusted:
        verdict = engine_text("UNTRUSTED: intact, but the signer {0} is not trusted.", r.signer_name)
    elif r.timestamp_present and not r.timestamp_valid:
        verdict = "INVALID: the timestamp could not be verified."
    else:
        verdict = engine_text("VALID: signed by {0}, unchanged since signing.", r.signer_name)
    return VerificationResult(**{**r.__dict__, "verdict": verdict})
