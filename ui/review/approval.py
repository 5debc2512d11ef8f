"""Approving with a signature, as one job on the database worker (never on the GUI thread):
open the identity → render the report as approved → sign it (timestamped when the organisation set a
server) → store it with the approval. Any step that fails leaves nothing approved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from transfer_tool.assessment import service
from transfer_tool.permissions import Actor

STAGE_OPEN = "open"
STAGE_RENDER = "render"
STAGE_SIGN = "sign"
STAGE_SAVE = "save"
STAGES = (STAGE_OPEN, STAGE_RENDER, STAGE_SIGN, STAGE_SAVE)

# The reason written into the signature; in the report's language, not the screen's.
SIGNATURE_REASON = {
    "en": "Approval of the transfer impact assessment",
    "ja": "移転影響評価 (TIA) の承認",
}


@dataclass(frozen=True)
class ApprovalRequest:
    assessment_id: int
    identity: Path
    passphrase: str
    lang: str
    attestations: frozenset[str]
    today: dt.date
    timestamper: Any = None  # a pyHanko TimeStamper for tests; the organisation's URL otherwise


@dataclass(frozen=True)
class ApprovalDone:
    view: service.AssessmentView
    signed_pdf: bytes
    timestamped: bool


def approve_and_sign(
    db: Any, actor: Actor, request: ApprovalRequest, stage: Callable[[str], None]
) -> ApprovalDone:
    from transfer_tool import signing

    stage(STAGE_OPEN)
    signing.open_identity(request.identity, request.passphrase)  # a wrong passphrase stops here
    stage(STAGE_RENDER)
    unsigned = service.render_for_approval(db, request.assessment_id, request.lang, actor, request.today)
    org = service.get_org_settings(db)
    signer = actor.display_name or actor.username
    stage(STAGE_SIGN)
    signed = signing.sign_pdf(
        unsigned,
        request.identity,
        request.passphrase,
        reason=SIGNATURE_REASON.get(request.lang, SIGNATURE_REASON["en"]),
        location=org.organisation_name,
        signer_display_name=signer,
        timestamp_url=org.timestamp_url or None,
        timestamper=request.timestamper,
        lang=request.lang,
    )
    stage(STAGE_SAVE)
    view = service.approve(
        db,
        actor,
        request.assessment_id,
        signed_pdf=signed,
        lang=request.lang,
        signer_name=signer,
        today=request.today,
        attestations=request.attestations,
    )
    return ApprovalDone(view, signed, bool(org.timestamp_url or request.timestamper is not None))


def render_preview(db: Any, assessment_id: int, lang: str, today: dt.date) -> bytes:
    """The report of the submitted version as it stands (what the reviewer reads before deciding)."""
    from transfer_tool.report.renderer import render_report

    return render_report(service.build_report_data(db, assessment_id, today), lang)
