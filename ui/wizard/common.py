"""What every wizard page shares: the page frame (scrolling body, reviewer comments, notices, messages
beside fields), its labels and styles. The small input widgets the pages use are in `inputs.py`."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from transfer_tool.assessment.completeness import ASSUMED, ASSUMED_FACTS
from transfer_tool.register.approved_changes import TRANSFER_FLAG_KIND
from ui.accessibility import strip_accelerator
from ui.i18n import format_date
from ui.terms import core_text
from ui.wizard.read_only import set_read_only
from ui.wizard.rechecks import TO_CONFIRM, confirm_assumed, confirm_page, flags_for
from ui.wizard.state import PAGE_PARTIES, Issue, WizardState, comment_page, page_titles

BLOCKING_COLOUR = "#b3261e"
MISSING_COLOUR = "#8a5a00"
NOTICE_STYLE = "background:#fff4d6;border:1px solid #e3c56e;border-radius:4px;padding:6px;"
WARNING_STYLE = "background:#fde7e4;border:1px solid #e1a59d;border-radius:4px;padding:6px;"
INFO_STYLE = "background:#e8f0fb;border:1px solid #a9c1e6;border-radius:4px;padding:6px;"


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    """A label that shows text as typed (never as markup) and lets it be selected and copied."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    return label


def form_layout() -> QFormLayout:
    """A form whose fields grow, with the same compact spacing on every page (styles differ a lot here)."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setVerticalSpacing(8)
    form.setHorizontalSpacing(12)
    return form


def boxed(text: str, style: str, parent: QWidget | None = None) -> QLabel:
    label = plain_label(text, parent)
    label.setStyleSheet(style)
    return label


class FieldMessage(QLabel):
    """The core's message for one field, shown under it: red when it blocks Next, amber when still missing."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"message:{key}")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.hide()

    def show_issues(self, issues: Sequence[Issue]) -> None:
        if not issues:
            self.clear()
            self.hide()
            return
        blocking = any(i.blocking for i in issues)
        lines = [("✖ " if i.blocking else "• ") + core_text(i.message) for i in issues]
        self.setText("\n".join(lines))
        self.setProperty("blocking", blocking)
        colour = BLOCKING_COLOUR if blocking else MISSING_COLOUR
        self.setStyleSheet(f"color:{colour};font-size:90%;")
        self.setAccessibleName(
            QCoreApplication.translate("Wizard", "Problems with this field")
            if blocking
            else QCoreApplication.translate("Wizard", "Still missing")
        )
        self.show()


def _covers(key: str, field: str) -> bool:
    if not key:
        return True
    return field == key or field.startswith(key + ".") or field.startswith(key + "[")


@dataclass(frozen=True)
class ShownComment:
    """A reviewer's comment as the banner shows it."""

    id: int
    heading: str  # who and when
    text: str
    dealt_with: str = ""  # "" while open; else who marked it dealt with, and when


class CommentBanner(QFrame):
    """The reviewer's comments on this page's sections: each open one with "Mark as dealt with" under its
    text (never beside the heading, where it covered it), each one dealt with struck through, with who
    and when (it stays: the reviewer asked, the assessor answered)."""

    resolve_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewerComments")
        self.setStyleSheet(
            "#reviewerComments{background:#fff4d6;border:1px solid #e3c56e;border-radius:4px;}"
        )
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self._layout.setSpacing(4)
        self.labels: list[QLabel] = []
        self.buttons: dict[int, QPushButton] = {}
        self._shown: list[QWidget] = []
        self.hide()

    def set_comments(self, comments: Sequence[ShownComment], can_resolve: bool) -> None:
        # Every old row goes, hidden at once: a row left behind (a button in a nested layout, which
        # takeAt() does not delete) stayed drawn at the top left, over the new heading.
        while self._layout.count():
            self._layout.takeAt(0)
        for old in self._shown:
            old.hide()
            old.deleteLater()
        self._shown = []
        self.labels = []
        self.buttons = {}
        if not comments:
            self.hide()
            return
        title = QLabel(QCoreApplication.translate("Wizard", "Reviewer's comments on this step"), self)
        title.setStyleSheet("font-weight:bold;")
        self._add(title)
        for c in comments:
            heading = plain_label(c.heading, self)
            heading.setStyleSheet("color:#555;")
            label = plain_label(c.text, self)
            label.setObjectName(f"comment:{c.id}")
            label.setAccessibleName(QCoreApplication.translate("Wizard", "Reviewer comment"))
            self._add(heading)
            self._add(label)
            self.labels.append(label)
            if c.dealt_with:
                font = label.font()
                font.setStrikeOut(True)
                label.setFont(font)
                label.setStyleSheet("color:#666;")
                label.setAccessibleName(QCoreApplication.translate("Wizard", "Reviewer comment, dealt with"))
                done = plain_label(c.dealt_with, self)
                done.setObjectName(f"dealtWith:{c.id}")
                done.setStyleSheet("color:#2e6b2e;")
                self._add(done)
            elif can_resolve:
                button = QPushButton(QCoreApplication.translate("Wizard", "Mark as dealt with"), self)
                button.setObjectName(f"resolve:{c.id}")
                button.setAccessibleName(
                    QCoreApplication.translate("Wizard", "Mark the comment as dealt with")
                )
                button.clicked.connect(lambda _c=False, i=c.id: self.resolve_requested.emit(i))
                self._add(button, Qt.AlignmentFlag.AlignLeft)
                self.buttons[c.id] = button
        self.show()

    def _add(self, widget: QWidget, align: Qt.AlignmentFlag | None = None) -> None:
        if align is None:
            self._layout.addWidget(widget)
        else:
            self._layout.addWidget(widget, 0, align)
        self._shown.append(widget)

    def texts(self) -> list[str]:
        return [label.text() for label in self.labels]

    def struck_out(self) -> list[str]:
        return [label.text() for label in self.labels if label.font().strikeOut()]


class CopiedAnswers(QFrame):
    """The copied answers on this page still to confirm ("copied from TR-… version n"), with the button
    that confirms them all at once (the assessor has checked them)."""

    confirm_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("copiedAnswers")
        self.setStyleSheet("#copiedAnswers{background:#e8f0fb;border:1px solid #a9c1e6;border-radius:4px;}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        self.label = plain_label("", self)
        self.button = QPushButton(QCoreApplication.translate("Wizard", "I have checked these answers"), self)
        self.button.setObjectName("confirmCopied")
        self.button.setAccessibleName(
            QCoreApplication.translate("Wizard", "Confirm the copied answers on this step")
        )
        self.button.clicked.connect(self.confirm_requested)
        layout.addWidget(self.label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.hide()

    def heading(self) -> str:
        return QCoreApplication.translate("Wizard", "Copied answers on this step, to check and confirm:")

    def show_items(self, messages: Sequence[str], can_confirm: bool) -> None:
        if not messages:
            self.hide()
            return
        self.label.setText("\n".join([self.heading(), *(f"• {m}" for m in messages)]))
        self.button.setVisible(can_confirm)
        self.show()


class AssumedAnswers(CopiedAnswers):
    """The answers on this page a register import left blank, shown as the default it assumed: to choose
    the right one, or confirm the one shown with the button (until then each is a missing item)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assumedAnswers")
        self.setStyleSheet("#assumedAnswers{background:#fff3e0;border:1px solid #e0b070;border-radius:4px;}")
        self.button.setObjectName("confirmAssumed")
        self.button.setText(QCoreApplication.translate("Wizard", "The answers shown are right"))
        self.button.setAccessibleName(
            QCoreApplication.translate("Wizard", "Confirm the answers the import assumed on this step")
        )

    def heading(self) -> str:
        return QCoreApplication.translate(
            "Wizard",
            "Not given in the imported file: the answers shown were assumed. Choose the right ones, or "
            "confirm them:",
        )


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


class WizardPage(QWizardPage):
    """A page of the assessment wizard: loads widgets from the state, writes changes back, shows messages.

    Subclasses build their widgets into `self.body` (a scrolling area), implement `load()` (fill widgets from
    the state) and `refresh()` (update what is derived from the evaluation), and register a `FieldMessage`
    per field with `message(key)`. Next is enabled while no blocking issue is on the page.
    """

    KEY = ""

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.loading = False
        self.setObjectName(f"page:{self.KEY}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        self.comments = CommentBanner(self)
        self.comments.resolve_requested.connect(self._resolve_comment)
        self.notice = boxed("", NOTICE_STYLE, self)
        self.notice.setObjectName("pageNotice")
        self.notice.hide()
        # Issue #23: why the transfer is re-assessed (on the page the change concerns), and what was copied.
        self.flag_reasons = boxed("", WARNING_STYLE, self)
        self.flag_reasons.setObjectName("flagReasons")
        self.flag_reasons.hide()
        self.copied = CopiedAnswers(self)
        self.copied.confirm_requested.connect(lambda: confirm_page(self.state, self.KEY))
        self.assumed = AssumedAnswers(self)
        self.assumed.confirm_requested.connect(lambda: confirm_assumed(self.state, self.KEY))
        outer.addWidget(self.comments)
        outer.addWidget(self.flag_reasons)
        outer.addWidget(self.copied)
        outer.addWidget(self.assumed)
        outer.addWidget(self.notice)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A Tab stop (the page scrolls by keyboard): named for the step, as a screen reader should say it.
        self.scroll_area.setAccessibleName(page_titles().get(self.KEY, ""))
        self.body = QWidget(self.scroll_area)
        self.body.setObjectName("pageBody")
        self.scroll_area.setWidget(self.body)
        outer.addWidget(self.scroll_area, 1)
        self.general = FieldMessage("", self)
        outer.addWidget(self.general)
        self.messages: list[FieldMessage] = []
        self._stale = True
        self._tab_key: tuple[int, ...] = ()
        state.evaluated.connect(self._evaluated)
        state.loaded.connect(self.reload)
        state.comments_changed.connect(self._show_comments)
        state.status_changed.connect(self._apply_editable)

    # ---- to implement ----------------------------------------------------------------------------------

    def load(self) -> None:
        """Fill the widgets from the state."""

    def refresh(self) -> None:
        """Update what is derived from the evaluation (called after every change)."""

    def notice_text(self) -> str:
        return ""

    def tab_chain(self) -> list[QWidget]:
        """The page's inputs in reading order, for pages whose rows are built as data arrives (their
        widgets are created after the fixed ones, so Qt's default order would visit them last)."""
        return []

    def apply_tab_order(self) -> None:
        chain = self.tab_chain()
        key = tuple(id(w) for w in chain)
        if key == self._tab_key:
            return
        self._tab_key = key
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    # ---- frame -------------------------------------------------------------------------------------------

    def message(self, key: str, parent: QWidget | None = None) -> FieldMessage:
        label = FieldMessage(key, parent or self.body)
        self.messages.append(label)
        return label

    def forget_messages(self, prefix: str) -> None:
        self.messages = [m for m in self.messages if not (m.key.startswith(prefix) and m.key != "")]

    def add_row(
        self,
        form: QFormLayout,
        label: str,
        widget: QWidget | QLayout,
        key: str = "",
        buddy: QWidget | None = None,
    ) -> FieldMessage | None:
        """Add a labelled row whose message (if `key`) shows under the input."""
        box = QVBoxLayout()
        box.setSpacing(2)
        box.setContentsMargins(0, 0, 0, 0)
        target: QWidget | None
        if isinstance(widget, QWidget):
            box.addWidget(widget)
            target = buddy or widget
        else:
            box.addLayout(widget)
            target = buddy
        msg = self.message(key) if key else None
        if msg is not None:
            box.addWidget(msg)
        caption = QLabel(label, self.body)
        if target is not None:
            caption.setBuddy(target)
            if not target.accessibleName():
                target.setAccessibleName(strip_accelerator(label))
        form.addRow(caption, box)
        return msg

    def reload(self) -> None:
        if not self.state.ready:
            return
        self.loading = True
        try:
            self.load()
        finally:
            self.loading = False
        self._apply_editable()
        self._show_comments()
        self._evaluated()

    def initializePage(self) -> None:
        self.reload()

    def cleanupPage(self) -> None:
        # Back keeps what was entered (QWizard would otherwise reset registered fields).
        pass

    def isComplete(self) -> bool:
        return self.state.ready and not self.state.blocking(self.KEY)

    def _evaluated(self) -> None:
        if not self.state.ready:
            return
        if not self.isVisible():
            # Only the page on screen follows each keystroke; the others catch up when shown.
            self._stale = True
            return
        self._stale = False
        self.loading = True
        try:
            self.refresh()
        finally:
            self.loading = False
        self.show_messages()
        self.apply_tab_order()
        if not self.state.editable:
            self._apply_editable()  # also to the rows the refresh built and the buttons it enabled
        text = self.notice_text()
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self._show_rechecks()
        self.completeChanged.emit()

    def _show_rechecks(self) -> None:
        flags = flags_for(self.state, self.KEY)
        if flags:
            heading = (
                QCoreApplication.translate(
                    "Wizard",
                    "Flagged for re-assessment: the transfer was changed after its assessment was approved. "
                    "Check this step again:",
                )
                if all(f.kind == TRANSFER_FLAG_KIND for f in flags)
                else QCoreApplication.translate(
                    "Wizard", "Flagged for re-assessment: the country data changed. Check this step again:"
                )
            )
            self.flag_reasons.setText("\n".join([heading, *(f"• {core_text(f.reason)}" for f in flags)]))
        self.flag_reasons.setVisible(bool(flags))
        copied = [
            core_text(i.message) for i in self.state.issues_for(self.KEY) if i.field.startswith(TO_CONFIRM)
        ]
        self.copied.show_items(copied, self.state.editable)
        # Each by what it is: the box's heading says why (the missing-items list keeps the whole sentence).
        what = (ASSUMED_FACTS.get(i.field[len(ASSUMED) :]) for i in self.state.issues_for(self.KEY))
        assumed = [_sentence_case(core_text(w)) for w in what if w is not None]
        self.assumed.show_items(assumed, self.state.editable)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._evaluated()

    def show_messages(self) -> None:
        # Copied answers to confirm are listed in their own box, with the button that confirms them.
        issues = [i for i in self.state.issues_for(self.KEY) if not i.field.startswith((TO_CONFIRM, ASSUMED))]
        shown: dict[int, list[Issue]] = {id(m): [] for m in self.messages}
        unplaced: list[Issue] = []
        for issue in issues:
            best: FieldMessage | None = None
            for m in self.messages:
                if m.key and _covers(m.key, issue.field) and (best is None or len(m.key) > len(best.key)):
                    best = m
            if best is None:
                unplaced.append(issue)
            else:
                shown[id(best)].append(issue)
        for m in self.messages:
            m.show_issues(shown[id(m)])
        self.general.show_issues(unplaced)

    def visible_messages(self) -> dict[str, str]:
        """Field key → message text currently shown (for tests and accessibility checks)."""
        out = {m.key: m.text() for m in self.messages if not m.isHidden() and m.text()}
        if not self.general.isHidden() and self.general.text():
            out[""] = self.general.text()
        return out

    def _apply_editable(self) -> None:
        # Read-only, not disabled: an approved version reads as normal text and can be copied from.
        set_read_only(self.body, not self.state.editable)

    def _show_comments(self) -> None:
        lang = self.state.language
        mine = [
            c
            for c in self.state.comments
            if comment_page(c.section) == self.KEY or (self.KEY == PAGE_PARTIES and c.section == "general")
        ]
        self.comments.set_comments(
            [
                ShownComment(
                    c.id,
                    QCoreApplication.translate("Wizard", "%1 · %2 · on version %3")
                    .replace("%1", c.author_name)
                    .replace("%2", format_date(c.created_at.date(), lang))
                    .replace("%3", str(c.version_no)),
                    c.comment,
                    QCoreApplication.translate("Wizard", "Dealt with by %1 on %2")
                    .replace("%1", c.resolved_by or "—")
                    .replace("%2", format_date(c.resolved_at.date(), lang))
                    if c.resolved_at is not None
                    else "",
                )
                for c in mine
            ],
            self.state.editable,
        )

    def _resolve_comment(self, comment_id: int) -> None:
        wizard = self.wizard()
        resolve = getattr(wizard, "resolve_comment", None)
        if resolve is not None:
            resolve(comment_id)


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet("font-weight:bold;font-size:105%;margin-top:6px;")
    label.setWordWrap(True)
    return label
