"""The storing half of an approval (`approval.approve_and_sign` renders and signs, then calls
`_store_approval`): the attestations, the checks of the signed file against the tool's own rendering
and the approver's registered certificate, the version frozen and the transfer approved."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Set as AbstractSet

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.assessment import workflow
from transfer_tool.assessment.evidence import (
    store_signed_report,
)
from transfer_tool.assessment.org_settings import (
    OrgSettings,
    _read_settings,
)
from transfer_tool.assessment.record import (
    AssessmentRecord,
    from_dict,
    to_dict,
)
from transfer_tool.assessment.versions import (
    AssessmentView,
    _authors,
    _dump,
    _load,
    _uid,
    _view,
    _writing,
)
from transfer_tool.countries import store as country_store
from transfer_tool.domain import (
    AssessmentStatus,
    Conclusion,
    TransferStatus,
    UserId,
)
from transfer_tool.errors import ConflictError, Problem, ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.records import audit
from transfer_tool.register import transfers
from transfer_tool.storage import workflow_permits
from transfer_tool.storage.database import Database

# What the approver confirms before signing (the UI shows these texts as checkboxes).
REQUIRED_ATTESTATIONS: dict[str, str] = {
    "description_accurate": "The description of the transfer is accurate and complete.",
    "risks_understood": "I have read the assessment and understand the risks it describes.",
    "measures_ratified": "I ratify the transfer tool and the supplementary measures chosen.",
    "measures_will_be_carried_out": "The planned measures will be carried out by their owners and due dates.",
}


_MAX_PDF_BYTES = 200 * 1024 * 1024


def _approved_record(
    record: AssessmentRecord,
    approver: Actor,
    at: dt.datetime,
    settings: OrgSettings,
    authors: frozenset[UserId],
    comment: str = "",
) -> AssessmentRecord:
    """The record as approval leaves it at the moment `at` (checks status and four eyes; sets
    re-evaluation dates; the approver's comment in the history, as the approval stores it)."""
    return workflow.approve(
        record,
        by=_uid(approver),
        now=at,
        single_user_mode=settings.single_user_mode,
        comment=comment,
        reevaluation_months=settings.reevaluation_months,
        authors=authors,
    )


class _QuietUntrusted(logging.Filter):
    """pyHanko logs a traceback for every signer outside the trust list; the refusal says it instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return False


def _signature_problem(
    signed_pdf: bytes, rendering: bytes, trusted: list[bytes], registered: AbstractSet[str]
) -> str:
    """Why `signed_pdf` is not fit to keep as the approval ("" when it is): it must be `rendering` (the
    tool's own rendering of this version for this approver) byte for byte up to the signature, carry
    a signature that is intact, covers the whole file and chains to the trust list, made with one of
    the approver's own `registered` certificates."""
    from transfer_tool.signing.verify import verify_pdf  # pyHanko loads only when someone approves

    if not rendering or not signed_pdf.startswith(rendering) or len(signed_pdf) == len(rendering):
        return (
            "the signed file is not the tool's rendering of this version with a signature added; "
            "approve with the tool, which renders and signs the report itself"
        )
    quiet = _QuietUntrusted()
    validator_log = logging.getLogger("pyhanko.sign.validation.generic_cms")
    validator_log.addFilter(quiet)
    try:
        result = verify_pdf(signed_pdf, trusted)
    finally:
        validator_log.removeFilter(quiet)
    if not result.signed:
        return "the report is not signed: sign the rendered report with your signing identity and try again"
    if not result.intact:
        return "the signature does not match the report: it was changed after signing; sign it again"
    if not result.covers_whole_file:
        return (
            "content was added to the report after it was signed; sign the report as rendered and try again"
        )
    if result.signer_fingerprint not in registered:
        return (
            "the report was not signed with your own registered signing certificate; use the identity "
            "whose certificate an administrator registered for you (transfer-tool trust add --owner)"
        )
    if not result.trusted:
        return "the signing certificate does not chain to a trusted certificate; ask an administrator"
    # A timestamp authority outside the trust list does not stop an approval; `verify` reports it.
    return ""


def approval_problems(attestations: AbstractSet[str], lang: str) -> list[Problem]:
    """What an approval request lacks before any rendering or signing: every attestation, a language."""
    missing = [k for k in REQUIRED_ATTESTATIONS if k not in attestations]
    problems = [
        Problem(f"attestations.{k}", error_text("confirm: {0}", REQUIRED_ATTESTATIONS[k])) for k in missing
    ]
    if lang not in ("en", "ja"):
        problems.append(Problem("lang", "the report language must be 'en' or 'ja'"))
    return problems


def _store_approval(
    db: Database,
    actor: Actor,
    assessment_id: int,
    *,
    signed_pdf: bytes,
    rendering: bytes,
    lang: str,
    signer_name: str,
    at: dt.datetime,
    attestations: AbstractSet[str],
    comment: str = "",
    trust_list: tuple[list[bytes], set[str]] | None = None,
    rendered_with: OrgSettings | None = None,
) -> AssessmentView:
    """Approve a submitted version with its signed report (called by `approval.approve_and_sign` only,
    which renders and signs): the version is frozen, the transfer approved (or suspended when the
    conclusion is 'do not transfer') and its re-assessment flags cleared. The signed copy must be the
    rendering plus a trusted signature by the approver's own registered certificate. `at` is the moment
    the rendering states as the approval's, so the stored history says what the signed PDF says;
    `rendered_with`, the organisation settings the rendering used: changed since (an administrator saved
    them while the approver signed), nothing is approved, since the stored approval (its re-evaluation
    date, the register's next review) would not say what the signed report says."""
    from transfer_tool.signing import trust  # the trust list imports pyHanko

    require(actor, Action.REVIEW)
    problems = approval_problems(attestations, lang)
    if not signed_pdf.startswith(b"%PDF-"):
        problems.append(Problem("signed_pdf", "the signed report is not a PDF; render, sign and try again"))
    elif len(signed_pdf) > _MAX_PDF_BYTES:
        problems.append(Problem("signed_pdf", "the signed report is larger than 200 MB"))
    if not signer_name.strip():
        problems.append(Problem("signer_name", "the signer's name is required"))
    elif len(signer_name.strip()) > 200:
        problems.append(Problem("signer_name", "keep the signer's name under 200 characters"))
    if not problems:
        # `trust_list`: the active certificates and the approver's own, as the caller read them just before
        pems, registered = trust_list or trust.trust_for_approval(db, actor.user_id)
        bad = _signature_problem(signed_pdf, rendering, pems, registered)
        if bad:
            problems.append(Problem("signed_pdf", bad))
    if problems:
        raise ValidationError("The assessment cannot be approved yet.", problems)
    with _writing(db, "the assessment") as s:
        settings = _read_settings(s)
        if rendered_with is not None and settings != rendered_with:
            raise ConflictError(
                error_text(
                    "The organisation settings changed while you approved; nothing was approved. Approve "
                    "again: the report is then rendered with the settings as they are now."
                )
            )
        row = _load(s, assessment_id)
        before = _dump(row)
        record = from_dict(row.record)
        done = _approved_record(record, actor, at, settings, _authors(row), comment)
        workflow_permits.request_transition(s, row.id, AssessmentStatus.APPROVED.value)
        report = store_signed_report(
            s, row, signed_pdf, signer_name=signer_name.strip(), lang=lang, rendering=rendering, signed_at=at
        )
        row.record = to_dict(done)
        row.status = AssessmentStatus.APPROVED
        row.frozen = True
        row.approver_id = actor.user_id
        row.approved_at = done.approved_at
        # The signed report says "last updated" at the approval's moment; the clock read again when the row
        # is written would say a later one (another day at midnight) in every later copy of the report.
        row.updated_at = at
        row.re_evaluation_date = done.reevaluation_date
        row.appi_check_date = done.appi_check_due
        row.single_user_approval = workflow.is_author(record, _uid(actor), _authors(row))
        row.attestations = sorted(k for k in REQUIRED_ATTESTATIONS if k in attestations)
        s.flush()
        audit.record(
            s,
            actor,
            "approve",
            "assessment",
            row.id,
            before,
            {**_dump(row), "signed_pdf_sha256": report.sha256, "signer": report.signer_name, "lang": lang},
        )
        suspended = done.conclusion.chosen is Conclusion.DO_NOT_TRANSFER
        # A flag raised by country data newer than this version relied on stays: it is not re-assessed yet.
        left = country_store.clear_flags(
            s, row.transfer_id, (record.facts.destination, record.destination_version)
        )
        transfers.set_status(
            s,
            actor,
            row.transfer_id,
            TransferStatus.SUSPENDED if suspended else TransferStatus.APPROVED,
            next_review=done.reevaluation_date,
            clear_reassessment=not left,
        )
        return _view(s, row)
