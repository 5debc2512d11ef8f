"""New transfer from an existing one (issue #23, point 1): the register data, onward transfers and a draft
assessment derived from the source's approved (else latest) version, evidence files linked by digest.

Everything happens in one transaction: the new transfer, its onward transfers, the draft and the links to
the evidence are all written, or nothing is.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlalchemy import select

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.assessment import service
from transfer_tool.assessment.derivation import derive_record
from transfer_tool.assessment.evidence import copy_evidence
from transfer_tool.assessment.record import DerivedFrom, from_dict, to_dict
from transfer_tool.countries import store as country_store
from transfer_tool.domain import AssessmentStatus, TransferStatus, UserId
from transfer_tool.errors import NotFound
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.records import audit
from transfer_tool.register import entities, transfers
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import Transfer


@dataclass(frozen=True)
class CopyResult:
    transfer: transfers.TransferView  # the new transfer (with its onward transfers)
    assessment_id: int  # its draft, version 1
    derived_from: DerivedFrom | None  # None when the source had no assessment to copy
    to_confirm: tuple[str, ...]  # the copied answers awaiting confirmation (derivation item keys)
    left_behind: tuple[
        str, ...
    ]  # regimes whose transfer tool was not carried (the new exporter is not under them)
    evidence_linked: int  # evidence files linked (same stored content, not duplicated)


def copy_transfer(
    db: Database,
    actor: Actor,
    transfer_id: int,
    *,
    exporter_id: int | None = None,
    importer_id: int | None = None,
) -> CopyResult:
    """A new transfer like `transfer_id` (optionally with another exporter or importer) and its draft."""
    require(actor, Action.EDIT_TRANSFERS)
    require(actor, Action.ASSESS)
    ds = country_store.dataset(db)
    settings = service.get_org_settings(db)
    with db.unit_of_work() as s:
        src = s.get(Transfer, transfer_id)
        if src is None:
            raise NotFound(
                error_text("Transfer {0} does not exist (any more); nothing was copied.", transfer_id)
            )
        source = transfers.view(src)
        data = dataclasses.replace(
            source.as_input(),
            exporter_id=exporter_id or source.exporter_id,
            importer_id=importer_id or source.importer_id,
        )
        t = transfers.create_in(s, actor, data)
        for i, child in enumerate(source.onward):
            # An onward transfer starts at the importer: it follows a change of importer.
            child_exporter = (
                data.importer_id if child.exporter_id == source.importer_id else child.exporter_id
            )
            # Numbered as the app numbers a sub-recipient (from -01), and created under that reference, so
            # its create event records it (it was renamed afterwards, from "-00", unrecorded).
            transfers.create_in(
                s,
                actor,
                dataclasses.replace(child.as_input(), exporter_id=child_exporter),
                parent_id=t.id,
                reference=f"{t.reference}-{i + 1:02d}",
            )
        s.flush()
        s.refresh(t)
        new_view = transfers.view(t)
        fresh = service.initial_record(
            new_view,
            entities.view(t.importer),
            ds,
            settings,
            UserId(actor.user_id) if actor.user_id else None,
        )
        rows = list(
            s.scalars(
                select(Assessment)
                .where(Assessment.transfer_id == src.id)
                .order_by(Assessment.version_no.desc())
            )
        )
        from_row = next((r for r in rows if r.status is AssessmentStatus.APPROVED), rows[0] if rows else None)
        record = fresh
        origin = None
        left_behind: tuple[str, ...] = ()
        if from_row is not None:
            origin = DerivedFrom(from_row.id, src.id, src.reference, from_row.version_no)
            old = from_dict(from_row.record)
            record = derive_record(old, fresh, origin)
            kept = {c.regime for c in record.tools}
            left_behind = tuple(c.regime for c in old.tools if c.regime not in kept)
        row = Assessment(
            transfer_id=t.id,
            version_no=1,
            status=AssessmentStatus.DRAFT,
            record=to_dict(record),
            assessor_id=actor.user_id,
        )
        s.add(row)
        s.flush()
        linked = copy_evidence(s, from_row.id, row.id) if from_row is not None else 0
        audit.record(
            s,
            actor,
            "copy",
            "assessment",
            row.id,
            None,
            {
                "transfer_id": t.id,
                "version_no": 1,
                "from_transfer": src.id,
                "from_assessment": from_row.id if from_row is not None else None,
                "to_confirm": list(record.to_confirm),
                "left_behind": list(left_behind),
                "evidence": linked,
            },
        )
        transfers.set_status(s, actor, t.id, TransferStatus.DRAFT)
        s.refresh(t)
        return CopyResult(
            transfer=transfers.view(t),
            assessment_id=row.id,
            derived_from=origin,
            to_confirm=record.to_confirm,
            left_behind=left_behind,
            evidence_linked=linked,
        )
