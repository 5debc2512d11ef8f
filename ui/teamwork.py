"""Working the register as a team (issue #23): "New transfer from this one…" and "Reassign…" dialogs.

Both run their change on the database thread and close only once it is saved; an error stays in the dialog's
parent as a message box and nothing is changed (the services work all or nothing).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.accounts import users
from transfer_tool.accounts.users import Person
from transfer_tool.register import entities, transfers
from transfer_tool.register.entities import EntityView
from transfer_tool.register.transfers import TransferView
from transfer_tool.runtime.bootstrap import DatabaseHandle
from ui.accessibility import name_from_labels
from ui.errors import show_exception
from ui.services import ASSESSMENTS, TRANSFERS, Services

if TYPE_CHECKING:  # the assessment services load ReportLab: only when a copy is made
    from transfer_tool.assessment.copying import CopyResult


class CopyDialog(QDialog):
    """A new transfer like the selected one, with a draft whose copied answers the assessor confirms.
    `copied(new transfer id, regime codes whose tool was left behind)` once saved."""

    copied = Signal(int, list)

    def __init__(self, services: Services, transfer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._transfer_id = transfer_id
        self.setObjectName("copyTransferDialog")
        self.setWindowTitle(self.tr("New transfer from this one"))
        self.intro = QLabel(self)
        self.intro.setObjectName("copyIntro")
        self.intro.setWordWrap(True)
        self.exporter = QComboBox(self)
        self.exporter.setObjectName("copyExporter")
        self.importer = QComboBox(self)
        self.importer.setObjectName("copyImporter")
        form = QFormLayout()
        form.addRow(self.tr("&Exporter:"), self.exporter)
        form.addRow(self.tr("&Importer:"), self.importer)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Create the copy"))
        self.ok.setObjectName("copyOk")
        self.ok.setEnabled(False)  # until the parties are loaded
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        name_from_labels(self)
        services.worker.submit(
            lambda db: (transfers.get_transfer(db, transfer_id), entities.list_entities(db)),
            self._loaded,
            self._failed,
            owner=self,
            label="copy: parties",
        )

    def _failed(self, exc: BaseException) -> None:
        show_exception(self, exc)

    def _loaded(self, result: tuple[TransferView, list[EntityView]]) -> None:
        source, parties = result
        self.intro.setText(
            self.tr(
                "A new transfer like %1 (%2), with its onward transfers and a draft assessment. Every "
                "answer copied from its assessment is marked for you to confirm; choose another exporter or "
                "importer first if this one is for a different party."
            )
            .replace("%1", source.reference)
            .replace("%2", source.title or f"{source.exporter_name} → {source.importer_name}")
        )
        name = self._services.country_name
        for box, current in ((self.exporter, source.exporter_id), (self.importer, source.importer_id)):
            for e in parties:
                box.addItem(f"{e.name} ({name(e.country)})", e.id)
            box.setCurrentIndex(max(0, box.findData(current)))
        self.ok.setEnabled(bool(parties))

    def _create(self) -> None:
        actor = self._services.actor
        tid = self._transfer_id
        exporter = int(self.exporter.currentData())
        importer = int(self.importer.currentData())
        self.ok.setEnabled(False)

        def run(db: DatabaseHandle) -> CopyResult:
            from transfer_tool.assessment import copying

            return copying.copy_transfer(db, actor, tid, exporter_id=exporter, importer_id=importer)

        def done(result: CopyResult) -> None:
            self._services.changes.notify(TRANSFERS)
            self.copied.emit(result.transfer.id, list(result.left_behind))
            self.accept()

        def failed(exc: BaseException) -> None:
            self.ok.setEnabled(True)
            show_exception(self, exc, self.tr("The transfer was not copied"))

        self._services.worker.submit(run, done, failed, owner=self, label="copy: transfer")


class ReassignDialog(QDialog):
    """Hand the selected transfers over to one person (or nobody): the count, a choice, then a confirmation
    (the dialog's button). `reassigned(count)` once saved."""

    reassigned = Signal(int)

    def __init__(
        self, services: Services, transfer_ids: Sequence[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._ids = list(transfer_ids)
        self.setObjectName("reassignDialog")
        self.setWindowTitle(self.tr("Reassign transfers"))
        self.intro = QLabel(
            self.tr("Hand %n selected transfer(s) over to another responsible person.", "", len(self._ids)),
            self,
        )
        self.intro.setObjectName("reassignIntro")
        self.intro.setWordWrap(True)
        self.person = QComboBox(self)
        self.person.setObjectName("reassignPerson")
        self.person.addItem(self.tr("Nobody (unassigned)"), None)
        form = QFormLayout()
        form.addRow(self.tr("&Responsible person:"), self.person)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Reassign %n transfer(s)", "", len(self._ids)))
        self.ok.setObjectName("reassignOk")
        self.buttons.accepted.connect(self._reassign)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        name_from_labels(self)
        services.worker.submit(users.people, self._people, owner=self, label="reassign: people")

    def _people(self, people: list[Person]) -> None:
        for p in people:
            self.person.addItem(p.name, p.id)

    def choose(self, person_id: int | None) -> None:
        self.person.setCurrentIndex(max(0, self.person.findData(person_id)))

    def _reassign(self) -> None:
        actor = self._services.actor
        ids = list(self._ids)
        data = self.person.currentData()
        owner = int(data) if data is not None else None
        self.ok.setEnabled(False)

        def done(result: list[TransferView]) -> None:
            self._services.changes.notify(TRANSFERS)
            self.reassigned.emit(len(result))
            self.accept()

        def failed(exc: BaseException) -> None:
            self.ok.setEnabled(True)
            show_exception(self, exc, self.tr("Nothing was reassigned"))

        self._services.worker.submit(
            lambda db: transfers.assign_transfers(db, actor, ids, owner),
            done,
            failed,
            owner=self,
            label="reassign: transfers",
        )


class BulkReassessment(QObject):
    """Start new versions for many transfers, one transaction each, with a progress dialog whose Cancel
    stops after the transfer in hand (those started are complete, the rest untouched).
    `progressed(done, total)` after each; `finished(started, done)` at the end."""

    progressed = Signal(int, int)
    finished = Signal(int, int)

    def __init__(self, services: Services, transfer_ids: Sequence[int], parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._ids = list(transfer_ids)
        self._done = 0
        self._started = 0
        self.dialog = QProgressDialog(
            self.tr("Starting new versions…"), self.tr("Cancel"), 0, len(self._ids), parent
        )
        self.dialog.setObjectName("reassessProgress")
        self.dialog.setWindowTitle(self.tr("Re-assessment"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)

    def start(self) -> None:
        self.dialog.setValue(0)
        self._next()

    def _next(self) -> None:
        if self.dialog.wasCanceled() or self._done >= len(self._ids):
            self._finish()
            return
        actor = self._services.actor
        tid = self._ids[self._done]

        def run(db: DatabaseHandle) -> Any:
            from transfer_tool.assessment import reassessment

            return reassessment.start_reassessment(db, actor, tid)

        def done(outcome: Any) -> None:
            from transfer_tool.assessment import reassessment

            self._done += 1
            self._started += outcome.result == reassessment.STARTED
            self.dialog.setValue(self._done)
            self.dialog.setLabelText(
                self.tr("Started %1 of %2 new versions…")
                .replace("%1", str(self._started))
                .replace("%2", str(len(self._ids)))
            )
            self.progressed.emit(self._done, len(self._ids))
            # The next transfer from the event loop, never from inside this callback: with an inline
            # worker the steps had nested 200 deep, each repainting the modal progress dialog (a crash).
            QTimer.singleShot(0, self, self._next)

        def failed(exc: BaseException) -> None:
            self._finish()
            show_exception(self.dialog.parentWidget(), exc, self.tr("A re-assessment was not started"))

        self._services.worker.submit(run, done, failed, owner=self, label="reassess: one transfer")

    def _finish(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()
        self._services.changes.notify(ASSESSMENTS)
        self.finished.emit(self._started, self._done)
        self.deleteLater()
