"""Shared set-up for the review, verify and admin screen tests: a submitted assessment filled through the
services (the FR → US processor transfer of tests/unit/test_assessment_service.py), and a test PKI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests import factories
from tests.unit.test_assessment_service import _filled
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.domain import Conclusion
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database

TODAY = dt.date(2026, 11, 26)


def fr_to_us(db: Database, actor: Actor, title: str = "Support desk") -> transfers.TransferView:
    """A French controller sends customer data to a US processor that is not DPF-certified."""
    exp = factories.entity(db, actor, "Maison Client SAS", "FR", is_group_company=True)
    imp = factories.entity(db, actor, "Cloud Desk Inc.", "US", certifications=("APEC CBPR",))
    data = factories.transfer_input(
        exp.id, imp.id, "US", storage_countries=("US",), volume=12_000, title=title
    )
    return transfers.create_transfer(db, actor, data)


def submitted_assessment(
    db: Database, assessor: Actor, title: str = "Support desk"
) -> tuple[transfers.TransferView, service.AssessmentView]:
    """A transfer (FR → US processor) whose assessment is complete and submitted for review."""
    t = fr_to_us(db, assessor, title)
    a = service.start_assessment(db, assessor, t.id)
    a = service.save_draft(
        db, assessor, a.id, _filled(a.record, conclusion=Conclusion.PROCEED_WITH_MEASURES), a.row_version
    )
    return t, service.submit(db, assessor, a.id, TODAY)


def approved_with_signature(
    db: Database, assessor: Actor, approver: Actor, identity: Path, passphrase: str, lang: str = "en"
) -> tuple[transfers.TransferView, service.AssessmentView, bytes]:
    """A transfer approved through the services with a real signature (`identity`, registered here as
    the approver's own); returns the signed PDF too."""
    from tests.approval_support import register
    from transfer_tool import signing
    from transfer_tool.assessment import approval

    t, a = submitted_assessment(db, assessor)
    register(db, approver, signing.export_certificate_pem(identity, passphrase))
    done = approval.approve_and_sign(
        db,
        approver,
        approval.ApprovalRequest(
            a.id, identity, passphrase, lang, frozenset(service.REQUIRED_ATTESTATIONS), TODAY
        ),
    )
    return t, done.view, done.signed_pdf
