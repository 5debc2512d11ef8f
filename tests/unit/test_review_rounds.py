"""A return keeps the returned version and opens the next one; the reviewer compares the resubmission with
the version returned, field by field, in words people read; comments stay listed when dealt with, with who
and when, and a comment on the personal data has its own section (issue 18)."""

from __future__ import annotations

import dataclasses
import re

from tests import approval_support
from tests.unit.test_assessment_service import TODAY, _submitted
from transfer_tool.assessment import service
from transfer_tool.domain import AssessmentStatus
from transfer_tool.permissions import Actor
from transfer_tool.storage.database import Database
from transfer_tool.terminology import Terminology

TERMS = Terminology.load()
CODE = re.compile(r"\b[a-z]+_[a-z0-9_]+\b")  # snake_case: an internal identifier


def _return(db: Database, manager: Actor, aid: int) -> service.AssessmentView:
    return service.return_with_comments(
        db,
        manager,
        aid,
        [("personal_data", "Say which health data the tickets hold."), ("law_practice", "More on NSLs.")],
    )


def test_a_resubmission_is_the_next_version_and_the_reviewer_sees_what_changed(
    db: Database, legal: Actor, manager: Actor
) -> None:
    _, v1 = _submitted(db, legal)
    assert service.changes_since_returned(db, v1.id) is None  # a first submission revises nothing
    v2 = _return(db, manager, v1.id)
    assert (v2.version_no, v2.status, v2.editable) == (2, AssessmentStatus.RETURNED, True)
    assert service.get_assessment(db, v1.id).frozen

    record = v2.record
    laws = tuple(
        dataclasses.replace(law, reasoning="NSLs reach communications records only.")
        if law.law_key == "nsl"
        else law
        for law in record.law_practice.laws
    )
    measures = tuple(
        dataclasses.replace(m, owner="Security team") if m.code == "org_request_records" else m
        for m in record.measures
    )
    record = dataclasses.replace(
        record,
        law_practice=dataclasses.replace(record.law_practice, laws=laws),
        measures=measures,
        procedural_notes="SCCs signed unchanged.",
    )
    v2 = service.save_draft(db, legal, v2.id, record, v2.row_version)
    v2 = service.submit(db, legal, v2.id, TODAY)
    assert [q.version_no for q in service.review_queue(db, manager)] == [2]

    diff = service.changes_since_returned(db, v2.id)
    assert diff is not None and (diff.returned_version, diff.version) == (1, 2)
    rows = [
        (
            c.section,
            TERMS.get(c.field, "en"),
            c.item.text(TERMS, "en") if c.item else "",
            c.before.text(TERMS, "en") if c.before else "",
            c.after.text(TERMS, "en") if c.after else "",
        )
        for c in diff.changes
    ]
    nsl = next(r for r in rows if r[1] == "Reasoning")
    assert nsl[0] == "law_practice" and "National Security Letter" in nsl[2]  # the law's name, not its key
    assert nsl[3] == "no transit outside the US and no NSL exposure for support tickets"
    assert nsl[4] == "NSLs reach communications records only."
    owner = next(r for r in rows if r[1] == "Action owner")
    assert owner[0] == "action_plan" and (owner[3], owner[4]) == ("Ops team", "Security team")
    assert not CODE.search(owner[2])  # the measure's name, not its code
    assert ("measures", "Procedural steps", "", "", "SCCs signed unchanged.") in rows
    assert len(rows) == 3  # nothing else changed
    # In Japanese too, and no internal code in what the reviewer reads.
    for c in diff.changes:
        for lang in ("en", "ja"):
            shown = [TERMS.get(c.field, lang)] + [
                v.text(TERMS, lang) for v in (c.item, c.before, c.after) if v is not None
            ]
            assert not [s for s in shown if CODE.search(s) or s.startswith("diff.")], shown

    # Four eyes by authorship still holds: the reviewer who returned version 1 approves version 2.
    approved = approval_support.approve(db, manager, v2.id, TODAY)
    assert approved.status is AssessmentStatus.APPROVED and approved.version_no == 2


def test_comments_stay_listed_when_dealt_with_and_personal_data_has_its_section(
    db: Database, legal: Actor, manager: Actor
) -> None:
    assert "personal_data" in service.REVIEW_SECTIONS
    _, v1 = _submitted(db, legal)
    v2 = _return(db, manager, v1.id)
    open_ = service.comments_for(db, v2.id)
    assert [(c.section, c.version_no) for c in open_] == [("personal_data", 1), ("law_practice", 1)]
    service.resolve_comment(db, legal, open_[0].id)
    every = service.comments_for(db, v2.id, open_only=False)
    assert [c.resolved_at is not None for c in every] == [True, False]
    assert every[0].resolved_by == legal.display_name
    assert [c.section for c in service.comments_for(db, v2.id)] == ["law_practice"]
