"""The combo boxes of step 1: a closed list with its labels, choosing an entry by its value, and
`EntityCombo` (an entity from the register, or a new one, corrected or removed in place)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.register.entities import EntityView
from ui.wizard.entity_dialog import EntityDialog, confirm_removal
from ui.wizard.state import WizardState


def select_data(combo: QComboBox, value: object) -> None:
    i = combo.findData(value)
    combo.setCurrentIndex(max(i, 0))


def enum_combo(values: list[Any], label: Any, parent: QWidget) -> QComboBox:
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
        select_data(self.combo, current)
        self.combo.blockSignals(False)
        self._sync_buttons()
        if self.entity_id() != current:  # the chosen entity was removed
            self.changed.emit(self.entity_id())

    def entity_id(self) -> int:
        data = self.combo.currentData()
        return int(data) if data else 0

    def set_entity_id(self, entity_id: int) -> None:
        select_data(self.combo, entity_id)

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
