"""Approve and sign: the signing identity, its passphrase, the four attestations, progress and errors.

Approve is enabled only when every attestation is ticked and an identity is chosen; the window runs the
job (`approval.approve_and_sign`) and reports back through `set_stage`, `show_error`, `show_done`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.assessment.service import REQUIRED_ATTESTATIONS
from ui.accessibility import name_from_labels
from ui.review.approval import STAGE_OPEN, STAGE_RENDER, STAGE_SAVE, STAGE_SIGN
from ui.user_settings import own_certificate, own_identity_path

ERROR_STYLE = "background: #fbe3e1; color: #8c1d18; border: 1px solid #e0a09a; padding: 6px;"
DONE_STYLE = "background: #e3f1e4; color: #1b5e20; border: 1px solid #9ccc9f; padding: 6px;"
NOTICE_STYLE = "background: #fff4d6; color: #5c4400; border: 1px solid #e6cf8a; padding: 6px;"


def attestation_label(key: str) -> str:
    """The approver's confirmation, worded as `REQUIRED_ATTESTATIONS` words it (translated)."""
    labels = {
        "description_accurate": QCoreApplication.translate(
            "Attestations", "The description of the transfer is accurate and complete."
        ),
        "risks_understood": QCoreApplication.translate(
            "Attestations", "I have read the assessment and understand the risks it describes."
        ),
        "measures_ratified": QCoreApplication.translate(
            "Attestations", "I ratify the transfer tool and the supplementary measures chosen."
        ),
        "measures_will_be_carried_out": QCoreApplication.translate(
            "Attestations", "The planned measures will be carried out by their owners and due dates."
        ),
    }
    return labels.get(key, REQUIRED_ATTESTATIONS.get(key, key))


def stage_label(stage: str) -> str:
    labels = {
        STAGE_OPEN: QCoreApplication.translate("ApprovePanel", "Opening your signing identity…"),
        STAGE_RENDER: QCoreApplication.translate("ApprovePanel", "Rendering the report as approved…"),
        STAGE_SIGN: QCoreApplication.translate("ApprovePanel", "Signing the PDF…"),
        STAGE_SAVE: QCoreApplication.translate("ApprovePanel", "Saving the approval…"),
    }
    return labels.get(stage, stage)


class ApprovePanel(QWidget):
    approve_requested = Signal()
    save_signed_requested = Signal()
    settings_requested = Signal()

    def __init__(self, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvePanel")
        self.username = username

        identity_box = QGroupBox(self.tr("Signing identity"), self)
        self.use_own = QRadioButton(self.tr("My identity made in the tool"), identity_box)
        self.use_own.setObjectName("useOwnIdentity")
        self.own_status = QLabel(identity_box)
        self.own_status.setObjectName("ownIdentityStatus")
        self.own_status.setWordWrap(True)
        self.own_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.settings_button = QPushButton(self.tr("My settings…"), identity_box)
        self.settings_button.clicked.connect(self.settings_requested)
        self.use_file = QRadioButton(self.tr("A PKCS#12 file (.p12, .pfx):"), identity_box)
        self.use_file.setObjectName("useIdentityFile")
        self.file = QLineEdit(identity_box)
        self.file.setObjectName("identityFile")
        self.file.setPlaceholderText(self.tr("Choose the file…"))
        browse = QPushButton(self.tr("Browse…"), identity_box)
        browse.clicked.connect(self._browse)
        self.group = QButtonGroup(self)
        self.group.addButton(self.use_own)
        self.group.addButton(self.use_file)
        self.passphrase = QLineEdit(identity_box)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("The passphrase of the identity"))
        own_row = QHBoxLayout()
        own_row.addWidget(self.own_status, 1)
        own_row.addWidget(self.settings_button)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        id_lay = QVBoxLayout(identity_box)
        id_lay.addWidget(self.use_own)
        id_lay.addLayout(own_row)
        id_lay.addWidget(self.use_file)
        id_lay.addLayout(file_row)
        pass_form = QFormLayout()
        pass_form.addRow(self.tr("Passphrase:"), self.passphrase)
        id_lay.addLayout(pass_form)

        attest_box = QGroupBox(self.tr("I confirm that"), self)
        attest_lay = QVBoxLayout(attest_box)
        self.attestations: dict[str, QCheckBox] = {}
        for key in REQUIRED_ATTESTATIONS:
            box = QCheckBox(attestation_label(key), attest_box)
            box.setObjectName(f"attest_{key}")
            box.toggled.connect(self._update)
            attest_lay.addWidget(box)
            self.attestations[key] = box

        self.four_eyes = QLabel(self)
        self.four_eyes.setObjectName("fourEyesNotice")
        self.four_eyes.setWordWrap(True)
        self.four_eyes.setStyleSheet(NOTICE_STYLE)
        self.four_eyes.hide()
        self.approve_button = QPushButton(self.tr("A&pprove and sign"), self)
        self.approve_button.setObjectName("approveButton")
        self.approve_button.clicked.connect(self.approve_requested)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("approveProgress")
        self.progress.setRange(0, 0)  # busy: the steps have no measurable fraction
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.stage = QLabel(self)
        self.stage.setObjectName("approveStage")
        # Why "Approve and sign" is not enabled yet (a disabled button alone did not say what was missing).
        self.hint = QLabel(self)
        self.hint.setObjectName("approveHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #4a5360;")
        self.banner = QLabel(self)
        self.banner.setObjectName("approveBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.save_button = QPushButton(self.tr("Save the signed PDF…"), self)
        self.save_button.setObjectName("saveSigned")
        self.save_button.clicked.connect(self.save_signed_requested)
        self.save_button.hide()

        button_row = QHBoxLayout()
        button_row.addWidget(self.stage)
        button_row.addWidget(self.hint, 1)
        button_row.addWidget(self.approve_button)
        lay = QVBoxLayout(self)
        lay.addWidget(identity_box)
        lay.addWidget(attest_box)
        lay.addWidget(self.four_eyes)
        lay.addLayout(button_row)
        lay.addWidget(self.progress)
        lay.addWidget(self.banner)
        lay.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        lay.addStretch(1)

        self.group.buttonToggled.connect(lambda *_a: self._update())
        self.file.textChanged.connect(self._update)
        self._has_item = False
        self._busy = False
        self._report_ready = False  # the report on screen: `set_report_read`
        self._report_failed = False
        self.refresh_identity()
        name_from_labels(self)  # screen readers name each field after its label

    # ---- state -----------------------------------------------------------------------------------------

    def refresh_identity(self) -> None:
        info = own_certificate(self.username)
        if info is None:
            self.own_status.setText(
                self.tr("You have no identity yet: create one in My settings, or choose a file below.")
            )
            self.use_own.setEnabled(False)
            if self.use_own.isChecked() or self.group.checkedButton() is None:
                self.use_file.setChecked(True)
        else:
            self.own_status.setText(
                self.tr("%1 — fingerprint %2…")
                .replace("%1", info.subject)
                .replace("%2", info.fingerprint_sha256[:23])
            )
            self.use_own.setEnabled(True)
            if self.group.checkedButton() is None or not self.file.text().strip():
                self.use_own.setChecked(True)
        self._update()

    def identity_path(self) -> Path | None:
        """The chosen PKCS#12 file, or None when none is chosen (or it does not exist)."""
        if self.use_own.isChecked():
            path = own_identity_path(self.username)
        elif self.use_file.isChecked() and self.file.text().strip():
            path = Path(self.file.text().strip())
        else:
            return None
        return path if path.is_file() else None

    def chosen_attestations(self) -> frozenset[str]:
        return frozenset(k for k, box in self.attestations.items() if box.isChecked())

    def set_item(self, present: bool, own: bool = False) -> None:
        """A queue item is selected (or not); `own`: the reviewer assessed it themselves."""
        self._has_item = present
        self.banner.hide()
        self.save_button.hide()
        for box in self.attestations.values():
            box.setChecked(False)
        self.four_eyes.setVisible(present and own)
        self.four_eyes.setText(
            self.tr(
                "You assessed this version yourself. The four-eyes rule means another manager must approve "
                "it, unless the organisation runs in single-user mode."
            )
        )
        self._update()

    def set_report_read(self, ready: bool, *, failed: bool = False) -> None:
        """The report is on screen (True), still being prepared, or could not be prepared (`failed`): what
        is approved is what was read."""
        self._report_ready = ready
        self._report_failed = failed and not ready
        self._update()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        if busy:
            self.banner.hide()
        else:
            self.stage.clear()
        self._update()

    def set_stage(self, stage: str) -> None:
        self.stage.setText(stage_label(stage))

    def show_error(self, text: str) -> None:
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.setText(text)
        self.banner.show()

    def show_done(self, text: str) -> None:
        self._has_item = False
        self.banner.setStyleSheet(DONE_STYLE)
        self.banner.setText(text)
        self.banner.show()
        self.save_button.show()
        self.passphrase.clear()
        self.four_eyes.hide()
        self._update()

    def _update(self) -> None:
        ticked = all(box.isChecked() for box in self.attestations.values())
        identity = self.identity_path() is not None
        ready = self._has_item and not self._busy and ticked and identity and self._report_ready
        self.approve_button.setEnabled(ready)
        self.hint.setText(self._missing(ticked, identity) if self._has_item and not self._busy else "")
        for box in self.attestations.values():
            box.setEnabled(self._has_item and not self._busy)

    def _missing(self, ticked: bool, identity: bool) -> str:
        if self._report_failed:
            return self.tr(
                "The report could not be prepared, so it cannot be approved (see the report's pane)."
            )
        if not self._report_ready:
            return self.tr("The report is being prepared: you approve it once you can read it.")
        chosen = self.file.text().strip() if self.use_file.isChecked() else ""
        if not identity and chosen:
            return self.tr("There is no file %1: choose the signing identity again.").replace("%1", chosen)
        if not identity and not ticked:
            return self.tr("To approve, choose your signing identity and tick each confirmation.")
        if not identity:
            return self.tr("To approve, choose your signing identity.")
        return "" if ticked else self.tr("To approve, tick each confirmation.")

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a signing identity"), "", self.tr("PKCS#12 files (*.p12 *.pfx)")
        )
        if path:
            self.file.setText(path)
            self.use_file.setChecked(True)
