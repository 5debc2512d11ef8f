"""Shared by the issue #23 tests (copy, ownership; unit and UI): an approved assessment to start from."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select

from tests import approval_support
from transfer_tool import demo
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import evidence, service
from transfer_tool.domain import AssessmentStatus
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import Transfer
from transfer_tool.storage.models.countries import ReassessmentFlag

TODAY = dt.date(2026, 11, 26)


@dataclasses.dataclass
class Approved:
    parties: demo.DemoParties
    transfer: transfers.TransferView
    assessment: service.AssessmentView


def approved_transfer(db: Database, admin: Actor, legal: Actor, manager: Actor, *, eu: bool) -> Approved:
    """The demo support transfer (JP exporter, or its EU subsidiary) to the US, assessed and approved,
    with one evidence file."""
    parties = demo.create_demo_parties(db, admin)
    t, _ = demo.create_demo_transfer(db, legal, parties, title="Customer support desk")
    if eu:
        t = transfers.update_transfer(
            db, legal, t.id, transfers.with_changes(t, exporter_id=parties.eu_subsidiary.id), t.row_version
        )
    a = service.start_assessment(db, legal, t.id)
    evidence.add_evidence(db, legal, a.id, "scc.pdf", b"%PDF-1.4 signed SCC", "Signed SCC")
    ev = service.evaluate_assessment(db, a.id, TODAY)
    a = service.save_draft(db, legal, a.id, demo.demo_record(a.record, ev.destination, TODAY), a.row_version)
    ev = service.evaluate_assessment(db, a.id, TODAY)
    assert ev.recommendation is not None
    record = dataclasses.replace(
        a.record, conclusion=dataclasses.replace(a.record.conclusion, chosen=ev.recommendation)
    )
    a = service.save_draft(db, legal, a.id, record, a.row_version)
    a = service.submit(db, legal, a.id, TODAY)
    a = approval_support.approve(db, manager, a.id, TODAY)
    assert a.status is AssessmentStatus.APPROVED
    return Approved(parties, transfers.get_transfer(db, t.id), a)


def flag_transfers(db: Database, transfer_ids: list[int], regime: str, kind: str = "status") -> None:
    with db.unit_of_work() as s:
        for tid in transfer_ids:
            t = s.get(Transfer, tid)
            assert t is not None
            t.reassessment_needed = True
            t.reassessment_reason = f"US — {regime}: no adequacy → partially adequate (country data v1 → v2)"
            s.add(ReassessmentFlag(transfer_id=tid, destination="US", regime=regime, kind=kind, reason="x"))


def clone_approved(db: Database, source_transfer: int, n: int) -> list[int]:
    """`n` more transfers like the source, each with the source's approved version (rows as stored)."""
    with db.unit_of_work() as s:
        t = s.get(Transfer, source_transfer)
        a = s.scalars(select(Assessment).where(Assessment.transfer_id == source_transfer)).one()
        ids = []
        skip = {"id", "reference", "row_version", "created_at", "updated_at"}
        columns = [c.key for c in Transfer.__table__.columns if c.key not in skip]
        for i in range(n):
            clone = Transfer(reference=f"BULK-{i:04d}", **{c: getattr(t, c) for c in columns})
            s.add(clone)
            s.flush()
            s.add(
                Assessment(
                    transfer_id=clone.id,
                    version_no=1,
                    status=AssessmentStatus.APPROVED,
                    record=a.record,
                    assessor_id=a.assessor_id,
                    approver_id=a.approver_id,
                    frozen=True,
                )
            )
            ids.append(clone.id)
    return ids
