"""Approving a submitted version with a signature: the one use case the Review screen and
`transfer-tool approve` both call.

An approval binds three things: the assessment version, the exact bytes the tool rendered for it, and
the approving manager's own trusted signing certificate. So this function

1. opens the identity (a wrong passphrase stops here);
2. renders the version as approved by this approver (refused to an author of the version: four eyes,
   and when the version no longer shows what the approver read: `ApprovalRequest.as_read`, checked in
   the same read as the rendering), and refuses a certificate that is not the approver's own registered one
   (`trust.add_trusted(..., owner=...)`);
3. signs that rendering (timestamped when the organisation set a server);
4. stores it with the approval, after `approval_store._store_approval` checked that the signed file is the
   rendering byte for byte up to the signature, signed intact over the whole file by the approver's
   registered certificate, chaining to the trust list.

No signed PDF made elsewhere is ever accepted as an approval. Any step that fails leaves nothing
approved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.assessment import approval_store, reporting, service, versions
from transfer_tool.errors import PermissionDenied, ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.records import audit
from transfer_tool.storage.database import Database

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
    today: dt.date | None  # the approval's date; None: now (`versions._at`)
    comment: str = ""
    timestamper: Any = None  # a pyHanko TimeStamper for tests; the organisation's URL otherwise
    # The report the approver read (the Review screen's preview; `report --for-approval` on the command
    # line): the approval is refused when the version no longer shows exactly that. None: not checked.
    as_read: reporting.ReadReport | None = None


@dataclass(frozen=True)
class ApprovalDone:
    view: service.AssessmentView
    signed_pdf: bytes
    timestamped: bool


def _no_stage(_stage: str) -> None:
    return None


def approve_and_sign(
    db: Database, actor: Actor, request: ApprovalRequest, stage: Callable[[str], None] = _no_stage
) -> ApprovalDone:
    """Render, sign and approve one submitted version (see the module's description)."""
    from transfer_tool import signing  # pyHanko loads only when someone approves
    from transfer_tool.signing import trust

    require(actor, Action.REVIEW)
    problems = service.approval_problems(request.attestations, request.lang)
    if problems:
        raise ValidationError("The assessment cannot be approved yet.", problems)
    with db.read() as s:
        audit.check_actor(s, actor)  # a deactivated or re-roled account stops before any work
    stage(STAGE_OPEN)
    opened = signing.open_identity(request.identity, request.passphrase)  # a wrong passphrase stops here
    stage(STAGE_RENDER)
    # Rendering as approved is refused to an author of the version (four eyes) and to a wrong status.
    # (the account was checked above: rendered without checking it again, a round trip fewer)
    org = service.get_org_settings(db)
    # The approver's comment is in the signed history, as the approval stores it (the record says the same).
    # One moment for the approval: the signed history and the stored one state the same time.
    at = versions._at(request.today)
    unsigned = reporting._render_approved(
        db,
        request.assessment_id,
        request.lang,
        actor,
        at,
        org,
        comment=request.comment,
        as_read=request.as_read,
    )
    pems, registered = trust.trust_for_approval(db, actor.user_id)
    if trust.fingerprint_of(opened.certificate) not in registered:
        raise PermissionDenied(
            error_text(
                "The certificate in {0} ({1}) is not registered as your own signing certificate, "
                "so it cannot sign your approval; nothing was approved. Ask an administrator to "
                "register it for you (transfer-tool trust add CERT --label NAME --owner "
                "YOUR-USER-NAME).",
                request.identity.name,
                opened.subject_name,
            )
        )
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
        stamped_at=at,
    )
    stage(STAGE_SAVE)
    view = approval_store._store_approval(
        db,
        actor,
        request.assessment_id,
        signed_pdf=signed,
        rendering=unsigned,
        lang=request.lang,
        signer_name=signer,
        at=at,
        attestations=request.attestations,
        comment=request.comment,
        trust_list=(pems, registered),
        rendered_with=org,
    )
    return ApprovalDone(view, signed, bool(org.timestamp_url or request.timestamper is not None))
