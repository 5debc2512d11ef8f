"""The database's door for an assessment's status change on PostgreSQL (issue #19, migration 0020).

`tt_sec.transition` checks the signed-in person's role and four eyes itself and grants the transaction a
permit; without one the assessment's guard trigger refuses any change to the life-cycle columns. On
SQLite there is nothing to ask: the services' own checks are the rule for one person's file.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from transfer_tool.errors import PermissionDenied
from transfer_tool.i18n.engine_text import error_text


def request_transition(session: Session, assessment_id: int, to_status: str) -> None:
    """Ask the database for a permit to move the version to `to_status` ("submitted", "returned",
    "approved") in this transaction; PermissionDenied with the database's reason when refused."""
    if session.get_bind().dialect.name != "postgresql":
        return
    try:
        session.execute(text("SELECT tt_sec.transition(:id, :to)"), {"id": assessment_id, "to": to_status})
    except DBAPIError as exc:
        reason = str(getattr(getattr(exc.orig, "diag", None), "message_primary", "") or exc.orig)
        raise PermissionDenied(
            error_text("The database refused the change: {0}. Nothing was saved.", reason)
        ) from exc
