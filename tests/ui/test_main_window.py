"""The main window on a seeded database: register, filters, dashboard, menus by role, remembered state."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QGroupBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.factories import transfer
from tests.ui.conftest import TODAY
from transfer_tool.accounts.permissions import Actor
from transfer_tool.domain import TransferStatus
from transfer_tool.register import register_search
from transfer_tool.register.register_search import TransferQuery
from transfer_tool.storage.database import Database
from ui import settings as keys
from ui.dashboard import DashboardLine, DashboardSection, appi_checks
from ui.main_window import MainWindow
from ui.models.register_model import COLUMN_KEYS, RowRole
from ui.services import TRANSFERS, Services
from ui.settings import Settings
from ui.workers import DatabaseHandle

MakeWindow = Callable[..., MainWindow]


def _shown_refs(window: MainWindow) -> list[str]:
    model = window.register.model
    col = COLUMN_KEYS.index("reference")
    return [model.index(r, col).data() for r in range(model.rowCount())]


def _info_boxes(window: MainWindow) -> list[QMessageBox]:
    return [w for w in window.findChildren(QMessageBox) if w.isVisible()]


def test_opens_on_the_register_with_every_transfer(
    make_window: MakeWindow, admin: Actor, seeded: list[int]
) -> None:
    window = make_window(admin)
    assert window.is_ready
    assert window.register.model.rowCount() == len(seeded)
    assert window.register.count_label.text() == f"{len(seeded)} transfer(s)"
    assert window.user_label.text() == "Signed in as Ada Admin (admin) — Administrator"
    # newest first by default
    assert _shown_refs(window)[0] > _shown_refs(window)[-1]


def test_search_is_debounced_and_filters(
    qtbot: QtBot, make_window: MakeWindow, admin: Actor, seeded: list[int], db: Database
) -> None:
    window = make_window(admin)
    expected = register_search.search_ids(db, TransferQuery(text="Payroll"))
    assert 0 < len(expected) < len(seeded)
    window.register.search.setText("Payroll")
    assert window.register.model.rowCount() == len(seeded)  # not yet: waits for typing to pause
    qtbot.waitUntil(lambda: window.register.model.rowCount() == len(expected), timeout=2000)
    rows = [window.register.model.index(r, 0).data(RowRole) for r in range(len(expected))]
    assert all("Payroll" in f"{row.title} {row.exporter} {row.importer}" for row in rows)
    assert {row.id for row in rows} == set(expected)


def test_filters_combine(
    qtbot: QtBot, make_window: MakeWindow, admin: Actor, seeded: list[int], db: Database
) -> None:
    window = make_window(admin)
    panel = window.register
    panel.status.setCurrentIndex(panel.status.findData(TransferStatus.APPROVED.value))
    approved = register_search.search_ids(db, TransferQuery(status=TransferStatus.APPROVED))
    assert panel.model.rowCount() == len(approved)
    panel.reassessment.setChecked(True)
    flagged = register_search.search_ids(
        db, TransferQuery(status=TransferStatus.APPROVED, reassessment_needed=True)
    )
    assert 0 < panel.model.rowCount() == len(flagged) < len(approved)
    panel.clear_filters()
    assert panel.model.rowCount() == len(seeded)
    panel.destination.setCurrentIndex(panel.destination.findData("US"))
    panel.destination.activated.emit(panel.destination.currentIndex())
    assert panel.model.rowCount() == len(register_search.search_ids(db, TransferQuery(country="US")))
    panel.clear_filters()
    panel.overdue.setChecked(True)
    assert panel.model.rowCount() == len(register_search.search_ids(db, TransferQuery(overdue_on=TODAY)))


def test_typing_a_destination_name_filters_by_it(
    make_window: MakeWindow, admin: Actor, seeded: list[int], db: Database
) -> None:
    window = make_window(admin, language="ja")
    panel = window.register
    edit = panel.destination.lineEdit()
    assert edit is not None
    edit.setText("米国 (US)")
    edit.editingFinished.emit()
    assert panel.query().country == "US"
    assert panel.model.rowCount() == len(register_search.search_ids(db, TransferQuery(country="US")))


def test_role_decides_the_menus(make_window: MakeWindow, admin: Actor, legal: Actor, manager: Actor) -> None:
    assert make_window(legal).visible_menu_titles() == ["File", "View", "Help"]
    assert make_window(manager).visible_menu_titles() == ["File", "View", "Review", "Help"]
    admin_window = make_window(admin)
    assert admin_window.visible_menu_titles() == ["File", "View", "Review", "Administration", "Help"]
    assert all(a.isVisible() for a in admin_window.admin_actions.values())


def test_legal_staff_cannot_open_admin_screens_even_by_slot(make_window: MakeWindow, legal: Actor) -> None:
    opened: list[str] = []
    window = make_window(legal, screens={"countries": lambda parent, services: opened.append("countries")})
    window.open_screen("countries")
    assert opened == []


def test_open_assessment_without_a_wizard_says_so(
    qtbot: QtBot, make_window: MakeWindow, admin: Actor, seeded: list[int]
) -> None:
    window = make_window(admin)
    window.open_assessment(seeded[0])
    boxes = _info_boxes(window)
    assert boxes and "not available" in boxes[0].text()


def test_enter_on_a_row_calls_the_wizard_factory_with_its_id(
    qtbot: QtBot, make_window: MakeWindow, admin: Actor, seeded: list[int]
) -> None:
    calls: list[tuple[Services, int | None]] = []

    def factory(parent: QWidget, services: Services, transfer_id: int | None) -> QWidget:
        calls.append((services, transfer_id))
        return QWidget(parent, Qt.WindowType.Window)

    window = make_window(admin, wizard_factory=factory)
    table = window.register.table
    table.setFocus()
    table.selectRow(2)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    chosen = window.register.model.transfer_id(2)
    assert [c[1] for c in calls] == [chosen]
    assert calls[0][0] is window.services
    window.new_action.trigger()
    assert calls[-1][1] is None


def test_a_saved_change_refreshes_the_register(
    make_window: MakeWindow, admin: Actor, seeded: list[int], db: Database
) -> None:
    window = make_window(admin)
    transfer(db, admin, "KR", title="Newly recorded")
    assert window.register.model.rowCount() == len(seeded)
    window.services.changes.notify(TRANSFERS)
    assert window.register.model.rowCount() == len(seeded) + 1
    transfer(db, admin, "KR", title="Another one")
    window.refresh_action.trigger()  # F5
    assert window.register.model.rowCount() == len(seeded) + 2


def test_visible_columns_are_remembered_across_a_restart(
    make_window: MakeWindow, admin: Actor, seeded: list[int], make_settings: Callable[[], Settings]
) -> None:
    first = make_window(admin, settings=make_settings())
    title = COLUMN_KEYS.index("title")
    updated = COLUMN_KEYS.index("updated")
    assert not first.register.table.isColumnHidden(title)
    assert first.register.table.isColumnHidden(updated)  # hidden by default
    first.register.set_column_visible("title", False)
    menu = first.register.columns_menu(first)
    [updated_action] = [a for a in menu.actions() if a.text() == "Last updated"]
    updated_action.trigger()  # as from the header's context menu
    first.close()
    assert make_settings().get(keys.WINDOW_GEOMETRY)  # geometry saved on close

    again = make_window(admin, settings=make_settings())
    assert again.register.table.isColumnHidden(title)
    assert not again.register.table.isColumnHidden(updated)


def test_sort_order_is_remembered(
    make_window: MakeWindow,
    admin: Actor,
    seeded: list[int],
    make_settings: Callable[[], Settings],
    db: Database,
) -> None:
    first = make_window(admin, settings=make_settings())
    first.register.table.sortByColumn(COLUMN_KEYS.index("title"), Qt.SortOrder.AscendingOrder)
    order = _shown_refs(first)
    first.close()
    again = make_window(admin, settings=make_settings())
    assert _shown_refs(again) == order
    assert again.register.model.query.sort == register_search.SortKey.TITLE


def test_dashboard_counts_and_links_to_the_register(
    qtbot: QtBot, make_window: MakeWindow, admin: Actor, seeded: list[int], db: Database
) -> None:
    window = make_window(admin)
    with qtbot.waitSignal(window.dashboard.loaded, timeout=3000):
        window.tabs.setCurrentIndex(1)
    dash = window.dashboard
    by_status = register_search.count_by_status(db)
    assert dash.total_card.number.text() == str(len(seeded))
    for status, card in dash.status_cards.items():
        assert card.number.text() == str(by_status.get(status, 0))
    chart = dict((code, n) for code, _label, n in dash.chart.items())
    assert chart["US"] == len(register_search.search_ids(db, TransferQuery(country="US")))
    assert sum(chart.values()) == len(seeded)
    flagged = register_search.search_ids(db, TransferQuery(reassessment_needed=True))
    assert dash.reassessment_box.title() == f"Re-assessment needed ({len(flagged)})"

    dash.status_cards[TransferStatus.RETURNED].click()
    assert window.tabs.currentIndex() == 0
    assert window.register.model.rowCount() == by_status[TransferStatus.RETURNED]
    dash.chart.bar_clicked.emit("US")
    assert window.register.query().country == "US" and window.register.query().status is None
    dash.reassessment_more.click()
    assert window.register.model.rowCount() == len(flagged)


def test_export_csv_writes_the_filtered_register(
    qtbot: QtBot,
    make_window: MakeWindow,
    admin: Actor,
    seeded: list[int],
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "out" / "register.csv"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window = make_window(admin)
    window.register.status.setCurrentIndex(window.register.status.findData(TransferStatus.APPROVED.value))
    window.export_action.trigger()
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) - 1 == len(
        register_search.search_ids(db, TransferQuery(status=TransferStatus.APPROVED))
    )
    assert window.services.settings.get(keys.LAST_EXPORT_FOLDER) == str(target.parent)


def test_nothing_is_clipped_at_1280_by_800(make_window: MakeWindow, admin: Actor, seeded: list[int]) -> None:
    window = make_window(admin)
    window.resize(1280, 800)
    table = window.register.table
    header = table.horizontalHeader()
    visible = [i for i in range(header.count()) if not header.isSectionHidden(i)]
    right = max(header.sectionViewportPosition(i) + header.sectionSize(i) for i in visible)
    assert right <= table.viewport().width() + 1  # every default column fits: no horizontal scrolling
    bar = window.register.count_label
    assert bar.geometry().right() <= window.register.width()
    assert bar.width() >= bar.sizeHint().width()


def test_dashboard_shows_sections_from_other_rooms(
    qtbot: QtBot, make_window: MakeWindow, admin: Actor, seeded: list[int]
) -> None:
    def due_checks(db: object, today: object) -> DashboardSection:
        return DashboardSection("APPI yearly checks", 1, (DashboardLine(seeded[3], "TR-000004 due soon"),))

    window = make_window(admin, dashboard_sources=[due_checks, appi_checks])
    with qtbot.waitSignal(window.dashboard.loaded, timeout=10000):
        window.tabs.setCurrentIndex(1)
    boxes = [b.title() for b in window.dashboard.findChildren(QGroupBox)]
    assert "APPI yearly checks (1)" in boxes
    assert "APPI yearly checks due within 30 days (0)" in boxes  # the assessment services' real list


def test_regime_filter_lists_transfers_whose_exporter_it_governs(
    make_window: MakeWindow, admin: Actor, seeded: list[int], db: Database
) -> None:
    window = make_window(admin)
    panel = window.register
    assert panel.regime.isEnabled() and panel.regime.count() == 6  # all + EU, UK, CH, JP, BR
    panel.select_regime("EU")
    rows = [panel.model.index(r, 0).data(RowRole) for r in range(panel.model.rowCount())]
    assert rows and {r.exporter for r in rows} == {"Net Japan Europe GmbH"}  # the German exporter
    panel.select_regime("UK")
    rows = [panel.model.index(r, 0).data(RowRole) for r in range(panel.model.rowCount())]
    assert rows and {r.exporter for r in rows} == {"Net Japan UK Ltd."}
    panel.clear_filters()
    assert panel.model.rowCount() == len(seeded)


def test_the_dashboards_figures_and_sections_count_from_one_today(
    qtbot: QtBot,
    make_services: Callable[..., Services],
    admin: Actor,
    seeded: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The overdue figures and the sections below them (due checks, planned measures) are one screen: they
    read "today" once (read twice, midnight fell between and the screen counted from two days). Here the
    date moves a day at every reading."""
    import dataclasses
    import datetime as dt
    import itertools

    from ui import dashboard

    days = itertools.count()
    seen: list[tuple[str, dt.date]] = []
    summary = dashboard.load_summary

    def recorded_summary(db: DatabaseHandle, today: dt.date) -> dashboard.DashboardSummary:
        seen.append(("summary", today))
        return summary(db, today)

    def section(db: object, today: dt.date) -> DashboardSection:
        seen.append(("section", today))
        return DashboardSection("Due", 0, ())

    monkeypatch.setattr(dashboard, "load_summary", recorded_summary)
    services = dataclasses.replace(make_services(admin), today=lambda: TODAY + dt.timedelta(days=next(days)))
    window = MainWindow(services, dashboard_sources=[section])
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.dashboard.loaded, timeout=10000):
        window.tabs.setCurrentIndex(1)
    (first, at), (second, also) = seen
    assert (first, second) == ("summary", "section") and at == also
