"""Approving with a signature, as one job on the database worker (never on the GUI thread). The use case
itself lives in the core (`transfer_tool.assessment.approval`), shared with `transfer-tool approve`."""

from __future__ import annotations

import datetime as dt

from transfer_tool.assessment import service
from transfer_tool.assessment.approval import (
    SIGNATURE_REASON,
    STAGE_OPEN,
    STAGE_RENDER,
    STAGE_SAVE,
    STAGE_SIGN,
    STAGES,
    ApprovalDone,
    ApprovalRequest,
    approve_and_sign,
)
from transfer_tool.runtime.bootstrap import DatabaseHandle

__all__ = [
    "SIGNATURE_REASON",
    "STAGES",
    "STAGE_OPEN",
    "STAGE_RENDER",
    "STAGE_SAVE",
    "STAGE_SIGN",
    "ApprovalDone",
    "ApprovalRequest",
    "approve_and_sign",
    "render_preview",
]


def render_preview(
    db: DatabaseHandle, assessment_id: int, lang: str, today: dt.date
) -> tuple[bytes, service.ReadReport]:
    """The report of the submitted version as it stands (what the reviewer reads before deciding), and
    what it shows, which an approval from this screen must still show (`ApprovalRequest.as_read`)."""
    from transfer_tool.report.renderer import render_report

    # Approving next builds the report again: with the country data held, it checks it with one statement
    # instead of reading the destinations again (3 round trips more across offices).
    data = service.build_report_data(db, assessment_id, today, hold_country_data=True)
    return render_report(data, lang), service.read_report(data, today)
