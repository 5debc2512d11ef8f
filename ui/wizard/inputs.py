"""Small input widgets of the wizard's pages: catalogue checklists, optional dates, probabilities,
countries typed or picked by name, and plain text fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.catalog import CatalogItem
from transfer_tool.countries import store
from transfer_tool.countries.names import CountryNames
from ui.terms import ui_language
from ui.widgets.country_completer import RankedCountryCompleter, completion_text
from ui.wizard.common import plain_label


class Checklist(QListView):
    """A catalogue as a list of check boxes; each entry shows its privacy-policy section."""

    changed = Signal()
    CodeRole = int(Qt.ItemDataRole.UserRole) + 1

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setAccessibleName(accessible_name)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.model_.itemChanged.connect(lambda _i: self._emit())
        self._silent = False

    def _emit(self) -> None:
        if not self._silent:
            self.changed.emit()

    def set_items(self, items: Iterable[CatalogItem], language: str) -> None:
        self._silent = True
        self.model_.clear()
        for it in items:
            section = f"§{it.section} " if it.section and it.section != "-" else ""
            row = QStandardItem(f"{section}{it.label(language)}")
            row.setCheckable(True)
            row.setEditable(False)
            row.setData(it.code, self.CodeRole)
            other = it.label_en if language == "ja" else it.label_ja
            row.setToolTip(f"{it.citation()}\n{other}".strip())
            self.model_.appendRow(row)
        self._silent = False
        self.fit_height()

    def codes(self) -> list[str]:
        return [str(self.model_.item(r).data(self.CodeRole)) for r in range(self.model_.rowCount())]

    def set_checked(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        self._silent = True
        for r in range(self.model_.rowCount()):
            item = self.model_.item(r)
            checked = item.data(self.CodeRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._silent = False

    def checked(self) -> tuple[str, ...]:
        return tuple(
            str(self.model_.item(r).data(self.CodeRole))
            for r in range(self.model_.rowCount())
            if self.model_.item(r).checkState() == Qt.CheckState.Checked
        )

    def toggle(self, code: str, on: bool = True) -> None:
        """Check or uncheck one entry as a click would (emits `changed`)."""
        for r in range(self.model_.rowCount()):
            item = self.model_.item(r)
            if item.data(self.CodeRole) == code:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                return
        raise KeyError(code)

    def fit_height(self) -> None:
        """Show every entry without an inner scroll bar (rows wrap, so the height follows the width)."""
        rows = self.model_.rowCount()
        height = 40
        if rows:
            self.doItemsLayout()
            last = self.rectForIndex(self.model_.index(rows - 1, 0))
            height = max(height, last.bottom() + 2 * self.frameWidth() + 6)
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_height()


class OptionalDateEdit(QDateEdit):
    """A date that may be empty: the lowest date shows as "not set"."""

    EMPTY = QDate(2000, 1, 1)

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(self.EMPTY)
        self.setMaximumDate(QDate(2100, 12, 31))
        self.setSpecialValueText(empty_text)
        # As lists write dates in the interface's language (ui.i18n.format_date): 2026/11/26 in Japanese.
        self.setDisplayFormat("yyyy/MM/dd" if ui_language() == "ja" else "yyyy-MM-dd")
        self.setDate(self.EMPTY)
        self._moved_on = False
        self._calendar_watched = False
        # Where typing into "not set" and the calendar start; tests give a fixed day (a month's edge
        # otherwise moves between the field's reading and the test's).
        self.today: Callable[[], QDate] = QDate.currentDate

    def value(self) -> dt.date | None:
        d = self.date()
        return None if d == self.EMPTY else dt.date(d.year(), d.month(), d.day())

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(self.EMPTY if value is None else QDate(value.year, value.month, value.day))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Typing into "not set" used to edit the placeholder's letters ("no date0270331"): the first digit
        # starts from today's date with its year selected, so "2027-03-31", "2027/03/31" or "20270331"
        # types the date. A separator right after a section filled itself is the one Qt already moved over.
        text = event.text()[:1]
        if text.isdigit() and self.value() is None:
            self.setDate(self.today())
            self.setCurrentSection(QDateEdit.Section.YearSection)
            self.setSelectedSection(QDateEdit.Section.YearSection)
        if text in DATE_SEPARATORS and self._moved_on:
            self._moved_on = False
            event.accept()
            return
        before = self.currentSection()
        super().keyPressEvent(event)
        self._moved_on = text.isdigit() and self.currentSection() != before

    def focusNextPrevChild(self, next: bool) -> bool:
        # Qt's date edit moves Tab between the sections of the date; on "not set" it found no next section
        # and kept Tab for ever (a keyboard trap): empty, Tab leaves the field.
        if self.value() is None:
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        calendar = self.calendarWidget()
        if calendar is not None and not self._calendar_watched:
            calendar.installEventFilter(self)
            self._calendar_watched = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The calendar of an empty date opens on today's month, not on the "not set" date (January 2000).
        calendar = self.calendarWidget()
        if watched is calendar and event.type() == QEvent.Type.Show and self.value() is None:
            today = self.today()
            calendar.setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)


DATE_SEPARATORS = frozenset("-/.")


class ProbabilitySpin(QDoubleSpinBox):
    """A probability entered in percent; the lowest value shows as "not set" (None)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1.0, 100.0)
        self.setDecimals(2)
        self.setSingleStep(1.0)
        self.setSuffix(" %")
        self.setSpecialValueText(QCoreApplication.translate("Wizard", "not set"))
        self.setValue(-1.0)
        self.setKeyboardTracking(False)

    def probability(self) -> float | None:
        v = self.value()
        return None if v < 0 else round(v / 100.0, 6)

    def set_probability(self, p: float | None) -> None:
        self.setValue(-1.0 if p is None else p * 100.0)


class CountryCombo(QWidget):
    """One country, chosen by typing a name in English or Japanese or its code (the shared search)."""

    changed = Signal(str)

    def __init__(self, names: CountryNames, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)

        self._names = names
        self._language = language
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(
            QCoreApplication.translate("Wizard", "Country name (English or Japanese) or code")
        )
        self.resolved = plain_label("", self)
        self.resolved.setStyleSheet("color:#555;font-size:90%;")
        self.completer = RankedCountryCompleter(names, language, self)
        self.completer.attach(self.edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.resolved)
        self.setFocusProxy(self.edit)
        self._code = ""
        self.edit.textChanged.connect(self._resolve)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def code(self) -> str:
        return self._code

    def set_code(self, code: str) -> None:
        self.edit.setText(completion_text(self._names, code, self._language) if code else "")

    def _resolve(self, text: str) -> None:
        code = resolve_country(text, self._names)
        self.resolved.setText(
            f"{self._names.name(code, 'ja')} / {self._names.name(code, 'en')} ({code})" if code else ""
        )
        if code != self._code:
            self._code = code
            self.changed.emit(code)


def resolve_country(text: str, names: CountryNames) -> str:
    """The country code a typed text means: "(US)" at the end, a code, or a name found by the shared search."""
    t = text.strip()
    if not t:
        return ""
    if t.endswith(")") and "(" in t:
        inner = t[t.rindex("(") + 1 : -1].strip().upper()
        if names.is_known(inner):
            return inner
    if names.is_known(t.upper()) and len(t) <= 3:
        return t.upper()
    hits = store.search(t, 1)
    return hits[0].code if hits else ""


def parse_country_list(text: str, names: CountryNames) -> tuple[tuple[str, ...], list[str]]:
    """Codes from "US, IE" or "米国、アイルランド"; unknown entries are returned separately."""
    codes: list[str] = []
    unknown: list[str] = []
    for token in text.replace("、", ",").replace(";", ",").split(","):
        token = token.strip()
        if not token:
            continue
        code = resolve_country(token, names)
        if code:
            if code not in codes:
                codes.append(code)
        else:
            unknown.append(token)
    return tuple(codes), unknown


class PlainTextField(QPlainTextEdit):
    """Multi-line text with a compact height; Tab moves focus instead of inserting a tab."""

    def __init__(self, accessible_name: str, lines: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 12
        self.setFixedHeight(height)

    def set_text_quietly(self, text: str) -> None:
        if self.toPlainText() != text:
            self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(False)
