"""The main window: the transfer register and the dashboard, menus, status bar, remembered state.

Other screens plug in through factories given by the composition root (ui/app.py):
- `wizard_factory(parent, services, transfer_id)` opens the assessment wizard (`None` = a new transfer);
- `screens[name](parent, services)` opens the review queue ("review") and the administration screens
  ("countries", "users", "catalogues").
Each returns the window it opened (shown by the main window if not yet visible) or None. A screen that
saves data calls `services.changes.notify(...)`; the register and the dashboard refresh themselves.
Menus only offer what the signed-in role may do (`permissions.allowed`); the services check again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMenu, QMessageBox, QTabWidget, QWidget

from transfer_tool import __version__
from transfer_tool.accounts.permissions import Action
from transfer_tool.errors import ToolError
from ui import settings as keys
from ui.dashboard import Dashboard, DashboardSource
from ui.errors import show_exception, show_info
from ui.i18n import role_label
from ui.main_menus import DASHBOARD_TAB, REGISTER_TAB, SCREEN_PERMISSIONS, build_menus
from ui.services import SCREEN_REVIEW, Services
from ui.teamwork import BulkReassessment, CopyDialog, ReassignDialog
from ui.widgets.register_panel import RegisterPanel

log = logging.getLogger("ui.main_window")

WizardFactory = Callable[[QWidget, Services, "int | None"], "QWidget | None"]
ScreenFactory = Callable[[QWidget, Services], "QWidget | None"]

DEFAULT_SIZE = (1280, 800)


class MainWindow(QMainWindow):
    # The menus' actions, made by `main_menus.build_menus`.
    new_action: QAction
    open_action: QAction
    import_action: QAction
    export_action: QAction
    verify_action: QAction
    user_settings_action: QAction
    sign_out_action: QAction
    quit_action: QAction
    refresh_action: QAction
    find_action: QAction
    columns_menu: QMenu
    language_menu: QMenu
    review_menu: QMenu
    review_action: QAction
    admin_menu: QMenu
    admin_actions: dict[str, QAction]
    guide_action: QAction
    about_action: QAction

    ready = Signal()  # the register's first rows are in (check mode grabs after this)
    signed_out = Signal()  # File → Sign out: every window closed; the composition root asks for sign-in

    def __init__(
        self,
        services: Services,
        *,
        wizard_factory: WizardFactory | None = None,
        screens: Mapping[str, ScreenFactory] | None = None,
        dashboard_sources: Sequence[DashboardSource] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.wizard_factory = wizard_factory
        self.screens: dict[str, ScreenFactory] = dict(screens or {})
        self._open_windows: list[QWidget] = []
        self._is_ready = False
        self.guide_page: Path | None = None  # the guide's page last opened (Help → User guide)
        self.save_on_close = True  # the check mode turns this off: it must not change the user's settings
        self.setObjectName("mainWindow")
        title = self.tr("Transfer register — Transfer tool")
        self.setWindowTitle(f"{title} {__version__}")  # the version, for support calls and screenshots

        self.register = RegisterPanel(services, self)
        self.dashboard = Dashboard(services, dashboard_sources, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.register, self.tr("&Register"))
        self.tabs.addTab(self.dashboard, self.tr("&Dashboard"))
        self.tabs.setTabToolTip(
            REGISTER_TAB, self.tr("Every recorded transfer, with search and filters (Ctrl+1)")
        )
        self.tabs.setTabToolTip(
            DASHBOARD_TAB, self.tr("Counts, destinations, re-assessments and overdue dates (Ctrl+2)")
        )
        self.setCentralWidget(self.tabs)

        build_menus(self)
        self._build_status_bar()

        self.register.open_requested.connect(self.open_assessment)
        self.register.copy_requested.connect(self.copy_transfer)
        self.register.reassign_requested.connect(self.reassign)
        self.register.reassess_requested.connect(self.confirm_reassessment)
        self.register.export_requested.connect(self.export_register)
        self.register.model.loaded.connect(self._register_loaded)
        self.register.columns_changed.connect(self.sync_column_actions)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.dashboard.status_clicked.connect(lambda st: self._show_in_register(status=st))
        self.dashboard.destination_clicked.connect(lambda code: self._show_in_register(destination=code))
        self.dashboard.reassessment_clicked.connect(lambda: self._show_in_register(reassessment=True))
        self.dashboard.overdue_clicked.connect(lambda: self._show_in_register(overdue=True))
        self.dashboard.transfer_activated.connect(self._show_transfer)
        self.dashboard.review_activated.connect(self.review_assessment)
        services.changes.changed.connect(self._data_changed)
        services.worker.busy_changed.connect(self._busy_changed)
        services.worker.unhandled_error.connect(lambda exc: show_exception(self, exc))

        self._restore_state()

    # ---- menus ----------------------------------------------------------------------------------------

    def visible_menu_titles(self) -> list[str]:
        """The top-level menus the user sees (accelerator ampersands removed)."""
        return [a.text().replace("&", "") for a in self.menuBar().actions() if a.isVisible()]

    def sync_column_actions(self) -> None:
        self.columns_menu.clear()
        template = self.register.columns_menu(self.columns_menu)
        for action in template.actions():
            action.setParent(self.columns_menu)
            self.columns_menu.addAction(action)
        template.deleteLater()

    def _build_status_bar(self) -> None:
        actor = self.services.actor
        who = actor.display_name or actor.username
        self.user_label = QLabel(
            self.tr("Signed in as %1 (%2) — %3")
            .replace("%1", who)
            .replace("%2", actor.username)
            .replace("%3", role_label(actor.role)),
            self,
        )
        self.user_label.setObjectName("signedInUser")
        self.busy_label = QLabel(self.tr("Working…"), self)
        self.busy_label.setObjectName("busyIndicator")
        self.busy_label.hide()
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.user_label)

    # ---- state ---------------------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = self.services.settings
        geometry = settings.get(keys.WINDOW_GEOMETRY)
        if not (geometry and self.restoreGeometry(geometry)):
            self.resize(*DEFAULT_SIZE)
        state = settings.get(keys.WINDOW_STATE)
        if state:
            self.restoreState(state)
        self.register.restore_state()
        tab = settings.get(keys.CURRENT_TAB)
        if tab in (REGISTER_TAB, DASHBOARD_TAB):
            self.tabs.setCurrentIndex(tab)
        if self.tabs.currentIndex() == DASHBOARD_TAB:
            self.dashboard.refresh()

    def save_state(self) -> None:
        settings = self.services.settings
        settings.set(keys.WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        settings.set(keys.WINDOW_STATE, bytes(self.saveState().data()))
        settings.set(keys.CURRENT_TAB, self.tabs.currentIndex())
        self.register.save_state()
        settings.sync()

    def sign_out(self) -> bool:
        """File → Sign out: close every window this one opened (a wizard saves what was typed as it
        closes); a window that stays open (an approval running, a question to answer) stops the sign-out.
        Then this window closes and `signed_out` asks for the sign-in dialog."""
        for window in [w for w in self._open_windows if _alive(w) and w.isVisible()]:
            window.close()
        still_open = [w for w in self._open_windows if _alive(w) and w.isVisible()]
        if still_open:
            self.statusBar().showMessage(
                self.tr("Not signed out: first finish in the window “%1”.").replace(
                    "%1", still_open[0].windowTitle()
                ),
                15000,
            )
            return False
        self.signed_out.emit()
        self.close()
        return True

    def open_user_guide(self) -> None:
        """Help → User guide: the guide shipped with the tool, in the web browser."""
        from ui.help import open_user_guide

        try:
            page, opened = open_user_guide(self.tr("Transfer tool — user guide"))
        except (OSError, ToolError) as exc:
            show_info(
                self,
                self.tr("User guide"),
                self.tr("The user guide could not be opened: %1").replace("%1", str(exc)),
            )
            return
        self.guide_page = page
        if opened:
            self.statusBar().showMessage(self.tr("The user guide opens in your web browser."), 8000)
        else:
            show_info(
                self,
                self.tr("User guide"),
                self.tr("No web browser could be started. The user guide is this file: %1").replace(
                    "%1", str(page)
                ),
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.save_on_close:
            self.save_state()
        for window in self._open_windows:
            if _alive(window):  # a screen closed earlier with WA_DeleteOnClose is gone (calling it crashes)
                window.close()
                if window.isVisible():  # it asks first (a new transfer not stored yet): the app stays
                    event.ignore()
                    return
        super().closeEvent(event)

    # ---- slots -----------------------------------------------------------------------------------------------

    def open_assessment(self, transfer_id: int) -> None:
        """Open the assessment wizard on `transfer_id` (the wizard helper's factory)."""
        if self.wizard_factory is None:
            show_info(
                self,
                self.tr("Assessment"),
                self.tr("The assessment wizard is not available in this version yet."),
            )
            return
        self._keep(self.wizard_factory(self, self.services, transfer_id))

    def new_transfer(self) -> None:
        """Record a new transfer: the wizard starts with its register step."""
        if self.wizard_factory is None:
            show_info(
                self,
                self.tr("New transfer"),
                self.tr("Recording transfers from the app is not available in this version yet."),
            )
            return
        self._keep(self.wizard_factory(self, self.services, None))

    def copy_transfer(self, transfer_id: int) -> CopyDialog | None:
        """Register → "New transfer from this one…": the dialog, then the new draft in the wizard."""
        if not self.services.may(Action.EDIT_TRANSFERS):
            return None
        dialog = CopyDialog(self.services, transfer_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.copied.connect(self._copied)
        dialog.open()
        return dialog

    def _copied(self, transfer_id: int, left_behind: list[str]) -> None:
        message = self.tr("New transfer created: confirm each copied answer in its assessment.")
        if left_behind:
            not_copied = self.tr(
                "%n transfer tool(s) were not copied: the new exporter is not under their regime.",
                "",
                len(left_behind),
            )
            # Two sentences: a space between them in English, none after a Japanese full stop.
            message = self.tr("%1 %2").replace("%1", message).replace("%2", not_copied)
        self.statusBar().showMessage(message, 15000)
        self.register.refresh()
        self.open_assessment(transfer_id)

    def reassign(self, transfer_ids: list[int]) -> ReassignDialog | None:
        """Register → "Reassign…" (admins and managers): the selected transfers to one person."""
        if not transfer_ids or not self.services.may(Action.ASSIGN_TRANSFERS):
            return None
        dialog = ReassignDialog(self.services, transfer_ids, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reassigned.connect(
            lambda n: self.statusBar().showMessage(self.tr("Reassigned %n transfer(s)", "", n), 8000)
        )
        dialog.open()
        return dialog

    def confirm_reassessment(self, transfer_ids: list[int]) -> QMessageBox | None:
        """Register → "Start re-assessment…": the count and a confirmation, then the bulk run."""
        if not transfer_ids or not self.services.may(Action.ASSESS):
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Start re-assessment"),
            self.tr(
                "Start a new version for each of the %n selected transfer(s)? Each is pre-filled from its "
                "approved version; what the country-data change touched is reset or marked for you to "
                "confirm. Transfers without an approved version, or with a newer version in progress, are "
                "skipped.",
                "",
                len(transfer_ids),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("reassessConfirm")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        ids = list(transfer_ids)
        box.finished.connect(
            lambda result: self.start_reassessment(ids) if result == QMessageBox.StandardButton.Yes else None
        )
        box.open()
        return box

    def start_reassessment(self, transfer_ids: list[int]) -> BulkReassessment:
        run = BulkReassessment(self.services, transfer_ids, self)
        run.finished.connect(self._reassessment_finished)
        run.finished.connect(lambda *_a: self.register.refresh())
        run.start()
        return run

    def _reassessment_finished(self, started: int, done: int) -> None:
        message = self.tr("%n new version(s) started", "", started)
        if done > started:  # "0 started" alone left the user guessing why nothing happened
            skipped = self.tr(
                "%n skipped: no approved version, or a newer version is already in progress (open it "
                "from the register).",
                "",
                done - started,
            )
            message = self.tr("%1. %2").replace("%1", message).replace("%2", skipped)
        self.statusBar().showMessage(message, 20000)

    def open_screen(self, name: str) -> QWidget | None:
        """Open a review or administration screen by name, if the role allows it; the window opened."""
        permission = SCREEN_PERMISSIONS.get(name)
        if permission is not None and not self.services.may(permission):
            return None
        factory = self.screens.get(name)
        if factory is None:
            show_info(
                self,
                self.tr("Not available yet"),
                self.tr("This screen is not available in this version yet."),
            )
            return None
        window = factory(self, self.services)
        self._keep(window)
        return window

    def review_assessment(self, assessment_id: int) -> None:
        """The review screen, opened on one assessment of its queue (a dashboard line)."""
        show = getattr(self.open_screen(SCREEN_REVIEW), "show_assessment", None)
        if callable(show):
            show(assessment_id)

    def _keep(self, window: QWidget | None) -> None:
        if window is None:
            return
        self._open_windows = [w for w in self._open_windows if _alive(w)]
        self._open_windows.append(window)
        if not window.isVisible():
            window.show()

    def open_selected(self) -> None:
        tid = self.register.current_transfer_id()
        if tid is not None:
            self.open_assessment(tid)

    def refresh(self) -> None:
        self.register.refresh()
        self.dashboard.refresh()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(REGISTER_TAB)
        self.register.search.setFocus()
        self.register.search.selectAll()

    def import_register(self, path: str | None = None) -> None:
        """File → Import…: a workbook or CSV, previewed with every problem before anything is written."""
        from ui.register_files import start_import

        dialog = start_import(self, self.services, path)
        if dialog is None:
            return
        dialog.imported.connect(
            lambda n: self.statusBar().showMessage(self.tr("Imported %n transfer(s)", "", n), 8000)
        )
        self._keep(dialog)

    def export_register(self, selected: list[int] | None = None) -> None:
        """File → Export…: the register as filtered, as an Excel workbook or CSV; from the context menu,
        only the selected transfers (issue #23)."""
        from dataclasses import replace

        from ui.register_files import export_format, export_job

        query = self.register.query()
        if selected and len(selected) < self.register.model.rowCount():
            query = replace(query, ids=tuple(selected))

        settings = self.services.settings
        folder = settings.get(keys.LAST_EXPORT_FOLDER) or str(Path.home())
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the register"),
            str(Path(folder) / "transfers.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV UTF-8 (*.csv)"),
        )
        if not path:
            return
        fmt = export_format(path, chosen)
        if not Path(path).suffix:
            path += f".{fmt}"
        settings.set(keys.LAST_EXPORT_FOLDER, str(Path(path).parent))
        self.statusBar().showMessage(self.tr("Exporting…"))
        self.services.worker.submit(
            export_job(self.services.actor, query, Path(path), fmt, self.services.language),
            lambda n: self.statusBar().showMessage(
                self.tr("Exported %n transfer(s) to %1", "", n).replace("%1", path), 8000
            ),
            self._export_failed,
            owner=self,
            label=f"export {fmt}",
        )

    export_csv = export_register  # the name older callers use

    def _export_failed(self, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        show_exception(self, exc, self.tr("Export failed"))

    def about(self) -> None:
        from ui.about import open_about  # only when asked: it reads the licence files

        self._keep(open_about(self, self.services.worker))

    def set_language(self, code: str) -> None:
        self.services.settings.set(keys.LANGUAGE, code)
        self.statusBar().showMessage(self.tr("The language changes at the next start."), 8000)

    # ---- reactions -------------------------------------------------------------------------------------------

    def _register_loaded(self, _count: int) -> None:
        if not self._is_ready:
            self._is_ready = True
            self.ready.emit()

    @property
    def is_ready(self) -> bool:
        return self._is_ready

    def _tab_changed(self, index: int) -> None:
        if index == DASHBOARD_TAB:
            self.dashboard.refresh_if_stale()
        self.find_action.setEnabled(True)

    def _data_changed(self, _kind: str) -> None:
        # Any change can move a transfer's status, flags or dates: the register re-reads its page.
        self.register.refresh()

    def _busy_changed(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)

    def _show_in_register(self, **filters: Any) -> None:
        self.register.show_only(**filters)
        self.tabs.setCurrentIndex(REGISTER_TAB)

    def _show_transfer(self, transfer_id: int) -> None:
        self.tabs.setCurrentIndex(REGISTER_TAB)
        if self.register.select_transfer(transfer_id):
            return
        before = self.register.model.query
        self.register.clear_filters()
        if self.register.model.query != before:  # a new query is loading: select when it is in
            self.register.model.loaded.connect(
                lambda _n: self.register.select_transfer(transfer_id),
                Qt.ConnectionType.SingleShotConnection,
            )


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)
