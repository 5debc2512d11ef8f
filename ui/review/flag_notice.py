"""The review screen's notice that the transfer was flagged by a country-data change after this version was
submitted: approving it then leaves the transfer flagged, so the reviewer reads that before deciding."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from transfer_tool.assessment import service
from transfer_tool.assessment.service import QueueItem
from transfer_tool.runtime.bootstrap import DatabaseHandle
from ui.errors import show_exception
from ui.services import Services
from ui.terms import core_text

NOTICE_STYLE = "background: #fff4d6; color: #5c4400; border: 1px solid #e3c46b; padding: 6px;"


def _unanswered(db: DatabaseHandle, assessment_id: int, transfer_id: int) -> list[str]:
    """The reasons of the transfer's open flags raised after the country data this version relied on."""
    from transfer_tool.countries import store

    record = service.get_assessment(db, assessment_id).record
    flags = store.raised_after(
        store.open_flags(db, transfer_id), record.facts.destination, record.destination_version
    )
    return [f.reason for f in flags]


class FlagNotice(QLabel):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("flaggedSinceSubmitted")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(NOTICE_STYLE)
        self.hide()
        self._item: QueueItem | None = None

    def show_for(self, item: QueueItem | None) -> None:
        """Hidden now; shown for `item` once its flags are read, if any was raised after its submission."""
        self._item = item
        self.hide()
        if item is None:
            return
        aid, tid = item.assessment_id, item.transfer_id
        self.services.worker.submit(
            lambda db: _unanswered(db, aid, tid),
            lambda reasons: self._arrived(item, reasons),
            self._failed,
            owner=self,
            label="review: flags since submission",
        )

    def _failed(self, exc: BaseException) -> None:
        show_exception(self.window(), exc)  # what the review must know about is not left to chance

    def _arrived(self, item: QueueItem, reasons: list[str]) -> None:
        if self._item is not item or not reasons:
            return
        self.setText(
            QCoreApplication.translate(
                "ReviewWindow",
                "The country data changed after this version was submitted: %1 Approving it leaves %2 flagged "
                "for re-assessment. To have it re-assessed now, return it with comments.",
            )
            .replace("%1", " ".join(core_text(r) for r in reasons))
            .replace("%2", item.reference)
        )
        self.show()
