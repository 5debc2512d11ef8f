"""Importing a country data file: a dry run first shows what would change (and how many transfers a status
change would flag), then Apply imports it all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.accounts.permissions import Actor
from transfer_tool.countries import store
from transfer_tool.countries.store import ImportPreview
from transfer_tool.errors import ConflictError, NotFound
from transfer_tool.runtime.bootstrap import DatabaseHandle
from ui.accessibility import name_from_labels
from ui.admin.common import Cell, MessageLine, RowsModel, report_failure, table_view, wrap_rows
from ui.admin.country_history import AFTER_COLOUR, BEFORE_COLOUR, change_text, value_text
from ui.admin.destination_fields import describe_location
from ui.i18n import regime_short_name
from ui.services import COUNTRIES, TRANSFERS, Services


@dataclass(frozen=True)
class CheckedImport:
    name: str
    raw: bytes
    preview: ImportPreview
    affected: int  # transfers the status changes would flag
    law_names: dict[str, dict[str, str]] = field(default_factory=dict)  # destination → law key → name


def _law_names(db: DatabaseHandle, preview: ImportPreview) -> dict[str, dict[str, str]]:
    """The laws a change names, by their names (a law's key is internal, issue 18): the stored ones, then
    those the file adds or renames."""
    out: dict[str, dict[str, str]] = {}
    for code, changes in preview.changes.items():
        try:
            found = {law.key: law.name for law in store.get_destination(db, code).access_laws}
        except NotFound:  # a destination the file adds
            found = {}
        for change in changes:
            for value in (change.before, change.after):
                if isinstance(value, dict) and isinstance(value.get("name"), str):
                    found[str(value.get("key", ""))] = value["name"]
            if change.path.startswith("access_laws[") and change.path.endswith("].name") and change.after:
                found[change.path[len("access_laws[") : -len("].name")]] = str(change.after)
        out[code] = found
    return out


def dry_run(db: DatabaseHandle, actor: Actor, name: str, raw: bytes) -> CheckedImport:
    preview = store.import_document(db, actor, raw, dry_run=True)
    affected = sum(
        store.transfers_affected(db, code, change.regime)
        for code, changes in preview.status_changes.items()
        for change in changes
    )
    return CheckedImport(name, raw, preview, affected, _law_names(db, preview))


class ImportPreviewDialog(QDialog):
    """What the file would change; Apply imports it (non-modal: `open()`, results by signal)."""

    applied = Signal(object)  # the ImportPreview of the applied import

    def __init__(self, services: Services, checked: CheckedImport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.services = services
        self.checked = checked
        self.setWindowTitle(self.tr("Import country data — preview"))
        self.resize(1100, 680)
        preview = checked.preview
        names = services.country_names
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        changed = len(preview.changed_destinations)
        if changed:
            text = self.tr("%n destination(s) would change.", "", changed)
            if checked.affected:
                text += " " + self.tr(
                    "%n transfer(s) would be flagged for re-assessment.", "", checked.affected
                )
        else:
            text = self.tr("The file holds the same data as the database: importing it changes nothing.")
        self.summary.setText(
            self.tr("File: %1 (data version %2)")
            .replace("%1", checked.name)
            .replace("%2", preview.dataset_version or "—")
            + "\n"
            + text
        )
        self.model = RowsModel(
            [self.tr("Destination"), self.tr("Field"), self.tr("Now"), self.tr("In the file")], self
        )
        rows: list[list[Cell]] = []
        keys: list[str] = []
        for code in preview.changed_destinations:
            name = f"{names.name(code, services.language)} ({code})"
            for change in preview.changes[code]:
                rows.append(
                    [
                        Cell(name),
                        Cell(describe_location(change.path, checked.law_names.get(code))),
                        Cell(value_text(change.path, change.before), background=BEFORE_COLOUR),
                        Cell(value_text(change.path, change.after), background=AFTER_COLOUR),
                    ]
                )
                keys.append(f"{code}:{change.path}")
        self.model.set_rows(rows, keys)
        self.table = table_view(
            self.model, self, "importChanges", accessible=self.tr("Changes in the file to import")
        )
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        wrap_rows(self.table)
        status_lines = [
            f"• {names.name(code, services.language)} — {regime_short_name(c.regime)}: {change_text(c)}"
            for code, changes in sorted(preview.status_changes.items())
            for c in changes
        ]
        self.statuses = QLabel(
            (self.tr("Status changes:") + "\n" + "\n".join(status_lines)) if status_lines else "", self
        )
        self.statuses.setObjectName("importStatusChanges")
        self.statuses.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("importReason")
        self.reason.setPlaceholderText(self.tr("e.g. quarterly update from the legal reference"))
        form = QFormLayout()
        form.addRow(self.tr("Why (kept in each destination's history):"), self.reason)
        self.message = MessageLine(self, "importMessage")
        self.buttons = QDialogButtonBox(self)
        self.apply_button = QPushButton(self.tr("&Apply the import"), self)
        self.apply_button.setObjectName("applyImport")
        self.apply_button.setEnabled(bool(changed))
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.statuses)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        name_from_labels(self)  # screen readers name each field after its label

    def apply(self) -> None:
        actor, raw, reason = self.services.actor, self.checked.raw, self.reason.text().strip()
        shown = self.checked.preview  # applied only if it still makes exactly these changes
        self.apply_button.setEnabled(False)
        self.services.worker.submit(
            lambda db: store.import_document(db, actor, raw, dry_run=False, reason=reason, expected=shown),
            self._applied,
            self._failed,
            owner=self,
            label="import country data",
        )

    def _applied(self, result: ImportPreview) -> None:
        self.message.ok(
            self.tr("Imported: %n destination(s) changed", "", len(result.changed_destinations))
            + "; "
            + self.tr("%n transfer(s) flagged for re-assessment.", "", result.flagged)
        )
        self.services.changes.notify(COUNTRIES)
        self.services.changes.notify(TRANSFERS)
        self.applied.emit(result)

    def _failed(self, exc: BaseException) -> None:
        # Changed since the preview: applying again would be refused the same way; the file is checked anew.
        self.apply_button.setEnabled(not isinstance(exc, ConflictError))
        report_failure(self, exc, self.message)
