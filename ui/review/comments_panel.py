"""Return with comments: one comment per section of the wizard (`service.REVIEW_SECTIONS`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.assessment.service import REVIEW_SECTIONS
from ui.accessibility import name_from_labels

Index = QModelIndex | QPersistentModelIndex


def section_label(key: str) -> str:
    labels = {
        "general": QCoreApplication.translate("ReviewSections", "General"),
        "parties": QCoreApplication.translate("ReviewSections", "Parties and destination (step 1)"),
        "personal_data": QCoreApplication.translate("ReviewSections", "Personal data (step 1)"),
        "handling": QCoreApplication.translate("ReviewSections", "Handling and onward transfers (step 1)"),
        "facts": QCoreApplication.translate("ReviewSections", "Transfer description (step 1)"),
        "regimes": QCoreApplication.translate("ReviewSections", "Regimes and pre-check"),
        "tools": QCoreApplication.translate("ReviewSections", "Transfer tool (step 2)"),
        "law_practice": QCoreApplication.translate("ReviewSections", "Law and practice (step 3)"),
        "measures": QCoreApplication.translate("ReviewSections", "Supplementary measures (step 4)"),
        "action_plan": QCoreApplication.translate("ReviewSections", "Action plan"),
        "risk": QCoreApplication.translate("ReviewSections", "Risk"),
        "conclusion": QCoreApplication.translate("ReviewSections", "Conclusion and re-evaluation"),
        "evidence": QCoreApplication.translate("ReviewSections", "Evidence"),
    }
    return labels.get(key, key)


class PendingCommentsModel(QAbstractListModel):
    """The comments written so far, as (section, text); shown "Section: text"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str]] = []

    def comments(self) -> list[tuple[str, str]]:
        return list(self._rows)

    def add(self, section: str, text: str) -> None:
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append((section, text))
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        section, text = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{section_label(section)}: {text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return text
        return None


class CommentsPanel(QWidget):
    """Write comments section by section, then `return_requested(comments)`."""

    return_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commentsPanel")
        intro = QLabel(
            self.tr(
                "Say what must change before you can approve. The assessor sees each comment beside its "
                "section of the assessment, and resubmits when done."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.section = QComboBox(self)
        self.section.setObjectName("commentSection")
        for key in REVIEW_SECTIONS:
            if key != "facts":  # the whole of step 1: its three pages now have their own sections
                self.section.addItem(section_label(key), key)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("commentText")
        self.text.setPlaceholderText(self.tr("What should the assessor change or explain?"))
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(110)
        self.add_button = QPushButton(self.tr("&Add comment"), self)
        self.add_button.setObjectName("addComment")
        self.add_button.clicked.connect(self.add_comment)
        self.model = PendingCommentsModel(self)
        self.list = QListView(self)
        self.list.setObjectName("pendingComments")
        self.list.setAccessibleName(self.tr("Comments to send back"))
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.remove_button.clicked.connect(self._remove_selected)
        self.return_button = QPushButton(self.tr("&Return to the assessor"), self)
        self.return_button.setObjectName("returnButton")
        self.return_button.clicked.connect(self._return)
        self.message = QLabel(self)
        self.message.setObjectName("commentsMessage")
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Section:"), self.section)
        form.addRow(self.tr("Comment:"), self.text)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.remove_button)
        bottom.addStretch(1)
        bottom.addWidget(self.return_button)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addLayout(add_row)
        lay.addWidget(QLabel(self.tr("Comments to send:"), self))
        lay.addWidget(self.list, 1)
        lay.addLayout(bottom)
        lay.addWidget(self.message)
        self.model.rowsInserted.connect(self._update)
        self.model.rowsRemoved.connect(self._update)
        self.model.modelReset.connect(self._update)
        self.text.textChanged.connect(self._update)
        self.list.selectionModel().selectionChanged.connect(self._update)
        self._update()
        name_from_labels(self)  # screen readers name each field after its label

    def add_comment(self) -> bool:
        text = self.text.toPlainText().strip()
        if not text:
            return False
        self.model.add(str(self.section.currentData()), text)
        self.text.clear()
        return True

    def comments(self) -> list[tuple[str, str]]:
        return self.model.comments()

    def unsent(self) -> int:
        """How many comments closing now would lose: those listed to send and one typed but not added."""
        return len(self.model.comments()) + (1 if self.text.toPlainText().strip() else 0)

    def reset(self, keep_message: bool = False) -> None:
        self.model.clear()
        self.text.clear()
        if not keep_message:
            self.message.clear()

    def set_busy(self, busy: bool) -> None:
        for w in (self.add_button, self.return_button, self.remove_button, self.text, self.section):
            w.setEnabled(not busy)
        if not busy:
            self._update()

    def show_error(self, text: str) -> None:
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setText(text)

    def _remove_selected(self) -> None:
        for index in self.list.selectionModel().selectedRows():
            self.model.remove(index.row())

    def _return(self) -> None:
        self.add_comment()  # a comment typed but not added yet goes too
        if not self.model.comments():
            self.show_error(self.tr("Write at least one comment: the assessor needs to know what to change."))
            return
        self.return_requested.emit(self.model.comments())

    def _update(self) -> None:
        has_any = bool(self.model.comments()) or bool(self.text.toPlainText().strip())
        self.return_button.setEnabled(has_any)
        self.add_button.setEnabled(bool(self.text.toPlainText().strip()))
        # Enabled with nothing chosen it did nothing when pressed: it acts on the comment chosen in the list.
        self.remove_button.setEnabled(self.list.selectionModel().hasSelection())
