"""Approving in tests the only way the tool allows: `approval.approve_and_sign` renders the version,
signs it with the approver's own identity, and checks that identity's certificate is the one an
administrator registered for the approver. Each test user gets one self-signed identity per process;
`register` puts its certificate in a database's trust list as that user's own (as the 'system' actor)."""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import shutil
import tempfile
from collections.abc import Set as AbstractSet
from pathlib import Path

from transfer_tool import signing
from transfer_tool.accounts.permissions import Action, Actor, allowed
from transfer_tool.assessment import approval, service
from transfer_tool.signing import trust
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import User

PASSPHRASE = "test passphrase"
ALL_ATTESTATIONS = frozenset(service.REQUIRED_ATTESTATIONS)


@functools.cache
def _folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="tia-test-approvers-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


@functools.cache
def identity_of(username: str, display_name: str) -> Path:
    """One self-signed identity per test user and process (CN: the user's display name)."""
    folder = _folder() / username
    folder.mkdir()
    return signing.create_self_signed_identity(display_name, f"{username}@example.org", PASSPHRASE, folder)


def read_token(report_output: str) -> str:
    """The token `transfer-tool report` printed for a version awaiting review ("" when it printed none)."""
    _, found, rest = report_output.partition("--as-read ")
    return rest.split()[0] if found and rest.split() else ""


def certificate_of(actor: Actor) -> bytes:
    return signing.export_certificate_pem(
        identity_of(actor.username, actor.display_name or actor.username), PASSPHRASE
    )


def register(db: Database, actor: Actor, pem: bytes | None = None) -> None:
    """Register `pem` (default: the actor's test identity) as the actor's own signing certificate."""
    pem = pem or certificate_of(actor)
    fingerprint = trust.fingerprint_of(trust.parse_certificate(pem))
    with db.read() as s:
        if actor.user_id is None or fingerprint in trust.registered_fingerprints(s, actor.user_id):
            return
        account = s.get(User, actor.user_id)
        if account is None or not account.active:
            return  # a deactivated account gets nothing registered; its approval is refused anyway
    trust.add_trusted(
        db, Actor.system(), pem, f"{actor.display_name or actor.username} (test)", owner=actor.user_id
    )


def approve(
    db: Database,
    actor: Actor,
    assessment_id: int,
    today: dt.date,
    *,
    lang: str = "en",
    attestations: AbstractSet[str] = ALL_ATTESTATIONS,
    comment: str = "",
) -> service.AssessmentView:
    """Approve as `actor` with their registered test identity (registered on first use, for a role that
    may review: a refusal by role then leaves the database as it was), having read the report first as
    the Review screen shows it (so every approval in the tests checks that it signs what was read)."""
    as_read = None
    if allowed(actor, Action.REVIEW):
        register(db, actor)
        as_read = service.read_report(service.build_report_data(db, assessment_id, today), today)
    request = approval.ApprovalRequest(
        assessment_id,
        identity_of(actor.username, actor.display_name or actor.username),
        PASSPHRASE,
        lang,
        frozenset(attestations),
        today,
        comment=comment,
        as_read=as_read,
    )
    return approval.approve_and_sign(db, actor, request).view
