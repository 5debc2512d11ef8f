"""The assessment wizard: one page family per step of the journey, a step list to jump around, autosave,
read-only display of submitted and approved versions, and the conflict dialog.

Opening loads everything in one worker call (country data, catalogues, entities, the transfer, its latest
assessment, comments, evidence) and resumes on the page the draft was last saved on. A transfer without
an assessment gets one on the first change (so merely looking changes nothing in the register).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from transfer_tool import catalog
from transfer_tool.accounts.permissions import Action, Actor, allowed
from transfer_tool.assessment import service
from transfer_tool.assessment.measures import load_measure_catalog
from transfer_tool.assessment.tool_catalog import load_tool_catalog
from transfer_tool.countries import store as country_store
from transfer_tool.domain import UserId
from transfer_tool.errors import ConflictError
from transfer_tool.register import entities, transfers
from transfer_tool.register.transfers import TransferInput
from transfer_tool.runtime.bootstrap import DatabaseHandle
from ui.errors import show_exception
from ui.services import ASSESSMENTS, TRANSFERS, Services
from ui.wizard.autosave import Autosaver, PageSaved
from ui.wizard.common import INFO_STYLE, NOTICE_STYLE, WizardPage, plain_label
from ui.wizard.conclusion import ConclusionPage
from ui.wizard.conflict_dialog import KEEP_MINE, ConflictDialog
from ui.wizard.law_practice import LawPracticePage
from ui.wizard.measures import MeasuresPage
from ui.wizard.precheck import PrecheckPage
from ui.wizard.recovery import NewTransferRecovery
from ui.wizard.risk import RiskPage
from ui.wizard.state import (
    PAGE_HANDLING,
    PAGE_ORDER,
    TRANSFER_PAGES,
    Loaded,
    WizardState,
    comment_page,
    page_titles,
)
from ui.wizard.step_list import StepList, next_stop, tab_order
from ui.wizard.summary import SummaryPage
from ui.wizard.tool import ToolPage
from ui.wizard.transfer import DataPage, HandlingPage, PartiesPage

log = logging.getLogger("ui.wizard")

WIZARD_SIZE = (1280, 800)


def load_for_wizard(db: DatabaseHandle, actor: Actor, transfer_id: int | None) -> Loaded:
    """Everything the wizard shows, read in one go on the worker."""
    # Across offices each statement is a round trip: the country data is the shared cached copy (one
    # statement while it is unchanged; read only here), the catalogues one statement.
    dataset = country_store.cached_dataset(db)
    catalogs, labels = catalog.lists_and_labels(db)
    people = entities.list_entities(db)
    org = service.get_org_settings(db)  # the re-evaluation period the conclusion step states
    if transfer_id is None:
        return Loaded(dataset, catalogs, labels, people, reevaluation_months=org.reevaluation_months)
    view = transfers.get_transfer(db, transfer_id)
    assessment = service.latest_for_transfer(db, transfer_id)
    record = None
    comments: list[service.CommentView] = []
    evidence: list[service.EvidenceView] = []
    if assessment is not None:
        comments = service.comments_for(db, assessment.id, open_only=False)  # dealt-with ones stay listed
        evidence = service.evidence_for(db, assessment.id)
    elif allowed(actor, Action.ASSESS) and view.destination in dataset.destinations:
        # Not stored until the first change: opening a transfer changes nothing in the register.
        record = service.initial_record(
            view,
            entities.get_entity(db, view.importer_id),
            dataset,
            org,
            UserId(actor.user_id) if actor.user_id else None,
        )
    flags = country_store.open_flags(db, transfer_id)  # cleared when a new version is approved
    months = org.reevaluation_months
    return Loaded(
        dataset, catalogs, labels, people, view, assessment, comments, evidence, record, flags, months
    )


class AssessmentWizard(QWizard):
    """The wizard for one transfer (`transfer_id`) or a new one (`None`)."""

    def __init__(self, services: Services, transfer_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.transfer_id = transfer_id
        self.setObjectName("assessmentWizard")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Close"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.button(QWizard.WizardButton.NextButton).setAccessibleName(self.tr("Next step"))
        self.button(QWizard.WizardButton.BackButton).setAccessibleName(self.tr("Previous step"))
        self.setWindowTitle(self.tr("New transfer") if transfer_id is None else self.tr("Assessment"))
        self.titles = page_titles()

        self.state = WizardState(services, load_tool_catalog(), load_measure_catalog())
        self.autosaver = Autosaver(self.state, services.worker, self)
        self.pages: dict[str, WizardPage] = {}
        self.summary = SummaryPage(self.state, self.autosaver)
        for page in (
            PartiesPage(self.state),
            DataPage(self.state),
            HandlingPage(self.state),
            PrecheckPage(self.state),
            ToolPage(self.state),
            LawPracticePage(self.state),
            MeasuresPage(self.state),
            RiskPage(self.state),
            ConclusionPage(self.state),
            self.summary,
        ):
            self.setPage(PAGE_ORDER.index(page.KEY), page)
            self.pages[page.KEY] = page
        self._build_side()

        self._advance_after_save = False
        self._waiting: list[Callable[[], None]] = []
        self._conflict: ConflictDialog | None = None
        self._last_error = ""
        self.loaded = False
        # Closing never drops typed text silently (issue 18): what cannot be stored yet is asked about.
        self._typed = False
        self._close_after_save = False
        self._closing = False
        self.close_question: QMessageBox | None = None
        self.recovery = NewTransferRecovery(services.settings, services.actor.username)
        self.restored = False  # a kept copy of an unsaved new transfer was put back on opening

        self.currentIdChanged.connect(self._page_changed)
        self.autosaver.saved.connect(self._saved)
        self.autosaver.unstorable.connect(self.recovery.keep)
        self.autosaver.failed.connect(self._save_failed)
        self.autosaver.status.connect(self.save_status.setText)
        self.summary.jump_requested.connect(self.go_to)
        self.state.status_changed.connect(self._show_status)
        self.state.evaluated.connect(self._update_steps)
        self.state.comments_changed.connect(self._update_steps)
        self.state.edited.connect(self._note_typed)

        screen = QGuiApplication.primaryScreen()
        width, height = WIZARD_SIZE
        if screen is not None:
            available = screen.availableGeometry()
            width, height = min(width, available.width()), min(height, available.height())
        self.resize(width, height)
        self.reload()

    # ---- side panel: steps, save status, read-only banner ------------------------------------------

    def _build_side(self) -> None:
        side = QWidget(self)
        side.setFixedWidth(210)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 8, 0)
        caption = QLabel(self.tr("Steps"), side)
        caption.setStyleSheet("font-weight:bold;")
        self.steps_model = QStringListModel([self.titles[k] for k in PAGE_ORDER], side)
        self.steps = StepList(side)
        self.steps.setModel(self.steps_model)
        self.steps.setAccessibleName(self.tr("Steps of the assessment: activate one to go there"))
        self.steps.chosen.connect(self._step_chosen)
        self.steps.left.connect(self._select_step)
        self.banner = plain_label("", side)
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setStyleSheet(NOTICE_STYLE)
        self.banner.hide()
        self.new_version_button = QPushButton(self.tr("Start a new vers&ion"), side)
        self.new_version_button.hide()
        self.new_version_button.clicked.connect(self.start_new_version)
        self.save_status = plain_label("", side)
        self.save_status.setObjectName("saveStatus")
        self.save_status.setStyleSheet(INFO_STYLE)
        self.save_status.setAccessibleName(self.tr("Saving status"))
        layout.addWidget(caption)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.new_version_button)
        layout.addWidget(self.save_status)
        self.setSideWidget(side)

    def page_title(self, key: str) -> str:
        return self.titles.get(key, key)

    def current_key(self) -> str:
        cid = self.currentId()
        return PAGE_ORDER[cid] if 0 <= cid < len(PAGE_ORDER) else ""

    def page_for(self, key: str) -> WizardPage:
        return self.pages[key]

    def _update_steps(self) -> None:
        texts = []
        commented = {comment_page(c.section) for c in self.state.comments if c.resolved_at is None}
        for key in PAGE_ORDER:
            issues = self.state.issues_for(key)
            mark = " ✖" if any(i.blocking for i in issues) else (" •" if issues else "")
            # ✎: a reviewer's comment on this page is still open.
            texts.append(self.titles[key] + mark + (" ✎" if key in commented else ""))
        if self.steps_model.stringList() != texts:
            self.steps_model.setStringList(texts)
            self._select_step()

    def _step_chosen(self, row: int) -> None:
        had_focus = self.steps.hasFocus()
        self.go_to(PAGE_ORDER[row])  # the same rules as Next (a new transfer is stored before leaving step 1)
        if had_focus:
            self.steps.setFocus(Qt.FocusReason.OtherFocusReason)  # keep stepping with the arrow keys

    def focusNextPrevChild(self, next: bool) -> bool:
        order = tab_order(self, self.steps, [self.new_version_button])
        target = next_stop(order, QApplication.focusWidget(), next)
        if target is None:
            return super().focusNextPrevChild(next)
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return True

    def _select_step(self) -> None:
        cid = self.currentId()
        if cid >= 0:
            self.steps.setCurrentIndex(self.steps_model.index(cid, 0))

    # ---- loading ---------------------------------------------------------------------------------------

    def reload(self) -> None:
        """(Re)read everything from the database."""
        actor, tid = self.services.actor, self.transfer_id
        self.save_status.setText(self.tr("Loading…"))
        self.services.worker.submit(
            lambda db: load_for_wizard(db, actor, tid),
            self._loaded,
            self._load_failed,
            owner=self,
            label="wizard load",
        )

    def _loaded(self, data: Loaded) -> None:
        self.autosaver.load(data.transfer, data.assessment)
        self.state.load(data)
        self.loaded = True
        self._title()
        self.save_status.setText(self.tr("All changes are saved automatically."))
        kept = self.recovery.take() if data.transfer is None and self.state.editable else None
        if kept is not None:
            self._restore(kept)
        resume = self.state.page  # restart() below reports page 1 as the current page
        if self.currentId() < 0:
            self.restart()
        self.go_to(resume)
        self._show_status()

    def _restore(self, kept: TransferInput) -> None:
        """Put back what was typed into a new transfer before the app stopped (never stored)."""
        known = self.state.entities
        kept = dataclasses.replace(
            kept,
            exporter_id=kept.exporter_id if kept.exporter_id in known else 0,
            importer_id=kept.importer_id if kept.importer_id in known else 0,
        )
        self.state.replace_transfer_input(kept)
        self.restored = True
        self._typed = True
        self.autosaver.schedule()  # stored at once if it is complete now
        self.save_status.setText(
            self.tr(
                "Restored what you typed before the app closed. It is saved once the fields marked ✖ are filled."
            )
        )

    def _load_failed(self, exc: BaseException) -> None:
        self.save_status.setText(self.tr("Could not open: %1").replace("%1", str(exc)))
        show_exception(self, exc, self.tr("Assessment"))

    def _title(self) -> None:
        t = self.state.transfer
        if t is None:
            self.setWindowTitle(self.tr("New transfer"))
            return
        a = self.state.assessment
        version = self.tr(" · version %1").replace("%1", str(a.version_no)) if a else ""
        self.setWindowTitle(
            self.tr("Assessment — %1%2 · %3")
            .replace("%1", t.reference)
            .replace("%2", version)
            .replace("%3", t.title)
        )

    def _show_status(self) -> None:
        a = self.state.assessment
        text = ""
        can_version = False
        if not self.services.may(Action.ASSESS):
            text = self.tr("Read-only: your role may not edit assessments.")
        elif a is not None and not a.editable:
            if a.status.value == "submitted":
                text = self.tr("Submitted for review: read-only until a manager returns it.")
            else:
                text = self.tr("Approved and signed: read-only. Changes go into a new version.")
                can_version = True
        self.banner.setText(text)
        self.banner.setVisible(bool(text))
        self.new_version_button.setVisible(can_version)
        self._title()

    # ---- navigation --------------------------------------------------------------------------------------

    def go_to(self, key: str) -> None:
        """Go to a page by key (forward with Next's checks skipped, as the step list allows)."""
        if key not in PAGE_ORDER:
            return
        target = PAGE_ORDER.index(key)
        if self.currentId() < 0:
            self.restart()
        for _ in range(len(PAGE_ORDER) * 2):
            current = self.currentId()
            if current == target:
                break
            if current < target:
                self.next()
                if self.currentId() == current:  # refused (e.g. a new transfer not stored yet)
                    break
            else:
                self.back()
        self._select_step()

    def _page_changed(self, page_id: int) -> None:
        if 0 <= page_id < len(PAGE_ORDER):
            self.state.set_page(PAGE_ORDER[page_id])
            self._select_step()

    def ready_to_leave_transfer(self) -> bool:
        """Step 1 can be left once the transfer is stored (a new one is created now)."""
        if self.state.transfer is not None and self.state.record is not None:
            return True
        if not self.state.transfer_valid or not self.state.editable:
            return False
        self._advance_after_save = True
        self.save_status.setText(self.tr("Saving the new transfer…"))
        self.autosaver.save_now()
        return False

    def ensure_assessment(self, then: Callable[[], None]) -> None:
        """Run `then` once the assessment exists in the database (it is created on the first save)."""
        if self.state.assessment is not None:
            then()
            return
        self._waiting.append(then)
        self.autosaver.save_now()

    # ---- saving ----------------------------------------------------------------------------------------

    def _saved(self, result: PageSaved) -> None:
        self._last_error = ""
        new_transfer = self.state.transfer is None
        self.state.set_stored(result.transfer, result.assessment)
        if result.transfer is not None:
            self.transfer_id = result.transfer.id
            self.services.changes.notify(TRANSFERS)
            if result.created and new_transfer:
                self.recovery.clear()  # stored: the kept copy has done its job
        if result.created:
            self.services.changes.notify(ASSESSMENTS)
            self._title()
        if self.state.assessment is not None and self._waiting:
            waiting, self._waiting = self._waiting, []
            for then in waiting:
                then()
        if self._close_after_save and self.state.transfer is not None:
            self._close_after_save = False
            self._close_now()
            return
        if self._advance_after_save and self.state.transfer is not None and self.state.record is not None:
            self._advance_after_save = False
            if self.current_key() == PAGE_HANDLING:
                QTimer.singleShot(0, self.next)

    def _save_failed(self, exc: BaseException) -> None:
        self._advance_after_save = False
        self._close_after_save = False
        self._waiting = []
        if isinstance(exc, ConflictError):
            if self._conflict is None:
                self._conflict = ConflictDialog(exc, self)
                self._conflict.chosen.connect(lambda choice, e=exc: self._resolve_conflict(choice, e))
                self._conflict.open()
            return
        text = str(exc)
        if text != self._last_error:
            self._last_error = text
            show_exception(self, exc, self.tr("Not saved"))

    def _resolve_conflict(self, choice: str, exc: ConflictError) -> None:
        self._conflict = None
        if choice == KEEP_MINE:
            self.autosaver.keep_mine(exc)
        else:
            self.autosaver.keep_theirs(exc)

    def conflict_dialog(self) -> ConflictDialog | None:
        return self._conflict

    # ---- other actions -------------------------------------------------------------------------------------

    def resolve_comment(self, comment_id: int) -> None:
        a = self.state.assessment
        if a is None:
            return
        actor, aid = self.services.actor, a.id

        def job(db: DatabaseHandle) -> list[service.CommentView]:
            service.resolve_comment(db, actor, comment_id)
            return service.comments_for(db, aid, open_only=False)

        self.services.worker.submit(
            job,
            self.state.set_comments,
            self._failed,
            owner=self,
            label="resolve comment",
        )

    def start_new_version(self) -> None:
        a = self.state.assessment
        if a is None:
            return
        actor, aid = self.services.actor, a.id
        self.services.worker.submit(
            lambda db: service.new_version(db, actor, aid),
            self._new_version_started,
            self._failed,
            owner=self,
            label="new version",
        )

    def _new_version_started(self, _view: service.AssessmentView) -> None:
        self.services.changes.notify(ASSESSMENTS)
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        show_exception(self, exc, self.tr("Assessment"))

    # ---- closing -----------------------------------------------------------------------------------------

    def _note_typed(self) -> None:
        if self.loaded:
            self._typed = True

    def unstored_changes(self) -> str:
        """What closing now would lose: "" (nothing), "new" (a new transfer not stored yet) or "transfer"
        (changes to the stored transfer that break a rule, so autosave could not store them)."""
        if not self.state.editable or not self._typed:
            return ""
        if self.state.transfer is None and not self.autosaver.transfer_stored:
            return "new"
        if not self.state.transfer_valid and self.state.transfer_input != self.autosaver.stored_input():
            return "transfer"
        return ""

    def reject(self) -> None:
        """Close, Escape and the window's close box: everything stored goes as before; typed text that
        cannot be stored yet is asked about (Escape on the question keeps editing, never discards)."""
        if self._closing:
            super().reject()
            return
        if self.close_question is not None:
            self.close_question.raise_()
            return
        lost = self.unstored_changes()
        if not lost:
            self._close_now()
            return
        self._ask_before_closing(lost)

    def _ask_before_closing(self, lost: str) -> None:
        box = QMessageBox(self)
        box.setObjectName("closeQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.windowTitle())
        missing = [
            self.titles[key] for key in TRANSFER_PAGES if any(i.blocking for i in self.state.issues_for(key))
        ]
        Button = QMessageBox.StandardButton
        if lost == "new" and self.state.transfer_valid:
            box.setText(self.tr("Save this new transfer before closing?"))
            box.setInformativeText(
                self.tr("It gets its register reference when it is saved; Discard drops what you typed.")
            )
            box.setStandardButtons(Button.Save | Button.Discard | Button.Cancel)
            box.setDefaultButton(Button.Save)
        else:
            box.setText(
                self.tr("This new transfer cannot be saved yet.")
                if lost == "new"
                else self.tr("Some changes to the transfer cannot be saved yet.")
            )
            box.setInformativeText(
                self.tr("Complete the fields marked ✖ in: %1. Discard drops what you typed.").replace(
                    "%1", ", ".join(missing)
                )
            )
            box.setStandardButtons(Button.Discard | Button.Cancel)
            box.setDefaultButton(Button.Cancel)
            box.button(Button.Cancel).setText(self.tr("Keep editing"))
        box.setEscapeButton(Button.Cancel)
        box.finished.connect(lambda _r, b=box: self._close_answered(b))
        self.close_question = box
        box.open()

    def _close_answered(self, box: QMessageBox) -> None:
        self.close_question = None
        clicked = box.clickedButton()
        choice = box.standardButton(clicked) if clicked is not None else QMessageBox.StandardButton.Cancel
        box.deleteLater()
        if choice == QMessageBox.StandardButton.Discard:
            self.autosaver.discard()
            if not self.autosaver.transfer_stored:
                self.recovery.clear()
            self._close_now()
        elif choice == QMessageBox.StandardButton.Save:
            self._close_after_save = True
            self.save_status.setText(self.tr("Saving the new transfer…"))
            self.autosaver.save_now()
        else:
            missing = [k for k in TRANSFER_PAGES if any(i.blocking for i in self.state.issues_for(k))]
            if missing and self.current_key() not in missing:
                self.go_to(missing[0])

    def _close_now(self) -> None:
        self._closing = True
        self.reject()

    def done(self, result: int) -> None:
        # Whatever is typed is queued for saving before the window goes (the worker finishes it).
        self.autosaver.flush()
        self.summary.wait_for_render()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reject()  # asks when typed text would be lost; QDialog's own handler would close regardless
        if self.isVisible():
            event.ignore()
            return
        self.autosaver.flush()
        super().closeEvent(event)


def open_wizard(parent: QWidget | None, services: Services, transfer_id: int | None) -> AssessmentWizard:
    """The factory the main window calls (`wizard_factory(parent, services, transfer_id)`)."""
    wizard = AssessmentWizard(services, transfer_id, parent)
    wizard.show()
    return wizard


__all__ = ["AssessmentWizard", "load_for_wizard", "open_wizard"]
