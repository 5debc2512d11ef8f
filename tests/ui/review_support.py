"""Shared set-up for the review, verify and admin screen tests: a submitted assessment filled through the
services (the FR → US processor transfer of tests/unit/test_assessment_service.py), and a test PKI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.unit.test_assessment_service import _filled, _fr_to_us
from transfer_tool import transfers
from transfer_tool.assessment import service
from transfer_tool.domain import Conclusion
from transfer_tool.permissions import Actor
from transfer_tool.storage.database import Database

TODAY = dt.date(2026, 11, 26)


def submitted_assessment(
    db: Database, assessor: Actor, **kw: object
) -> tuple[transfers.TransferView, service.AssessmentView]:
    """A transfer whose assessment is complete and submitted for review."""
    t = _fr_to_us(db, assessor, **kw)
    a = service.start_assessment(db, assessor, t.id)
    a = service.save_draft(
        db, assessor, a.id, _filled(a.record, conclusion=Conclusion.PROCEED_WITH_MEASURES), a.row_version
    )
    return t, service.submit(db, assessor, a.id, TODAY)


def approved_with_signature(
    db: Database, assessor: Actor, approver: Actor, identity: Path, passphrase: str, lang: str = "en"
) -> tuple[transfers.TransferView, service.AssessmentView, bytes]:
    """A transfer approved through the services with a real signature; returns the signed PDF too."""
    from transfer_tool import signing

    t, a = submitted_assessment(db, assessor)
    unsigned = service.render_for_approval(db, a.id, lang, approver, TODAY)
    signed = signing.sign_pdf(
        unsigned,
        identity,
        passphrase,
        reason="Approval",
        location="",
        signer_display_name=approver.display_name,
        lang=lang,
    )
    a = service.approve(
        db,
        approver,
        a.id,
        signed_pdf=signed,
        lang=lang,
        signer_name=approver.display_name,
        today=TODAY,
        attestations=set(service.REQUIRED_ATTESTATIONS),
    )
    return t, a, signed
