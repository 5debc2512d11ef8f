"""Step 1, the transfer itself (three pages): parties and destination; the data; how it is handled.

These pages edit the transfer in the register (`transfers.update_transfer`, or `create_transfer` for a new
one) as well as the assessment's facts, which the core derives from it. Onward transfers are transfers
with a parent (`add_onward_transfer`), added and removed here directly.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

import ui.wizard.labels as labels
from transfer_tool import transfers
from transfer_tool.bootstrap import DatabaseHandle
from transfer_tool.domain import CatalogKind, DataFormat, Frequency, KeyHolder, PartyRole
from transfer_tool.entities import EntityView
from transfer_tool.transfers import TransferInput, TransferView
from ui.accessibility import strip_accelerator
from ui.errors import show_exception
from ui.services import TRANSFERS
from ui.widgets.country_picker import CountryPicker
from ui.wizard.common import (
    Checklist,
    CountryCombo,
    FieldMessage,
    PlainTextField,
    WizardPage,
    form_layout,
    heading,
    parse_country_list,
    plain_label,
)
from ui.wizard.entity_dialog import EntityDialog, confirm_removal
from ui.wizard.read_only import NO_NAVIGATION
from ui.wizard.state import PAGE_DATA, PAGE_HANDLING, PAGE_PARTIES, Issue, WizardState


def _select_data(combo: QComboBox, value: object) -> None:
    i = combo.findData(value)
    combo.setCurrentIndex(max(i, 0))


def _enum_combo(values: list[Any], label: Any, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for v in values:
        combo.addItem(label(v), v.value)
    return combo


class EntityCombo(QWidget):
    """An entity from the register, or a new one ("New entity…"); the chosen one can be corrected
    ("Edit…") or, when entered by mistake, removed ("Remove…": the core refuses while a transfer names it,
    and says which)."""

    changed = Signal(int)

    def __init__(self, state: WizardState, role_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(role_text)
        self.combo.setMinimumContentsLength(24)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.new_button = QPushButton(self.tr("New…"), self)
        self.new_button.setAccessibleName(self.tr("New entity for: %1").replace("%1", role_text))
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setAccessibleName(self.tr("Edit the entity chosen as: %1").replace("%1", role_text))
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.remove_button.setAccessibleName(
            self.tr("Remove the entity chosen as %1 from the register").replace("%1", role_text)
        )
        # The buttons under the list: beside it they would squeeze the names at 1280 pixels.
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.combo)
        row = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        self.setFocusProxy(self.combo)
        self.dialog: EntityDialog | None = None
        self.confirmation: QMessageBox | None = None
        self.combo.currentIndexChanged.connect(lambda _i: self._chosen())
        self.new_button.clicked.connect(self.new_entity)
        self.edit_button.clicked.connect(self.edit_entity)
        self.remove_button.clicked.connect(self.confirm_remove)
        state.entities_changed.connect(self.fill)
        self._sync_buttons()

    def _chosen(self) -> None:
        self._sync_buttons()
        self.changed.emit(self.entity_id())

    def _sync_buttons(self) -> None:
        chosen = self.entity_id() > 0
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def fill(self) -> None:
        current = self.entity_id()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("— choose —"), 0)
        for e in sorted(self.state.entities.values(), key=lambda e: e.name.casefold()):
            group = self.tr(" · group") if e.is_group_company else ""
            self.combo.addItem(f"{e.name} ({self.state.country_name(e.country)}, {e.country}){group}", e.id)
        _select_data(self.combo, current)
        self.combo.blockSignals(False)
        self._sync_buttons()
        if self.entity_id() != current:  # the chosen entity was removed
            self.changed.emit(self.entity_id())

    def entity_id(self) -> int:
        data = self.combo.currentData()
        return int(data) if data else 0

    def set_entity_id(self, entity_id: int) -> None:
        _select_data(self.combo, entity_id)

    def new_entity(self) -> None:
        self.dialog = EntityDialog(self.state.services, self)
        self.dialog.created.connect(self._created)
        self.dialog.open()

    def _created(self, view: EntityView) -> None:
        self.state.add_entity(view)
        self.set_entity_id(view.id)

    def edit_entity(self) -> None:
        entity = self.state.entities.get(self.entity_id())
        if entity is None:
            return
        self.dialog = EntityDialog(self.state.services, self, entity=entity)
        self.dialog.updated.connect(self.state.entity_updated)
        self.dialog.open()

    def confirm_remove(self) -> None:
        entity = self.state.entities.get(self.entity_id())
        if entity is not None:
            self.confirmation = confirm_removal(self.state.services, self, entity, self._removed)

    def _removed(self, entity_id: int) -> None:
        self.state.entity_removed(entity_id)


class PartiesPage(WizardPage):
    KEY = PAGE_PARTIES

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setTitle(self.tr("1 · Know your transfer: parties and destination"))
        self.setSubTitle(
            self.tr("Who sends the personal data, who receives it, in what role, and where it goes.")
        )
        outer = QVBoxLayout(self.body)
        top = form_layout()
        left = form_layout()
        right = form_layout()
        self.title_edit = QLineEdit(self.body)
        self.title_edit.setPlaceholderText(self.tr("e.g. Customer support platform"))
        self.exporter = EntityCombo(state, self.tr("Exporter"), self.body)
        self.exporter_role = _enum_combo(list(PartyRole), labels.party_role, self.body)
        self.importer = EntityCombo(state, self.tr("Importer"), self.body)
        self.importer_role = _enum_combo(list(PartyRole), labels.party_role, self.body)
        self.recipient_type = QComboBox(self.body)
        self.add_row(top, self.tr("&Title:"), self.title_edit, "title")
        # The exporter's column, then the importer's: Tab goes down one party, then the other.
        self.add_row(left, self.tr("E&xporter:"), self.exporter, "exporter_id", self.exporter.combo)
        self.add_row(left, self.tr("Exporter's &role:"), self.exporter_role, "exporter_role")
        self.module_hint = plain_label("", self.body)
        self.module_hint.setStyleSheet("color:#555;font-size:90%;")
        left.addRow("", self.module_hint)
        self.add_row(right, self.tr("I&mporter:"), self.importer, "importer_id", self.importer.combo)
        self.add_row(right, self.tr("Importer's r&ole:"), self.importer_role, "importer_role")
        self.add_row(right, self.tr("Recipient &type:"), self.recipient_type, "recipient_type")
        parties = QHBoxLayout()
        parties.setSpacing(24)
        parties.addLayout(left, 1)
        parties.addLayout(right, 1)
        outer.addLayout(top)
        outer.addLayout(parties)
        dest_label = QLabel(self.tr("&Destination (search in English or Japanese):"), self.body)
        dest_label.setStyleSheet("font-weight:bold;margin-top:6px;")
        self.picker = CountryPicker(state.services.country_names, state.language, None, self.body)
        self.picker.setAccessibleName(self.tr("Destination"))
        self.picker.search_box.setAccessibleName(self.tr("Destination: search"))
        dest_label.setBuddy(self.picker.search_box)
        self.picker.setMinimumHeight(300)
        # Read-only, the arrows would move the destination shown: the row chosen is the value.
        self.picker.table.setProperty(NO_NAVIGATION, True)
        self._picker_dataset: object = None
        outer.addWidget(dest_label)
        outer.addWidget(self.picker, 1)
        outer.addWidget(self.message("destination"))

        self.title_edit.textChanged.connect(lambda t: self._set(title=t))
        self.exporter.changed.connect(lambda i: self._set(exporter_id=i))
        self.importer.changed.connect(self._importer_changed)
        self.exporter_role.currentIndexChanged.connect(
            lambda _i: self._set(exporter_role=PartyRole(self.exporter_role.currentData()))
        )
        self.importer_role.currentIndexChanged.connect(
            lambda _i: self._set(importer_role=PartyRole(self.importer_role.currentData()))
        )
        self.recipient_type.currentIndexChanged.connect(
            lambda _i: self._set(recipient_type=str(self.recipient_type.currentData() or ""))
        )
        self.picker.current_changed.connect(lambda code: self._set(destination=code) if code else None)

    def _set(self, **changes: Any) -> None:
        if not self.loading:
            self.state.set_transfer_input(**changes)

    def _importer_changed(self, entity_id: int) -> None:
        if self.loading:
            return
        changes: dict[str, Any] = {"importer_id": entity_id}
        entity = self.state.entities.get(entity_id)
        if entity is not None and not self.state.transfer_input.destination:
            changes["destination"] = entity.country
            self.picker.set_current_code(entity.country)
        if entity is not None and entity.is_group_company and not self.state.transfer_input.recipient_type:
            changes["recipient_type"] = "group_company"
            _select_data(self.recipient_type, "group_company")
        self.state.set_transfer_input(**changes)

    def load(self) -> None:
        st = self.state
        data = st.transfer_input
        if st.dataset is not None and self._picker_dataset is not st.dataset:
            self._picker_dataset = st.dataset
            self.picker.set_destinations(st.dataset.destinations, list(st.dataset.regimes))
            self._fix_picker_columns()
        self.exporter.fill()
        self.importer.fill()
        self.recipient_type.clear()
        self.recipient_type.addItem(self.tr("— choose —"), "")
        for it in st.catalogs.get(CatalogKind.RECIPIENT_TYPE, []):
            self.recipient_type.addItem(f"§{it.section} {it.label(st.language)}", it.code)
        if self.title_edit.text() != data.title:
            self.title_edit.setText(data.title)
        self.exporter.set_entity_id(data.exporter_id)
        self.importer.set_entity_id(data.importer_id)
        _select_data(self.exporter_role, data.exporter_role.value)
        _select_data(self.importer_role, data.importer_role.value)
        _select_data(self.recipient_type, data.recipient_type)
        if data.destination and self.picker.current_code() != data.destination:
            self.picker.set_current_code(data.destination)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # After the layout has settled, so the chosen destination is in view (centred), not cut off.
        QTimer.singleShot(0, self._centre_destination)

    def _centre_destination(self) -> None:
        code = self.picker.current_code()
        row = self.picker.model.row_of(code) if code else -1
        if row >= 0:
            self.picker.table.scrollTo(
                self.picker.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter
            )

    def _fix_picker_columns(self) -> None:
        # Size the columns once: "resize to contents" re-reads all 249 rows on every layout change.
        table = self.picker.table
        header = table.horizontalHeader()
        for col in range(1, self.picker.model.columnCount()):
            table.resizeColumnToContents(col)
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)

    def refresh(self) -> None:
        from transfer_tool.assessment.safeguards import scc_module

        data = self.state.transfer_input
        module = scc_module(data.exporter_role, data.importer_role)
        self.module_hint.setText(
            self.tr("These roles mean EU SCC Module %1 where the EU SCCs are used.").replace(
                "%1", str(module)
            )
        )


class DataPage(WizardPage):
    KEY = PAGE_DATA

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setTitle(self.tr("1 · Know your transfer: the personal data"))
        self.setSubTitle(
            self.tr(
                "What is sent, about whom, for what, and on what basis (catalogues from the privacy policy)."
            )
        )
        grid = QGridLayout(self.body)
        grid.setHorizontalSpacing(18)
        self.categories = Checklist(self.tr("Categories of personal data"), self.body)
        self.purposes = Checklist(self.tr("Purposes"), self.body)
        self.subjects = Checklist(self.tr("Data subjects"), self.body)
        self.legal_bases = Checklist(self.tr("Legal basis"), self.body)
        self.routes = Checklist(self.tr("How the data was acquired"), self.body)
        self.special = QCheckBox(self.tr("Includes &special-category or sensitive data"), self.body)
        self.special.setAccessibleName(self.tr("Includes special-category or sensitive data"))
        self.sensitive_details = PlainTextField(self.tr("Sensitive data and its restrictions"), 3, self.body)
        self.sensitive_details.setPlaceholderText(
            self.tr("Which sensitive data, and the restrictions applied to it")
        )
        self.volume = QSpinBox(self.body)
        self.volume.setRange(-1, 2_000_000_000)
        self.volume.setSpecialValueText(self.tr("Unknown"))
        self.volume.setGroupSeparatorShown(True)
        self.volume.setAccessibleName(self.tr("Number of data subjects"))
        self.large = QCheckBox(self.tr("&Large volume (systematic or massive)"), self.body)
        self.large.setAccessibleName(self.tr("Large volume"))

        def column(*parts: tuple[str, QWidget, str]) -> QVBoxLayout:
            box = QVBoxLayout()
            for text, widget, key in parts:
                if text:
                    caption = heading(text, self.body)
                    caption.setBuddy(widget)
                    box.addWidget(caption)
                box.addWidget(widget)
                if key:
                    box.addWidget(self.message(key))
            box.addStretch(1)
            return box

        grid.addLayout(
            column(
                (self.tr("&Categories of personal data (policy §4)"), self.categories, "data_categories"),
                ("", self.special, ""),
                ("", self.sensitive_details, "sensitive_details"),
            ),
            0,
            0,
        )
        grid.addLayout(column((self.tr("&Purposes (policy §7)"), self.purposes, "purposes")), 0, 1)
        volume_row = QHBoxLayout()
        volume_caption = QLabel(self.tr("&Number of data subjects:"), self.body)
        volume_caption.setBuddy(self.volume)
        volume_row.addWidget(volume_caption)
        volume_row.addWidget(self.volume, 1)
        volume_box = QWidget(self.body)
        volume_box.setLayout(volume_row)
        volume_row.setContentsMargins(0, 6, 0, 0)
        grid.addLayout(
            column(
                (self.tr("Data &subjects"), self.subjects, "data_subjects"),
                (self.tr("&Legal basis (policy §6)"), self.legal_bases, "legal_bases"),
                (self.tr("&Acquired how (policy §5)"), self.routes, "acquisition_routes"),
                ("", volume_box, "volume"),
                ("", self.large, ""),
            ),
            0,
            2,
        )
        for c in range(3):
            grid.setColumnStretch(c, 1)
        self.facts_message = self.message("facts.data_subjects_count")
        grid.addWidget(self.facts_message, 1, 0, 1, 3)

        self.categories.changed.connect(self._categories_changed)
        self.purposes.changed.connect(lambda: self._set(purposes=self.purposes.checked()))
        self.subjects.changed.connect(lambda: self._set(data_subjects=self.subjects.checked()))
        self.legal_bases.changed.connect(lambda: self._set(legal_bases=self.legal_bases.checked()))
        self.routes.changed.connect(lambda: self._set(acquisition_routes=self.routes.checked()))
        self.special.toggled.connect(lambda on: self._set(special_categories=on))
        self.sensitive_details.textChanged.connect(
            lambda: self._set(sensitive_details=self.sensitive_details.toPlainText())
        )
        self.volume.valueChanged.connect(lambda v: self._set(volume=None if v < 0 else v))
        self.large.toggled.connect(self._large_changed)

    def _set(self, **changes: Any) -> None:
        if not self.loading:
            self.state.set_transfer_input(**changes)

    def _categories_changed(self) -> None:
        if self.loading:
            return
        codes = self.categories.checked()
        sensitive = {it.code for it in self.state.catalogs.get(CatalogKind.DATA_CATEGORY, []) if it.sensitive}
        changes: dict[str, Any] = {"data_categories": codes}
        if sensitive & set(codes) and not self.special.isChecked():
            self.special.blockSignals(True)
            self.special.setChecked(True)
            self.special.blockSignals(False)
            changes["special_categories"] = True
        self.state.set_transfer_input(**changes)

    def tab_chain(self) -> list[QWidget]:
        return [
            self.categories,
            self.special,
            self.sensitive_details,
            self.purposes,
            self.subjects,
            self.legal_bases,
            self.routes,
            self.volume,
            self.large,
        ]

    def _large_changed(self, on: bool) -> None:
        if not self.loading:
            self.state.update_facts(large_volume=on)

    def load(self) -> None:
        st = self.state
        data = st.transfer_input
        lang = st.language
        for widget, kind in (
            (self.categories, CatalogKind.DATA_CATEGORY),
            (self.purposes, CatalogKind.PURPOSE),
            (self.subjects, CatalogKind.DATA_SUBJECT),
            (self.legal_bases, CatalogKind.LEGAL_BASIS),
            (self.routes, CatalogKind.ACQUISITION_ROUTE),
        ):
            items = list(st.catalogs.get(kind, []))
            chosen = {
                CatalogKind.DATA_CATEGORY: data.data_categories,
                CatalogKind.PURPOSE: data.purposes,
                CatalogKind.DATA_SUBJECT: data.data_subjects,
                CatalogKind.LEGAL_BASIS: data.legal_bases,
                CatalogKind.ACQUISITION_ROUTE: data.acquisition_routes,
            }[kind]
            known = {it.code for it in items}
            # A chosen entry an admin has since deactivated stays visible (and checked).
            items += [
                st.catalog_labels[kind][c]
                for c in chosen
                if c not in known and c in st.catalog_labels.get(kind, {})
            ]
            if widget.codes() != [it.code for it in items]:
                widget.set_items(items, lang)
            widget.set_checked(chosen)
        self.special.setChecked(data.special_categories)
        self.sensitive_details.set_text_quietly(data.sensitive_details)
        self.volume.setValue(-1 if data.volume is None else data.volume)
        self.large.setChecked(bool(st.record and st.record.facts.large_volume))
        self.large.setEnabled(st.record is not None)

    def refresh(self) -> None:
        self.sensitive_details.setEnabled(
            self.special.isChecked() or bool(self.state.transfer_input.sensitive_details)
        )


class OnwardDialog(QDialog):
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
        self.frequency = _enum_combo(list(Frequency), labels.frequency, self.body)
        self.in_transit = _enum_combo(list(DataFormat), labels.data_format, self.body)
        self.at_rest = _enum_combo(list(DataFormat), labels.data_format, self.body)
        self.key_holder = _enum_combo(list(KeyHolder), labels.key_holder, self.body)
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
            _select_data(self.key_holder, KeyHolder.NOT_APPLICABLE.value)
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
        _select_data(self.frequency, data.frequency.value)
        _select_data(self.in_transit, data.format_in_transit.value)
        _select_data(self.at_rest, data.format_at_rest.value)
        _select_data(self.key_holder, data.key_holder.value)
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
        _select_data(self.retention_code, data.retention_code)
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
