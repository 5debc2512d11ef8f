"""The last page: an overview, the completeness list (each missing item jumps to its page), Submit, and
Generate PDF (report data on the database worker, rendering on its own thread, then saved where the user
chooses and offered to open)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import ui.wizard.labels as labels
from transfer_tool.assessment import service
from transfer_tool.assessment.completeness import STEP_TITLES
from transfer_tool.errors import ConflictError, ToolError, ValidationError
from transfer_tool.report.data import ReportData
from transfer_tool.runtime.bootstrap import DatabaseHandle
from transfer_tool.runtime.files import write_file
from ui import settings as keys
from ui.errors import show_exception
from ui.i18n import regime_short_name
from ui.services import ASSESSMENTS
from ui.tasks import Task, run_task
from ui.terms import core_text, localize_error
from ui.wizard.autosave import Autosaver, SaveBase
from ui.wizard.common import (
    BLOCKING_COLOUR,
    INFO_STYLE,
    WARNING_STYLE,
    WizardPage,
    boxed,
    heading,
    plain_label,
)
from ui.wizard.state import PAGE_ORDER, PAGE_SUMMARY, WizardState, comment_page, page_titles

PageRole = 0x0101


class SummaryPage(WizardPage):
    KEY = PAGE_SUMMARY
    jump_requested = Signal(str)
    pdf_ready = Signal(bytes)
    pdf_saved = Signal(str)
    word_saved = Signal(str)
    submitted = Signal(object)

    def __init__(self, state: WizardState, autosaver: Autosaver, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.autosaver = autosaver
        self.setTitle(self.tr("Summary, submission and report"))
        self.setSubTitle(self.tr("What is still missing, submission for review, and the PDF report."))
        columns = QHBoxLayout(self.body)
        left = QVBoxLayout()
        left.addWidget(heading(self.tr("Overview"), self.body))
        self.overview = boxed("", INFO_STYLE, self.body)
        self.overview.setObjectName("summaryOverview")
        self.overview.setAccessibleName(self.tr("Overview of the assessment"))
        left.addWidget(self.overview)
        left.addStretch(1)
        right = QVBoxLayout()
        # Issue 18: a returned assessment reopens here; the reviewer's open comments come first.
        self.comments_heading = heading(self.tr("Reviewer's comments to deal with"), self.body)
        self.open_comments_model = QStandardItemModel(self.body)
        self.open_comments = QListView(self.body)
        self.open_comments.setObjectName("openComments")
        self.open_comments.setModel(self.open_comments_model)
        self.open_comments.setAccessibleName(
            self.tr("Reviewer's open comments: activate one to go to its page")
        )
        self.open_comments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.open_comments.setWordWrap(True)
        self.open_comments.setMaximumHeight(150)
        right.addWidget(self.comments_heading)
        right.addWidget(self.open_comments)
        right.addWidget(heading(self.tr("Completeness"), self.body))
        self.complete_label = plain_label("", self.body)
        right.addWidget(self.complete_label)
        self.missing_model = QStandardItemModel(self.body)
        self.missing = QListView(self.body)
        self.missing.setObjectName("completenessList")
        self.missing.setModel(self.missing_model)
        self.missing.setAccessibleName(self.tr("Missing items: activate one to go to its page"))
        self.missing.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.missing.setWordWrap(True)
        self.missing.setMinimumHeight(220)
        right.addWidget(self.missing, 10)
        # Issue #23: answers copied from another assessment are listed above until the assessor confirms them.
        self.confirm_copied = QPushButton(self.tr("I have checked the copied answers"), self.body)
        self.confirm_copied.setObjectName("confirmCopied")
        self.confirm_copied.setToolTip(
            self.tr("Confirms every answer marked as copied from another assessment; check each one first")
        )
        self.confirm_copied.hide()
        right.addWidget(self.confirm_copied)
        self.result = boxed("", INFO_STYLE, self.body)
        self.result.setObjectName("submitResult")
        self.result.hide()
        right.addWidget(self.result)
        actions = QHBoxLayout()
        self.submit_button = QPushButton(self.tr("&Submit for review"), self.body)
        self.language = QComboBox(self.body)
        self.language.addItem("English", "en")
        self.language.addItem("日本語", "ja")
        self.language.setAccessibleName(self.tr("Report language"))
        self.language.setCurrentIndex(1 if state.language == "ja" else 0)
        self.pdf_button = QPushButton(self.tr("&Generate PDF…"), self.body)
        self.word_button = QPushButton(self.tr("Export as &Word…"), self.body)
        self.word_button.setObjectName("wordButton")
        self.word_button.setToolTip(
            self.tr("A Word draft for counsel's mark-up; the signed PDF stays the record")
        )
        actions.addWidget(self.submit_button)
        actions.addStretch(1)
        actions.addWidget(QLabel(self.tr("Report in:"), self.body))
        actions.addWidget(self.language)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.word_button)
        right.addLayout(actions)
        self.progress = QProgressBar(self.body)
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Generating the PDF"))
        self.progress.hide()
        right.addWidget(self.progress)
        self.pdf_status = QLabel(self.body)
        self.pdf_status.setObjectName("pdfStatus")
        self.pdf_status.setWordWrap(True)
        self.pdf_status.linkActivated.connect(lambda link: QDesktopServices.openUrl(QUrl(link)))
        right.addWidget(self.pdf_status)
        right.addStretch(1)  # takes the list's room when nothing is missing (the list is hidden then)
        left_box = QWidget(self.body)
        left_box.setLayout(left)
        right_box = QWidget(self.body)
        right_box.setLayout(right)
        columns.addWidget(left_box, 4)
        columns.addWidget(right_box, 5)
        self.render_task: Task[bytes] | None = None
        self.last_pdf: bytes = b""

        self.missing.activated.connect(self._jump)
        self.missing.clicked.connect(self._jump)
        self.open_comments.activated.connect(self._jump_to_comment)
        self.open_comments.clicked.connect(self._jump_to_comment)
        self._result_is_refusal = False
        state.comments_changed.connect(self.refresh)
        state.status_changed.connect(self.refresh)  # the overview's status follows a submission
        self.submit_button.clicked.connect(self.submit)
        self.confirm_copied.clicked.connect(lambda: self.state.update_record(to_confirm=()))
        self.pdf_button.clicked.connect(self.generate_pdf)
        self.word_button.clicked.connect(self.export_word)
        state.status_changed.connect(self._buttons)

    def _apply_editable(self) -> None:
        # The summary stays usable when read-only: the PDF can always be generated.
        self.body.setEnabled(True)
        self._buttons()

    def _buttons(self) -> None:
        exists = self.state.record is not None
        self.submit_button.setEnabled(exists and self.state.editable)
        rendering = self.render_task is not None and not self.render_task.finished
        self.pdf_button.setEnabled(exists and not rendering)
        self.word_button.setEnabled(exists and not self._exporting_word)

    def _when_stored(self, then: Any) -> bool:
        """True when the assessment is in the database; otherwise store it first and call `then` after."""
        if self.state.assessment is not None:
            return True
        ensure = getattr(self.wizard(), "ensure_assessment", None)
        if ensure is not None:
            ensure(then)
        return False

    def isComplete(self) -> bool:
        return True

    # ---- completeness --------------------------------------------------------------------------------------

    def missing_items(self) -> list[tuple[str, str]]:
        """(page key, text) of each line in the completeness list."""
        return [
            (str(self.missing_model.item(r).data(PageRole)), self.missing_model.item(r).text())
            for r in range(self.missing_model.rowCount())
        ]

    def open_comment_items(self) -> list[tuple[str, str]]:
        """(page key, text) of each open reviewer comment listed."""
        model = self.open_comments_model
        return [(str(model.item(r).data(PageRole)), model.item(r).text()) for r in range(model.rowCount())]

    def _jump_to_comment(self, index: Any) -> None:
        page = self.open_comments_model.item(index.row()).data(PageRole)
        if page:
            self.jump_requested.emit(str(page))

    def _fill_open_comments(self) -> int:
        self.open_comments_model.clear()
        titles = page_titles()
        for c in self.state.comments:
            if c.resolved_at is not None:
                continue
            page = comment_page(c.section)
            item = QStandardItem(f"✎ {titles.get(page, page)} — {c.comment}")
            item.setData(page, PageRole)
            item.setToolTip(c.author_name)
            self.open_comments_model.appendRow(item)
        count = self.open_comments_model.rowCount()
        self.comments_heading.setVisible(count > 0)
        self.open_comments.setVisible(count > 0)
        return count

    def _jump(self, index: Any) -> None:
        page = self.missing_model.item(index.row()).data(PageRole)
        if page:
            self.jump_requested.emit(str(page))

    def refresh(self) -> None:
        st = self.state
        self.confirm_copied.setVisible(bool(st.record is not None and st.record.to_confirm and st.editable))
        self.missing_model.clear()
        titles = page_titles()
        ordered = sorted(st.issues, key=lambda i: (PAGE_ORDER.index(i.page), not i.blocking))
        for issue in ordered:
            step = STEP_TITLES.get(issue.step, "")
            prefix = "✖ " if issue.blocking else "• "
            item = QStandardItem(f"{prefix}{titles.get(issue.page, issue.page)} — {core_text(issue.message)}")
            item.setData(issue.page, PageRole)
            # The step in words; never the record's field path (an internal key).
            item.setToolTip(f"{self.tr('Step')} {issue.step} ({core_text(step)})" if issue.step else "")
            if issue.blocking:
                item.setForeground(QBrush(QColor(BLOCKING_COLOUR)))
            self.missing_model.appendRow(item)
        open_comments = self._fill_open_comments()
        if self._result_is_refusal:
            # A refusal listed what was missing then; it is stale once anything changed.
            self._result_is_refusal = False
            self.result.hide()
        if st.context_error:
            self.complete_label.setText(st.context_error)
        elif not ordered and not st.editable:
            self.complete_label.setText(self.tr("Nothing is missing."))
        elif not ordered and open_comments:
            self.complete_label.setText(
                self.tr(
                    "Nothing is missing. %n reviewer comment(s) above are still open: deal with each "
                    "before submitting (submitting marks them as answered).",
                    "",
                    open_comments,
                )
            )
        elif not ordered:
            self.complete_label.setText(self.tr("Nothing is missing: the assessment can be submitted."))
        else:
            self.complete_label.setText(
                self.tr(
                    "%n item(s) to complete before submitting; activate one to go to its page.",
                    "",
                    len(ordered),
                )
            )
        self.complete_label.setStyleSheet(INFO_STYLE if not ordered and not st.context_error else "")
        self.missing.setVisible(bool(ordered))
        self.overview.setText(self._overview())
        self._buttons()

    def _overview(self) -> str:
        st = self.state
        a, record, ev, data = st.assessment, st.record, st.evaluation, st.transfer_input
        lines = []
        if a is not None:
            lines.append(
                self.tr("%1, version %2 — %3")
                .replace("%1", a.reference)
                .replace("%2", str(a.version_no))
                .replace("%3", self._status_text())
            )
        if data.title:
            lines.append(data.title)
        exporter = st.entities.get(data.exporter_id)
        importer = st.entities.get(data.importer_id)
        if exporter and importer:
            lines.append(self.tr("From %1 to %2").replace("%1", exporter.name).replace("%2", importer.name))
        if data.destination:
            lines.append(
                self.tr("Destination: %1 (%2)")
                .replace("%1", st.country_name(data.destination))
                .replace("%2", data.destination)
            )
        if ev is not None:
            regimes = ", ".join(regime_short_name(c) for c in ev.precheck.transfer_regimes) or self.tr("none")
            lines.append(self.tr("A transfer under: %1").replace("%1", regimes))
            lines.append(
                self.tr("Full assessment needed")
                if ev.precheck.full_assessment_needed
                else self.tr("Short record")
            )
        if record is not None:
            for choice in record.tools:
                tool = st.tools.get(choice.tool)
                name = (tool.name_ja if st.language == "ja" else tool.name_en) if tool else choice.tool
                lines.append(
                    self.tr("Tool (%1): %2")
                    .replace("%1", regime_short_name(choice.regime))
                    .replace("%2", name)
                )
            if record.law_practice.conclusion is not None:
                lines.append(
                    self.tr("Step 3: %1").replace(
                        "%1", labels.step_conclusion(record.law_practice.conclusion)
                    )
                )
            lines.append(self.tr("Measures chosen: %1").replace("%1", str(len(record.measures))))
            if ev is not None:
                lines.append(
                    self.tr("Recommended: %1").replace("%1", labels.conclusion(ev.recommendation.conclusion))
                )
            if record.conclusion.chosen is not None:
                lines.append(self.tr("Chosen: %1").replace("%1", labels.conclusion(record.conclusion.chosen)))
        lines.append(self.tr("Evidence files: %1").replace("%1", str(len(st.evidence))))
        return "\n".join(lines)

    def _status_text(self) -> str:
        a = self.state.assessment
        if a is None:
            return ""
        return {
            "draft": self.tr("draft"),
            "submitted": self.tr("submitted for review"),
            "returned": self.tr("returned with comments"),
            "approved": self.tr("approved"),
        }.get(a.status.value, a.status.value)

    # ---- submit ----------------------------------------------------------------------------------------------

    def submit(self) -> None:
        if not self._when_stored(self.submit):
            return
        self.autosaver.flush()
        actor, today = self.state.services.actor, self.state.services.stated_day()

        def submitting(
            db: DatabaseHandle, base: SaveBase
        ) -> tuple[service.AssessmentView, list[service.CommentView]]:
            assert base.assessment_id is not None  # after_saves refuses without one
            # The version as this screen last saved it: saved by someone else since, it is not submitted.
            view = service.submit(
                db, actor, base.assessment_id, today, expected_row_version=base.assessment_row_version
            )
            # Submitting answered the open comments: they are shown as dealt with from now on.
            return view, service.comments_for(db, view.id, open_only=False)

        job = self.autosaver.after_saves(submitting)

        self.submit_button.setEnabled(False)
        self.state.services.worker.submit(
            job, self._submitted, self._submit_failed, owner=self, label="submit"
        )

    def _submitted(self, done: tuple[service.AssessmentView, list[service.CommentView]]) -> None:
        view, comments = done
        self.autosaver.adopt(view)
        self.state.set_stored(None, view)
        self.state.set_comments(comments)
        self.state.services.changes.notify(ASSESSMENTS)
        self.result.setStyleSheet(INFO_STYLE)
        self.result.setText(
            self.tr(
                "Submitted for review. A manager will approve it or return it with comments; until then it is read-only."
            )
        )
        self.result.show()
        self.submitted.emit(view)
        self._buttons()

    def _submit_failed(self, exc: BaseException) -> None:
        self._buttons()
        if isinstance(exc, ConflictError) and isinstance(exc.theirs, service.AssessmentView):
            # Someone else saved the draft after this screen's last save: both versions are shown (the
            # wizard's conflict dialog), and the user submits again once they chose.
            localize_error(exc)
            self.result.setStyleSheet(WARNING_STYLE)
            self.result.setText(exc.message)
            self.result.show()
            self._result_is_refusal = True
            self.autosaver.refused(exc)
            return
        if isinstance(exc, ValidationError):
            localize_error(exc)  # its message and problems in the interface language
            self.refresh()  # the list above names each missing item, each a link to its page
            # The problems' locations are the record's field paths (internal keys): said only when the list
            # above has nothing to show (the stored version was refused on data this screen does not hold).
            lines = [exc.message]
            if not self.missing_items():
                lines += [f"  - {p.message}" for p in exc.problems]
            self.result.setStyleSheet(WARNING_STYLE)
            self.result.setText("\n".join(lines))
            self.result.show()
            self._result_is_refusal = True
            return
        show_exception(self, exc, self.tr("Submit"))

    # ---- PDF -------------------------------------------------------------------------------------------------

    def generate_pdf(self) -> None:
        if not self._when_stored(self.generate_pdf):
            return
        a = self.state.assessment
        assert a is not None
        self.autosaver.flush()
        aid, today = a.id, self.state.today
        language = str(self.language.currentData())
        self.progress.show()
        self.pdf_button.setEnabled(False)
        self.pdf_status.setText(self.tr("Generating the PDF…"))
        self.state.services.worker.submit(
            lambda db: service.build_report_data(db, aid, today),
            lambda data: self._render(data, language),
            self._pdf_failed,
            owner=self,
            label="report data",
        )

    def _render(self, data: ReportData, language: str) -> None:
        def render() -> bytes:
            from transfer_tool.report import render_report  # reportlab only when a report is made

            return render_report(data, language)

        self.render_task = run_task(render, self._rendered, self._render_failed, owner=self, label="report")

    def _render_failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self._buttons()
        self._pdf_failed(exc)

    def _rendered(self, result: bytes) -> None:
        self.progress.hide()
        self._buttons()
        self.last_pdf = result
        self.pdf_ready.emit(result)
        self._save_pdf(result)

    def _save_pdf(self, pdf: bytes) -> None:
        a = self.state.assessment
        settings = self.state.services.settings
        folder = settings.get(keys.LAST_EXPORT_FOLDER) or str(Path.home())
        name = f"{a.reference}-v{a.version_no}.pdf" if a else "assessment.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), str(Path(folder) / name), self.tr("PDF files (*.pdf)")
        )
        if not path:
            self.pdf_status.setText(self.tr("The PDF was generated but not saved."))
            return
        if not self._write_export(path, pdf):
            return
        url = QUrl.fromLocalFile(path).toString()
        self.pdf_status.setText(
            self.tr('Saved to %1. <a href="%2">Open the PDF</a>')
            .replace("%1", _escape(path))
            .replace("%2", _escape(url))
        )
        self.pdf_saved.emit(path)

    # ---- Word ------------------------------------------------------------------------------------------------

    _exporting_word = False

    def export_word(self) -> None:
        """The report as a Word draft (the PDF's sections and tables) for counsel's mark-up."""
        if not self._when_stored(self.export_word):
            return
        a = self.state.assessment
        assert a is not None
        self.autosaver.flush()
        aid, today = a.id, self.state.today
        language = str(self.language.currentData())
        self._exporting_word = True
        self._buttons()
        self.pdf_status.setText(self.tr("Writing the Word draft…"))

        def build(db: DatabaseHandle) -> bytes:
            from transfer_tool.report.docx_export import render_docx  # python-docx only when asked

            return render_docx(service.build_report_data(db, aid, today), language)

        self.state.services.worker.submit(build, self._save_word, self._word_failed, owner=self, label="word")

    def _word_failed(self, exc: BaseException) -> None:
        self._exporting_word = False
        self._buttons()
        self.pdf_status.setText("")
        show_exception(self, exc, self.tr("Export as Word"))

    def _save_word(self, data: bytes, path: str | None = None) -> None:
        self._exporting_word = False
        self._buttons()
        a = self.state.assessment
        settings = self.state.services.settings
        folder = settings.get(keys.LAST_EXPORT_FOLDER) or str(Path.home())
        language = str(self.language.currentData())
        name = f"{a.reference}-v{a.version_no}-{language}.docx" if a else "assessment.docx"
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the Word draft"),
                str(Path(folder) / name),
                self.tr("Word documents (*.docx)"),
            )
        if not path:
            self.pdf_status.setText(self.tr("The Word draft was not saved."))
            return
        if not self._write_export(path, data):
            return
        url = QUrl.fromLocalFile(path).toString()
        self.pdf_status.setText(
            self.tr('Saved the Word draft to %1 (the signed PDF stays the record). <a href="%2">Open it</a>')
            .replace("%1", _escape(path))
            .replace("%2", _escape(url))
        )
        self.word_saved.emit(path)

    def _write_export(self, path: str, content: bytes) -> bool:
        """Write a saved PDF or Word draft whole or not at all; remember its folder. False on failure."""
        try:
            write_file(Path(path), content)
        except ToolError as exc:
            self.pdf_status.setText(
                self.tr("Could not save %1: %2").replace("%1", path).replace("%2", str(exc))
            )
            return False
        self.state.services.settings.set(keys.LAST_EXPORT_FOLDER, str(Path(path).parent))
        return True

    def wait_for_render(self) -> None:
        """Let a running render finish (on quit: its thread ends before the application does)."""
        if self.render_task is not None and self.render_task.thread is not None:
            self.render_task.thread.join(60)

    def _pdf_failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self._buttons()
        self.pdf_status.setText(self.tr("The PDF could not be generated."))
        show_exception(self, exc, self.tr("Generate PDF"))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
