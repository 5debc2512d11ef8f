"""What happened to a person's transfers since they last signed in (issue #23): returned to them,
approved, flagged for re-assessment, handed over to them. Read from the audit log and the flags."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import AuditEvent, Transfer
from transfer_tool.storage.models.countries import ReassessmentFlag

MAX_ITEMS = 200


class Happened(StrEnum):
    RETURNED = "returned"  # an assessment of theirs was returned with comments
    APPROVED = "approved"
    FLAGGED = "flagged"  # a country-data change asks for re-assessment
    REASSIGNED = "reassigned"  # handed over to them


@dataclass(frozen=True)
class ActivityItem:
    transfer_id: int
    reference: str
    what: Happened
    at: dt.datetime


def since_last_sign_in(db: Database, user_id: int, since: dt.datetime | None) -> list[ActivityItem]:
    """Newest first; empty on the first sign-in (`since` None)."""
    if since is None:
        return []
    items: list[ActivityItem] = []
    with db.read() as s:
        mine = {
            tid: ref
            for tid, ref in s.execute(
                select(Transfer.id, Transfer.reference).where(Transfer.owner_id == user_id)
            )
        }
        events = s.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.at > since,
                AuditEvent.table_name == "transfer",
                AuditEvent.action.in_(("assign", "status")),
            )
            .order_by(AuditEvent.seq.desc())
            .limit(MAX_ITEMS * 5)
        )
        for e in events:
            if not e.record_id.isdigit():
                continue
            tid = int(e.record_id)
            after = e.after if isinstance(e.after, dict) else {}
            if e.action == "assign" and after.get("owner_id") == user_id and e.actor_id != user_id:
                items.append(ActivityItem(tid, mine.get(tid, ""), Happened.REASSIGNED, e.at))
            elif e.action == "status" and tid in mine and e.actor_id != user_id:
                status = after.get("status")
                if status == "returned":
                    items.append(ActivityItem(tid, mine[tid], Happened.RETURNED, e.at))
                elif status == "approved":
                    items.append(ActivityItem(tid, mine[tid], Happened.APPROVED, e.at))
        flags = s.execute(
            select(ReassessmentFlag.transfer_id, ReassessmentFlag.created_at)
            .where(ReassessmentFlag.created_at > since, ReassessmentFlag.cleared_at.is_(None))
            # A transfer flagged twice is listed once, at its latest flag (not the one the database found
            # first: the list is ordered by these times).
            .order_by(ReassessmentFlag.created_at.desc(), ReassessmentFlag.id.desc())
        )
        seen: set[int] = set()
        for tid, at in flags:
            if tid in mine and tid not in seen:
                seen.add(tid)
                items.append(ActivityItem(tid, mine[tid], Happened.FLAGGED, at))
    items = [i for i in items if i.reference]
    return sorted(items, key=lambda i: i.at, reverse=True)[:MAX_ITEMS]
