"""A draft's autosave on PostgreSQL as one statement (issue #19 point 5: across offices each statement is
a round trip): the UPDATE, guarded by the row version read, and its audit event written next to it by
`tt_sec.record_event`, only when the row was updated. One statement in autocommit is a transaction of its
own, so the change and its event commit together or not at all, and the triggers (the guard, the audit's
deferred check) run inside it as they do for the unit of work."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, true, update
from sqlalchemy.exc import DBAPIError

from transfer_tool.accounts.permissions import Actor
from transfer_tool.records import audit
from transfer_tool.storage.base import utcnow
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment


def save(
    db: Database,
    actor: Actor,
    row: Assessment,
    expected_row_version: int,
    before: dict[str, Any],
    after: dict[str, Any],
) -> tuple[int, dt.datetime] | None:
    """Store `row`'s record, page and authors if its row version is still `expected_row_version`, with the
    autosave's audit event; the new row version and update time, or None when nothing was saved (someone
    else saved it since, or it may no longer be edited)."""
    now = utcnow()
    saved = (
        update(Assessment)
        .where(Assessment.id == row.id, Assessment.row_version == expected_row_version)
        .values(
            record=row.record,
            page=row.page,
            author_ids=list(row.author_ids or []),
            row_version=Assessment.row_version + 1,
            updated_at=now,
        )
        .returning(Assessment.id, Assessment.row_version)
        .cte("saved")
    )
    event, unlinked = audit.database_event(
        actor, "autosave", "assessment", row.id, before, after, record_id_in_sql=saved.c.id
    )
    stmt = select(saved.c.row_version, event.c.seq, event.c.prev_hash, event.c.hash).select_from(
        saved.join(event, true())
    )
    try:
        rows = db.statement_alone(stmt)
    except DBAPIError as exc:
        raise audit.head_missing_or(exc) from exc
    if not rows:
        return None
    written = rows[0]
    audit.linked_event(unlinked, written.seq, written.prev_hash, written.hash)
    return written.row_version, now
