"""What the legal user's walk through the real app found (session 12): each screen says what happened and
what to do next."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QTabBar
from pytestqt.qtbot import QtBot

from tests import factories
from tests.ui import languages
from tests.ui import test_wizard_support as support
from tests.ui.test_wizard_support import MakeWizard, answer_everything
from tests.unit.register_files import HEADER, excel_workbook, row
from tests.unit.teamwork_support import approved_transfer, flag_transfers
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import reassessment, service
from transfer_tool.register import register_import, transfers
from transfer_tool.storage.database import Database
from ui.main_window import MainWindow
from ui.register_files import ImportDialog
from ui.teamwork import BulkReassessment
from ui.wizard.conclusion import ConclusionPage
from ui.wizard.risk import RiskPage
from ui.wizard.state import PAGE_CONCLUSION, PAGE_RISK, PAGE_SUMMARY, PAGE_TOOL
from ui.wizard.summary import SummaryPage
from ui.wizard.tool import ToolPage

make_wizard = support.make_wizard
us_transfer = support.us_transfer
japanese = languages.japanese

MakeWindow = Callable[..., MainWindow]


def test_a_reassessment_that_starts_nothing_says_why(
    qtbot: QtBot,
    make_window: MakeWindow,
    db: Database,
    admin: Actor,
    legal: Actor,
    manager: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    regime = src.assessment.record.regimes.codes()[0]
    flag_transfers(db, [src.transfer.id], regime)
    # Someone already started its new version: the run skips it (and said only "0 new version(s) started").
    assert reassessment.start_reassessment(db, legal, src.transfer.id).result == reassessment.STARTED
    window = make_window(legal)
    box = window.confirm_reassessment([src.transfer.id])
    assert box is not None
    ended: list[tuple[int, int]] = []
    original = window.start_reassessment

    def start(ids: list[int]) -> BulkReassessment:
        run = original(ids)
        run.finished.connect(lambda started, done: ended.append((started, done)))
        return run

    monkeypatch.setattr(window, "start_reassessment", start)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(ended), timeout=10_000)
    assert ended == [(0, 1)]
    assert window.statusBar().currentMessage() == (
        "0 new version(s) started. 1 skipped: no approved version, or a newer version is already in "
        "progress (open it from the register)."
    )


def test_the_risk_step_names_the_laws_in_japanese(
    qtbot: QtBot, make_wizard: MakeWizard, legal: Actor, us_transfer: transfers.TransferView, japanese: str
) -> None:
    """Step 3 showed the laws in Japanese; step 6 offered and titled them in the country data's English."""
    wizard = make_wizard(legal, us_transfer.id, japanese)
    answer_everything(qtbot, wizard, conclusion=None)  # FISA 702 applies, with its factors on step 6
    risk = wizard.page_for(PAGE_RISK)
    assert isinstance(risk, RiskPage)
    offered = [risk.add_law_combo.itemText(i) for i in range(risk.add_law_combo.count())]
    assert offered and not any("Executive Order" in text for text in offered), offered
    assert "大統領令第12333号" in " ".join(offered)
    view = risk.law_views["fisa702"]
    titles = [label.text() for label in view.findChildren(QLabel) if "702" in label.text()]
    assert titles and all("Section" not in t for t in titles) and "第702条" in titles[0], titles


def test_the_tool_step_reads_the_default_note_in_japanese(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor, japanese: str
) -> None:
    """A destination the country data gives no decision: its note was English on the Japanese step 2."""
    exp = factories.entity(db, legal, "Net Japan Europe GmbH", "DE", is_group_company=True)
    imp = factories.entity(db, legal, "Bangalore Support Pvt. Ltd.", "IN")
    t = transfers.create_transfer(db, legal, factories.transfer_input(exp.id, imp.id, "IN"))
    wizard = make_wizard(legal, t.id, japanese)
    wizard.go_to(PAGE_TOOL)
    tool = wizard.page_for(PAGE_TOOL)
    assert isinstance(tool, ToolPage)
    status = tool.section("EU").status.text()
    assert "十分性認定の記録なし" in status and "No adequacy" not in status, status


def test_an_export_imported_back_says_what_to_do_in_japanese(
    qtbot: QtBot, make_window: MakeWindow, legal: Actor, db: Database, tmp_path: Path, japanese: str
) -> None:
    """The register exported and imported back: every row's reference is taken; each problem says that
    import only adds, and the two ways on (it said only that the reference was already used)."""
    path = tmp_path / "register.xlsx"
    path.write_bytes(excel_workbook([("Transfers", [HEADER, row(1)])]))
    register_import.import_file(db, legal, path.read_bytes(), path.name)
    window = make_window(legal, language=japanese)
    window.import_register(str(path))
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and dialog.preview is not None
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert len(problems) == 1 and "「XL-00001」は既に使用されています。" in problems[0], problems
    assert "台帳にある移転は変更しません" in problems[0] and "参照番号を空欄にして" in problems[0], problems
    assert not dialog.import_button.isEnabled()
    dialog.reject()


def test_a_refused_submission_names_no_internal_keys(
    qtbot: QtBot, make_wizard: MakeWizard, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    """Submit with items missing: the refusal listed each as 'Step 2 (Transfer tool) · tools.EU: …' (the
    record's field paths); the list above already names each item in words, each a link to its page."""
    wizard = make_wizard(legal, us_transfer.id)
    wizard.go_to(PAGE_SUMMARY)
    summary = wizard.page_for(PAGE_SUMMARY)
    assert isinstance(summary, SummaryPage)
    missing = summary.missing_items()
    assert missing and summary.submit_button.isEnabled()
    summary.submit_button.click()
    qtbot.waitUntil(summary.result.isVisible, timeout=5000)
    shown = summary.result.text()
    assert shown.startswith("The assessment cannot be submitted:"), shown
    keys = re.findall(r"\b[a-z_]+\.[a-zA-Z_]+\b", shown)
    assert not keys, (keys, shown)
    model = summary.missing_model
    tips = [model.item(r).toolTip() for r in range(model.rowCount())]
    assert tips and not any(re.search(r"\b[a-z_]+\.[a-zA-Z_]+\b", t) for t in tips), tips


def test_every_tab_stop_of_the_register_has_a_name(
    qtbot: QtBot, make_window: MakeWindow, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    """Tab from the table reached the details pane, which a screen reader could not name."""
    window = make_window(legal)
    window.activateWindow()
    window.register.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.register.table)
    unnamed = []
    for _ in range(15):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None, "Tab left no widget with the keyboard focus"
        iface = QAccessible.queryAccessibleInterface(focused)
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if not name.replace("&", "").strip() and not isinstance(focused, QTabBar):
            unnamed.append(f"{type(focused).__name__} {focused.objectName()!r}")
    assert not unnamed, unnamed


def test_the_conclusion_step_states_the_organisations_re_evaluation_period(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    admin: Actor,
    legal: Actor,
    us_transfer: transfers.TransferView,
    japanese: str,
) -> None:
    """Approval sets the date this many months on (Administration → Organisation settings); the step said
    "12 months after approval" whatever the setting."""
    service.set_org_settings(
        db, admin, dataclasses.replace(service.get_org_settings(db), reevaluation_months=24)
    )
    wizard = make_wizard(legal, us_transfer.id, japanese)
    wizard.go_to(PAGE_CONCLUSION)
    page = wizard.page_for(PAGE_CONCLUSION)
    assert isinstance(page, ConclusionPage)
    assert page.reevaluation.value() is None
    assert page.reevaluation.text() == "承認の24か月後"


def test_the_copy_message_reads_as_japanese(
    qtbot: QtBot, make_window: MakeWindow, legal: Actor, us_transfer: transfers.TransferView, japanese: str
) -> None:
    """Two sentences after "New transfer from this one…" were joined by an English space after 。."""
    window = make_window(legal, language=japanese, wizard_factory=lambda *_a: None)
    window._copied(us_transfer.id, ["EU"])
    shown = window.statusBar().currentMessage()
    assert "。移転手段" in shown or "。移転ツール" in shown, shown
    assert "。 " not in shown, shown


def test_the_risk_step_says_why_there_is_no_result_in_japanese(
    qtbot: QtBot, make_wizard: MakeWizard, legal: Actor, us_transfer: transfers.TransferView, japanese: str
) -> None:
    """Quantified risk turned on with no figures yet: the reasons were the engine's English."""
    wizard = make_wizard(legal, us_transfer.id, japanese)
    wizard.go_to(PAGE_RISK)
    risk = wizard.page_for(PAGE_RISK)
    assert isinstance(risk, RiskPage)
    risk.enabled.setChecked(True)  # no law marked as applying on step 3 yet
    shown = risk.result_text.text()
    assert shown.startswith("結果はまだありません"), shown
    assert not re.search(r"[A-Za-z]{4,} [a-z]{3,}", shown), shown


def test_every_tab_stop_of_the_wizard_has_a_name(
    qtbot: QtBot, make_wizard: MakeWizard, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    """Tab from the step list reached the page's scrolling area, which a screen reader could not name."""
    wizard = make_wizard(legal, us_transfer.id)
    wizard.activateWindow()
    wizard.steps.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is wizard.steps)
    unnamed = []
    for _ in range(25):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None, "Tab left no widget with the keyboard focus"
        iface = QAccessible.queryAccessibleInterface(focused)
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if not name.replace("&", "").strip():
            unnamed.append(f"{type(focused).__name__} {focused.objectName()!r}")
    assert not unnamed, unnamed
