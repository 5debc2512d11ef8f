"""Trusted certificates: whose signatures count as trusted when a PDF is verified (each manager's own
certificate, or the organisation's CA). A manager's own certificate is registered as theirs: approvals
are signed only with the approver's own registered certificate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.runtime.bootstrap import DatabaseHandle
from transfer_tool.signing import trust
from transfer_tool.signing.trust import TrustedCertificateView
from ui import settings as keys
from ui.accessibility import name_from_labels
from ui.admin.common import (
    NOTE_COLOUR,
    Cell,
    MessageLine,
    ProblemLabels,
    RowsModel,
    problem_label,
    report_failure,
    selected_row,
    table_view,
    with_problem,
)
from ui.i18n import format_date
from ui.services import Services
from ui.terms import ui_language

MAX_CERT_FILE = 64 * 1024


class TrustPage(QWidget):
    loaded = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trustPage")
        self.services = services
        self.certificates: list[TrustedCertificateView] = []
        intro = QLabel(
            self.tr(
                "A signed report verifies as trusted only when its signer's certificate, or the CA that "
                "issued it, is in this list. Each manager exports their certificate from My settings."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(f"color: {NOTE_COLOUR};")
        self.model = RowsModel(
            [
                self.tr("Label"),
                self.tr("Subject"),
                self.tr("SHA-256 fingerprint"),
                self.tr("Valid until"),
                self.tr("Added by"),
            ],
            self,
        )
        self.table = table_view(
            self.model, self, "trustTable", stretch=1, accessible=self.tr("Trusted certificates")
        )
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.remove_button = QPushButton(self.tr("&Remove from the list…"), self)
        self.remove_button.setObjectName("removeTrusted")
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)

        add_box = QGroupBox(self.tr("Trust a certificate"), self)
        self.problems = ProblemLabels()
        self.label = QLineEdit(add_box)
        self.label.setObjectName("trustLabel")
        self.label.setPlaceholderText(self.tr("Whose is it? e.g. 'Taro Yamada, DPO'"))
        # Approvals are signed only with the approver's own registered certificate.
        self.owner = QComboBox(add_box)
        self.owner.setObjectName("trustOwner")
        self.owner.addItem(self.tr("Nobody here (a CA or an outside signer)"), None)
        self.add_button = QPushButton(self.tr("&Add from a file…"), add_box)
        self.add_button.setObjectName("addTrusted")
        self.add_button.clicked.connect(self.choose_file)
        form = QFormLayout(add_box)
        form.addRow(
            self.tr("Label:"), with_problem(self.label, self.problems.add("label", problem_label(add_box)))
        )
        form.addRow(self.tr("Own certificate of:"), self.owner)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        form.addRow("", add_row)
        form.addRow("", self.problems.add("certificate", problem_label(add_box, "certificate")))
        self.message = MessageLine(self, "trustMessage")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        lay.addWidget(add_box)
        lay.addWidget(self.message)
        self.reload()
        name_from_labels(self)  # screen readers name each field after its label

    def reload(self) -> None:
        self.services.worker.submit(
            lambda db: trust.list_trusted(db), self._loaded, self._failed, owner=self, label="trusted"
        )
        actor = self.services.actor

        def people(db: DatabaseHandle) -> list[tuple[str, int]]:
            from transfer_tool.accounts import users

            return [(u.display_name or u.username, u.id) for u in users.list_users(db, actor) if u.active]

        self.services.worker.submit(people, self._people, self._failed, owner=self, label="users")

    def _people(self, found: list[tuple[str, int]]) -> None:
        chosen = self.owner.currentData()
        while self.owner.count() > 1:
            self.owner.removeItem(1)
        for name, user_id in found:
            self.owner.addItem(name, user_id)
        index = self.owner.findData(chosen)
        self.owner.setCurrentIndex(max(index, 0))

    def _loaded(self, found: list[TrustedCertificateView]) -> None:
        self.certificates = found
        now = dt.datetime.now(dt.UTC)
        rows = []
        for c in found:
            until = format_date(c.not_after.date(), ui_language())
            expiry = (
                Cell(self.tr("%1 (expired)").replace("%1", until), background="#f6d5d2")
                if c.expired(now)
                else Cell(until)
            )
            rows.append(
                [
                    Cell(c.label),
                    Cell(c.subject, tooltip=c.subject),
                    Cell(c.fingerprint_display, tooltip=c.fingerprint_display),
                    expiry,
                    Cell(f"{c.added_by}, {format_date(c.added_at.date(), ui_language())}"),
                ]
            )
        self.model.set_rows(rows, [c.id for c in found])
        self.remove_button.setEnabled(False)
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        report_failure(self, exc, self.message, self.problems)

    def has_unsaved_changes(self) -> bool:
        """A label typed for a certificate not added yet."""
        return bool(self.label.text().strip())

    def discard_changes(self) -> None:
        self.label.clear()

    def _selected(self, _s: QItemSelection, _d: QItemSelection) -> None:
        self.remove_button.setEnabled(selected_row(self.table) >= 0)

    def choose_file(self) -> None:
        folder = self.services.settings.get(keys.LAST_IMPORT_FOLDER) or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a certificate"),
            folder,
            self.tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"),
        )
        if path:
            self.add_file(Path(path))

    def add_file(self, path: Path) -> None:
        actor, label = self.services.actor, self.label.text()
        owner = self.owner.currentData()
        self.problems.clear()

        def add(db: DatabaseHandle) -> TrustedCertificateView:
            from transfer_tool.errors import ValidationError

            try:
                data = path.read_bytes()[: MAX_CERT_FILE + 1]  # the service refuses a larger file
            except OSError as exc:
                raise ValidationError(f"{path} cannot be read ({exc.strerror or exc}).") from exc
            return trust.add_trusted(db, actor, data, label, owner=owner)

        def done(view: TrustedCertificateView) -> None:
            self.label.clear()
            self.message.ok(
                self.tr("Signatures by %1 are now trusted.").replace("%1", view.subject or view.label)
            )
            self.reload()

        self.services.worker.submit(add, done, self._failed, owner=self, label="add trusted")

    def remove_selected(self) -> None:
        row = selected_row(self.table)
        if not 0 <= row < len(self.certificates):
            return
        cert = self.certificates[row]
        answer = QMessageBox.question(
            self,
            self.tr("Stop trusting this certificate?"),
            self.tr(
                "Reports signed with '%1' will verify as untrusted from now on. The certificate stays in "
                "the audit trail. Remove it from the list?"
            ).replace("%1", cert.label),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor = self.services.actor

        def done(_view: TrustedCertificateView) -> None:
            self.message.ok(self.tr("Removed %1 from the list.").replace("%1", cert.label))
            self.reload()

        self.services.worker.submit(
            lambda db: trust.remove_trusted(db, actor, cert.id),
            done,
            self._failed,
            owner=self,
            label="remove trusted",
        )
