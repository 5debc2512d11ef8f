"""The register's files in the app: File → Import… previews a workbook with every problem by sheet, row and
column and imports all rows or none; File → Export… writes Excel or CSV; the dashboard saves the due dates
as a calendar file; the wizard's summary exports the report as Word. With REGISTER_SCREENSHOTS=<folder>
the import preview is saved there (docs/screenshots holds the ones the user guide shows)."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import openpyxl
import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from tests.ui import test_wizard_support as support
from tests.ui.a11y import unlabelled
from tests.ui.i18n_fit import misfits
from tests.ui.test_wizard_support import MakeWizard, answer_everything, click_next
from tests.unit.register_files import HEADER, excel_workbook, register_state, row
from transfer_tool.accounts.permissions import Actor
from transfer_tool.domain import Conclusion
from transfer_tool.register import register_search, transfers
from transfer_tool.storage.database import Database
from ui.fonts import register_bundled_fonts
from ui.i18n import install_translators, remove_translators
from ui.main_window import MainWindow
from ui.register_files import ImportDialog

MakeWindow = Callable[..., MainWindow]
make_wizard = support.make_wizard
us_transfer = support.us_transfer


def _dialog(window: MainWindow, path: Path) -> ImportDialog:
    window.import_register(str(path))
    dialogs = [d for d in window.findChildren(ImportDialog) if d.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].preview is not None  # the worker is synchronous in tests
    return dialogs[0]


def _close(qtbot: QtBot, dialog: ImportDialog) -> None:
    dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def _save_shot(dialog: ImportDialog, name: str) -> None:
    folder = os.environ.get("REGISTER_SCREENSHOTS")
    if folder:
        dialog.resize(1100, 640)
        QApplication.processEvents()
        assert dialog.grab().save(str(Path(folder) / name))


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The interface language, with the app's Japanese catalogue and font installed for "ja"."""
    if request.param == "en":
        yield "en"
        return
    register_bundled_fonts(qapp)
    translators = install_translators(qapp, "ja")
    yield "ja"
    remove_translators(qapp, translators)


def test_import_preview_lists_every_problem_and_imports_nothing(
    qtbot: QtBot, make_window: MakeWindow, legal: Actor, db: Database, tmp_path: Path, language: str
) -> None:
    path = tmp_path / "register.xlsx"
    path.write_bytes(
        excel_workbook(
            [
                (
                    "Transfers",
                    [
                        HEADER,
                        row(1, title="Payroll (Tokyo → Manila)"),
                        row(2, destination="ZZ"),
                        row(3, volume=2**31, next_review="next week"),
                        *(row(i) for i in range(4, 12)),
                    ],
                )
            ]
        )
    )
    before = register_state(db)
    window = make_window(legal, language=language)
    dialog = _dialog(window, path)
    assert dialog.isVisible()
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert len(problems) == 3
    if language == "en":
        assert (
            problems[0] == "sheet Transfers, row 3, column G (destination): 'ZZ' is not a known country code"
        )
        assert problems[1].startswith("sheet Transfers, row 4, column K (volume): 2147483648 is too large")
        assert "3 problem(s)" in dialog.summary.text()
    else:
        assert problems[0].startswith("シートTransfers、3行目、G (destination)列")
        assert "登録されている国・地域コードではありません" in problems[0]
        assert "問題 3 件" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.table.rowCount() == 11 and dialog.table.columnCount() == len(HEADER) + 1
    dialog.problems.setCurrentRow(0)
    dialog.problems.itemActivated.emit(dialog.problems.item(0))
    assert dialog.table.currentRow() == 1  # the row of the first problem
    _save_shot(dialog, f"import-preview{'-ja' if language == 'ja' else ''}.png")
    assert misfits(dialog) == [] and unlabelled(dialog) == []  # every text fits; a screen reader names all
    _close(qtbot, dialog)
    assert register_state(db) == before


def test_a_clean_file_imports_every_row(
    qtbot: QtBot, make_window: MakeWindow, legal: Actor, db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "register.csv"
    path.write_text(
        "reference,exporter,exporter_country,importer,importer_country,destination,data_categories,purposes,retention\n"
        + "".join(f"CSV-{i},Net Japan,JP,Acme,US,US,contact,respond_requests,1 year\n" for i in range(5)),
        encoding="utf-8",
    )
    window = make_window(legal)
    dialog = _dialog(window, path)
    assert dialog.import_button.isEnabled() and dialog.problems.count() == 0
    assert "5" in dialog.import_button.text()
    with qtbot.waitSignal(dialog.imported) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert done.args == [5]
    assert sorted(r.reference for r in register_search.search(db)) == [f"CSV-{i}" for i in range(5)]
    qtbot.waitUntil(lambda: window.register.model.rowCount() == 5)


def test_references_the_register_already_has_are_named_before_anything_is_written(
    qtbot: QtBot, make_window: MakeWindow, legal: Actor, db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "register.xlsx"
    path.write_bytes(excel_workbook([("Transfers", [HEADER, row(1), row(2)])]))
    window = make_window(legal)
    first = _dialog(window, path)
    with qtbot.waitSignal(first.imported):
        qtbot.mouseClick(first.import_button, Qt.MouseButton.LeftButton)
    before = register_state(db)
    again = _dialog(window, path)
    problems = [again.problems.item(i).text() for i in range(again.problems.count())]
    # Each says what to do (the legal walk's export imported back met only "is already used").
    todo = (
        "is already used: import adds new transfers and never changes those in the register; remove this "
        "row, or empty its reference to add it as a new transfer"
    )
    assert problems == [
        f"sheet Transfers, row 2, column A (reference): 'XL-00001' {todo}",
        f"sheet Transfers, row 3, column A (reference): 'XL-00002' {todo}",
    ]
    assert not again.import_button.isEnabled()
    _close(qtbot, again)
    assert register_state(db) == before


def test_a_refused_file_says_why(qtbot: QtBot, make_window: MakeWindow, legal: Actor, tmp_path: Path) -> None:
    path = tmp_path / "register.xlsm"
    path.write_bytes(excel_workbook([("Transfers", [HEADER, row(1)])], macros=True))
    window = make_window(legal)
    dialog = _dialog(window, path)
    assert "macro-enabled" in dialog.summary.text() and "Nothing was imported" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    _close(qtbot, dialog)


def test_export_writes_an_excel_workbook(
    make_window: MakeWindow, admin: Actor, seeded: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "register"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Excel workbook (*.xlsx)")
    )
    window = make_window(admin)
    window.export_action.trigger()
    book = openpyxl.load_workbook(io.BytesIO((tmp_path / "register.xlsx").read_bytes()))
    assert book["Transfers"].max_row == len(seeded) + 1


def test_a_csv_export_counts_transfers_not_lines(
    db: Database,
    make_window: MakeWindow,
    admin: Actor,
    seeded: list[int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The status bar counted the file's line breaks: notes over three lines made one transfer three."""
    view = transfers.get_transfer(db, seeded[0])
    data = transfers.with_changes(view, notes="First line\nsecond line\nthird line")
    transfers.update_transfer(db, admin, view.id, data, view.row_version)
    target = tmp_path / "register.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV UTF-8 (*.csv)"))
    window = make_window(admin)
    window.export_action.trigger()
    assert "third line" in target.read_text("utf-8-sig")
    assert window.statusBar().currentMessage().startswith(f"Exported {len(seeded)} transfer(s) to ")


def test_the_dashboard_saves_the_due_dates_as_a_calendar(
    qtbot: QtBot, make_window: MakeWindow, admin: Actor, seeded: list[int], tmp_path: Path
) -> None:
    window = make_window(admin)
    dash = window.dashboard
    assert dash.calendar_button.isVisible() or not window.tabs.currentIndex()
    with qtbot.waitSignal(dash.calendar_saved) as saved:
        dash.save_calendar(str(tmp_path / "due"))
    assert saved.args == [str(tmp_path / "due.ics")]
    cal = Calendar.from_ical((tmp_path / "due.ics").read_bytes())
    assert cal.name == "VCALENDAR"
    assert "due date(s)" in dash.calendar_note.text()


def test_the_summary_exports_the_report_as_word(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    legal: Actor,
    us_transfer: transfers.TransferView,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wizard = make_wizard(legal, us_transfer.id, "en")
    answer_everything(qtbot, wizard, conclusion=Conclusion.PROCEED_WITH_MEASURES)
    click_next(qtbot, wizard)
    target = tmp_path / "tia.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    summary = wizard.summary
    with qtbot.waitSignal(summary.word_saved, timeout=30_000) as saved:
        qtbot.mouseClick(summary.word_button, Qt.MouseButton.LeftButton)
    assert saved.args == [str(target)]
    document = docx.Document(str(target))
    assert document.sections[0].header.paragraphs[0].text == "Draft — the signed PDF is the record"
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert headings and headings[0].startswith("1. ")
    assert "signed PDF stays the record" in summary.pdf_status.text()
