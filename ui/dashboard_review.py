"""The dashboard's section for a reviewer: the submitted assessments waiting for them (the review queue).

A manager's dashboard listed what their own transfers needed and nothing of what waited for their review
(the walk of session 12); each line here opens the review screen on that assessment.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from transfer_tool.accounts.permissions import Actor
from transfer_tool.runtime.bootstrap import DatabaseHandle
from ui.dashboard import LIST_LIMIT, DashboardLine, DashboardSection, DashboardSource
from ui.i18n import format_date
from ui.terms import ui_language


def awaiting_review(actor: Actor) -> DashboardSource:
    """The review queue as `actor` sees it, oldest first; one the actor assessed says another approves it."""

    def source(db: DatabaseHandle, _today: dt.date) -> DashboardSection:
        from transfer_tool.assessment import service

        items = service.review_queue(db, actor)
        lang = ui_language()
        line = QCoreApplication.translate("Dashboard", "%1 v%2 — %3, submitted %4 by %5")
        lines = []
        for item in items[:LIST_LIMIT]:
            when = item.submitted_at.date() if item.submitted_at is not None else None
            text = (
                line.replace("%1", item.reference)
                .replace("%2", str(item.version_no))
                .replace("%3", item.title)
                .replace("%4", format_date(when, lang) or "—")
                .replace("%5", item.assessor_name)
            )
            if item.own:
                text += " " + QCoreApplication.translate(
                    "Dashboard", "(you worked on it: another manager approves it)"
                )
            lines.append(DashboardLine(item.transfer_id, text, assessment_id=item.assessment_id))
        return DashboardSection(
            QCoreApplication.translate("Dashboard", "Awaiting your review"), len(items), tuple(lines)
        )

    return source
