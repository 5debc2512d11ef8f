""" "New entity…" and "Edit…": record or correct a legal person (exporter, importer or sub-recipient)
without leaving the wizard.

The core's `validate_entity` decides what is acceptable; its messages show under the fields and OK stays
disabled until they are gone. Saving goes through the worker; `created(EntityView)` follows a new entity,
`updated(EntityView)` a corrected one (the change applies to every transfer naming it: the intro says so).
`confirm_removal` asks, then removes an entity entered by mistake; the core refuses while a transfer names
it and says which (the wizard's party lists and the privacy-notice page both offer it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.errors import ConflictError, NotFound, Problem, ValidationError
from transfer_tool.register import entities
from transfer_tool.register.entities import EntityInput, EntityView
from ui.accessibility import strip_accelerator
from ui.errors import show_exception
from ui.services import TRANSFERS, Services
from ui.widgets.discard_question import GuardedDialog
from ui.wizard.common import BLOCKING_COLOUR, FieldMessage, form_layout
from ui.wizard.inputs import CountryCombo
from ui.wizard.state import Issue

CERTIFICATIONS = ("EU-US DPF", "UK Extension", "Swiss-US DPF", "APEC CBPR", "Global CBPR")


class EntityDialog(GuardedDialog):
    created = Signal(object)  # EntityView
    updated = Signal(object)  # EntityView

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        country: str = "",
        entity: EntityView | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.original = entity
        self.setObjectName("entityDialog")
        self.setWindowTitle(self.tr("New entity") if entity is None else self.tr("Edit entity"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("A legal person of the group or outside it. Name and country are required.")
            if entity is None
            else self.tr(
                "Correct the entity as recorded. The change applies to every transfer that names it."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = form_layout()
        layout.addLayout(form)
        self.messages: dict[str, FieldMessage] = {}

        self.name = QLineEdit(self)
        self.country = CountryCombo(services.country_names, services.language, self)
        self.address = QLineEdit(self)
        self.contact_name = QLineEdit(self)
        self.contact_position = QLineEdit(self)
        self.contact_email = QLineEdit(self)
        self.registration_no = QLineEdit(self)
        self.group_company = QCheckBox(self.tr("A company of our &group"), self)
        self._row(form, self.tr("Legal &name:"), self.name, "name")
        self._row(form, self.tr("&Country:"), self.country, "country", self.country.edit)
        self._row(form, self.tr("&Address:"), self.address, "address")
        self._row(form, self.tr("Contact &person:"), self.contact_name, "contact_name")
        self._row(form, self.tr("Contact's p&osition:"), self.contact_position, "contact_position")
        self._row(form, self.tr("Contact &e-mail:"), self.contact_email, "contact_email")
        self._row(form, self.tr("&Registration no.:"), self.registration_no, "registration_no")
        form.addRow("", self.group_company)
        self.group_company.setAccessibleName(self.tr("A company of our group"))
        certs = QGridLayout()
        self.certifications: dict[str, QCheckBox] = {}
        for i, cert in enumerate(CERTIFICATIONS):
            box = QCheckBox(cert, self)
            box.setAccessibleName(self.tr("Certified under %1").replace("%1", cert))
            certs.addWidget(box, i // 3, i % 3)
            self.certifications[cert] = box
        caption = QLabel(self.tr("Certifications:"), self)
        form.addRow(caption, certs)

        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(f"color:{BLOCKING_COLOUR};")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Save entity"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        if entity is not None:
            self._fill(entity)
        elif country:
            self.country.set_code(country)
        for w in (
            self.name,
            self.address,
            self.contact_name,
            self.contact_position,
            self.contact_email,
            self.registration_no,
        ):
            w.textChanged.connect(self._validate)
        self.country.changed.connect(lambda _c: self._validate())
        self._stale = False  # someone else saved the entity meanwhile: this copy can no longer be saved
        self._validate()
        self._opened_with = self._typed()  # what Escape compares with before asking
        self.name.setFocus()

    def _row(
        self, form: QFormLayout, label: str, widget: QWidget, key: str, buddy: QWidget | None = None
    ) -> None:
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        msg = FieldMessage(key, self)
        self.messages[key] = msg
        box.addWidget(msg)
        caption = QLabel(label, self)
        target = buddy or widget
        caption.setBuddy(target)
        target.setAccessibleName(strip_accelerator(label))
        widget.setAccessibleName(strip_accelerator(label))
        form.addRow(caption, box)

    def _fill(self, e: EntityView) -> None:
        self.name.setText(e.name)
        self.country.set_code(e.country)
        self.address.setText(e.address)
        self.contact_name.setText(e.contact_name)
        self.contact_position.setText(e.contact_position)
        self.contact_email.setText(e.contact_email)
        self.registration_no.setText(e.registration_no)
        self.group_company.setChecked(e.is_group_company)
        for cert, box in self.certifications.items():
            box.setChecked(cert in e.certifications)

    def value(self) -> EntityInput:
        if self.original is not None:
            # What the dialog does not show (activities, the notice's naming) stays as recorded.
            base = EntityInput(
                **{f.name: getattr(self.original, f.name) for f in dataclasses.fields(EntityInput)}
            )
            return dataclasses.replace(base, **dataclasses.asdict(self._typed()))
        return self._typed()

    def _typed(self) -> EntityInput:
        return EntityInput(
            name=self.name.text().strip(),
            country=self.country.code(),
            address=self.address.text().strip(),
            contact_name=self.contact_name.text().strip(),
            contact_position=self.contact_position.text().strip(),
            contact_email=self.contact_email.text().strip(),
            is_group_company=self.group_company.isChecked(),
            registration_no=self.registration_no.text().strip(),
            certifications=tuple(c for c, box in self.certifications.items() if box.isChecked()),
        )

    def _validate(self) -> bool:
        problems = entities.validate_entity(self.value())
        if not self.country.code():
            # The core's message speaks of codes; here the user types names, so say it their way.
            problems = [p for p in problems if p.location != "country"]
            problems.append(
                Problem("country", self.tr("choose the country: type its name (English or Japanese) or code"))
            )
        by_key: dict[str, list[Issue]] = {}
        for p in problems:
            by_key.setdefault(p.location, []).append(Issue("", p.location, p.message, True))
        for key, msg in self.messages.items():
            # Before anything is typed, an empty form shows no red.
            pristine = not self.name.text() and not self.country.edit.text()
            msg.show_issues([] if pristine else by_key.get(key, []))
        self.ok.setEnabled(not problems and not self._stale)
        return not problems

    def save(self) -> None:
        if not self._validate():
            return
        data = self.value()
        self.ok.setEnabled(False)
        actor = self.services.actor
        original = self.original
        if original is None:
            self.services.worker.submit(
                lambda db: entities.create_entity(db, actor, data),
                self._saved,
                self._failed,
                owner=self,
                label="create entity",
            )
            return
        # What this dialog read: a change someone else saved meanwhile to other details is kept, not undone.
        read = EntityInput(**{f.name: getattr(original, f.name) for f in dataclasses.fields(EntityInput)})
        self.services.worker.submit(
            lambda db: entities.update_entity(db, actor, original.id, data, original.row_version, read=read),
            self._saved,
            self._failed,
            owner=self,
            label="update entity",
        )

    def _saved(self, view: EntityView) -> None:
        self.services.changes.notify(TRANSFERS)
        (self.created if self.original is None else self.updated).emit(view)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        text = exc.details() if isinstance(exc, ValidationError) else str(exc)
        if isinstance(exc, NotFound):
            # The core's message names the row by its database number; say it as the user sees it.
            self._stale = True
            text = self.tr(
                "Someone removed this entity after you opened it; nothing was saved. Choose Cancel, then "
                "choose the entity again or record it anew."
            )
        elif (
            isinstance(exc, ConflictError)
            and isinstance(exc.theirs, EntityView)
            and self.original is not None
        ):
            # Both changed the same details: the form keeps what was typed, and saving again stores it over
            # theirs (their version is now the one it saves on), as the message says.
            self.original = exc.theirs
        elif isinstance(exc, ConflictError):
            # Saving again would fail the same way (and would undo their change): say the way out.
            self._stale = True
            text += " " + self.tr(
                "Choose Cancel and open the entity again: it then shows their change, and you can make "
                "yours again."
            )
        self.ok.setEnabled(not self._stale)
        self.error.setText(text)
        self.error.show()

    def unsaved(self) -> bool:
        """Escape, Cancel and the close box ask about details typed and not saved (GuardedDialog)."""
        return self._typed() != self._opened_with and not self._stale

    def discard_text(self) -> str:
        return self.tr("The details you typed are not saved. Discard them?")


def confirm_removal(
    services: Services, parent: QWidget, entity: EntityView, removed: Callable[[int], None]
) -> QMessageBox:
    """Ask before removing `entity`; on Remove, delete it through the worker and call `removed(id)`, or show
    the core's refusal (the transfers that name it)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("EntityDialog", "Remove entity"),
        QCoreApplication.translate(
            "EntityDialog",
            "Remove %1 from the register? Only an entity entered by mistake should go: one that a "
            "transfer names cannot be removed.",
        ).replace("%1", entity.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("removeEntityConfirm")
    box.button(QMessageBox.StandardButton.Yes).setText(QCoreApplication.translate("EntityDialog", "Remove"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    actor = services.actor

    def done(_none: None) -> None:
        services.changes.notify(TRANSFERS)
        removed(entity.id)

    def failed(exc: BaseException) -> None:
        show_exception(parent, exc, QCoreApplication.translate("EntityDialog", "The entity was not removed"))

    def answered(result: int) -> None:
        if result == QMessageBox.StandardButton.Yes:
            services.worker.submit(
                lambda db: entities.delete_entity(db, actor, entity.id, entity.row_version),
                done,
                failed,
                owner=parent,
                label="remove entity",
            )

    box.finished.connect(answered)
    box.open()
    return box
