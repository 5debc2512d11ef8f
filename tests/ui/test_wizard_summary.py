"""The summary page (completeness list that jumps to pages, Submit, Generate PDF), evidence files, the
reviewer's comments beside their sections, and the habits every page shares (labels, tab order)."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui import languages
from tests.ui import test_wizard_support as support
from tests.ui.a11y import next_in_focus_chain, unlabelled
from tests.ui.conftest import TODAY
from tests.ui.settle import settle
from tests.ui.test_wizard_support import MakeWizard, answer_everything, choose, click_next, type_text
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.domain import AssessmentStatus, Conclusion
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database
from ui.wizard import AssessmentWizard
from ui.wizard.common import WizardPage
from ui.wizard.law_practice import LawPracticePage
from ui.wizard.precheck import PrecheckPage
from ui.wizard.state import (
    PAGE_CONCLUSION,
    PAGE_DATA,
    PAGE_LAW,
    PAGE_MEASURES,
    PAGE_ORDER,
    PAGE_PARTIES,
    PAGE_PRECHECK,
    PAGE_RISK,
    PAGE_SUMMARY,
    PAGE_TOOL,
)
from ui.wizard.tool import ToolPage
from ui.wizard.transfer import PartiesPage

make_wizard = support.make_wizard


def _shot(widget: QWidget, name: str) -> None:
    """With WIZARD_SCREENSHOTS=<folder>, the grab is saved there for a person to look at (docs/screenshots)."""
    folder = os.environ.get("WIZARD_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(Path(folder) / name))


us_transfer = support.us_transfer


def _click_row(qtbot: QtBot, view: QAbstractItemView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_completeness_list_names_each_missing_item_and_jumps_to_its_page(
    qtbot: QtBot, make_wizard: MakeWizard, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    wizard = make_wizard(legal, us_transfer.id)
    wizard.go_to(PAGE_SUMMARY)
    summary = wizard.summary
    items = summary.missing_items()
    assert items == [
        (
            PAGE_TOOL,
            "• 2 Transfer tool — no transfer tool chosen for EU General Data Protection Regulation (GDPR)",
        ),
        (
            PAGE_LAW,
            "• 3 Law and practice — say whether FISA Section 702 (50 U.S.C. 1881a) applies to this importer and data",
        ),
        (
            PAGE_LAW,
            "• 3 Law and practice — say whether Executive Order 12333 applies to this importer and data",
        ),
        (
            PAGE_LAW,
            "• 3 Law and practice — say whether National Security Letters (18 U.S.C. 2709 and related) applies to "
            "this importer and data",
        ),
        (PAGE_LAW, "• 3 Law and practice — reach the step conclusion"),
        # what the DPO needs: the conclusion rests on it (issue 18)
        (
            PAGE_CONCLUSION,
            "• 7 Conclusion — say whether the data could be anonymised or minimised instead (and why not)",
        ),
        (PAGE_CONCLUSION, "• 7 Conclusion — say who performs the assessment"),
        (PAGE_CONCLUSION, "• 7 Conclusion — describe the destination's general data-protection framework"),
        (PAGE_CONCLUSION, "• 7 Conclusion — describe the redress data subjects have at the destination"),
        (PAGE_CONCLUSION, "• 7 Conclusion — say whether the transfer tool is enforceable at the destination"),
        (PAGE_CONCLUSION, "• 7 Conclusion — choose a conclusion"),
    ]
    assert (
        summary.complete_label.text()
        == "11 item(s) to complete before submitting; activate one to go to its page."
    )
    _click_row(qtbot, summary.missing, 2)
    assert wizard.current_key() == PAGE_LAW
    wizard.go_to(PAGE_SUMMARY)
    _click_row(qtbot, summary.missing, 0)
    assert wizard.current_key() == PAGE_TOOL
    # The step list jumps too, and marks the steps with open items.
    steps = [wizard.steps_model.index(r, 0).data() for r in range(wizard.steps_model.rowCount())]
    assert steps[PAGE_ORDER.index(PAGE_TOOL)] == "2 Transfer tool •"
    assert steps[PAGE_ORDER.index(PAGE_PARTIES)] == "1 Parties and destination"
    _click_row(qtbot, wizard.steps, PAGE_ORDER.index(PAGE_CONCLUSION))
    assert wizard.current_key() == PAGE_CONCLUSION


def test_submit_is_refused_while_incomplete_then_accepted(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    wizard = make_wizard(legal, us_transfer.id)
    wizard.go_to(PAGE_SUMMARY)
    qtbot.mouseClick(wizard.summary.submit_button, Qt.MouseButton.LeftButton)
    result = wizard.summary.result
    assert result.isVisible()
    assert result.text().startswith("The assessment cannot be submitted: 11 item(s) are missing.")
    # Each item is in the list above, in words and a link to its page (not the record's field paths).
    assert "law_practice.conclusion" not in result.text()
    assert any("reach the step conclusion" in text for _page, text in wizard.summary.missing_items())
    a = service.latest_for_transfer(db, us_transfer.id)
    assert (
        a is not None and a.status is AssessmentStatus.DRAFT
    )  # stored (the click saved it) but not submitted

    answer_everything(qtbot, wizard, conclusion=Conclusion.PROCEED_WITH_MEASURES)
    click_next(qtbot, wizard)
    assert wizard.current_key() == PAGE_SUMMARY
    assert wizard.summary.missing_items() == []
    assert wizard.summary.complete_label.text() == "Nothing is missing: the assessment can be submitted."
    assert not result.isVisible()  # the refusal's list is stale under "Nothing is missing" (issue 18)
    assert ", version 1 — draft" in wizard.summary.overview.text()
    qtbot.mouseClick(wizard.summary.submit_button, Qt.MouseButton.LeftButton)
    assert service.get_assessment(db, a.id).status is AssessmentStatus.SUBMITTED
    assert result.text().startswith("Submitted for review.")
    overview = wizard.summary.overview.text()  # no longer "draft" once submitted (issue 18)
    assert ", version 1 — submitted for review" in overview and "draft" not in overview
    assert wizard.banner.text() == "Submitted for review: read-only until a manager returns it."
    assert not wizard.summary.submit_button.isEnabled()
    assert transfers.get_transfer(db, us_transfer.id).status.value == "submitted"


@pytest.mark.parametrize("language", ["en", "ja"])
def test_generate_pdf_writes_the_report_where_the_user_chooses(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    legal: Actor,
    us_transfer: transfers.TransferView,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    wizard = make_wizard(legal, us_transfer.id, language)
    answer_everything(qtbot, wizard, conclusion=Conclusion.PROCEED_WITH_MEASURES)
    click_next(qtbot, wizard)
    target = tmp_path / "reports" / "tia.pdf"
    target.parent.mkdir()
    asked: list[str] = []

    def save_as(_parent: QWidget, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    summary = wizard.summary
    assert summary.language.currentData() == language
    with qtbot.waitSignal(summary.pdf_saved, timeout=30_000) as saved:
        qtbot.mouseClick(summary.pdf_button, Qt.MouseButton.LeftButton)
        assert summary.progress.isVisible()  # rendering runs off the GUI thread
    assert saved.args == [str(target)]
    assert asked and asked[0].endswith(f"{us_transfer.reference}-v1.pdf")
    assert not summary.progress.isVisible()
    assert "Open the PDF" in summary.pdf_status.text()
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(target.read_bytes())).pages)
    flat = "".join(text.split())
    for typed in (
        "Controller to processor; the importer is not DPF-certified.",
        "管理者から処理者へ",
        "Cloud Desk is a remote computing service provider",
        "FISA 702 reaches the importer as a cloud provider.",
        "Ops team",
        us_transfer.reference,
    ):
        assert "".join(typed.split()) in flat, typed


# PySide marks QDragEnterEvent's only constructor deprecated; Qt 6 has no other way to start a drop.
@pytest.mark.filterwarnings("ignore:Function. 'QDragEnterEvent:DeprecationWarning")
def test_evidence_files_attach_with_the_button_and_by_dropping_them(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    legal: Actor,
    us_transfer: transfers.TransferView,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scc = tmp_path / "signed-scc-module2.pdf"
    scc.write_bytes(b"%PDF-1.4 signed clauses \x00\x01")
    report = tmp_path / "transparency-report-2025.txt"
    report.write_text("0 requests / 要請なし", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(scc)], ""))
    wizard = make_wizard(legal, us_transfer.id)
    wizard.go_to(PAGE_TOOL)
    tool = wizard.page_for(PAGE_TOOL)
    assert isinstance(tool, ToolPage)
    assert service.latest_for_transfer(db, us_transfer.id) is None
    type_text(tool.evidence.label_edit, "Signed SCC Module 2 / 署名済み")
    qtbot.mouseClick(tool.evidence.attach_button, Qt.MouseButton.LeftButton)
    a = service.latest_for_transfer(db, us_transfer.id)  # the first attachment stored the assessment
    assert a is not None
    files = service.evidence_for(db, a.id)
    assert [(f.label, f.filename, f.sha256) for f in files] == [
        ("Signed SCC Module 2 / 署名済み", scc.name, hashlib.sha256(scc.read_bytes()).hexdigest())
    ]
    assert tool.evidence.rows() == [
        f"Signed SCC Module 2 / 署名済み — {scc.name} ({scc.stat().st_size} B) · SHA-256 {files[0].sha256[:16]}…"
    ]

    wizard.go_to(PAGE_LAW)
    law = wizard.page_for(PAGE_LAW)
    assert isinstance(law, LawPracticePage)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(report))])
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(law.evidence, enter)
    assert enter.isAccepted()  # files are welcome
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(law.evidence, drop)
    assert drop.isAccepted()
    files = service.evidence_for(db, a.id)
    assert [(f.label, f.sha256) for f in files][1] == (
        "transparency-report-2025",
        hashlib.sha256(report.read_bytes()).hexdigest(),
    )
    assert len(law.evidence.rows()) == 2 and len(tool.evidence.rows()) == 2  # one list per assessment
    law.evidence.view.setCurrentIndex(law.evidence.model.index(0, 0))
    law.evidence.remove_selected()
    assert [f.filename for f in service.evidence_for(db, a.id)] == [report.name]


def test_a_returned_assessment_shows_each_comment_on_its_page_and_keeps_those_dealt_with(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    legal: Actor,
    manager: Actor,
    us_transfer: transfers.TransferView,
) -> None:
    a = support.submitted_through_the_wizard(qtbot, make_wizard, db, legal, us_transfer.id, TODAY)
    service.return_with_comments(
        db,
        manager,
        a.id,
        [
            ("law_practice", "NSL の理由をもう少し詳しく"),
            ("tools", "Check the module."),
            ("personal_data", "Say which health data the tickets hold."),
            ("general", "Otherwise fine."),
        ],
    )
    returned = make_wizard(legal, us_transfer.id)
    # The changes go into version 2; version 1 stays as the reviewer read it.
    assert " · version 2 · " in returned.windowTitle()
    assert returned.page_for(PAGE_CONCLUSION).body.isEnabled()  # returned versions are editable again

    # The summary it reopens on lists the open comments, each leading to its page; no bare "can be submitted".
    returned.go_to(PAGE_SUMMARY)
    summary = returned.summary
    assert summary.open_comments.isVisible()
    assert summary.open_comment_items() == [
        (PAGE_LAW, "✎ 3 Law and practice — NSL の理由をもう少し詳しく"),
        (PAGE_TOOL, "✎ 2 Transfer tool — Check the module."),
        (PAGE_DATA, "✎ 1 Personal data — Say which health data the tickets hold."),
        (PAGE_SUMMARY, "✎ Summary and submission — Otherwise fine."),
    ]
    assert summary.complete_label.text().startswith(
        "Nothing is missing. 4 reviewer comment(s) above are still open"
    )
    _click_row(qtbot, summary.open_comments, 2)
    assert returned.current_key() == PAGE_DATA

    # The steps list marks each page with an open comment.
    steps = returned.steps_model.stringList()
    marked = {PAGE_ORDER[i] for i, text in enumerate(steps) if text.endswith(" ✎")}
    assert marked == {PAGE_LAW, PAGE_TOOL, PAGE_DATA, PAGE_SUMMARY}

    # A personal-data comment is on the personal-data page, not on Parties.
    assert returned.page_for(PAGE_DATA).comments.texts() == ["Say which health data the tickets hold."]
    assert returned.page_for(PAGE_PARTIES).comments.texts() == ["Otherwise fine."]
    law = returned.page_for(PAGE_LAW)
    returned.go_to(PAGE_LAW)
    assert law.comments.isVisible() and law.comments.texts() == ["NSL の理由をもう少し詳しく"]
    headings = [w.text() for w in law.comments.findChildren(QLabel) if w.isVisible() and " · " in w.text()]
    assert len(headings) == 1 and headings[0].startswith("Max Manager 山田 · ")
    assert headings[0].endswith(" · on version 1")
    assert returned.page_for(PAGE_CONCLUSION).comments.texts() == []

    # The button sits under the comment, clear of the heading and the text.
    visible = [b for b in law.comments.findChildren(QAbstractButton) if b.isVisible()]
    (button,) = visible
    assert button.text() == "Mark as dealt with"
    qtbot.waitUntil(lambda: button.height() >= button.sizeHint().height())  # laid out
    _shot(returned, "wizard-returned-law-comment.png")
    for label in law.comments.findChildren(QLabel):  # none left over from an earlier fill, either
        if not label.isVisible():
            continue
        assert not button.geometry().intersects(label.geometry()), label.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    # Dealt with: still shown, struck through, with who and when; its page loses the mark.
    assert [c.comment for c in service.comments_for(db, a.id)] == [
        "Check the module.",
        "Say which health data the tickets hold.",
        "Otherwise fine.",
    ]
    assert law.comments.isVisible() and law.comments.struck_out() == ["NSL の理由をもう少し詳しく"]
    dealt = service.comments_for(db, a.id, open_only=False)[0]
    assert dealt.resolved_at is not None
    qtbot.waitUntil(
        lambda: any(w.isVisible() for w in law.comments.findChildren(QLabel, f"dealtWith:{dealt.id}"))
    )
    (done,) = [w for w in law.comments.findChildren(QLabel, f"dealtWith:{dealt.id}") if w.isVisible()]
    assert done.text() == f"Dealt with by {legal.display_name} on {dealt.resolved_at.date().isoformat()}"
    assert [b for b in law.comments.findChildren(QAbstractButton) if b.isVisible()] == []
    assert not returned.steps_model.stringList()[PAGE_ORDER.index(PAGE_LAW)].endswith("✎")
    _shot(returned, "wizard-comment-dealt-with.png")
    returned.go_to(PAGE_SUMMARY)
    _shot(returned, "wizard-returned-summary.png")
    assert len(summary.open_comment_items()) == 3


@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_control_on_every_page_is_labelled(
    qtbot: QtBot, make_wizard: MakeWizard, legal: Actor, us_transfer: transfers.TransferView, language: str
) -> None:
    wizard = make_wizard(legal, us_transfer.id, language)
    answer_everything(qtbot, wizard, conclusion=Conclusion.PROCEED)
    for key in PAGE_ORDER:
        wizard.go_to(key)
        assert unlabelled(wizard.page_for(key)) == [], key
    assert unlabelled(wizard.sideWidget()) == []


def _tab_chain(start: QWidget, count: int) -> list[QWidget]:
    """The widgets Tab visits from `start`, as Qt's focus chain gives them."""
    out = [start]
    w = start
    while len(out) < count:
        w = next_in_focus_chain(w)
        if (
            w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.isVisible()
            and w.isEnabled()
            and w.focusProxy() is None
        ):
            out.append(w)
    return out


def test_tab_order_follows_the_layout(
    qtbot: QtBot, make_wizard: MakeWizard, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    wizard = make_wizard(legal, us_transfer.id)
    parties = wizard.page_for(PAGE_PARTIES)
    assert isinstance(parties, PartiesPage)
    assert _tab_chain(parties.title_edit, 14) == [
        parties.title_edit,
        parties.exporter.combo,
        parties.exporter.new_button,
        parties.exporter.edit_button,
        parties.exporter.remove_button,
        parties.exporter_role,
        parties.importer.combo,
        parties.importer.new_button,
        parties.importer.edit_button,
        parties.importer.remove_button,
        parties.importer_role,
        parties.recipient_type,
        parties.picker.search_box,
        parties.picker.table,
    ]


def _reading_order(page: WizardPage) -> list[tuple[int, int, str]]:
    """(y, x, name) of the inputs Tab visits on the page, in the order it visits them."""
    first = next(w for w in page.tab_chain() if w.isVisible() and w.isEnabled())
    out = []
    w: QWidget = first
    seen: set[int] = set()
    while id(w) not in seen:
        seen.add(id(w))
        focusable = w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible() and w.isEnabled()
        if focusable and w.focusProxy() is None and page.body.isAncestorOf(w):
            pos = w.mapTo(page.body, QPoint(0, 0))
            out.append((pos.y(), pos.x(), f"{type(w).__name__}:{w.accessibleName()}"))
        w = next_in_focus_chain(w)
    return out


@pytest.mark.parametrize("key", [PAGE_PRECHECK, PAGE_TOOL, PAGE_LAW, PAGE_MEASURES, PAGE_RISK, PAGE_DATA])
def test_tab_goes_top_to_bottom_on_pages_whose_rows_are_built_from_data(
    qtbot: QtBot, make_wizard: MakeWizard, legal: Actor, us_transfer: transfers.TransferView, key: str
) -> None:
    wizard = make_wizard(legal, us_transfer.id)
    answer_everything(qtbot, wizard, conclusion=Conclusion.PROCEED_WITH_MEASURES)
    precheck = wizard.page_for(PAGE_PRECHECK)
    assert isinstance(precheck, PrecheckPage)
    wizard.go_to(PAGE_PRECHECK)
    choose(precheck.add_regime, "UK")
    precheck.add_reason.setText("UK customers")
    precheck.add_button.click()
    wizard.go_to(key)
    settle(wizard)  # rows built just now are laid out by the event loop, a level per pass
    order = _reading_order(wizard.page_for(key))
    assert len(order) >= 4
    if key == PAGE_DATA:  # three columns: down the first, then the next ones
        names = [name for _y, _x, name in order]
        assert names[:2] == [
            "Checklist:Categories of personal data",
            "QCheckBox:Includes special-category or sensitive data",
        ]
        assert names.index("Checklist:Purposes") == 2  # (the sensitive-data text is disabled until ticked)
        return
    positions = [(y, x) for y, x, _name in order]
    assert positions == sorted(positions), order


def test_the_wizard_fits_1280_by_800_without_horizontal_clipping(
    qtbot: QtBot, make_wizard: MakeWizard, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    wizard: AssessmentWizard = make_wizard(legal, us_transfer.id)
    answer_everything(qtbot, wizard, conclusion=Conclusion.PROCEED_WITH_MEASURES)
    wizard.resize(1280, 800)
    for key in PAGE_ORDER:
        wizard.go_to(key)
        settle(wizard)
        page = wizard.page_for(key)
        viewport = page.scroll_area.viewport().width()
        assert page.body.width() <= viewport, key  # pages scroll vertically only
        too_wide = [
            f"{type(w).__name__}:{w.objectName()}"
            for w in page.body.findChildren(QWidget)
            if w.isVisibleTo(page) and w.mapTo(page.body, w.rect().topRight()).x() > page.body.width() + 1
        ]
        assert too_wide == [], key
        assert wizard.width() <= 1280 and wizard.height() <= 800


japanese = languages.japanese


def test_the_returned_assessment_reads_in_japanese(
    qtbot: QtBot, japanese: str, make_wizard: MakeWizard, db: Database, legal: Actor, manager: Actor
) -> None:
    """Issue 18: the review loop as a Japanese assessor sees it (the user guide's Japanese screenshots): the
    open comments on the summary, the marked steps, a comment dealt with kept and struck through."""
    from tests.ui.review_support import submitted_assessment

    t, a = submitted_assessment(db, legal)
    service.return_with_comments(
        db,
        manager,
        a.id,
        [
            ("law_practice", "NSL の理由をもう少し詳しく記載してください。"),
            ("tools", "モジュールを確認してください。"),
        ],
    )
    returned = make_wizard(legal, t.id, japanese)
    returned.go_to(PAGE_SUMMARY)
    summary = returned.summary
    assert summary.open_comments.isVisible()
    assert [text for _page, text in summary.open_comment_items()] == [
        "✎ 3 法令と実務 — NSL の理由をもう少し詳しく記載してください。",
        "✎ 2 移転手段 — モジュールを確認してください。",
    ]
    steps = returned.steps_model.stringList()
    assert {PAGE_ORDER[i] for i, text in enumerate(steps) if text.endswith(" ✎")} == {PAGE_LAW, PAGE_TOOL}
    assert not summary.complete_label.text().isascii()
    _shot(returned, "wizard-returned-summary-ja.png")

    law = returned.page_for(PAGE_LAW)
    returned.go_to(PAGE_LAW)
    (button,) = [b for b in law.comments.findChildren(QAbstractButton) if b.isVisible()]
    assert button.text() == "対応済みにする"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assessment = returned.state.assessment
    assert assessment is not None
    dealt = service.comments_for(db, assessment.id, open_only=False)
    done = next(c for c in dealt if c.resolved_at is not None)
    qtbot.waitUntil(
        lambda: any(w.isVisible() for w in law.comments.findChildren(QLabel, f"dealtWith:{done.id}"))
    )
    (label,) = [w for w in law.comments.findChildren(QLabel, f"dealtWith:{done.id}") if w.isVisible()]
    assert done.resolved_at is not None
    day = done.resolved_at.date()
    assert label.text() == f"{legal.display_name} が {day:%Y/%m/%d} に対応済み"  # the Japanese date
    assert law.comments.struck_out() == ["NSL の理由をもう少し詳しく記載してください。"]
    _shot(returned, "wizard-comment-dealt-with-ja.png")
