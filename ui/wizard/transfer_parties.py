"""Step 1, first page: the title, the parties and their roles, the recipient type and the destination."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

import ui.wizard.labels as labels
from transfer_tool.domain import CatalogKind, PartyRole
from ui.widgets.country_picker import CountryPicker
from ui.wizard.combos import EntityCombo, enum_combo, select_data
from ui.wizard.common import WizardPage, form_layout, plain_label
from ui.wizard.read_only import NO_NAVIGATION
from ui.wizard.state import PAGE_PARTIES, WizardState


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
        self.exporter_role = enum_combo(list(PartyRole), labels.party_role, self.body)
        self.importer = EntityCombo(state, self.tr("Importer"), self.body)
        self.importer_role = enum_combo(list(PartyRole), labels.party_role, self.body)
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
        self.add_row(right, self.tr("Recipient t&ype:"), self.recipient_type, "recipient_type")
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
            select_data(self.recipient_type, "group_company")
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
        select_data(self.exporter_role, data.exporter_role.value)
        select_data(self.importer_role, data.importer_role.value)
        select_data(self.recipient_type, data.recipient_type)
        if data.destination and self.picker.current_code() != data.destination:
            self.picker.set_current_code(data.destination)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # After the layout has settled, so the chosen destination is in view (centred), not cut off; the page
        # as the timer's context, so a wizard closed at once (and deleted) does not run it.
        QTimer.singleShot(0, self, self._centre_destination)

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
