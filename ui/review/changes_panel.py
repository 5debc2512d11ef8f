"""What changed since the version before: one row per changed field (issue 18; session 12 for a re-assessment).

The rows come from `service.changes_since_previous` (the core compares the two records: the version the
reviewer returned, or the approved version a re-assessment would replace); names and values
are the terminology's words or the text as typed, in the interface's language.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.assessment.service import CommentView, VersionChanges
from transfer_tool.assessment.version_diff import Shown
from ui.i18n import format_date
from ui.review.comments_panel import section_label
from ui.terms import shared_terminology, term, ui_language

COLUMNS = 3  # what (section, field, which), the returned version's value, the value now


class ChangesPanel(QWidget):
    """A table that fits the review screen's side panel: what changed (section, field and which one,
    one under the other), the value in the returned version, the value now; long text wraps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changesPanel")
        self.summary = QLabel(self)
        self.summary.setObjectName("changesSummary")
        self.summary.setWordWrap(True)
        # At the top with or without the table below it (alone it was centred in the panel's height).
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("changesTable")
        self.table.setAccessibleName(self.tr("Changes since the version returned"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Wrapped text takes the height its column's width gives it: the columns get their widths only once
        # the table is laid out (the tab shown), after the rows were filled; stale heights cut text off.
        # Refitted once the resize is over (during it the view still measures with the old widths).
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._refit.start())
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._rows: list[tuple[str, str, str, str, str]] = []
        # What the reviewer asked for when returning, beside what changed: the two are read together.
        self.comments_title = QLabel(self)
        self.comments_title.setObjectName("returnedCommentsTitle")
        self.comments_list = QListWidget(self)
        self.comments_list.setObjectName("returnedComments")
        self.comments_list.setAccessibleName(self.tr("Comments sent back to the assessor"))
        self.comments_list.setWordWrap(True)
        self.comments_list.setAlternatingRowColors(True)
        self.comments_list.setSpacing(2)
        self.comments_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.comments_title)
        lay.addWidget(self.comments_list, 1)
        self.set_changes(None)
        self.set_comments(())

    def set_comments(self, comments: Sequence[CommentView]) -> None:
        """The comments the versions before this one were returned with, and whether each was dealt with."""
        self.comments_list.clear()
        lang = ui_language()
        for c in comments:
            if c.resolved_at is not None:
                state = (
                    self.tr("Dealt with: %1, %2")
                    .replace("%1", c.resolved_by or "—")
                    .replace("%2", format_date(c.resolved_at.date(), lang))
                )
            else:
                state = self.tr("Not dealt with yet")
            text = (
                self.tr("v%1 · %2: %3")
                .replace("%1", str(c.version_no))
                .replace("%2", section_label(c.section))
                .replace("%3", c.comment)
            )
            self.comments_list.addItem(f"{text}\n{state}")
        self.comments_title.setText(
            self.tr("Comments sent back to the assessor (%1):").replace("%1", str(len(comments)))
        )
        self.comments_title.setVisible(bool(comments))
        self.comments_list.setVisible(bool(comments))

    def comment_lines(self) -> list[str]:
        """The comments as listed (tests and screen readers)."""
        return [self.comments_list.item(i).text() for i in range(self.comments_list.count())]

    def set_changes(self, changes: VersionChanges | None) -> None:
        self.table.setRowCount(0)
        self._rows = []
        if changes is None:
            self.summary.setText(self.tr("A first submission: there is no returned version to compare with."))
            self.table.hide()
            return
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("What changed"),
                (
                    self.tr("Version %1 (approved)")
                    if changes.previous_approved
                    else self.tr("Version %1 (returned)")
                ).replace("%1", str(changes.previous_version)),
                self.tr("Version %1 (now)").replace("%1", str(changes.version)),
            ]
        )
        if not changes.changes:
            self.summary.setText(
                (
                    self.tr("Nothing changed since version %1, the approved version.")
                    if changes.previous_approved
                    else self.tr("Nothing changed since version %1, which you returned.")
                ).replace("%1", str(changes.previous_version))
            )
            self.table.hide()
            return
        n = len(changes.changes)
        self.summary.setText(
            (
                self.tr(
                    "%n field(s) changed since version %1, the approved version this one would replace.",
                    "",
                    n,
                )
                if changes.previous_approved
                else self.tr("%n field(s) changed since version %1, which you returned.", "", n)
            ).replace("%1", str(changes.previous_version))
        )
        terms, lang = shared_terminology(), ui_language()

        def shown(value: Shown | None, empty: str) -> str:
            return value.text(terms, lang) if value is not None else empty

        missing = self.tr("(not there)")
        self.table.setRowCount(len(changes.changes))
        for row, change in enumerate(changes.changes):
            section, field = section_label(change.section), term(change.field)
            which = shown(change.item, "")
            before, after = shown(change.before, missing), shown(change.after, missing)
            self._rows.append((section, field, which, before, after))
            what = "\n".join(part for part in (section, f"{field}: {which}" if which else field) if part)
            for column, text in enumerate((what, before, after)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.table.show()

    def rows(self) -> list[tuple[str, str, str, str, str]]:
        """Section, field, which one, before, after: one per change shown (tests and screen readers)."""
        return list(self._rows)
