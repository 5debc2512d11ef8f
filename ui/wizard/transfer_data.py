"""Step 1, second page: the personal data (categories, special categories, data subjects, volume,
purposes, legal bases)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.domain import CatalogKind
from ui.wizard.common import WizardPage, heading
from ui.wizard.inputs import Checklist, PlainTextField
from ui.wizard.state import PAGE_DATA, WizardState


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
        self.special = QCheckBox(self.tr("Includes special-category or sensiti&ve data"), self.body)
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
        self.large = QCheckBox(self.tr("Lar&ge volume (systematic or massive)"), self.body)
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
        volume_caption = QLabel(self.tr("N&umber of data subjects:"), self.body)
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
