"""Step 1, third page: how the data is handled (frequency, formats and keys, storage and remote access,
retention) and its onward transfers, each added with `OnwardDialog` as a transfer of its own."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

import ui.wizard.labels as labels
from transfer_tool.domain import CatalogKind, DataFormat, Frequency, KeyHolder, PartyRole
from transfer_tool.register import transfers
from transfer_tool.register.transfers import TransferInput, TransferView
from transfer_tool.runtime.bootstrap import DatabaseHandle
from ui.accessibility import strip_accelerator
from ui.errors import show_exception
from ui.services import TRANSFERS
from ui.widgets.discard_question import GuardedDialog
from ui.wizard.combos import EntityCombo, enum_combo, select_data
from ui.wizard.common import FieldMessage, WizardPage, form_layout, heading, plain_label
from ui.wizard.inputs import CountryCombo, parse_country_list
from ui.wizard.state import PAGE_HANDLING, Issue, WizardState


class OnwardDialog(GuardedDialog):
    """Add a sub-recipient: a transfer from the importer to another entity, with its own destination."""

    added = Signal(object)  # the parent TransferView, reloaded

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("onwardDialog")
        self.setWindowTitle(self.tr("Add an onward transfer"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "The importer passes the data on to a sub-recipient. The onward transfer is recorded as a "
                    "transfer of its own (same data, purposes and retention) and needs its own assessment."
                ),
                self,
            )
        )
        form = form_layout()
        self.recipient = EntityCombo(state, self.tr("Sub-recipient"), self)
        self.recipient.fill()
        self.country = CountryCombo(state.services.country_names, state.language, self)
        self.purpose = QLineEdit(self)
        self.messages: dict[str, FieldMessage] = {}
        for label, widget, key, buddy in (
            (self.tr("&Sub-recipient:"), self.recipient, "importer_id", self.recipient.combo),
            (self.tr("&Country:"), self.country, "destination", self.country.edit),
            (self.tr("&Purpose:"), self.purpose, "title", self.purpose),
        ):
            box = QVBoxLayout()
            box.addWidget(widget)
            msg = FieldMessage(key, self)
            self.messages[key] = msg
            box.addWidget(msg)
            caption = QLabel(label, self)
            caption.setBuddy(buddy)
            buddy.setAccessibleName(strip_accelerator(label))
            form.addRow(caption, box)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Add"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._proposed_country = ""
        self.recipient.changed.connect(self._recipient_changed)
        self.country.changed.connect(lambda _c: self._validate())
        self.purpose.textChanged.connect(lambda _t: self._validate())
        self._validate()
        self._opened_with = self._typed()  # what Escape compares with before asking
        self.discard_question: QMessageBox | None = None

    def _typed(self) -> tuple[int, str, str]:
        return self.recipient.entity_id(), self.country.code(), self.purpose.text().strip()

    def unsaved(self) -> bool:
        """Escape, Cancel and the close box ask about an onward transfer typed and not added."""
        return self._typed() != self._opened_with

    def discard_text(self) -> str:
        return self.tr("This onward transfer is not added. Discard what you entered?")

    def _recipient_changed(self, entity_id: int) -> None:
        # The country follows the sub-recipient chosen, unless the user chose another one themselves.
        entity = self.state.entities.get(entity_id)
        if entity is not None and self.country.code() in ("", self._proposed_country):
            self.country.set_code(entity.country)
            self._proposed_country = entity.country
        self._validate()

    def value(self) -> TransferInput:
        parent = self.state.transfer_input
        return TransferInput(
            exporter_id=parent.importer_id,
            importer_id=self.recipient.entity_id(),
            destination=self.country.code(),
            exporter_role=parent.importer_role,
            importer_role=PartyRole.PROCESSOR,
            title=self.purpose.text().strip(),
            recipient_type="subcontractor",
            data_categories=parent.data_categories,
            special_categories=parent.special_categories,
            sensitive_details=parent.sensitive_details,
            data_subjects=parent.data_subjects,
            purposes=parent.purposes,
            legal_bases=parent.legal_bases,
            frequency=parent.frequency,
            format_in_transit=parent.format_in_transit,
            format_at_rest=parent.format_at_rest,
            key_holder=parent.key_holder,
            retention=parent.retention,
            retention_code=parent.retention_code,
        )

    def _validate(self) -> bool:
        problems = [
            p
            for p in transfers.validate_transfer(self.value())
            if p.location in ("importer_id", "destination")
        ]
        if not self.purpose.text().strip():
            from transfer_tool.errors import Problem

            problems.append(Problem("title", self.tr("say what the sub-recipient does with the data")))
        for key, msg in self.messages.items():
            msg.show_issues([Issue("", p.location, p.message, True) for p in problems if p.location == key])
        self.ok.setEnabled(not problems)
        return not problems

    def save(self) -> None:
        parent = self.state.transfer
        if parent is None or not self._validate():
            return
        data, actor, pid = self.value(), self.state.services.actor, parent.id

        def job(db: DatabaseHandle) -> TransferView:
            transfers.add_onward_transfer(db, actor, pid, data)
            return transfers.get_transfer(db, pid)

        self.ok.setEnabled(False)
        self.state.services.worker.submit(job, self._saved, self._failed, owner=self, label="add onward")

    def _saved(self, parent: TransferView) -> None:
        self.added.emit(parent)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        show_exception(self, exc, self.tr("Onward transfer"))


class HandlingPage(WizardPage):
    KEY = PAGE_HANDLING

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setTitle(self.tr("1 · Know your transfer: how the data is handled"))
        self.setSubTitle(
            self.tr(
                "Frequency, form in transit and at rest, where it is stored and accessed from, retention, onward transfers."
            )
        )
        columns = QHBoxLayout(self.body)
        form = form_layout()
        self.frequency = enum_combo(list(Frequency), labels.frequency, self.body)
        self.in_transit = enum_combo(list(DataFormat), labels.data_format, self.body)
        self.at_rest = enum_combo(list(DataFormat), labels.data_format, self.body)
        self.key_holder = enum_combo(list(KeyHolder), labels.key_holder, self.body)
        self.storage = QLineEdit(self.body)
        self.storage.setPlaceholderText(self.tr("e.g. US, IE  or  米国、アイルランド"))
        self.storage_names = plain_label("", self.body)
        self.remote = QLineEdit(self.body)
        self.remote.setPlaceholderText(self.tr("Countries the data is accessed from, if any"))
        self.remote_names = plain_label("", self.body)
        for names in (self.storage_names, self.remote_names):
            names.setStyleSheet("color:#555;font-size:90%;")
        self.retention_code = QComboBox(self.body)
        self.retention = QLineEdit(self.body)
        self.retention.setPlaceholderText(self.tr("e.g. Contract term plus 1 year"))
        self.add_row(form, self.tr("&Frequency:"), self.frequency, "frequency")
        self.add_row(form, self.tr("Form in &transit:"), self.in_transit, "format_in_transit")
        self.add_row(form, self.tr("Form at r&est:"), self.at_rest, "format_at_rest")
        self.add_row(form, self.tr("&Keys held by:"), self.key_holder, "key_holder")
        storage_box = QVBoxLayout()
        storage_box.addWidget(self.storage)
        storage_box.addWidget(self.storage_names)
        self.add_row(form, self.tr("&Stored in:"), storage_box, "storage_countries", self.storage)
        remote_box = QVBoxLayout()
        remote_box.addWidget(self.remote)
        remote_box.addWidget(self.remote_names)
        self.add_row(
            form, self.tr("Remote &access from:"), remote_box, "remote_access_countries", self.remote
        )
        self.add_row(form, self.tr("Retention (policy §&12):"), self.retention_code, "retention_code")
        self.add_row(form, self.tr("Retention &period:"), self.retention, "retention")
        left = QWidget(self.body)
        left.setLayout(form)
        columns.addWidget(left, 5)

        right = QVBoxLayout()
        right.addWidget(heading(self.tr("Onward transfers"), self.body))
        right.addWidget(
            plain_label(
                self.tr("Sub-recipients the importer passes the data to; each is a transfer of its own."),
                self.body,
            )
        )
        self.onward_model = QStandardItemModel(0, 4, self.body)
        self.onward_model.setHorizontalHeaderLabels(
            [self.tr("Reference"), self.tr("Sub-recipient"), self.tr("Country"), self.tr("Purpose")]
        )
        self.onward = QTableView(self.body)
        self.onward.setModel(self.onward_model)
        self.onward.setAccessibleName(self.tr("Onward transfers"))
        self.onward.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.onward.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.onward.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.onward.verticalHeader().hide()
        self.onward.verticalHeader().setDefaultSectionSize(self.onward.fontMetrics().height() + 8)
        header = self.onward.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # Names and purposes wrap in their column (the table has half the page): nothing is cut off.
        self.onward.setWordWrap(True)
        self.onward.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.onward.setTabKeyNavigation(False)
        self.onward.setMinimumHeight(160)
        buttons = QHBoxLayout()
        self.add_onward = QPushButton(self.tr("A&dd onward transfer…"), self.body)
        self.remove_onward = QPushButton(self.tr("Remo&ve"), self.body)
        self.remove_onward.setAccessibleName(self.tr("Remove the selected onward transfer"))
        buttons.addWidget(self.add_onward)
        buttons.addWidget(self.remove_onward)
        buttons.addStretch(1)
        self.onward_hint = plain_label("", self.body)
        self.onward_hint.setStyleSheet("color:#555;font-size:90%;")
        right.addWidget(self.onward, 1)
        right.addLayout(buttons)
        right.addWidget(self.onward_hint)
        right.addStretch(1)
        columns.addLayout(right, 6)
        self.dialog: OnwardDialog | None = None
        state.status_changed.connect(self._fill_onward)

        self.frequency.currentIndexChanged.connect(
            lambda _i: self._set(frequency=Frequency(self.frequency.currentData()))
        )
        self.in_transit.currentIndexChanged.connect(
            lambda _i: self._set(format_in_transit=DataFormat(self.in_transit.currentData()))
        )
        self.at_rest.currentIndexChanged.connect(self._at_rest_changed)
        self.key_holder.currentIndexChanged.connect(
            lambda _i: self._set(key_holder=KeyHolder(self.key_holder.currentData()))
        )
        self.storage.textChanged.connect(
            lambda t: self._countries("storage_countries", t, self.storage_names)
        )
        self.remote.textChanged.connect(
            lambda t: self._countries("remote_access_countries", t, self.remote_names)
        )
        self.retention_code.currentIndexChanged.connect(
            lambda _i: self._set(retention_code=str(self.retention_code.currentData() or ""))
        )
        self.retention.textChanged.connect(lambda t: self._set(retention=t))
        self.add_onward.clicked.connect(self.open_onward_dialog)
        self.remove_onward.clicked.connect(self.remove_selected_onward)

    def _set(self, **changes: Any) -> None:
        if not self.loading:
            self.state.set_transfer_input(**changes)

    def _at_rest_changed(self, _index: int) -> None:
        fmt = DataFormat(self.at_rest.currentData())
        changes: dict[str, Any] = {"format_at_rest": fmt}
        if fmt is DataFormat.CLEAR and self.state.transfer_input.key_holder is not KeyHolder.NOT_APPLICABLE:
            changes["key_holder"] = KeyHolder.NOT_APPLICABLE
            select_data(self.key_holder, KeyHolder.NOT_APPLICABLE.value)
        self._set(**changes)

    def _countries(self, name: str, text: str, names_label: QLabel) -> None:
        codes, unknown = parse_country_list(text, self.state.services.country_names)
        shown = ", ".join(f"{self.state.country_name(c)} ({c})" for c in codes)
        if unknown:
            shown += ("; " if shown else "") + self.tr("not recognised: %1").replace("%1", ", ".join(unknown))
        names_label.setText(shown)
        # An unrecognised entry is passed on as typed so the core's rule reports it beside the field.
        self._set(**{name: codes + tuple(u.upper() for u in unknown)})

    def load(self) -> None:
        st = self.state
        data = st.transfer_input
        select_data(self.frequency, data.frequency.value)
        select_data(self.in_transit, data.format_in_transit.value)
        select_data(self.at_rest, data.format_at_rest.value)
        select_data(self.key_holder, data.key_holder.value)
        for edit, codes in (
            (self.storage, data.storage_countries),
            (self.remote, data.remote_access_countries),
        ):
            current, _unknown = parse_country_list(edit.text(), st.services.country_names)
            if tuple(current) != tuple(codes):
                edit.setText(", ".join(codes))
                self._countries(
                    "storage_countries" if edit is self.storage else "remote_access_countries",
                    edit.text(),
                    self.storage_names if edit is self.storage else self.remote_names,
                )
        self.retention_code.clear()
        self.retention_code.addItem(self.tr("— none —"), "")
        for it in st.catalogs.get(CatalogKind.RETENTION, []):
            self.retention_code.addItem(f"§{it.section} {it.label(st.language)}", it.code)
        select_data(self.retention_code, data.retention_code)
        if self.retention.text() != data.retention:
            self.retention.setText(data.retention)
        self._fill_onward()

    def _fill_onward(self) -> None:
        self.onward_model.removeRows(0, self.onward_model.rowCount())
        transfer = self.state.transfer
        for child in transfer.onward if transfer else ():
            row = [
                QStandardItem(child.reference),
                QStandardItem(child.importer_name),
                QStandardItem(f"{self.state.country_name(child.destination)} ({child.destination})"),
                QStandardItem(child.title),
            ]
            row[0].setData(child.id, Qt.ItemDataRole.UserRole)
            for item in row:
                item.setToolTip(item.text())
            self.onward_model.appendRow(row)
        exists = transfer is not None
        self.add_onward.setEnabled(exists and self.state.transfer_input.importer_id > 0)
        self.remove_onward.setEnabled(exists and self.onward_model.rowCount() > 0)
        self.onward_hint.setText(
            ""
            if exists
            else self.tr("Onward transfers can be added once this transfer is saved (after this page).")
        )

    def refresh(self) -> None:
        # Who holds the keys, or the additional information that re-identifies pseudonymised data.
        self.key_holder.setEnabled(self.state.transfer_input.format_at_rest is not DataFormat.CLEAR)

    def open_onward_dialog(self) -> None:
        self.dialog = OnwardDialog(self.state, self)
        self.dialog.added.connect(self._onward_changed)
        self.dialog.open()

    def _onward_changed(self, parent: TransferView) -> None:
        self.state.refresh_onward(parent)
        self.state.services.changes.notify(TRANSFERS)
        self._fill_onward()

    def remove_selected_onward(self) -> None:
        rows = self.onward.selectionModel().selectedRows()
        transfer = self.state.transfer
        if not rows or transfer is None:
            return
        child_id = int(self.onward_model.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))
        child = next(c for c in transfer.onward if c.id == child_id)
        actor, pid = self.state.services.actor, transfer.id

        def job(db: DatabaseHandle) -> TransferView:
            transfers.delete_transfer(db, actor, child.id, child.row_version)
            return transfers.get_transfer(db, pid)

        self.state.services.worker.submit(
            job,
            self._onward_changed,
            self._onward_failed,
            owner=self,
            label="remove onward",
        )

    def _onward_failed(self, exc: BaseException) -> None:
        show_exception(self, exc, self.tr("Onward transfer"))

    def validatePage(self) -> bool:
        # Leaving step 1 needs the transfer stored (a new one is created here) and its assessment started.
        wizard = self.wizard()
        leave = getattr(wizard, "ready_to_leave_transfer", None)
        return bool(leave()) if leave is not None else True
