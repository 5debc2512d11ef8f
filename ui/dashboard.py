"""The dashboard: counts by status, transfers by destination, re-assessments needed, overdue re-evaluations.

Everything is read through the worker. Counting by destination has no service of its own yet, so it walks
the register in chunks of rows, one worker job per chunk: register queries queued meanwhile are served
between chunks instead of waiting for the whole count. Further sections (e.g. the APPI yearly checks from
the assessment services) plug in as `DashboardSource` functions.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.accounts.permissions import Actor
from transfer_tool.domain import TransferStatus
from transfer_tool.register import register_search
from transfer_tool.register.register_search import SortKey, TransferQuery, TransferRow
from transfer_tool.runtime.bootstrap import DatabaseHandle
from ui.errors import show_exception
from ui.i18n import format_date, format_number, status_label
from ui.services import Services
from ui.terms import ui_language
from ui.widgets.bar_chart import BarChart

log = logging.getLogger("ui.dashboard")

LIST_LIMIT = 8
CHART_LIMIT = 15
COUNT_CHUNK = 5000  # ids per worker job when counting by destination
TransferIdRole = int(Qt.ItemDataRole.UserRole) + 1
AssessmentIdRole = int(Qt.ItemDataRole.UserRole) + 2


@dataclass(frozen=True)
class DashboardLine:
    transfer_id: int | None
    text: str
    assessment_id: int | None = None  # set: the line opens the review of this assessment


@dataclass(frozen=True)
class DashboardSection:
    """An extra dashboard section from another room (e.g. APPI yearly checks)."""

    title: str
    count: int
    lines: tuple[DashboardLine, ...] = ()


# A function of (db, today) run on the worker; returns a section to show.
DashboardSource = Callable[[Any, dt.date], DashboardSection]


@dataclass(frozen=True)
class DashboardSummary:
    total: int
    by_status: dict[TransferStatus, int]
    reassessment_count: int
    reassessment: tuple[TransferRow, ...]
    overdue_count: int
    overdue: tuple[TransferRow, ...]
    ids: tuple[int, ...] = ()  # every transfer, for counting by destination


def load_summary(db: DatabaseHandle, today: dt.date) -> DashboardSummary:
    """Everything but the per-destination counts (runs on the worker)."""
    by_status = register_search.count_by_status(db)
    reassess_ids = register_search.search_ids(
        db, TransferQuery(reassessment_needed=True, sort=SortKey.UPDATED)
    )
    overdue_ids = register_search.search_ids(db, TransferQuery(overdue_on=today, sort=SortKey.NEXT_REVIEW))
    all_ids = register_search.search_ids(db, TransferQuery())
    return DashboardSummary(
        total=sum(by_status.values()),
        by_status=by_status,
        reassessment_count=len(reassess_ids),
        reassessment=tuple(register_search.fetch_rows(db, reassess_ids[:LIST_LIMIT])),
        overdue_count=len(overdue_ids),
        overdue=tuple(register_search.fetch_rows(db, overdue_ids[:LIST_LIMIT])),
        ids=tuple(all_ids),
    )


def appi_checks(db: DatabaseHandle, today: dt.date) -> DashboardSection:
    """APPI yearly checks due within 30 days or overdue (from the assessment services)."""
    # Heavy (it brings the report and signing code): imported on the worker, when the dashboard first loads.
    from transfer_tool.assessment import service

    rows = [r for r in service.due_dates(db, today, within_days=30) if r.kind == "appi_yearly_check"]
    lines = []
    version = QCoreApplication.translate("Dashboard", "%1 (v%2)")
    for r in rows[:LIST_LIMIT]:
        if r.overdue:
            when = QCoreApplication.translate("Dashboard", "overdue since %1")
        else:
            when = QCoreApplication.translate("Dashboard", "due %1")
        lines.append(
            DashboardLine(
                r.transfer_id,
                f"{version.replace('%1', r.reference).replace('%2', str(r.version_no))} — "
                f"{when.replace('%1', format_date(r.due, ui_language()))}",
            )
        )
    return DashboardSection(
        QCoreApplication.translate("Dashboard", "APPI yearly checks due within 30 days"),
        len(rows),
        tuple(lines),
    )


def my_work(user_id: int | None, within_days: int = 30, actor: Actor | None = None) -> DashboardSource:
    """Issue #23: the signed-in person's own transfers that need them: returned assessments, flagged for
    re-assessment, re-evaluations due within `within_days` or overdue, then the open actions (planned
    measures with a due date) of their approved assessments (responsible person = this user)."""

    def source(db: DatabaseHandle, today: dt.date) -> DashboardSection:
        title = QCoreApplication.translate("Dashboard", "Your transfers that need you")
        if user_id is None:
            return DashboardSection(title, 0)
        queries = (
            (
                TransferQuery(owner_id=user_id, status=TransferStatus.RETURNED),
                QCoreApplication.translate("Dashboard", "returned to you"),
            ),
            (
                TransferQuery(owner_id=user_id, reassessment_needed=True),
                QCoreApplication.translate("Dashboard", "flagged for re-assessment"),
            ),
            (
                TransferQuery(
                    owner_id=user_id,
                    overdue_on=today + dt.timedelta(days=within_days),
                    sort=SortKey.NEXT_REVIEW,
                ),
                QCoreApplication.translate("Dashboard", "re-evaluation due %1"),
            ),
        )
        lines: list[DashboardLine] = []
        seen: set[int] = set()
        for query, what in queries:
            for row in register_search.search(db, query):
                if row.id in seen:
                    continue
                seen.add(row.id)
                label = what.replace("%1", format_date(row.next_review, ui_language()))
                lines.append(DashboardLine(row.id, f"{row.reference} — {label}"))
        if actor is not None:  # the planned measures of the approved assessments of this person's transfers
            from transfer_tool.assessment.due_calendar import open_actions

            lang = ui_language()
            action = QCoreApplication.translate("Dashboard", "open action: %1, due %2")
            for item in open_actions(db, actor, user_id):
                measure = item.measure_ja if lang == "ja" else item.measure_en
                text = action.replace("%1", measure).replace("%2", format_date(item.due, lang))
                lines.append(DashboardLine(item.transfer_id, f"{item.transfer_reference} — {text}"))
        return DashboardSection(title, len(lines), tuple(lines[:LIST_LIMIT]))

    return source


def since_last_sign_in(user_id: int | None) -> DashboardSource:
    """Issue #23: what happened to the signed-in person's transfers since their previous sign-in. The first
    load notes this sign-in (`users.note_sign_in`) and keeps the previous one for the later refreshes."""
    noted: list[dt.datetime | None] = []

    def source(db: DatabaseHandle, _today: dt.date) -> DashboardSection:
        from transfer_tool.accounts import users
        from transfer_tool.register import activity

        title = QCoreApplication.translate("Dashboard", "Since you last signed in")
        if user_id is None:
            return DashboardSection(title, 0)
        if not noted:
            noted.append(users.note_sign_in(db, user_id))
        labels = {
            activity.Happened.RETURNED: QCoreApplication.translate("Dashboard", "returned to you"),
            activity.Happened.APPROVED: QCoreApplication.translate("Dashboard", "approved"),
            activity.Happened.FLAGGED: QCoreApplication.translate("Dashboard", "flagged for re-assessment"),
            activity.Happened.REASSIGNED: QCoreApplication.translate("Dashboard", "reassigned to you"),
        }
        items = activity.since_last_sign_in(db, user_id, noted[0])
        lines = tuple(DashboardLine(i.transfer_id, f"{i.reference} — {labels[i.what]}") for i in items)
        return DashboardSection(title, len(lines), lines[:LIST_LIMIT])

    return source


def _run_source(source: DashboardSource, today: dt.date, db: DatabaseHandle) -> DashboardSection:
    return source(db, today)


def count_destinations(db: DatabaseHandle, ids: Sequence[int]) -> Counter[str]:
    return Counter(r.destination for r in register_search.fetch_rows(db, list(ids)))


class _StatusCard(QPushButton):
    """A big number over its label; clicking it filters the register."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = label
        self.setMinimumSize(112, 72)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        self.number = QLabel(self)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.8)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel(label, self)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for child in (self.number, self.caption):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(child)
        self.set_count(None)

    def set_count(self, count: int | None) -> None:
        number = "…" if count is None else QLocale().toString(count)  # the chosen language's locale
        self.number.setText(number)
        self.setAccessibleName(f"{self._label}: {number}")
        self.setToolTip(self.tr("List these transfers in the register"))


class Dashboard(QScrollArea):
    status_clicked = Signal(object)  # TransferStatus, or None for all
    destination_clicked = Signal(str)
    reassessment_clicked = Signal()
    overdue_clicked = Signal()
    transfer_activated = Signal(int)
    review_activated = Signal(int)  # an assessment awaiting review: open the review screen on it
    loaded = Signal()  # summary and destination counts are in
    calendar_saved = Signal(str)  # the path of the .ics written

    def __init__(
        self, services: Services, sources: Sequence[DashboardSource] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._sources = list(sources)
        self._generation = 0
        self._today = services.today()
        self._counts: Counter[str] = Counter()
        self._stale = True
        self.summary: DashboardSummary | None = None
        self.setObjectName("dashboard")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

        body = QWidget(self)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.setSpacing(12)

        # status cards
        cards_box = QGroupBox(self.tr("Transfers by status"), body)
        cards = QHBoxLayout(cards_box)
        self.total_card = _StatusCard(self.tr("All transfers"), cards_box)
        self.total_card.clicked.connect(lambda: self.status_clicked.emit(None))
        cards.addWidget(self.total_card)
        self.status_cards: dict[TransferStatus, _StatusCard] = {}
        for status in TransferStatus:
            card = _StatusCard(status_label(status), cards_box)
            card.setObjectName(f"statusCard_{status.value}")
            card.clicked.connect(lambda _checked=False, s=status: self.status_clicked.emit(s))
            cards.addWidget(card)
            self.status_cards[status] = card
        outer.addWidget(cards_box)

        # Two columns: the chart (sized to its bars) above any extra sections; the two lists on the right.
        columns = QHBoxLayout()
        columns.setSpacing(12)
        left = QVBoxLayout()
        right = QVBoxLayout()
        # transfers by destination
        chart_box = QGroupBox(self.tr("Transfers by destination"), body)
        chart_layout = QVBoxLayout(chart_box)
        self.chart = BarChart(chart_box)
        self.chart.setObjectName("destinationChart")
        self.chart.setAccessibleName(self.tr("Transfers by destination"))
        self.chart.bar_clicked.connect(self.destination_clicked)
        chart_layout.addWidget(self.chart)
        self.chart_note = QLabel(chart_box)
        self.chart_note.setWordWrap(True)
        chart_layout.addWidget(self.chart_note)
        chart_layout.addStretch(1)
        left.addWidget(chart_box)

        self.reassessment_box, self.reassessment_list, self.reassessment_more = self._list_box(
            self.tr("Re-assessment needed"), "reassessmentList", body
        )
        self.reassessment_more.clicked.connect(self.reassessment_clicked)
        right.addWidget(self.reassessment_box, 1)
        self.overdue_box, self.overdue_list, self.overdue_more = self._list_box(
            self.tr("Overdue re-evaluations"), "overdueList", body
        )
        self.overdue_more.clicked.connect(self.overdue_clicked)
        right.addWidget(self.overdue_box, 1)
        # hook: sections from other rooms (APPI yearly checks, ...)
        self.extra_layout = QVBoxLayout()
        left.addLayout(self.extra_layout)
        left.addStretch(1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        outer.addLayout(columns, 1)
        calendar_row = QHBoxLayout()
        self.calendar_note = QLabel(body)
        self.calendar_note.setObjectName("calendarNote")
        self.calendar_note.setWordWrap(True)
        calendar_row.addWidget(self.calendar_note, 1)
        self.calendar_button = QPushButton(self.tr("Save due dates to a &calendar file (.ics)…"), body)
        self.calendar_button.setObjectName("calendarButton")
        self.calendar_button.setToolTip(
            self.tr(
                "Re-evaluations, APPI yearly checks and planned measures as calendar events for Outlook, "
                "Google Calendar or Apple Calendar; importing a newer file updates the events"
            )
        )
        self.calendar_button.clicked.connect(self.save_calendar)
        calendar_row.addWidget(self.calendar_button, 0, Qt.AlignmentFlag.AlignRight)
        outer.addLayout(calendar_row)
        self.setWidget(body)

        services.changes.changed.connect(self._data_changed)

    def save_calendar(self, path: str | None = None) -> None:
        """Write every due date as an iCalendar file (one event each, stable UIDs)."""
        from pathlib import Path

        from ui import settings as keys
        from ui.register_files import calendar_job

        settings = self._services.settings
        if path is None:
            folder = settings.get(keys.LAST_EXPORT_FOLDER) or str(Path.home())
            path, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Save due dates to a calendar file"),
                str(Path(folder) / "transfer-due-dates.ics"),
                self.tr("Calendar files (*.ics)"),
            )
            if not path:
                return
        target = Path(path if path.lower().endswith(".ics") else f"{path}.ics")
        settings.set(keys.LAST_EXPORT_FOLDER, str(target.parent))
        self.calendar_note.setText(self.tr("Saving the due dates…"))

        def done(n: int) -> None:
            self.calendar_note.setText(
                self.tr("Saved %n due date(s) to %1. Import the file into your calendar.", "", n).replace(
                    "%1", str(target)
                )
            )
            self.calendar_saved.emit(str(target))

        def failed(exc: BaseException) -> None:
            self.calendar_note.setText("")
            show_exception(self, exc, self.tr("Saving the due dates failed"))

        self._services.worker.submit(
            calendar_job(self._services.actor, target, self._services.language),
            done,
            failed,
            owner=self,
            label="due dates calendar",
        )

    def _list_box(self, title: str, name: str, parent: QWidget) -> tuple[QGroupBox, QListView, QPushButton]:
        box = QGroupBox(title, parent)
        layout = QVBoxLayout(box)
        view = QListView(box)
        view.setObjectName(name)
        view.setAccessibleName(title)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setModel(QStandardItemModel(view))
        view.setMinimumHeight(4 * view.fontMetrics().height() + 8)
        view.activated.connect(self._line_activated)
        layout.addWidget(view)
        more = QPushButton(self.tr("Show all in the register"), box)
        more.setAccessibleName(self.tr("Show all in the register: %1").replace("%1", title))
        layout.addWidget(more, 0, Qt.AlignmentFlag.AlignRight)
        return box, view, more

    # ---- loading ------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        self._stale = False
        # One "today" for the figures and the sections below them (read twice, midnight fell between).
        self._today = today = self._services.today()
        self._services.worker.submit(
            lambda db: load_summary(db, today),
            lambda summary: self._summary_loaded(generation, summary),
            owner=self,
            label="dashboard: summary",
        )

    def refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    def _data_changed(self, _kind: str) -> None:
        # Any saved change (a transfer, an assessment, country data) can move these figures.
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _summary_loaded(self, generation: int, summary: DashboardSummary) -> None:
        if generation != self._generation:
            return
        self.summary = summary
        self.total_card.set_count(summary.total)
        for status, card in self.status_cards.items():
            card.set_count(summary.by_status.get(status, 0))
        self._fill(self.reassessment_list, summary.reassessment, summary.reassessment_count, overdue=False)
        self._fill(self.overdue_list, summary.overdue, summary.overdue_count, overdue=True)
        self.reassessment_box.setTitle(
            self.tr("Re-assessment needed (%1)").replace(
                "%1", format_number(summary.reassessment_count, self._services.language)
            )
        )
        self.overdue_box.setTitle(
            self.tr("Overdue re-evaluations (%1)").replace(
                "%1", format_number(summary.overdue_count, self._services.language)
            )
        )
        self._counts = Counter()
        self._count_chunk(generation, summary.ids, 0)

    def _count_chunk(self, generation: int, ids: tuple[int, ...], start: int) -> None:
        if generation != self._generation:
            return
        if start >= len(ids):
            self._show_chart()
            self._load_sections(generation)
            return
        chunk = ids[start : start + COUNT_CHUNK]

        def done(counts: Counter[str]) -> None:
            if generation != self._generation:
                return
            self._counts.update(counts)
            self._count_chunk(generation, ids, start + COUNT_CHUNK)

        self._services.worker.submit(
            lambda db: count_destinations(db, chunk), done, owner=self, label="dashboard: destinations"
        )

    def _load_sections(self, generation: int) -> None:
        """The other rooms' sections, one worker job each, after the figures above are on screen."""
        today = self._today
        sections: list[DashboardSection | None] = [None] * len(self._sources)
        if not self._sources:
            self._show_extra([])
            self.loaded.emit()
            return

        def arrived(index: int, section: DashboardSection | None) -> None:
            if generation != self._generation:
                return
            sections[index] = section
            self._show_extra([s for s in sections if s is not None])
            if index == len(sections) - 1:
                self.loaded.emit()

        def failed(index: int, exc: BaseException) -> None:
            log.error("a dashboard section could not be loaded", exc_info=exc)
            arrived(index, None)

        for i, source in enumerate(self._sources):
            self._services.worker.submit(
                partial(_run_source, source, today),
                partial(arrived, i),
                partial(failed, i),
                owner=self,
                label="dashboard: section",
            )

    def _show_chart(self) -> None:
        top = self._counts.most_common(CHART_LIMIT)
        items = [(code, self._services.country_name(code), n) for code, n in top]
        self.chart.set_items(items, self.tr("No transfers recorded yet."))
        others = len(self._counts) - len(top)
        if others > 0:
            self.chart_note.setText(
                self.tr(
                    "%1 more destinations with fewer transfers; click a bar to list its transfers."
                ).replace("%1", format_number(others, self._services.language))
            )
        else:
            self.chart_note.setText(
                self.tr("Click a bar to list the transfers to that destination.") if top else ""
            )

    def _fill(self, view: QListView, rows: Sequence[TransferRow], count: int, *, overdue: bool) -> None:
        model = view.model()
        assert isinstance(model, QStandardItemModel)
        model.clear()
        lang = self._services.language
        for r in rows:
            where = self._services.country_name(r.destination)
            text = f"{r.reference}  {r.title or r.importer} — {where}"
            if overdue and r.next_review:
                text += "  " + self.tr("(due %1)").replace("%1", format_date(r.next_review, lang))
            item = QStandardItem(text)
            item.setData(r.id, TransferIdRole)
            item.setToolTip(text)
            model.appendRow(item)
        if not rows:
            item = QStandardItem(self.tr("None."))
            item.setEnabled(False)
            model.appendRow(item)
        more = self.overdue_more if overdue else self.reassessment_more
        more.setVisible(count > 0)

    def _show_extra(self, sections: Sequence[DashboardSection]) -> None:
        while self.extra_layout.count():
            child = self.extra_layout.takeAt(0)
            widget = child.widget() if child else None
            if widget is not None:
                widget.deleteLater()
        for section in sections:
            box = QGroupBox(
                self.tr("%1 (%2)").replace("%1", section.title).replace("%2", str(section.count)),
                self.widget(),
            )
            layout = QVBoxLayout(box)
            view = QListView(box)
            view.setAccessibleName(section.title)
            # A long line ends in "…" (its whole text in the tooltip): a scroll bar under it covered the text.
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setTextElideMode(Qt.TextElideMode.ElideRight)
            model = QStandardItemModel(view)
            for line in section.lines:
                item = QStandardItem(line.text)
                item.setToolTip(line.text)
                item.setData(line.transfer_id, TransferIdRole)
                item.setData(line.assessment_id, AssessmentIdRole)
                model.appendRow(item)
            if not section.lines:
                none = QStandardItem(self.tr("None."))
                none.setEnabled(False)
                model.appendRow(none)
            view.setModel(model)
            rows = max(1, min(LIST_LIMIT, model.rowCount()))
            view.setFixedHeight(rows * (view.fontMetrics().height() + 4) + 8)
            view.activated.connect(self._line_activated)
            layout.addWidget(view)
            self.extra_layout.addWidget(box)

    def _line_activated(self, index: QModelIndex) -> None:
        aid = index.data(AssessmentIdRole)
        if isinstance(aid, int):
            self.review_activated.emit(aid)
            return
        tid = index.data(TransferIdRole)
        if isinstance(tid, int):
            self.transfer_activated.emit(tid)
