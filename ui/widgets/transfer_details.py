"""The register's details pane: the selected transfer's parties, dates, data categories and purposes, read on
the database thread (the catalogue labels once, then kept)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from transfer_tool import catalog
from transfer_tool.catalog import CatalogItem
from transfer_tool.domain import CatalogKind
from transfer_tool.register import transfers
from transfer_tool.register.transfers import TransferView
from transfer_tool.runtime.bootstrap import DatabaseHandle
from ui.i18n import format_date, status_label
from ui.services import Services
from ui.terms import core_text

Labels = dict[CatalogKind, dict[str, CatalogItem]]

# The texts keep the register panel's translation context ("RegisterPanel"), where the catalogue has them.


class TransferDetails(QLabel):
    """`load(transfer_id)` reads the transfer on the database thread and shows it; only the latest request
    is shown (a quicker answer to an older selection is dropped)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._generation = 0
        self._labels: Labels = {}
        self.setObjectName("transferDetails")
        self.setAccessibleName(
            QCoreApplication.translate("RegisterPanel", "Details of the selected transfer")
        )
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMargin(8)
        self.show_transfer(None)

    def load(self, transfer_id: int | None) -> None:
        labels = self._labels
        self._generation += 1
        generation = self._generation
        if transfer_id is None:
            self.show_transfer(None)
            return
        tid = transfer_id

        def done(result: tuple[TransferView, Labels]) -> None:
            if generation == self._generation:
                self._labels = result[1]
                self.show_transfer(result[0])

        def failed(_exc: BaseException) -> None:
            if generation == self._generation:
                self.show_transfer(None)

        self._services.worker.submit(
            lambda db: _details(db, tid, labels), done, failed, owner=self, label="register: details"
        )

    def show_transfer(self, view: TransferView | None) -> None:
        if view is None:
            self.setText(
                "<p style='color:#5f6b7a'>"
                + html.escape(
                    QCoreApplication.translate(
                        "RegisterPanel",
                        "Select a transfer to see its details. Press Enter to open its assessment.",
                    )
                )
                + "</p>"
            )
            return
        e = html.escape
        lang = self._services.language
        name = self._services.country_name
        rows = [
            (QCoreApplication.translate("RegisterPanel", "Status"), status_label(view.status)),
            (
                QCoreApplication.translate("RegisterPanel", "Exporter"),
                f"{view.exporter_name} ({name(view.exporter_country)})",
            ),
            (
                QCoreApplication.translate("RegisterPanel", "Importer"),
                f"{view.importer_name} ({name(view.importer_country)})",
            ),
            (
                QCoreApplication.translate("RegisterPanel", "Destination"),
                f"{name(view.destination)} ({view.destination})",
            ),
            (
                QCoreApplication.translate("RegisterPanel", "Re-evaluation due"),
                format_date(view.next_review, lang) or "—",
            ),
            (
                QCoreApplication.translate("RegisterPanel", "Responsible"),
                view.owner_name or QCoreApplication.translate("RegisterPanel", "Nobody (unassigned)"),
            ),
            (
                QCoreApplication.translate("RegisterPanel", "Data categories"),
                self._label_list(CatalogKind.DATA_CATEGORY, view.data_categories),
            ),
            (
                QCoreApplication.translate("RegisterPanel", "Purposes"),
                self._label_list(CatalogKind.PURPOSE, view.purposes),
            ),
            (QCoreApplication.translate("RegisterPanel", "Retention"), view.retention or "—"),
        ]
        if view.assumed:  # blank in the imported file: the assessment asks for each (see the wizard's box)
            rows.append(
                (
                    QCoreApplication.translate("RegisterPanel", "Not given in the import"),
                    QCoreApplication.translate(
                        "RegisterPanel",
                        "%n answer(s) assumed, to confirm in the assessment",
                        "",
                        len(view.assumed),
                    ),
                )
            )
        if view.onward:
            rows.append(
                (
                    QCoreApplication.translate("RegisterPanel", "Onward transfers"),
                    ", ".join(o.reference for o in view.onward),
                )
            )
        parts = [f"<h3 style='margin:0'>{e(view.reference)}</h3>", f"<p>{e(view.title)}</p>"]
        if view.reassessment_needed:
            reason = core_text(view.reassessment_reason) or QCoreApplication.translate(
                "RegisterPanel", "The destination's data changed."
            )
            parts.append(
                "<p style='color:#b3261e'><b>"
                + e(QCoreApplication.translate("RegisterPanel", "Re-assessment needed"))
                + "</b><br/>"
                + e(reason)
                + "</p>"
            )
        parts.append("<table cellspacing='0' cellpadding='2'>")
        for label, value in rows:
            parts.append(
                f"<tr><td style='color:#5f6b7a;padding-right:8px'>{e(label)}</td><td>{e(value)}</td></tr>"
            )
        parts.append("</table>")
        self.setText("".join(parts))

    def _label_list(self, kind: CatalogKind, codes: tuple[str, ...]) -> str:
        items = self._labels.get(kind, {})
        lang = self._services.language
        return ", ".join(items[c].label(lang) if c in items else c for c in codes) or "—"


def _details(db: DatabaseHandle, transfer_id: int, labels: Labels) -> tuple[TransferView, Labels]:
    """The transfer, and the catalogue labels (read once, then passed back in)."""
    return transfers.get_transfer(db, transfer_id), labels or catalog.all_items(db)
