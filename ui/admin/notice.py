"""The privacy notice's transfer section (issue #24): a preview per regime and language built from the
approved register, what changed since the last published notice, the country data still to check,
generate (stored with its register version), publish, save as Markdown, HTML or Word, and the contact
text the notice gives for copies and for the APPI Art. 28(3) information."""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
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
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.accounts.permissions import Action
from transfer_tool.domain import NoticeName, RegimeCode
from transfer_tool.notice import service
from transfer_tool.notice.document import Document, to_html, to_markdown
from transfer_tool.notice.service import GenerationView, NoticePreview
from transfer_tool.register import entities
from ui.accessibility import name_from_labels
from ui.admin.common import NOTE_COLOUR, NOTICE_BANNER, MessageLine, report_failure
from ui.services import Services
from ui.terms import term
from ui.wizard.entity_dialog import EntityDialog, confirm_removal


def ask_to_accept(parent: QWidget, items: tuple[str, ...]) -> bool:
    """Publishing over unverified or missing country data, or over transfers to re-assess, needs an
    explicit yes (tests replace this)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("NoticePage", "Publish with items not checked?"),
        QCoreApplication.translate(
            "NoticePage",
            "This notice rests on country data that is unverified or missing, or on transfers to "
            "re-assess:\n\n%1\n\nPublish it anyway? Your acceptance is recorded with the notice.",
        ).replace("%1", "\n".join(f"• {x}" for x in items)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class NoticePage(QWidget):
    previewed = Signal(object)  # NoticePreview
    generated = Signal(object)  # GenerationView
    published = Signal(object)  # GenerationView

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticePage")
        self.services = services
        self.current: NoticePreview | None = None
        self.generation: GenerationView | None = None
        self.stored_contact: dict[str, str] = {}  # what the contact fields are measured against on closing

        self.regime = QComboBox(self)
        self.regime.setObjectName("noticeRegime")
        for code in RegimeCode:
            self.regime.addItem(term(f"regime.{code.value}"), code.value)
        self.regime.setCurrentIndex(self.regime.findData(RegimeCode.JP.value))
        self.lang = QComboBox(self)
        self.lang.setObjectName("noticeLanguage")
        self.lang.addItem(self.tr("English"), "en")
        self.lang.addItem(self.tr("Japanese"), "ja")
        self.lang.setCurrentIndex(self.lang.findData(services.language))
        self.group_by = QComboBox(self)
        self.group_by.setObjectName("noticeGroupBy")
        self.group_by.addItem(self.tr("By recipient category (policy §9)"), "recipient_type")
        self.group_by.addItem(self.tr("By purpose (policy §7)"), "purpose")
        for combo in (self.regime, self.lang, self.group_by):
            combo.currentIndexChanged.connect(self.refresh)
        choose = QFormLayout()
        choose.addRow(self.tr("&Regime:"), self.regime)
        choose.addRow(self.tr("&Language of the notice:"), self.lang)
        choose.addRow(self.tr("Gr&oup destinations:"), self.group_by)
        for row in range(choose.rowCount()):
            item = choose.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            field = choose.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = field.widget() if field is not None else None
            if isinstance(label, QLabel) and widget is not None:
                label.setBuddy(widget)

        self.diff = QLabel(self)
        self.diff.setObjectName("noticeDiff")
        self.diff.setWordWrap(True)
        self.diff.setStyleSheet("font-weight: bold;")
        self.checks = QLabel(self)
        self.checks.setObjectName("noticeChecks")
        self.checks.setWordWrap(True)
        self.checks.setStyleSheet(NOTICE_BANNER)
        self.checks.hide()
        self.status = QLabel(self)
        self.status.setObjectName("noticeStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {NOTE_COLOUR};")
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("noticePreview")
        self.preview.setOpenExternalLinks(False)
        self.preview.setAccessibleName(self.tr("Preview of the notice"))

        self.refresh_button = QPushButton(self.tr("Re&fresh preview"), self)
        self.refresh_button.setObjectName("noticeRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.generate_button = QPushButton(self.tr("&Generate and store"), self)
        self.generate_button.setObjectName("noticeGenerate")
        self.generate_button.setToolTip(
            self.tr("Store this text with the register version it came from; the next diff compares with it.")
        )
        self.generate_button.clicked.connect(self.generate)
        self.publish_button = QPushButton(self.tr("&Publish…"), self)
        self.publish_button.setObjectName("noticePublish")
        self.publish_button.setEnabled(False)
        self.publish_button.setVisible(services.may(Action.ORG_SETTINGS))
        self.publish_button.clicked.connect(lambda: self.publish())
        self.save_button = QPushButton(self.tr("&Save as…"), self)
        self.save_button.setObjectName("noticeSaveAs")
        self.save_button.clicked.connect(self._ask_save)
        buttons = QHBoxLayout()
        for b in (self.refresh_button, self.generate_button, self.publish_button, self.save_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        contact_box = QGroupBox(self.tr("How people ask for copies and information"), self)
        self.contact_en = QLineEdit(contact_box)
        self.contact_en.setObjectName("noticeContactEn")
        self.contact_en.setPlaceholderText(self.tr("e.g. privacy@example.com (Legal)"))
        self.contact_ja = QLineEdit(contact_box)
        self.contact_ja.setObjectName("noticeContactJa")
        self.contact_ja.setPlaceholderText(self.tr("e.g. privacy@example.com（総務部）"))
        self.save_contact_button = QPushButton(self.tr("Save &contact"), contact_box)
        self.save_contact_button.setObjectName("noticeSaveContact")
        self.save_contact_button.setVisible(services.may(Action.ORG_SETTINGS))
        self.save_contact_button.clicked.connect(self.save_contact)
        contact_form = QFormLayout(contact_box)
        contact_form.addRow(self.tr("In &English:"), self.contact_en)
        contact_form.addRow(self.tr("In &Japanese:"), self.contact_ja)
        contact_form.addRow("", self.save_contact_button)
        for row, edit in ((0, self.contact_en), (1, self.contact_ja)):
            item = contact_form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                label.setBuddy(edit)

        names_box = QGroupBox(self.tr("Name in notices"), self)
        self.entity = QComboBox(names_box)
        self.entity.setObjectName("noticeEntity")
        self.entity.currentIndexChanged.connect(self._entity_chosen)
        self.name_mode = QComboBox(names_box)
        self.name_mode.setObjectName("noticeNameMode")
        self.name_mode.addItem(self.tr("By its name"), NoticeName.NAME.value)
        self.name_mode.addItem(self.tr("By its recipient category (policy §9)"), NoticeName.CATEGORY.value)
        self.name_mode.addItem(self.tr("Not at all (the country only)"), NoticeName.OMITTED.value)
        self.save_name_button = QPushButton(self.tr("Save the se&tting"), names_box)
        self.save_name_button.setObjectName("noticeSaveName")
        self.save_name_button.clicked.connect(self.save_name)
        names_note = QLabel(
            self.tr("A recipient is named only when you allow it; otherwise its category is shown."),
            names_box,
        )
        names_note.setWordWrap(True)
        names_note.setStyleSheet(f"color: {NOTE_COLOUR};")
        # The entity listed can be corrected or, if entered by mistake, removed here too.
        self.edit_entity_button = QPushButton(self.tr("Edit the entity…"), names_box)
        self.edit_entity_button.setObjectName("noticeEditEntity")
        self.edit_entity_button.clicked.connect(self.edit_entity)
        self.remove_entity_button = QPushButton(self.tr("Remove the entity…"), names_box)
        self.remove_entity_button.setObjectName("noticeRemoveEntity")
        self.remove_entity_button.clicked.connect(self.remove_entity)
        entity_buttons = QHBoxLayout()
        entity_buttons.addWidget(self.edit_entity_button)
        entity_buttons.addWidget(self.remove_entity_button)
        entity_buttons.addStretch(1)
        self.entity_dialog: EntityDialog | None = None
        self.confirmation: QMessageBox | None = None
        names_form = QFormLayout(names_box)
        names_form.addRow(self.tr("E&ntity:"), self.entity)
        names_form.addRow("", entity_buttons)
        names_form.addRow(self.tr("Shown &by:"), self.name_mode)
        names_form.addRow("", self.save_name_button)
        names_form.addRow(names_note)
        for row, widget in ((0, self.entity), (2, self.name_mode)):
            item = names_form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                label.setBuddy(widget)
        self._entities: list[entities.EntityView] = []

        answer_box = QGroupBox(self.tr("Answer a request (APPI Art. 28(3))"), self)
        self.answer_ref = QLineEdit(answer_box)
        self.answer_ref.setObjectName("noticeAnswerReference")
        self.answer_ref.setPlaceholderText(self.tr("e.g. TR-000001"))
        self.answer_button = QPushButton(self.tr("&Write the answer…"), answer_box)
        self.answer_button.setObjectName("noticeWriteAnswer")
        self.answer_button.clicked.connect(self._ask_answer)
        answer_note = QLabel(
            self.tr(
                "The seven items of PPC Rules Art. 18(3) for a transfer relying on equivalent measures, "
                "in the notice's language."
            ),
            answer_box,
        )
        answer_note.setWordWrap(True)
        answer_note.setStyleSheet(f"color: {NOTE_COLOUR};")
        answer_form = QFormLayout(answer_box)
        answer_form.addRow(self.tr("Tr&ansfer:"), self.answer_ref)
        answer_form.addRow("", self.answer_button)
        answer_form.addRow(answer_note)
        item = answer_form.itemAt(0, QFormLayout.ItemRole.LabelRole)
        answer_label = item.widget() if item is not None else None
        if isinstance(answer_label, QLabel):
            answer_label.setBuddy(self.answer_ref)

        self.message = MessageLine(self, "noticeMessage")
        side = QVBoxLayout()
        side.addLayout(choose)
        side.addWidget(contact_box)
        side.addWidget(names_box)
        side.addWidget(answer_box)
        side.addStretch(1)
        top = QHBoxLayout()
        main = QVBoxLayout()
        main.addWidget(self.diff)
        main.addWidget(self.checks)
        main.addWidget(self.preview, 1)
        main.addWidget(self.status)
        main.addLayout(buttons)
        main.addWidget(self.message)
        top.addLayout(side, 0)
        top.addLayout(main, 1)
        QVBoxLayout(self).addLayout(top)
        # Tab goes down the left column, then to the preview and its buttons, as the eye reads the page
        # (by creation order it went from the choices to the preview, then back to the left column).
        chain = (
            *(self.regime, self.lang, self.group_by),
            *(self.contact_en, self.contact_ja, self.save_contact_button),
            *(self.entity, self.edit_entity_button, self.remove_entity_button, self.name_mode),
            *(self.save_name_button, self.answer_ref, self.answer_button, self.preview),
            *(self.refresh_button, self.generate_button, self.publish_button, self.save_button),
        )
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        name_from_labels(self)
        self._load_contact()
        self._load_entities()
        self.refresh()

    # ---- reading ---------------------------------------------------------------------------------------

    def choice(self) -> tuple[str, str, str]:
        return (
            str(self.regime.currentData()),
            str(self.lang.currentData()),
            str(self.group_by.currentData()),
        )

    def refresh(self) -> None:
        regime, lang, group_by = self.choice()
        today = self.services.today()
        self.services.worker.submit(
            lambda db: service.preview_or_published(db, regime, lang, group_by=group_by, today=today),
            lambda shown: self._show(*shown),
            lambda exc: report_failure(self, exc, self.message),
            owner=self,
            label="notice preview",
        )

    def _show(self, p: NoticePreview, published: bool = False) -> None:
        if (p.regime, p.lang) != self.choice()[:2]:
            return  # an older request for another choice
        self.current = p
        self.generation = None
        self.publish_button.setEnabled(False)
        self.preview.setHtml(to_html(p.document))
        self.diff.setText(
            p.diff_text + " " + self.tr("Shown as published; “Save as…” writes this text.")
            if published
            else p.diff_text
        )
        items = () if published else p.checks  # accepted when it was published
        self.checks.setVisible(bool(items))
        self.checks.setText(
            term("notice.unverified.note", p.lang) + "\n" + "\n".join(f"・{x}" for x in items)
            if items
            else ""
        )
        self.status.setText(
            # Not the register version: a digest means nothing to a reader (the generation keeps it).
            self.tr("Approved transfers: %1 · planned: %2 · country data %3")
            .replace("%1", str(len(p.entries)))
            .replace("%2", str(len(p.planned)))
            .replace("%3", p.dataset_version)
        )
        self.previewed.emit(p)

    def _load_contact(self) -> None:
        self.services.worker.submit(
            service.get_contact,
            self._show_contact,
            lambda exc: report_failure(self, exc, self.message),
            owner=self,
            label="notice contact",
        )

    def _show_contact(self, contact: dict[str, str]) -> None:
        self.stored_contact = dict(contact)
        self.contact_en.setText(contact.get("en", ""))
        self.contact_ja.setText(contact.get("ja", ""))

    def has_unsaved_changes(self) -> bool:
        """The contact text typed differs from the one stored."""
        stored = (self.stored_contact.get("en", ""), self.stored_contact.get("ja", ""))
        return (self.contact_en.text(), self.contact_ja.text()) != stored

    def discard_changes(self) -> None:
        self._show_contact(self.stored_contact)

    def _load_entities(self) -> None:
        self.services.worker.submit(
            entities.list_entities,
            self._show_entities,
            lambda exc: report_failure(self, exc, self.message),
            owner=self,
            label="notice entities",
        )

    def _show_entities(self, found: list[entities.EntityView]) -> None:
        keep = self.entity.currentData()
        self._entities = list(found)
        self.entity.blockSignals(True)
        self.entity.clear()
        for e in self._entities:
            self.entity.addItem(f"{e.name} ({self.services.country_name(e.country)})", e.id)
        self.entity.blockSignals(False)
        index = self.entity.findData(keep)
        self.entity.setCurrentIndex(index if index >= 0 else 0)
        self._entity_chosen()

    def _current_entity(self) -> entities.EntityView | None:
        return next((x for x in self._entities if x.id == self.entity.currentData()), None)

    def edit_entity(self) -> None:
        e = self._current_entity()
        if e is None:
            return
        self.entity_dialog = EntityDialog(self.services, self, entity=e)
        self.entity_dialog.updated.connect(lambda _view: self._entities_changed())
        self.entity_dialog.open()

    def remove_entity(self) -> None:
        e = self._current_entity()
        if e is not None:
            self.confirmation = confirm_removal(self.services, self, e, lambda _id: self._entities_changed())

    def _entities_changed(self) -> None:
        self._load_entities()
        self.refresh()

    def _entity_chosen(self) -> None:
        e = self._current_entity()
        self.edit_entity_button.setEnabled(e is not None)
        self.remove_entity_button.setEnabled(e is not None)
        if e is not None:
            self.name_mode.setCurrentIndex(self.name_mode.findData(e.notice_name.value))

    # ---- changing ----------------------------------------------------------------------------------------

    def generate(self) -> None:
        regime, lang, group_by = self.choice()
        actor, today = self.services.actor, self.services.today()
        self.services.worker.submit(
            lambda db: service.generate(db, actor, regime, lang, group_by=group_by, today=today),
            self._generated,
            lambda exc: report_failure(self, exc, self.message),
            owner=self,
            label="notice generate",
        )

    def _generated(self, result: tuple[NoticePreview, GenerationView]) -> None:
        p, generation = result
        self._show(p)
        self.generation = generation
        self.publish_button.setEnabled(True)
        self.message.ok(
            self.tr("Stored as generation %1. Check it, then publish it.").replace("%1", str(generation.id))
        )
        self.generated.emit(generation)

    def publish(self, accept_unverified: bool | None = None) -> None:
        if self.generation is None or self.current is None:
            self.message.notice(
                self.tr("Generate the notice first; what is published is a stored generation.")
            )
            return
        items = self.current.checks
        accept = accept_unverified
        if accept is None:
            accept = ask_to_accept(self, items) if items else False
            if items and not accept:
                self.message.notice(
                    self.tr(
                        "Not published: verify the country data or re-assess the transfers, then generate again."
                    )
                )
                return
        generation_id, actor, today = self.generation.id, self.services.actor, self.services.stated_day()
        self.services.worker.submit(
            lambda db: service.publish(db, actor, generation_id, accept_unverified=bool(accept), today=today),
            self._published,
            lambda exc: report_failure(self, exc, self.message),
            owner=self,
            label="notice publish",
        )

    def _published(self, generation: GenerationView) -> None:
        self.message.ok(self.tr("Published: the next preview shows what changed since this notice."))
        self.publish_button.setEnabled(False)
        self.published.emit(generation)
        self.refresh()

    def save_contact(self) -> None:
        actor = self.services.actor
        contact = {"en": self.contact_en.text(), "ja": self.contact_ja.text()}
        self.services.worker.submit(
            lambda db: service.set_contact(db, actor, contact),
            self._contact_saved,
            lambda exc: report_failure(self, exc, self.message),
            owner=self,
            label="notice contact save",
        )

    def save_name(self) -> None:
        entity_id, mode, actor = self.entity.currentData(), self.name_mode.currentData(), self.services.actor
        if entity_id is None:
            return
        self.services.worker.submit(
            lambda db: service.set_notice_name(db, actor, int(entity_id), str(mode)),
            self._name_saved,
            lambda exc: report_failure(self, exc, self.message),
            owner=self,
            label="notice name save",
        )

    def _name_saved(self, _saved: entities.EntityView) -> None:
        self.message.ok(self.tr("Saved. The preview shows the entity as set."))
        self._load_entities()
        self.refresh()

    def _contact_saved(self, saved: dict[str, str]) -> None:
        self._show_contact(saved)
        self.message.ok(self.tr("The contact text is saved."))
        self.refresh()

    def _ask_answer(self) -> None:
        reference = self.answer_ref.text().strip().upper()
        if not reference:
            self.message.notice(self.tr("Enter the transfer's reference, e.g. TR-000001."))
            return
        lang = str(self.lang.currentData())
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the answer"),
            f"appi-answer-{reference}-{lang}.docx",
            self.tr("Word (*.docx);;HTML (*.html);;Markdown (*.md)"),
        )
        if path:
            self.write_answer(reference, Path(path))

    def write_answer(self, reference: str, path: Path) -> None:
        """The APPI Rule 18(3) answer for `reference` in the notice's language, written to `path`."""
        lang = str(self.lang.currentData())
        self.services.worker.submit(
            lambda db: service.answer(db, reference, lang),
            lambda doc: self._write(doc, path),
            lambda exc: report_failure(self, exc, self.message),
            owner=self,
            label="notice answer",
        )

    def _ask_save(self) -> None:
        regime, lang, _ = self.choice()
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the notice"),
            f"privacy-notice-{regime}-{lang}.docx",
            self.tr("Word (*.docx);;HTML (*.html);;Markdown (*.md)"),
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Write the previewed notice; the format follows the file's suffix (.docx, .html, else Markdown)."""
        if self.current is not None:
            self._write(self.current.document, path)

    def _write(self, doc: Document, path: Path) -> None:
        suffix = path.suffix.lower()
        try:
            if suffix == ".docx":
                from transfer_tool.notice.docx_writer import to_docx

                path.write_bytes(to_docx(doc))
            elif suffix in (".html", ".htm"):
                path.write_text(to_html(doc), encoding="utf-8")
            else:
                path.write_text(to_markdown(doc), encoding="utf-8")
        except OSError as exc:
            self.message.error(
                self.tr("Cannot write %1: %2. Choose another file.")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc))
            )
            return
        self.message.ok(self.tr("Saved: %1").replace("%1", str(path)))
