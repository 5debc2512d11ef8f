"""The register's files in the app: File → Import… (a preview listing every problem by sheet, row and
column before anything is written; all rows or none), File → Export… (Excel or CSV), and the due dates
as a calendar file (the dashboard's button). The work is the core's (`transfer_tool.register.register_import`,
`transfer_xlsx`, `transfer_csv`, `assessment.due_calendar`), run on the database thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.register import register_search
from transfer_tool.runtime.bootstrap import DatabaseHandle
from transfer_tool.runtime.files import write_file
from ui import services as changes
from ui import settings as keys
from ui.errors import describe, show_exception, show_info
from ui.services import Services
from ui.terms import core_text

PREVIEW_ROWS = 2000  # rows shown in the preview table (every problem is listed whatever the size)
_PROBLEM_ROW = QColor("#fdecea")
MAX_BYTES = 20 * 1024 * 1024  # the core's limit (register_columns.MAX_BYTES), checked before reading


def _folder(services: Services) -> str:
    return str(services.settings.get(keys.LAST_EXPORT_FOLDER) or Path.home())


# ---- import ---------------------------------------------------------------------------------------------


class ImportDialog(QDialog):
    """The file's rows and every problem in it; Import is offered only when there is none."""

    imported = Signal(int)
    checked = Signal()  # the preview is in (tests and the status bar wait for it)

    def __init__(self, services: Services, name: str, raw: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.name = name
        self.raw = raw
        self.preview: Any = None
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import transfers — %1").replace("%1", name))
        self.resize(1000, 640)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Checking %1…").replace("%1", name), self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        box = QWidget(splitter)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        self.problems_label = QLabel(self.tr("&Problems (nothing is imported until there are none):"), box)
        box_layout.addWidget(self.problems_label)
        self.problems = QListWidget(box)
        self.problems.setObjectName("importProblems")
        self.problems.setAccessibleName(self.tr("Problems in the file"))
        self.problems.setWordWrap(True)
        self.problems.itemActivated.connect(self._show_row)
        self.problems_label.setBuddy(self.problems)
        box_layout.addWidget(self.problems)
        table_box = QWidget(splitter)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_label = QLabel(self.tr("&Rows in the file:"), table_box)
        table_layout.addWidget(self.rows_label)
        self.table = QTableWidget(table_box)
        self.table.setObjectName("importPreview")
        self.table.setAccessibleName(self.tr("Rows in the file"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()  # the "Where" column names each row
        self.rows_label.setBuddy(self.table)
        table_layout.addWidget(self.table)
        splitter.addWidget(box)
        splitter.addWidget(table_box)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self._import)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._row_of: dict[str, int] = {}
        services.worker.submit(
            lambda db: self._check(db, raw, name),
            self._show,
            self._failed,
            owner=self,
            label="import preview",
        )

    @staticmethod
    def _check(db: DatabaseHandle, raw: bytes, name: str) -> Any:
        from transfer_tool.register import register_import  # openpyxl only when a workbook is read

        return register_import.preview(raw, name, PREVIEW_ROWS, db)

    def _show(self, preview: Any) -> None:
        self.preview = preview
        self.table.clear()
        self.table.setColumnCount(len(preview.columns) + 1)
        self.table.setHorizontalHeaderLabels([self.tr("Where"), *preview.columns])
        self.table.setRowCount(len(preview.rows))
        self._row_of = {}
        bad = {p.location.split(", column")[0] for p in preview.problems}
        for r, (place, cells) in enumerate(preview.rows):
            self._row_of[place] = r
            shown = core_text(place, self.services.language)
            for c, text in enumerate((shown, *cells)):
                item = QTableWidgetItem(text)
                if place in bad:
                    item.setBackground(QBrush(_PROBLEM_ROW))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for c in range(self.table.columnCount()):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 240))
        self._list(preview.problems)
        if preview.message:
            self.summary.setText(
                self.tr("%1 cannot be imported: %2 Nothing was imported.")
                .replace("%1", self.name)
                .replace("%2", core_text(preview.message, self.services.language))
            )
        elif preview.problems:
            self.summary.setText(
                self.tr(
                    "%1: %2 transfer(s), %3 problem(s). Fix them in the file and import it again; nothing was imported."
                )
                .replace("%1", self.name)
                .replace("%2", str(preview.total))
                .replace("%3", str(len(preview.problems)))
            )
        else:
            self.summary.setText(
                self.tr("%1: %2 transfer(s) and no problems. Import adds all of them to the register.")
                .replace("%1", self.name)
                .replace("%2", str(preview.total))
            )
        self.import_button.setEnabled(preview.ok)
        self.import_button.setText(
            self.tr("&Import %n transfer(s)", "", preview.total) if preview.ok else self.tr("&Import")
        )
        (self.import_button if preview.ok else self.problems).setFocus()
        self.checked.emit()

    def _list(self, problems: Any) -> None:
        self.problems.clear()
        lang = self.services.language
        for p in problems:
            where = core_text(p.location, lang) if p.location else ""
            text = f"{where}: {core_text(p.message, lang)}" if where else core_text(p.message, lang)
            item = QListWidgetItem(text, self.problems)
            item.setData(Qt.ItemDataRole.UserRole, p.location.split(", column")[0])
        self.problems_label.setVisible(bool(problems))
        self.problems.setVisible(bool(problems))

    def _show_row(self, item: QListWidgetItem) -> None:
        row = self._row_of.get(str(item.data(Qt.ItemDataRole.UserRole)))
        if row is not None:
            self.table.selectRow(row)
            first = self.table.item(row, 0)
            if first is not None:
                self.table.scrollToItem(first)

    def _failed(self, exc: BaseException) -> None:
        from transfer_tool.errors import ImportRefused

        self.import_button.setEnabled(False)
        if isinstance(exc, ImportRefused):
            describe(exc)  # in the interface language
            self.summary.setText(exc.message)
            self._list(exc.problems)
            self.checked.emit()
            return
        self.summary.setText(self.tr("Nothing was imported."))
        show_exception(self, exc, self.tr("Import failed"))
        self.checked.emit()

    def _import(self) -> None:
        if self.preview is None or not self.preview.ok:
            return
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Importing…"))
        actor, raw, name = self.services.actor, self.raw, self.name

        def run(db: DatabaseHandle) -> int:
            from transfer_tool.register import register_import

            return register_import.import_file(db, actor, raw, name).created

        self.services.worker.submit(run, self._done, self._failed, owner=self, label="import register")

    def _done(self, created: int) -> None:
        self.services.changes.notify(changes.TRANSFERS)
        self.imported.emit(created)
        self.accept()


def start_import(parent: QWidget, services: Services, path: str | None = None) -> ImportDialog | None:
    """Ask for a file (unless given), then open the preview; None when nothing is to be shown."""
    if path is None:
        path, _filter = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("RegisterFiles", "Import transfers"),
            _folder(services),
            QCoreApplication.translate(
                "RegisterFiles",
                "Registers (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv);;All files (*)",
            ),
        )
        if not path:
            return None
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            show_info(
                parent,
                QCoreApplication.translate("RegisterFiles", "Import transfers"),
                QCoreApplication.translate(
                    "RegisterFiles", "%1 is %2 MB; the limit is 20 MB. Split it and import the parts."
                )
                .replace("%1", file.name)
                .replace("%2", str(size // (1024 * 1024))),
            )
            return None
        raw = file.read_bytes()
    except OSError as exc:
        show_info(
            parent,
            QCoreApplication.translate("RegisterFiles", "Import transfers"),
            QCoreApplication.translate("RegisterFiles", "Cannot read %1: %2")
            .replace("%1", path)
            .replace("%2", exc.strerror or str(exc)),
        )
        return None
    services.settings.set(keys.LAST_EXPORT_FOLDER, str(file.parent))
    dialog = ImportDialog(services, file.name, raw, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


# ---- export -----------------------------------------------------------------------------------------------


def export_format(path: str, chosen_filter: str) -> str:
    """ "xlsx" or "csv": the file name's ending decides, else the chosen filter, else Excel."""
    suffix = Path(path).suffix.lower()
    if suffix in (".xlsx", ".csv"):
        return suffix[1:]
    return "csv" if "csv" in chosen_filter.lower() else "xlsx"


def export_job(actor: Any, query: Any, path: Path, fmt: str, lang: str = "en") -> Any:
    """The export as a job; a workbook's reading sheet in `lang` (the interface language)."""

    def run(db: DatabaseHandle) -> int:
        if fmt == "csv":
            from transfer_tool.register import transfer_csv

            text = transfer_csv.export_csv(db, actor, query)
            write_file(path, text.encode("utf-8-sig"))  # the mark lets Excel read UTF-8
            return len(register_search.search_ids(db, query))  # a note's line breaks are no transfers
        from transfer_tool.register import transfer_xlsx  # openpyxl only for an export

        write_file(path, transfer_xlsx.export_xlsx(db, actor, query, lang))

        return len(register_search.search_ids(db, query))

    return run


# ---- calendar ---------------------------------------------------------------------------------------------


def calendar_job(actor: Any, path: Path, lang: str) -> Any:
    def run(db: DatabaseHandle) -> int:
        from transfer_tool.assessment import due_calendar

        items = due_calendar.due_items(db, actor, cancelled=True)
        write_file(path, due_calendar.ics_bytes(items, lang))
        return sum(not i.cancelled for i in items)

    return run
