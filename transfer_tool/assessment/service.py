"""Assessment services: start, autosave, evaluate, submit, review, approve, new versions, reports, due dates.

Each call checks the actor's permission, runs in one unit of work, records audit events in the same
transaction and returns frozen dataclasses (never ORM objects). The rules themselves are the pure engine
(`record`, `context`, `completeness`, `workflow`); this module stores its results and keeps the transfer's
register status in step.

The services live in one module per use case; this module keeps their public names in one place
(`from transfer_tool.assessment import service`): `versions` (the stored version and its reads),
`org_settings`, `drafting`, `review`, `approval_store`, `reporting`, `due_dates`.
"""

from __future__ import annotations

from transfer_tool.assessment.approval_store import REQUIRED_ATTESTATIONS, approval_problems
from transfer_tool.assessment.drafting import (
    AssessmentEvaluation,
    evaluate_assessment,
    evaluate_record,
    initial_record,
    new_version,
    save_draft,
    start_assessment,
    submit,
)
from transfer_tool.assessment.due_dates import DashboardCounts, DueRow, dashboard, due_dates, overdue
from transfer_tool.assessment.evidence import (
    MAX_EVIDENCE_BYTES,
    EvidenceView,
    IntegrityFailure,
    SignedReportRef,
    add_evidence,
    evidence_for,
    find_by_pdf_hash,
    read_evidence,
    remove_evidence,
    signed_report,
)
from transfer_tool.assessment.org_settings import (
    OrgSettings,
    get_org_settings,
    set_org_settings,
    validate_org_settings,
)
from transfer_tool.assessment.reporting import ReadReport, build_report_data, read_report, render_for_approval
from transfer_tool.assessment.review import (
    REVIEW_SECTIONS,
    QueueItem,
    VersionChanges,
    changes_since_previous,
    comments_for,
    resolve_comment,
    return_with_comments,
    review_queue,
)
from transfer_tool.assessment.review_comments import CommentView
from transfer_tool.assessment.versions import (
    AssessmentView,
    authors_of,
    get_assessment,
    latest_for_transfer,
    list_for_transfer,
)

__all__ = [
    "MAX_EVIDENCE_BYTES",
    "REQUIRED_ATTESTATIONS",
    "REVIEW_SECTIONS",
    "AssessmentEvaluation",
    "AssessmentView",
    "CommentView",
    "DashboardCounts",
    "DueRow",
    "EvidenceView",
    "IntegrityFailure",
    "OrgSettings",
    "QueueItem",
    "ReadReport",
    "SignedReportRef",
    "VersionChanges",
    "add_evidence",
    "approval_problems",
    "authors_of",
    "build_report_data",
    "changes_since_previous",
    "comments_for",
    "dashboard",
    "due_dates",
    "evaluate_assessment",
    "evaluate_record",
    "evidence_for",
    "find_by_pdf_hash",
    "get_assessment",
    "get_org_settings",
    "initial_record",
    "latest_for_transfer",
    "list_for_transfer",
    "new_version",
    "overdue",
    "read_evidence",
    "read_report",
    "remove_evidence",
    "render_for_approval",
    "resolve_comment",
    "return_with_comments",
    "review_queue",
    "save_draft",
    "set_org_settings",
    "signed_report",
    "start_assessment",
    "submit",
    "validate_org_settings",
]
