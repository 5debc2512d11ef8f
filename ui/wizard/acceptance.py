"""What a DPO needs to accept the TIA beyond the six steps (issue 18, point 7), on the conclusion page: the
pre-TIA gates, the destination's framework and redress, whether the tool is enforceable there, the UK data
protection test (UK exporters only), the competent supervisory authority and the importer's co-adoption.
Each answer is stored in the record's `acceptance` part; the report prints "Not answered" for any left open."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from transfer_tool.domain import RegimeCode
from ui.wizard.common import WizardPage, form_layout
from ui.wizard.inputs import OptionalDateEdit, PlainTextField


class AcceptanceFields(QObject):
    """The fields and their form; `load()` fills them from the record, every edit writes the record back."""

    def __init__(self, page: WizardPage, parent: QWidget) -> None:
        super().__init__(page)
        self.page = page
        self.form: QFormLayout = form_layout()
        self.anonymisation = PlainTextField(
            self.tr("Could the data be anonymised or minimised instead?"), 3, parent
        )
        self.anonymisation.setPlaceholderText(self.tr("Why identifiable data is needed; what was minimised"))
        self.performed_by = PlainTextField(self.tr("Who performs the assessment"), 2, parent)
        self.performed_by.setPlaceholderText(self.tr("People and roles; what the importer contributed"))
        self.framework = PlainTextField(
            self.tr("General data-protection framework of the destination"), 3, parent
        )
        self.framework.setPlaceholderText(
            self.tr("Its general data-protection law and independent authority")
        )
        self.redress = PlainTextField(self.tr("Redress for data subjects"), 3, parent)
        self.redress.setPlaceholderText(self.tr("Courts, the authority, remedies against public bodies"))
        self.enforceable = self._yes_no(
            parent, self.tr("Is the transfer tool enforceable at the destination?")
        )
        self.enforceability = PlainTextField(self.tr("Why the tool is or is not enforceable"), 2, parent)
        self.uk_test = self._yes_no(
            parent, self.tr("UK data protection test: is the protection not materially lower?")
        )
        self.uk_reasoning = PlainTextField(
            self.tr("Why the UK data protection test is or is not met"), 2, parent
        )
        self.authority = QLineEdit(parent)
        self.authority.setPlaceholderText(self.tr("e.g. CNIL (France); PPC (Japan)"))
        self.signatory = QLineEdit(parent)
        self.signatory.setPlaceholderText(self.tr("Name and position at the importer"))
        self.signed_on = OptionalDateEdit(self.tr("not signed"), parent)
        self.signed_on.setMaximumWidth(260)
        add = page.add_row
        add(self.form, self.tr("Anonymise or minimise instead?"), self.anonymisation)
        add(self.form, self.tr("Performed by:"), self.performed_by)
        add(self.form, self.tr("Destination's framework:"), self.framework)
        add(self.form, self.tr("Redress:"), self.redress)
        add(self.form, self.tr("Tool enforceable there?"), self.enforceable)
        add(self.form, self.tr("Why:"), self.enforceability)
        add(self.form, self.tr("UK data protection test met?"), self.uk_test)
        add(self.form, self.tr("Why (UK test):"), self.uk_reasoning)
        self._uk_widgets: list[QWidget] = [self.uk_test, self.uk_reasoning]
        for row in (self.form.rowCount() - 2, self.form.rowCount() - 1):  # and their captions
            caption = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = caption.widget() if caption is not None else None
            if widget is not None:
                self._uk_widgets.append(widget)
        add(self.form, self.tr("Supervisory authority:"), self.authority)
        add(self.form, self.tr("Importer's signatory:"), self.signatory)
        add(self.form, self.tr("Co-adopted on:"), self.signed_on)
        for text in (
            self.anonymisation,
            self.performed_by,
            self.framework,
            self.redress,
            self.enforceability,
            self.uk_reasoning,
        ):
            text.textChanged.connect(self._edited)
        for line in (self.authority, self.signatory):
            line.textChanged.connect(self._edited)
        for combo in (self.enforceable, self.uk_test):
            combo.currentIndexChanged.connect(lambda _i: self._edited())
        self.signed_on.dateChanged.connect(lambda _d: self._edited())

    def _yes_no(self, parent: QWidget, accessible: str) -> QComboBox:
        box = QComboBox(parent)
        box.addItem(self.tr("— not answered —"), None)
        box.addItem(self.tr("Yes"), True)
        box.addItem(self.tr("No"), False)
        box.setAccessibleName(accessible)
        return box

    def _edited(self) -> None:
        record = self.page.state.record
        if record is None or self.page.loading:
            return
        changes: dict[str, Any] = {
            "anonymisation": self.anonymisation.toPlainText(),
            "performed_by": self.performed_by.toPlainText(),
            "framework": self.framework.toPlainText(),
            "redress": self.redress.toPlainText(),
            "tool_enforceable": self.enforceable.currentData(),
            "tool_enforceability": self.enforceability.toPlainText(),
            "uk_test_met": self.uk_test.currentData(),
            "uk_test_reasoning": self.uk_reasoning.toPlainText(),
            "supervisory_authority": self.authority.text(),
            "importer_signatory": self.signatory.text(),
            "importer_signed_on": self.signed_on.value(),
        }
        self.page.state.update_record(acceptance=dataclasses.replace(record.acceptance, **changes))

    def load(self) -> None:
        record = self.page.state.record
        if record is None:
            return
        a = record.acceptance
        self.anonymisation.set_text_quietly(a.anonymisation)
        self.performed_by.set_text_quietly(a.performed_by)
        self.framework.set_text_quietly(a.framework)
        self.redress.set_text_quietly(a.redress)
        self.enforceability.set_text_quietly(a.tool_enforceability)
        self.uk_reasoning.set_text_quietly(a.uk_test_reasoning)
        for widget, value in (
            (self.authority, a.supervisory_authority),
            (self.signatory, a.importer_signatory),
        ):
            if widget.text() != value:
                widget.blockSignals(True)
                widget.setText(value)
                widget.blockSignals(False)
        for combo, answer in ((self.enforceable, a.tool_enforceable), (self.uk_test, a.uk_test_met)):
            combo.blockSignals(True)
            combo.setCurrentIndex({None: 0, True: 1, False: 2}[answer])
            combo.blockSignals(False)
        self.signed_on.blockSignals(True)
        self.signed_on.set_value(a.importer_signed_on)
        self.signed_on.blockSignals(False)
        # The UK data protection test is asked only where the UK GDPR governs the exporter.
        uk = RegimeCode.UK in record.regimes.codes()
        for shown in self._uk_widgets:
            shown.setVisible(uk)
