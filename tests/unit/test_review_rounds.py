"""A return keeps the returned version and opens the next one; the reviewer compares the resubmission with
the version returned, field by field, in words people read; comments stay listed when dealt with, with who
and when, and a comment on the personal data has its own section (issue 18)."""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Callable

import docx
import pytest
from pypdf import PdfReader

from tests import approval_support
from tests.conftest import PASSWORD
from tests.unit.test_assessment_service import TODAY, _submitted
from tests.unit.test_report_builder import _squash, _text
from tests.unit.test_roles_matrix import fingerprint
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.domain import AssessmentStatus, Role
from transfer_tool.errors import PermissionDenied
from transfer_tool.i18n.terminology import Terminology
from transfer_tool.records import audit
from transfer_tool.records.audit_drift import drift
from transfer_tool.report import render_report
from transfer_tool.storage.database import Database

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
    assert service.changes_since_previous(db, v1.id) is None  # a first submission revises nothing
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

    diff = service.changes_since_previous(db, v2.id)
    assert diff is not None and (diff.previous_version, diff.version) == (1, 2)
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


def test_the_reviewer_who_returned_a_version_approves_the_next_unless_they_edit_it(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    """Four eyes by authorship across a review round (issue 17 point 2 with issue 18's versions): the
    next version keeps the returned version's authors, so the reviewer who returned it is not one of
    them; whoever edits the next version becomes one. The frozen returned version, the next version and
    the approval all match their audit trail (`check`)."""
    ken = users.create_user(db, admin, "ken", "Ken Other", PASSWORD, Role.MANAGER).actor()
    _, v1 = _submitted(db, legal)
    v2 = _return(db, manager, v1.id)
    assert service.authors_of(db, v2.id) == service.authors_of(db, v1.id) == {legal.user_id}
    # The reviewer fills in the procedural notes of version 2 himself: he is now one of its authors.
    v2 = service.save_draft(
        db, manager, v2.id, dataclasses.replace(v2.record, procedural_notes="SCCs signed."), v2.row_version
    )
    assert service.authors_of(db, v2.id) == {legal.user_id, manager.user_id}
    assert manager.user_id not in service.authors_of(db, v1.id)  # the returned version is kept as read
    v2 = service.submit(db, legal, v2.id, TODAY)
    approval_support.register(db, manager)  # his certificate is registered: only authorship stops him
    before = fingerprint(db)
    attempts: tuple[Callable[[], object], ...] = (
        lambda: approval_support.approve(db, manager, v2.id, TODAY),
        lambda: service.return_with_comments(db, manager, v2.id, [("general", "fine by me")]),
    )
    for attempt in attempts:
        with pytest.raises(PermissionDenied, match="four-eyes"):
            attempt()
    assert fingerprint(db) == before
    # Another manager returns version 2; the first reviewer may approve version 3, which he did not edit.
    v3 = service.return_with_comments(db, ken, v2.id, [("risk", "Say why 10 %.")])
    assert v3.version_no == 3 and service.authors_of(db, v3.id) == {legal.user_id, manager.user_id}
    v3 = service.submit(db, legal, v3.id, TODAY)
    with pytest.raises(PermissionDenied, match="four-eyes"):
        approval_support.approve(db, manager, v3.id, TODAY)  # still an author: he edited version 2
    approved = approval_support.approve(db, ken, v3.id, TODAY)
    assert (approved.status, approved.version_no) == (AssessmentStatus.APPROVED, 3)
    versions = service.list_for_transfer(db, approved.transfer_id)
    assert sorted((a.version_no, a.status, a.frozen) for a in versions) == [
        (1, AssessmentStatus.RETURNED, True),
        (2, AssessmentStatus.RETURNED, True),
        (3, AssessmentStatus.APPROVED, True),
    ]
    report = audit.verify(db)
    assert report.ok, report.summary()
    assert drift(db) == []


def test_a_returning_reviewer_who_leaves_the_next_version_alone_approves_it(
    db: Database, legal: Actor, manager: Actor
) -> None:
    _, v1 = _submitted(db, legal)
    v2 = _return(db, manager, v1.id)
    v2 = service.save_draft(
        db, legal, v2.id, dataclasses.replace(v2.record, procedural_notes="SCCs signed."), v2.row_version
    )
    service.add_evidence(db, legal, v2.id, "dpa.txt", b"agreement", "Signed DPA")
    v2 = service.submit(db, legal, v2.id, TODAY)
    assert manager.user_id not in service.authors_of(db, v2.id)
    assert approval_support.approve(db, manager, v2.id, TODAY).status is AssessmentStatus.APPROVED
    assert audit.verify(db).ok and drift(db) == []


def test_a_changed_measure_no_longer_in_the_catalogue_is_named_as_such_never_by_its_code() -> None:
    """What changed between two versions, for a measure a later release dropped from the catalogue."""
    from tests.unit.test_report_builder import _fr_us_record
    from transfer_tool.assessment import version_diff
    from transfer_tool.assessment.measures import load_measure_catalog
    from transfer_tool.assessment.tool_catalog import load_tool_catalog

    before = _fr_us_record()
    assert before.measures
    retired = dataclasses.replace(before.measures[0], code="retired_measure_x", owner="Ops team")
    after = dataclasses.replace(before, measures=(retired, *before.measures[1:]))
    changed = version_diff.changes(before, after, load_tool_catalog(), load_measure_catalog(), {})
    terms = Terminology.load()
    names = {
        lang: [c.item.text(terms, lang) for c in changed if c.item is not None and c.section == "measures"]
        for lang in ("en", "ja")
    }
    assert "A measure that is no longer in the catalogue" in names["en"]
    assert "カタログに存在しなくなった措置" in names["ja"]
    assert not any("retired_measure_x" in n for lang in names for n in names[lang])


def test_a_re_assessment_is_compared_with_the_approved_version_it_would_replace(
    db: Database, legal: Actor, manager: Actor
) -> None:
    """The walk (session 12): version 3 of a transfer, a re-assessment of the approved version 2, read "A
    first submission: there is no returned version to compare with." on the review screen."""
    _, v1 = _submitted(db, legal)
    approved = approval_support.approve(db, manager, v1.id, TODAY)
    v2 = service.new_version(db, legal, approved.id)
    v2 = service.save_draft(
        db,
        legal,
        v2.id,
        dataclasses.replace(v2.record, procedural_notes="SCCs signed unchanged."),
        v2.row_version,
    )
    v2 = service.submit(db, legal, v2.id, TODAY)
    diff = service.changes_since_previous(db, v2.id)
    assert diff is not None and (diff.previous_version, diff.version, diff.previous_approved) == (1, 2, True)
    rows = [
        (c.section, TERMS.get(c.field, "en"), c.after.text(TERMS, "en") if c.after else "")
        for c in diff.changes
    ]
    # The re-evaluation date the approval set is not listed as removed: the next approval sets it again.
    assert rows == [("measures", "Procedural steps", "SCCs signed unchanged.")]
    returned = _return(db, manager, v2.id)  # a return after that compares with the returned version
    returned = service.submit(db, legal, returned.id, TODAY)
    diff = service.changes_since_previous(db, returned.id)
    assert diff is not None and (diff.previous_version, diff.previous_approved, diff.changes) == (
        2,
        False,
        (),
    )


def test_the_report_says_who_dealt_with_each_comment_the_version_was_returned_with(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    """Signed content: each comment the reviewer returned the version with, and who dealt with it and when
    (en, ja), not only that the version went back and forth; a draft's report says which are still open."""
    lou = users.create_user(db, admin, "lou", "Lou Legal", PASSWORD, Role.LEGAL).actor()
    _, v1 = _submitted(db, legal)
    v2 = _return(db, manager, v1.id)
    service.resolve_comment(db, lou, service.comments_for(db, v2.id)[0].id)
    draft = service.build_report_data(db, v2.id, TODAY)
    assert [(c.version, c.dealt_with_by) for c in draft.review_comments] == [(1, "Lou Legal"), (1, "")]
    text = _text(render_report(draft, "en"))
    assert _squash("Lou Legal") in text and _squash("Not yet dealt with") in text

    v2 = service.submit(db, legal, v2.id, TODAY)  # resubmitting deals with the rest
    v2 = approval_support.approve(db, manager, v2.id, TODAY)
    pdf = service.signed_report(db, v2.id)
    assert pdf is not None
    text = _text(pdf)
    for words in (
        "The reviewer's comments, and who dealt with each",
        "Say which health data the tickets hold.",
        "More on NSLs.",
        "Lou Legal",
        legal.display_name,
        manager.display_name,
    ):
        assert _squash(words) in text, words
    assert _squash("Not yet dealt with") not in text
    assert not CODE.findall(text.split(_squash("who dealt with each"))[1].split("12.")[0])
    approved = service.build_report_data(db, v2.id, TODAY)
    ja = _text(render_report(approved, "ja"))
    assert "レビュー担当者のコメントと対応" in ja and "未対応" not in ja
    # The Word draft says the same.
    from transfer_tool.report.docx_export import render_docx

    cells = [
        c.text
        for t in docx.Document(io.BytesIO(render_docx(approved, "en"))).tables
        for r in t.rows
        for c in r.cells
    ]
    assert "Lou Legal" in "\n".join(cells) and "More on NSLs." in "\n".join(cells)


def test_every_review_section_is_named_on_the_page_never_by_its_key(
    db: Database, legal: Actor, manager: Actor
) -> None:
    """A comment on the parties, the personal data or the handling (the sections of step 1) is shown under
    its section's name in the review history and in the comments table, as in the review screen; before,
    the history showed "[personal_data] ..." and the table dropped the section."""
    for section in service.REVIEW_SECTIONS:
        for lang in ("en", "ja"):
            assert TERMS.has(f"review.section.{section}"), section
            assert not CODE.search(TERMS.get(f"review.section.{section}", lang)), (section, lang)
    _, v1 = _submitted(db, legal)
    v2 = service.return_with_comments(
        db,
        manager,
        v1.id,
        [("parties", "Name the importer."), ("personal_data", "Which health data?"), ("handling", "Keys?")],
    )
    draft = service.build_report_data(db, v2.id, TODAY)
    for lang, names in (
        ("en", ("Parties and destination (step 1)", "Personal data (step 1)", "Handling and onward")),
        ("ja", ("当事者と移転先", "個人データ（ステップ1）", "取扱いと再移転")),
    ):
        text = _text(render_report(draft, lang))
        history, table = text.rsplit(_squash(TERMS.get("review.comments.heading", lang)), 1)
        for part in (history, table):  # the review history's row, then the comments table
            for name in names:
                assert _squash(name) in part, (lang, name)
        for key in ("parties", "personal_data", "handling"):
            assert key not in text, (lang, key)
    from transfer_tool.report.docx_export import render_docx

    words = "\n".join(
        p.text for p in docx.Document(io.BytesIO(render_docx(draft, "en"))).paragraphs
    ) + "\n".join(
        c.text
        for t in docx.Document(io.BytesIO(render_docx(draft, "en"))).tables
        for r in t.rows
        for c in r.cells
    )
    assert "Personal data (step 1)" in words and "personal_data" not in words


def test_a_comment_longer_than_a_page_names_its_row_on_the_next_page_unbroken() -> None:
    """A comment cut at a page break goes on under "1 (continued)": the version column is wide enough for
    that word, which was broken as "(continu" / "ed)" (seen on the rendered page)."""
    from transfer_tool.report.data import ReviewCommentLine
    from transfer_tool.report.sample import sample_report_data

    long = "The onward transfer to Manila needs its own assessment and the signed DPA. " * 70
    base = sample_report_data()
    line = base.review_comments[0]
    data = dataclasses.replace(
        base, review_comments=(ReviewCommentLine(1, long, line.reviewer, line.made_at),)
    )
    for lang in ("en", "ja"):
        continued = TERMS.get("doc.continued", lang).format(label="1")
        lines = [
            ln.strip()
            for page in PdfReader(io.BytesIO(render_report(data, lang))).pages
            for ln in page.extract_text().splitlines()
        ]
        word = continued.replace("1", "", 1).strip()  # "(continued)", "（続き）"
        assert any(word in ln for ln in lines), lang  # the comment was cut at a page break
        broken = [ln for ln in lines if ln != word and len(ln) >= 2 and word.startswith(ln)]
        assert not broken, (lang, broken)
