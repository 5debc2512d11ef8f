"""Organisation settings: name on reports, risk threshold, default re-evaluation interval, single-user
mode (with what it gives up), the time-stamping server for signatures."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.assessment import service
from transfer_tool.assessment.service import OrgSettings
from transfer_tool.errors import ConflictError
from ui.accessibility import name_from_labels
from ui.admin.common import (
    NOTE_COLOUR,
    NOTICE_BANNER,
    MessageLine,
    ProblemLabels,
    problem_label,
    report_failure,
    with_problem,
)
from ui.services import Services


class OrgSettingsPage(QWidget):
    loaded = Signal()
    saved = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orgSettingsPage")
        self.services = services
        self._shown: OrgSettings | None = None
        # The settings as stored when loaded or saved: a save writes only what the fields changed from them.
        self._read: OrgSettings | None = None
        self.problems = ProblemLabels()
        p = self.problems
        box = QGroupBox(self.tr("Organisation settings"), self)
        self.name = QLineEdit(box)
        self.name.setObjectName("orgName")
        self.name.setPlaceholderText(self.tr("Shown in each report's header (empty: the exporter's name)"))
        self.threshold = QDoubleSpinBox(box)
        self.threshold.setObjectName("riskThreshold")
        self.threshold.setRange(0.0, 99.9)
        self.threshold.setDecimals(1)
        self.threshold.setSingleStep(0.5)
        self.threshold.setSuffix(" %")
        self.threshold.setSpecialValueText(self.tr("Not set"))
        self.months = QSpinBox(box)
        self.months.setObjectName("reevaluationMonths")
        self.months.setRange(1, 60)
        self.months.setSuffix(self.tr(" months"))
        self.single_user = QCheckBox(self.tr("Single-user mode: one person may assess and approve"), box)
        self.single_user.setObjectName("singleUserMode")
        self.single_warning = QLabel(
            self.tr(
                "Warning: this turns off the four-eyes rule. Use it only where nobody else can review. "
                "Reports approved by their own assessor say so on the sign-off page."
            ),
            box,
        )
        self.single_warning.setObjectName("singleUserWarning")
        self.single_warning.setWordWrap(True)
        self.single_warning.setStyleSheet(NOTICE_BANNER)
        self.single_user.toggled.connect(self.single_warning.setVisible)
        self.importer_sign_off = QCheckBox(
            self.tr("The data importer co-adopts each assessment (named on the sign-off page)"), box
        )
        self.importer_sign_off.setObjectName("importerSignOff")
        self.timestamp = QLineEdit(box)
        self.timestamp.setObjectName("timestampUrl")
        self.timestamp.setPlaceholderText("https://freetsa.org/tsr")
        threshold_note = QLabel(
            self.tr("The acceptable probability of prohibited access over an assessment's period."), box
        )
        threshold_note.setWordWrap(True)
        threshold_note.setStyleSheet(f"color: {NOTE_COLOUR};")
        timestamp_note = QLabel(
            self.tr(
                "An RFC 3161 time-stamping service proves when a report was signed. Leave empty to sign "
                "without a timestamp (the time is then the signer's own clock)."
            ),
            box,
        )
        timestamp_note.setWordWrap(True)
        timestamp_note.setStyleSheet(f"color: {NOTE_COLOUR};")
        form = QFormLayout(box)
        form.addRow(
            self.tr("Organisation name:"),
            with_problem(self.name, p.add("organisation_name", problem_label(box))),
        )
        form.addRow(
            self.tr("Risk threshold:"),
            with_problem(self.threshold, p.add("risk_threshold", problem_label(box))),
        )
        form.addRow("", threshold_note)
        form.addRow(
            self.tr("Re-evaluate approved assessments every:"),
            with_problem(self.months, p.add("reevaluation_months", problem_label(box))),
        )
        form.addRow("", self.single_user)
        form.addRow("", self.single_warning)
        form.addRow("", self.importer_sign_off)
        form.addRow(
            self.tr("Timestamp server (URL):"),
            with_problem(self.timestamp, p.add("timestamp_url", problem_label(box))),
        )
        form.addRow("", timestamp_note)
        self.save_button = QPushButton(self.tr("&Save settings"), self)
        self.save_button.setObjectName("saveOrgSettings")
        self.save_button.clicked.connect(self.save)
        self.message = MessageLine(self, "orgMessage")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.addWidget(box)
        lay.addLayout(buttons)
        lay.addWidget(self.message)
        lay.addStretch(1)
        self.reload()
        name_from_labels(self)  # screen readers name each field after its label

    def reload(self) -> None:
        self.services.worker.submit(
            lambda db: service.get_org_settings(db),
            self._show,
            lambda exc: report_failure(self, exc, self.message),
            owner=self,
            label="org settings",
        )

    def _show(self, settings: OrgSettings) -> None:
        self._read = settings
        self.name.setText(settings.organisation_name)
        self.threshold.setValue((settings.risk_threshold or 0.0) * 100)
        self.months.setValue(settings.reevaluation_months)
        self.single_user.setChecked(settings.single_user_mode)
        self.single_warning.setVisible(settings.single_user_mode)
        self.timestamp.setText(settings.timestamp_url)
        self.importer_sign_off.setChecked(settings.importer_sign_off)
        self._shown = self.settings()  # as the fields read them back: what "unsaved" compares with
        self.loaded.emit()

    def has_unsaved_changes(self) -> bool:
        """The fields differ from the settings last loaded or saved."""
        return self._shown is not None and self.settings() != self._shown

    def settings(self) -> OrgSettings:
        percent = self.threshold.value()
        return OrgSettings(
            risk_threshold=round(percent / 100, 6) if percent > 0 else None,
            reevaluation_months=self.months.value(),
            single_user_mode=self.single_user.isChecked(),
            timestamp_url=self.timestamp.text().strip(),
            organisation_name=self.name.text().strip(),
            importer_sign_off=self.importer_sign_off.isChecked(),
        )

    def save(self) -> None:
        actor, wanted, read = self.services.actor, self.settings(), self._read
        self.problems.clear()
        self.services.worker.submit(
            lambda db: service.set_org_settings(db, actor, wanted, read=read),
            self._saved,
            self._failed,
            owner=self,
            label="save org settings",
        )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError) and isinstance(exc.theirs, OrgSettings):
            # The fields keep what was typed; a second save stores it over theirs, as the message says.
            self._read = exc.theirs
        report_failure(self, exc, self.message, self.problems)

    def _saved(self, settings: OrgSettings) -> None:
        self._show(settings)
        self.message.ok(self.tr("The organisation settings are saved."))
        self.saved.emit(settings)
