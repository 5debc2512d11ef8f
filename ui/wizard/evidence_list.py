"""Evidence files of the assessment: attach with the button or by dropping files, see each file's SHA-256.

Files are read and stored on the worker (`evidence.add_evidence` keeps the content once per SHA-256 and
re-checks it on every read). The list is the assessment's; each page that offers it suggests its own label.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.assessment import service
from transfer_tool.assessment.evidence import MAX_EVIDENCE_BYTES
from transfer_tool.errors import Problem, ValidationError
from transfer_tool.runtime.bootstrap import DatabaseHandle
from ui.errors import show_exception
from ui.i18n import format_datetime
from ui.services import ASSESSMENTS
from ui.terms import ui_language
from ui.wizard.autosave import Autosaver
from ui.wizard.common import plain_label
from ui.wizard.state import WizardState


def _read(path: str) -> bytes:
    p = Path(path)
    size = p.stat().st_size
    if size > MAX_EVIDENCE_BYTES:
        raise ValidationError(
            "The evidence file cannot be attached.",
            [
                Problem(
                    "content",
                    f"{p.name} is {size / 1024 / 1024:.1f} MB; evidence files may be at most "
                    f"{MAX_EVIDENCE_BYTES // 1024 // 1024} MB. Attach a smaller extract instead.",
                )
            ],
        )
    return p.read_bytes()


class EvidenceList(QWidget):
    """Attached files with label, name, size and SHA-256; a drop target for files."""

    attached = Signal(object)  # the EvidenceView

    IdRole = int(Qt.ItemDataRole.UserRole) + 1

    def __init__(self, state: WizardState, suggested_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setAcceptDrops(True)
        self.setObjectName("evidenceList")
        self.label_edit = QLineEdit(self)
        self.label_edit.setPlaceholderText(suggested_label)
        self.label_edit.setAccessibleName(self.tr("What the file shows (evidence label)"))
        self.attach_button = QPushButton(self.tr("Attach &file…"), self)
        self.attach_button.setAccessibleName(self.tr("Attach an evidence file"))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the selected evidence file"))
        self.model = QStandardItemModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Attached evidence files"))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setMaximumHeight(96)
        self.view.setAcceptDrops(False)
        self.hint = plain_label(
            self.tr("Or drop files here. Each file is kept with its SHA-256 digest."), self
        )
        self.hint.setStyleSheet("color:#555;font-size:90%;")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Label:"), self))
        row.addWidget(self.label_edit, 1)
        row.addWidget(self.attach_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view)
        layout.addWidget(self.hint)
        self.attach_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_selected)
        state.evidence_changed.connect(self.refresh)
        state.status_changed.connect(self._enable)
        state.loaded.connect(self._enable)
        self.refresh()

    def _enable(self) -> None:
        ok = self.state.record is not None and self.state.editable
        self.attach_button.setEnabled(ok)
        self.remove_button.setEnabled(ok and self.model.rowCount() > 0)
        self.label_edit.setEnabled(ok)
        self.setAcceptDrops(ok)

    def refresh(self) -> None:
        self.model.clear()
        for e in self.state.evidence:
            item = QStandardItem(f"{e.label} — {e.filename} ({_size(e.size)}) · SHA-256 {e.sha256[:16]}…")
            when = format_datetime(e.added_at, ui_language())
            item.setToolTip(f"{e.filename}\nSHA-256 {e.sha256}\n{e.added_by} {when}")
            item.setData(e.id, self.IdRole)
            self.model.appendRow(item)
        self._enable()

    def tab_widgets(self) -> list[QWidget]:
        return [self.label_edit, self.attach_button, self.remove_button, self.view]

    def rows(self) -> list[str]:
        return [self.model.item(r).text() for r in range(self.model.rowCount())]

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach evidence"), "", self.tr("All files (*)")
        )
        if paths:
            self.attach(paths)

    def attach(self, paths: Sequence[str]) -> None:
        assessment = self.state.assessment
        if not self.state.editable or self.state.record is None:
            return
        if assessment is None:
            # The assessment is stored on its first save: attach right after it.
            ensure = getattr(self.window(), "ensure_assessment", None)
            if ensure is not None:
                ensure(lambda: self.attach(paths))
            return
        typed = self.label_edit.text().strip()
        actor = self.state.services.actor
        aid = assessment.id
        for path in paths:
            label = typed or Path(path).stem

            def job(
                db: DatabaseHandle, path: str = path, label: str = label
            ) -> tuple[list[service.EvidenceView], int | None]:
                added = service.add_evidence(db, actor, aid, Path(path).name, _read(path), label)
                return service.evidence_for(db, aid), added.authored_row_version

            self._in_line(aid, job, "add evidence")
        self.label_edit.clear()

    def _in_line(
        self,
        aid: int,
        job: Callable[[DatabaseHandle], tuple[list[service.EvidenceView], int | None]],
        label: str,
    ) -> None:
        """Through the wizard's autosaver, in line with its saves: attaching or removing a file can make
        the user an author of the draft, a new row version the next save must expect (it took it for
        someone else's save and refused)."""
        autosaver = getattr(self.window(), "autosaver", None)
        if isinstance(autosaver, Autosaver):
            autosaver.in_line(aid, job, self._attached, self._failed, label=label)
            return
        self.state.services.worker.submit(
            lambda db: job(db)[0], self._attached, self._failed, owner=self, label=label
        )

    def remove_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        assessment = self.state.assessment
        if not rows or assessment is None:
            return
        evidence_id = int(self.model.item(rows[0].row()).data(self.IdRole))
        actor, aid = self.state.services.actor, assessment.id

        def job(db: DatabaseHandle) -> tuple[list[service.EvidenceView], int | None]:
            authored = service.remove_evidence(db, actor, evidence_id)
            return service.evidence_for(db, aid), authored

        self._in_line(aid, job, "remove evidence")

    def _attached(self, evidence: list[service.EvidenceView]) -> None:
        self.state.set_evidence(evidence)
        self.state.services.changes.notify(ASSESSMENTS)
        if evidence:
            self.attached.emit(evidence[-1])

    def _failed(self, exc: BaseException) -> None:
        show_exception(self, exc, self.tr("Evidence"))

    # ---- drag and drop -------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.attach(paths)


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"
