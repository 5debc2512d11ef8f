"""The policy catalogues (data categories, purposes, legal bases, recipient types, data subjects,
retention, acquisition routes): entries with English and Japanese labels and the privacy-policy section.
Entries are never deleted (old transfers cite them); deactivating hides them from new choices. An entry's
code is internal (transfers and the register files cite it): it is made when the entry is added and never
shown here (issue 18)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from transfer_tool import catalog
from transfer_tool.catalog import CatalogItem
from transfer_tool.domain import CatalogKind
from transfer_tool.errors import ConflictError
from ui.accessibility import name_from_labels
from ui.admin.common import (
    Cell,
    MessageLine,
    ProblemLabels,
    RowsModel,
    problem_label,
    report_failure,
    selected_row,
    table_view,
    with_problem,
    wrap_rows,
)
from ui.services import CATALOGUES, Services
from ui.widgets.discard_question import ask_to_discard


def kind_label(kind: CatalogKind) -> str:
    labels = {
        CatalogKind.DATA_CATEGORY: QCoreApplication.translate("Catalogues", "Data categories"),
        CatalogKind.ACQUISITION_ROUTE: QCoreApplication.translate("Catalogues", "Acquisition routes"),
        CatalogKind.LEGAL_BASIS: QCoreApplication.translate("Catalogues", "Legal bases"),
        CatalogKind.PURPOSE: QCoreApplication.translate("Catalogues", "Purposes"),
        CatalogKind.RECIPIENT_TYPE: QCoreApplication.translate("Catalogues", "Recipient types"),
        CatalogKind.RETENTION: QCoreApplication.translate("Catalogues", "Retention periods"),
        CatalogKind.DATA_SUBJECT: QCoreApplication.translate("Catalogues", "Data subjects"),
    }
    return labels.get(kind, kind.value)


class CataloguesPage(QWidget):
    loaded = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cataloguesPage")
        self.services = services
        self.items: list[CatalogItem] = []
        self.kinds = list(CatalogKind)
        # What the form shows: edits are measured against it, and another entry or catalogue chosen while
        # the form holds edits is asked about (Discard / Keep editing) before they are dropped.
        self.shown: CatalogItem | None = None
        # The entry as stored when shown (or as a refused save found it): a save writes only what the form
        # changed from it.
        self._read: CatalogItem | None = None
        self.shown_kind: CatalogKind | None = None
        self.discard_question: QMessageBox | None = None
        self._adopting = False  # the entry just saved is selected again: the form follows it
        self.kind_model = RowsModel([self.tr("Catalogue")], self)
        self.kind_model.set_rows([[kind_label(k)] for k in self.kinds], self.kinds)
        self.kind_table = table_view(
            self.kind_model, self, "catalogueKinds", accessible=self.tr("Catalogues")
        )
        self.kind_table.selectionModel().selectionChanged.connect(lambda *_a: self._kind_selected())
        self.model = RowsModel(
            [
                self.tr("English"),
                self.tr("日本語"),
                self.tr("Policy section"),
                self.tr("Sensitive"),
                self.tr("Status"),
            ],
            self,
        )
        self.table = table_view(
            self.model, self, "catalogueEntries", stretch=0, accessible=self.tr("Catalogue entries")
        )
        # The two labels share the width and wrap: they are what the entry is read by.
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        wrap_rows(self.table)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        form_box = QGroupBox(self.tr("Entry"), self)
        self.problems = ProblemLabels()
        p = self.problems
        self.label_en = QLineEdit(form_box)
        self.label_en.setObjectName("entryLabelEn")
        self.label_ja = QLineEdit(form_box)
        self.label_ja.setObjectName("entryLabelJa")
        self.section = QLineEdit(form_box)
        self.section.setObjectName("entrySection")
        self.section.setPlaceholderText(self.tr("e.g. 4-2 (shown in the report as Privacy Policy §4-2)"))
        self.sensitive = QCheckBox(self.tr("Sensitive (special-category) data"), form_box)
        self.sensitive.setObjectName("entrySensitive")
        self.active = QCheckBox(self.tr("Offered for new transfers"), form_box)
        self.active.setObjectName("entryActive")
        form = QFormLayout(form_box)
        form.addRow(
            self.tr("English label:"), with_problem(self.label_en, p.add("label_en", problem_label(form_box)))
        )
        form.addRow(
            self.tr("Japanese label:"),
            with_problem(self.label_ja, p.add("label_ja", problem_label(form_box))),
        )
        form.addRow(
            self.tr("Policy section:"), with_problem(self.section, p.add("section", problem_label(form_box)))
        )
        form.addRow("", self.sensitive)
        form.addRow("", self.active)
        self.new_button = QPushButton(self.tr("&New entry"), form_box)
        self.new_button.setObjectName("newEntry")
        self.new_button.clicked.connect(lambda: self._leave(self.new_entry, lambda: None))
        self.save_button = QPushButton(self.tr("&Save entry"), form_box)
        self.save_button.setObjectName("saveEntry")
        self.save_button.clicked.connect(self.save_entry)
        self.deactivate_button = QPushButton(self.tr("&Deactivate"), form_box)
        self.deactivate_button.setObjectName("deactivateEntry")
        self.deactivate_button.clicked.connect(self.deactivate_entry)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.deactivate_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        self.message = MessageLine(self, "cataloguesMessage")

        right = QWidget(self)
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(self.table, 1)
        right_lay.addWidget(form_box)
        right_lay.addWidget(self.message)
        split = QSplitter(self)
        split.addWidget(self.kind_table)
        split.addWidget(right)
        split.setSizes([240, 1000])
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        self.new_entry()
        self.kind_table.selectRow(0)
        name_from_labels(self)  # screen readers name each field after its label

    def kind(self) -> CatalogKind:
        row = selected_row(self.kind_table)
        return self.kinds[row] if row >= 0 else self.kinds[0]

    def select_kind(self, kind: CatalogKind) -> None:
        self.kind_table.selectRow(self.kinds.index(kind))

    def _kind_selected(self) -> None:
        kind = self.kind()
        if kind == self.shown_kind:
            return  # put back after Keep editing

        def show() -> None:
            self.shown_kind = kind
            self.reload()

        self._leave(show, lambda: self.select_kind(self.shown_kind or kind))

    def reload(self, select: str | None = None) -> None:
        kind = self.kind()
        self.services.worker.submit(
            lambda db: catalog.list_items(db, kind, include_inactive=True),
            lambda found: self._loaded(kind, found, select),
            lambda exc: report_failure(self, exc, self.message),
            owner=self,
            label="catalogue",
        )

    def _loaded(self, kind: CatalogKind, found: list[CatalogItem], select: str | None) -> None:
        if kind != self.kind():
            return
        self.items = found
        rows = [
            [
                Cell(i.label_en),
                Cell(i.label_ja),
                Cell(i.section),
                Cell(self.tr("Yes") if i.sensitive else ""),
                Cell(self.tr("Active"), foreground="#1e7d32")
                if i.active
                else Cell(self.tr("Deactivated"), foreground="#b3261e"),
            ]
            for i in found
        ]
        self.model.set_rows(rows, [i.code for i in found])
        if select is not None and self.model.row_of(select) >= 0:
            self._adopting = True
            try:
                self.table.selectRow(self.model.row_of(select))
            finally:
                self._adopting = False
        else:
            self.new_entry()
        self.loaded.emit()

    def current(self) -> CatalogItem | None:
        row = selected_row(self.table)
        return self.items[row] if 0 <= row < len(self.items) else None

    def has_unsaved_changes(self) -> bool:
        """The form differs from the entry it shows (or, for a new entry, holds anything typed)."""
        item = self.shown
        form = (self.label_en.text(), self.label_ja.text(), self.section.text())
        if item is None:
            return any(form) or self.sensitive.isChecked() or not self.active.isChecked()
        return form != (item.label_en, item.label_ja, item.section) or (
            self.sensitive.isChecked(),
            self.active.isChecked(),
        ) != (item.sensitive, item.active)

    def select_code(self, code: str) -> bool:
        row = self.model.row_of(code)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _selected(self, _s: QItemSelection, _d: QItemSelection) -> None:
        item = self.current()
        if item is None:
            return
        if self._adopting:
            self._show(item)
        elif self.shown is None or item.code != self.shown.code:  # the same one: put back after Keep editing
            self._leave(lambda: self._show(item), self._reselect_shown)

    def _reselect_shown(self) -> None:
        row = self.model.row_of(self.shown.code) if self.shown is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.table.clearSelection()

    def _leave(self, then: Callable[[], None], back: Callable[[], None]) -> None:
        """Run `then` (which replaces the form) now, or once the user chooses Discard when the form holds
        edits not saved; Keep editing (Escape) runs `back`, which puts the selection back."""
        if not self.has_unsaved_changes():
            then()
            return
        if self.discard_question is not None:
            back()
            self.discard_question.raise_()
            return
        text = (
            self.tr("The new entry is not saved. Discard it?")
            if self.shown is None
            else self.tr("The changes to “%1” are not saved. Discard them?").replace(
                "%1", self.shown.label(self.services.language)
            )
        )
        box = ask_to_discard(self.window(), text, then)
        self.discard_question = box

        def answered(result: int) -> None:
            self.discard_question = None
            if result != QMessageBox.StandardButton.Discard:
                back()

        box.finished.connect(answered)

    def _show(self, item: CatalogItem) -> None:
        self.shown = item
        self._read = item
        self.problems.clear()
        self.label_en.setText(item.label_en)
        self.label_ja.setText(item.label_ja)
        self.section.setText(item.section)
        self.sensitive.setChecked(item.sensitive)
        self.active.setChecked(item.active)
        self.deactivate_button.setEnabled(item.active)

    def new_entry(self) -> None:
        self.shown = None
        self.table.clearSelection()
        self.problems.clear()
        for edit in (self.label_en, self.label_ja, self.section):
            edit.clear()
        self.sensitive.setChecked(False)
        self.active.setChecked(True)
        self.deactivate_button.setEnabled(False)

    def save_entry(self) -> None:
        current = self.current()
        item = CatalogItem(
            kind=self.kind(),
            code=current.code if current is not None else "",  # "": a new entry, its code made by the service
            section=self.section.text().strip(),
            label_en=self.label_en.text().strip(),
            label_ja=self.label_ja.text().strip(),
            sensitive=self.sensitive.isChecked(),
            active=self.active.isChecked(),
        )
        actor = self.services.actor
        kept = self._read
        read = kept if current is not None and kept is not None and kept.code == current.code else current
        self.problems.clear()
        self.services.worker.submit(
            lambda db: catalog.save_item(db, actor, item, read=read),
            self._saved,
            self._save_failed,
            owner=self,
            label="save catalogue entry",
        )

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError) and isinstance(exc.theirs, CatalogItem):
            # The form keeps what was typed; a second save stores it over theirs, as the message says.
            self._read = exc.theirs
        report_failure(self, exc, self.message, self.problems)

    def _saved(self, item: CatalogItem) -> None:
        self.message.ok(self.tr("Saved %1.").replace("%1", item.label(self.services.language)))
        self.services.changes.notify(CATALOGUES)
        self.reload(select=item.code)

    def deactivate_entry(self) -> None:
        item = self.current()
        if item is None:
            return
        actor, kind = self.services.actor, self.kind()

        def done(_r: Any) -> None:
            self.message.ok(
                self.tr("%1 is no longer offered for new transfers; existing transfers keep it.").replace(
                    "%1", item.label(self.services.language)
                )
            )
            self.services.changes.notify(CATALOGUES)
            self.reload(select=item.code)

        self.services.worker.submit(
            lambda db: catalog.deactivate(db, actor, kind, item.code),
            done,
            lambda exc: report_failure(self, exc, self.message, self.problems),
            owner=self,
            label="deactivate catalogue entry",
        )
