"""The review screen: the queue of submitted assessments, the report as the reviewer reads it, and the
two decisions: return with comments, or approve and sign."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.accounts.permissions import Action
from transfer_tool.assessment import service
from transfer_tool.assessment.service import QueueItem
from transfer_tool.errors import ConflictError, PermissionDenied
from ui import settings as keys
from ui.accessibility import name_from_labels
from ui.errors import describe, is_bug, show_exception, show_info
from ui.review.approval import ApprovalDone, ApprovalRequest, approve_and_sign, render_preview
from ui.review.approve_panel import ApprovePanel
from ui.review.changes_panel import ChangesPanel
from ui.review.comments_panel import CommentsPanel
from ui.review.flag_notice import FlagNotice
from ui.review.queue_model import ReviewQueueModel
from ui.services import ASSESSMENTS, TRANSFERS, Services
from ui.widgets.pdf_view import PdfPagesView

log = logging.getLogger("ui.review")

WINDOW_SIZE = (1280, 800)
RETURN_TAB, APPROVE_TAB, CHANGES_TAB = 0, 1, 2
BANNER_STYLE = "background: #fbe3e1; color: #8c1d18; border: 1px solid #e0a09a; padding: 6px;"


class _Stages(QObject):
    """Progress of the approval job, emitted on the worker thread, delivered on the GUI thread."""

    stage = Signal(str)


class ReviewWindow(QWidget):
    queue_loaded = Signal(int)
    preview_loaded = Signal()
    changes_loaded = Signal()
    returned = Signal(int)  # assessment id
    approved = Signal(int)  # assessment id
    failed = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.services = services
        self.setObjectName("reviewWindow")
        self.setWindowTitle(self.tr("Review and approval — Transfer tool"))
        self.resize(*WINDOW_SIZE)
        self.timestamper: Any = None  # tests hand a pyHanko DummyTimeStamper here
        self._current: QueueItem | None = None
        self._signed: tuple[str, bytes] | None = None  # (file name, signed PDF) after an approval
        # What the report on screen shows (assessment id, what was read): an approval must still show it.
        self._read: tuple[int, service.ReadReport] | None = None
        self._busy = False
        self._wanted: int | None = None  # an assessment to select when the queue comes in (show_assessment)
        self.discard_question: QMessageBox | None = None  # open while asking about comments not sent

        self.heading = QLabel(self)
        self.heading.setObjectName("reviewHeading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.banner = QLabel(self)
        self.banner.setObjectName("reviewBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        # The transfer was flagged by a country-data change after this version was submitted.
        self.flag_notice = FlagNotice(services, self)

        self.model = ReviewQueueModel(services.country_name, services.language, self)
        self.table = QTableView(self)
        self.table.setObjectName("reviewQueue")
        self.table.setAccessibleName(self.tr("Assessments awaiting review"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(150)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.doc_title = QLabel(self)
        self.doc_title.setObjectName("documentTitle")
        self.doc_title.setStyleSheet("font-weight: 600;")
        self.lang = QComboBox(self)
        self.lang.setObjectName("reportLanguage")
        self.lang.addItem("English", "en")
        self.lang.addItem("日本語", "ja")
        self.lang.setCurrentIndex(max(0, self.lang.findData(services.language)))
        self.lang.currentIndexChanged.connect(self._load_preview)
        self.pdf = PdfPagesView(self, synchronous=services.worker.synchronous)
        self.pdf.set_message(self.tr("Choose an assessment in the list to read its report."))
        doc_bar = QHBoxLayout()
        doc_bar.addWidget(self.doc_title, 1)
        doc_bar.addWidget(QLabel(self.tr("Report language:"), self))
        doc_bar.addWidget(self.lang)
        doc = QWidget(self)
        doc_lay = QVBoxLayout(doc)
        doc_lay.setContentsMargins(0, 0, 0, 0)
        doc_lay.addLayout(doc_bar)
        doc_lay.addWidget(self.pdf, 1)

        self.comments = CommentsPanel(self)
        self.comments.return_requested.connect(self.return_assessment)
        self.approve = ApprovePanel(services.actor.username, self)
        self.approve.approve_requested.connect(self.approve_assessment)
        self.approve.save_signed_requested.connect(self.save_signed)
        self.approve.settings_requested.connect(self._open_settings)
        self.decisions = QTabWidget(self)
        self.decisions.setObjectName("reviewActions")
        self.decisions.addTab(self.comments, self.tr("Return with comments"))
        self.decisions.addTab(self.approve, self.tr("Approve and sign"))
        # Issue 18: a resubmission after a return is compared with the version returned, field by field.
        self.changes = ChangesPanel(self)
        self.decisions.addTab(self.changes, self.tr("What changed"))
        # No fixed minimum width: the decisions keep what their widest line needs (an attestation is one
        # unwrapped line; at a fixed 420 the splitter cut the last English one off at its end).

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(doc)
        split.addWidget(self.decisions)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 500])

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.banner)
        lay.addWidget(self.table)
        lay.addWidget(self.flag_notice)
        lay.addWidget(split, 1)

        self._stages = _Stages(self)
        self._stages.stage.connect(self.approve.set_stage)
        self._set_item(None)
        # Tab from the report reaches the decision tabs, then the chosen tab's fields (the tab bar came last).
        QWidget.setTabOrder(self.pdf, self.decisions.tabBar())
        self.refresh()
        name_from_labels(self)  # screen readers name each field after its label

    # ---- the queue ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        actor = self.services.actor
        self.services.worker.submit(
            lambda db: service.review_queue(db, actor),
            self._queue_in,
            self._refused,
            owner=self,
            label="review queue",
        )

    def _queue_in(self, items: list[QueueItem]) -> None:
        wanted, self._wanted = self._wanted, None
        self.model.set_items(items)
        self.heading.setText(self.tr("%n assessment(s) awaiting review", "", len(items)))
        if wanted is not None and self.model.row_of(wanted) < 0:  # chosen on the dashboard, gone meanwhile
            wanted = None
            show_info(
                self,
                self.windowTitle(),
                self.tr(
                    "The assessment you chose is no longer awaiting review: another reviewer approved or "
                    "returned it meanwhile."
                ),
            )
        keep = wanted or (self._current.assessment_id if self._current else None)
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            current = self._current
            if current is not None and current.assessment_id == keep and self._signed is None:
                # Read again (a refused approval, Refresh): its title may have changed meanwhile.
                self._current = self.model.item(row)
                self._show_title(self._current)
            self.table.selectRow(row)
        elif self._signed is None:
            self._set_item(None)
            if items:
                self.table.selectRow(0)
            else:
                self.pdf.set_message(self.tr("No assessment is waiting for your review."))
        self.queue_loaded.emit(len(items))

    def _refused(self, exc: BaseException) -> None:
        if is_bug(exc):
            show_exception(self, exc)
        self.banner.setText(describe(exc))
        self.banner.show()
        self.heading.setText(self.tr("Review is not available"))
        self.decisions.setEnabled(False)
        self.failed.emit(describe(exc))

    def show_assessment(self, assessment_id: int) -> None:
        """Select this assessment when the queue, read again now, comes in (or say it left the queue)."""
        self._wanted = assessment_id
        self.refresh()

    def select_assessment(self, assessment_id: int) -> bool:
        row = self.model.row_of(assessment_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if not rows or self._busy:
            return
        item = self.model.item(rows[0].row())
        if self._current is not None and item.assessment_id == self._current.assessment_id:
            return
        if self.unsent_comments():
            self._ask_to_discard(lambda: self._show_other(item), self._reselect_current)
            return
        self._show_other(item)

    def _show_other(self, item: QueueItem) -> None:
        self._signed = None
        self._set_item(item)

    def _reselect_current(self) -> None:
        row = self.model.row_of(self._current.assessment_id) if self._current is not None else -1
        if row >= 0:
            self.table.selectRow(row)

    def unsent_comments(self) -> int:
        """Comments written for the assessment on screen and not sent yet (none once it is approved)."""
        if self._current is None or self._signed is not None:
            return 0
        return self.comments.unsent()

    def _ask_to_discard(self, discard: Any, keep: Any) -> None:
        """Comments not sent are asked about, never dropped silently: Escape keeps editing."""
        if self.discard_question is not None:
            self.discard_question.raise_()
            return
        Button = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Question, self.windowTitle(), "", Button.Discard | Button.Cancel, self
        )
        box.setObjectName("unsentComments")
        box.setText(
            self.tr(
                "%n comment(s) for %1 are not sent to the assessor yet.", "", self.unsent_comments()
            ).replace("%1", self._current.reference if self._current is not None else "")
        )
        box.setInformativeText(
            self.tr("To send them, keep editing and choose Return to the assessor. Discard drops them.")
        )
        box.button(Button.Cancel).setText(self.tr("Keep editing"))
        box.setDefaultButton(Button.Cancel)
        box.setEscapeButton(Button.Cancel)

        def answered(_result: int) -> None:
            self.discard_question = None
            clicked = box.clickedButton()
            box.deleteLater()
            if clicked is not None and box.standardButton(clicked) == Button.Discard:
                self.comments.reset()
                discard()
            else:
                keep()

        box.finished.connect(answered)
        self.discard_question = box
        box.open()

    def _set_item(self, item: QueueItem | None) -> None:
        self._current = item
        self.lang.setEnabled(not self._busy)
        # "… was returned" stays until another assessment is chosen: the queue reloads right after a return.
        self.comments.reset(keep_message=item is None)
        self.approve.set_item(item is not None, own=bool(item and item.own))
        self.comments.setEnabled(item is not None)
        self.flag_notice.show_for(item)
        if item is None:
            self.doc_title.setText("")
            self.pdf.set_message(self.tr("Choose an assessment in the list to read its report."))
            self._load_changes()  # empties the tab: it kept the last assessment's changes and title
            return
        self._show_title(item)
        self._load_preview()
        self._load_changes()

    def _show_title(self, item: QueueItem) -> None:
        self.doc_title.setText(
            self.tr("%1 v%2 — %3")
            .replace("%1", item.reference)
            .replace("%2", str(item.version_no))
            .replace("%3", item.title)
        )

    def _load_changes(self) -> None:
        item = self._current
        self.changes.set_changes(None)
        self.changes.set_comments(())
        self.decisions.setTabText(CHANGES_TAB, self.tr("What changed"))
        if item is None:
            return
        aid = item.assessment_id
        self.services.worker.submit(
            lambda db: (
                service.changes_since_previous(db, aid),
                service.comments_for(db, aid, open_only=False),
            ),
            lambda found: self._changes_in(aid, *found),
            self._changes_failed,
            owner=self,
            label="review changes",
        )

    def _changes_in(
        self,
        assessment_id: int,
        changes: service.VersionChanges | None,
        comments: list[service.CommentView],
    ) -> None:
        if self._current is None or self._current.assessment_id != assessment_id:
            return
        self.changes.set_changes(changes)
        self.changes.set_comments(comments)
        if changes is not None:
            self.decisions.setTabText(
                CHANGES_TAB,
                self.tr("What changed since v%1 (%2)")
                .replace("%1", str(changes.previous_version))
                .replace("%2", str(len(changes.changes))),
            )
        self.changes_loaded.emit()

    def _load_preview(self) -> None:
        self._read = None
        self.approve.set_report_read(False)  # no approval until the reviewer has the report to read
        item = self._current
        if item is None or self._signed is not None:
            return
        lang, today, aid = str(self.lang.currentData()), self.services.today(), item.assessment_id
        self.pdf.set_message(self.tr("Preparing the report…"))
        self.services.worker.submit(
            lambda db: render_preview(db, aid, lang, today),
            lambda shown: self._preview_in(aid, *shown),
            self._preview_failed,
            owner=self,
            label="review preview",
        )

    def _preview_in(self, assessment_id: int, pdf: bytes, read: service.ReadReport) -> None:
        if self._current is None or self._current.assessment_id != assessment_id:
            return
        self.pdf.set_pdf(pdf)
        self._read = (assessment_id, read)
        self.approve.set_report_read(True)
        self.preview_loaded.emit()

    def _changes_failed(self, exc: BaseException) -> None:
        """What changed could not be read: its tab says so (the report and the approval are unaffected)."""
        log.warning("review changes not read: %s", describe(exc), exc_info=is_bug(exc))
        self.decisions.setTabText(CHANGES_TAB, self.tr("What changed (could not be read)"))

    def _preview_failed(self, exc: BaseException) -> None:
        self.approve.set_report_read(False, failed=True)
        if is_bug(exc):
            log.error("preview failed", exc_info=exc)
        self.pdf.set_message(self.tr("The report could not be prepared: %1").replace("%1", describe(exc)))

    # ---- return -------------------------------------------------------------------------------------

    def return_assessment(self, comments: list[tuple[str, str]]) -> None:
        item = self._current
        if item is None:
            return
        actor, aid = self.services.actor, item.assessment_id
        self.comments.set_busy(True)
        self.services.worker.submit(
            lambda db: service.return_with_comments(db, actor, aid, comments),
            lambda view: self._returned(item, view),
            self._return_failed,
            owner=self,
            label="return assessment",
        )

    def _returned(self, item: QueueItem, _view: service.AssessmentView) -> None:
        self.comments.set_busy(False)
        self._current = None
        self.services.changes.notify(ASSESSMENTS)
        self.services.changes.notify(TRANSFERS)
        self.returned.emit(item.assessment_id)
        self.refresh()
        self.comments.message.setStyleSheet("color: #1e7d32;")
        self.comments.message.setText(
            self.tr("%1 v%2 was returned to the assessor with your comments.")
            .replace("%1", item.reference)
            .replace("%2", str(item.version_no))
        )

    def _return_failed(self, exc: BaseException) -> None:
        self.comments.set_busy(False)
        if is_bug(exc):
            show_exception(self, exc)
        self.comments.show_error(describe(exc))
        self.failed.emit(describe(exc))

    # ---- approve --------------------------------------------------------------------------------------

    def approve_assessment(self) -> None:
        item, identity, read = self._current, self.approve.identity_path(), self._read
        if item is None or identity is None or self._busy or read is None or read[0] != item.assessment_id:
            return
        request = ApprovalRequest(
            assessment_id=item.assessment_id,
            identity=identity,
            passphrase=self.approve.passphrase.text(),
            lang=str(self.lang.currentData()),
            attestations=self.approve.chosen_attestations(),
            today=self.services.stated_day(),
            timestamper=self.timestamper,
            as_read=read[1],  # refused if the version no longer shows what the reviewer read
        )
        actor, stages = self.services.actor, self._stages
        self._set_busy(True)
        self.services.worker.submit(
            lambda db: approve_and_sign(db, actor, request, stages.stage.emit),
            lambda done: self._approved(item, request, done),
            self._approve_failed,
            owner=self,
            label="approve and sign",
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.approve.set_busy(busy)
        self.comments.setEnabled(not busy and self._current is not None)
        self.table.setEnabled(not busy)
        self.lang.setEnabled(not busy)

    def _approved(self, item: QueueItem, request: ApprovalRequest, done: ApprovalDone) -> None:
        self._set_busy(False)
        self._signed = (f"{item.reference}-v{item.version_no}-{request.lang}-signed.pdf", done.signed_pdf)
        self.approve.show_done(
            self.tr(
                "%1 v%2 is approved. The signed report is stored with the assessment and shown here "
                "with your signature."
            )
            .replace("%1", item.reference)
            .replace("%2", str(item.version_no))
        )
        self.doc_title.setText(self.doc_title.text() + " — " + self.tr("signed"))
        # The signed report is in the language it was signed in: choosing another would change nothing.
        self.lang.setEnabled(False)
        self.pdf.set_pdf(done.signed_pdf)
        self.services.changes.notify(ASSESSMENTS)
        self.services.changes.notify(TRANSFERS)
        self.approved.emit(item.assessment_id)
        self.refresh()

    def _approve_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if is_bug(exc):
            show_exception(self, exc)
        text = describe(exc)
        if isinstance(exc, PermissionDenied):
            text = self.tr("Not approved: %1").replace("%1", text)
        self.approve.show_error(text)
        if isinstance(exc, ConflictError):
            self._load_preview()  # the report as it is now, to read before approving again
            self.refresh()  # and the queue's line (its title may be what changed)
        self.failed.emit(text)

    def save_signed(self) -> None:
        if self._signed is None:
            return
        from PySide6.QtWidgets import QFileDialog

        name, data = self._signed
        folder = self.services.settings.get(keys.LAST_EXPORT_FOLDER) or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the signed PDF"), str(Path(folder) / name), self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        try:
            Path(path).write_bytes(data)
        except OSError as exc:
            self.approve.show_error(
                self.tr("The file could not be written: %1").replace("%1", exc.strerror or str(exc))
            )
            return
        self.services.settings.set(keys.LAST_EXPORT_FOLDER, str(Path(path).parent))
        self.approve.stage.setText(self.tr("Saved to %1").replace("%1", path))

    def _open_settings(self) -> None:
        from ui.user_settings import open_user_settings

        dialog = open_user_settings(self, self.services)
        if dialog is not None and hasattr(dialog, "identity_changed"):
            dialog.identity_changed.connect(self.approve.refresh_identity)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.close()  # as a dialog does; comments not sent are asked about first (closeEvent)
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()  # the approval finishes (or fails) as a whole; closing mid-way would hide the outcome
            show_info(self, self.windowTitle(), self.tr("Wait until the approval has finished."))
            return
        if self.unsent_comments():
            event.ignore()
            self._ask_to_discard(self.close, lambda: self.comments.text.setFocus())
            return
        super().closeEvent(event)


def open_review(parent: QWidget, services: Services, *_args: Any) -> QWidget | None:
    """The review window (one per main window); refused for roles that may not review."""
    if not services.may(Action.REVIEW):
        show_info(
            parent,
            QCoreApplication.translate("ReviewWindow", "Review"),
            QCoreApplication.translate(
                "ReviewWindow",
                "Your role may not approve or return assessments. Ask an administrator if you need to.",
            ),
        )
        return None
    existing = parent.findChild(ReviewWindow) if parent is not None else None
    if existing is not None:
        existing.refresh()
        existing.raise_()
        existing.activateWindow()
        return existing
    window = ReviewWindow(services, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
