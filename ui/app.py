"""The composition root of the desktop app: application, fonts, settings, translators, database, sign-in,
main window. Nothing else builds these; screens receive what they need (`ui.services.Services`).

Order of start-up: QApplication → bundled font → settings → translators → the database
(`open_database`: refuse a newer schema, back up, migrate, seed) before any window → sign-in → main window.
Heavy libraries (reportlab, pyhanko) are not imported on this path; screens import them when used.

Check mode (`transfer-tool gui --screenshot FILE`): opens the main window on the configured database,
saves a PNG of it and exits 0, without any prompt. It signs in as TRANSFER_TOOL_USER with
TRANSFER_TOOL_PASSWORD when both are set (a wrong password exits 3). Without them it creates nothing: it
saves a PNG of the dialog a user would see first (the first-run administrator form on an empty database,
the sign-in form otherwise) and exits 0. A database that cannot be opened exits 2 (message on stderr,
PNG of the error dialog); a register that does not load within CHECK_TIMEOUT_S exits 4.

Optional screens are looked up by module, when first used, so the shell runs before they exist:
`ui.wizard.open_wizard(parent, services, transfer_id | None)`, `ui.review.open_review(parent, services)`,
`ui.admin.open_countries / open_users / open_catalogues(parent, services)`; each returns the window it
opened or None.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.util
import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

# The data layer loads before Qt: PySide6's import hook reads the source of every module imported after
# the binding (looking for "PySide6", for its `__feature__` switches), about 20 ms at each start for
# SQLAlchemy's modules alone.
from transfer_tool.accounts import users
from transfer_tool.accounts.users import UserView
from transfer_tool.errors import ToolError
from transfer_tool.library_noise import quiet_libraries
from transfer_tool.runtime.bootstrap import open_database
from transfer_tool.runtime.config import resolve_config

# isort: split
import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui import settings as keys
from ui.collector import GuiThreadCollector
from ui.display import missing_display
from ui.errors import install_excepthook, show_info
from ui.fonts import register_bundled_fonts
from ui.i18n import effective_language, install_translators, remove_translators
from ui.interrupt import EXIT_INTERRUPTED, CtrlC
from ui.services import SCREEN_CATALOGUES, SCREEN_COUNTRIES, SCREEN_REVIEW, SCREEN_USERS, Services
from ui.settings import Settings
from ui.signin import SignInDialog
from ui.tasks import Task, run_task, wait_for_tasks
from ui.workers import DbWorker

if TYPE_CHECKING:
    from ui.dashboard import DashboardSource
    from ui.main_window import MainWindow, ScreenFactory, WizardFactory

log = logging.getLogger("ui.app")

ORGANISATION = "TransferTool"
APPLICATION = "transfer-tool"
ENV_USER = "TRANSFER_TOOL_USER"
ENV_PASSWORD = "TRANSFER_TOOL_PASSWORD"
CHECK_SIZE = (1280, 800)
CHECK_TIMEOUT_S = 30
PRELOAD_DELAY_MS = 300
# After the register's first rows are on screen: the renderer warms up in the background (see below).
RENDERER_WARM_DELAY_MS = 500

EXIT_OK, EXIT_DATABASE, EXIT_SIGN_IN, EXIT_TIMEOUT, EXIT_NO_DISPLAY = 0, 2, 3, 4, 5


# ---- optional screens (other rooms) ---------------------------------------------------------------------


def _lazy(module: str, function: str) -> Callable[..., QWidget | None] | None:
    """A factory calling `module.function(...)`, imported on first use; None if the module is absent."""
    try:
        if importlib.util.find_spec(module) is None:
            return None
    except (ImportError, ValueError):
        return None

    def factory(parent: QWidget, *args: Any) -> QWidget | None:
        fn = getattr(importlib.import_module(module), function, None)
        if fn is None:
            show_info(
                parent,
                QCoreApplication.translate("MainWindow", "Not available yet"),
                QCoreApplication.translate("MainWindow", "This screen is not available in this version yet."),
            )
            return None
        result = fn(parent, *args)
        return result if isinstance(result, QWidget) else None

    return factory


def wizard_factory() -> WizardFactory | None:
    return _lazy("ui.wizard", "open_wizard")


def screen_factories() -> dict[str, ScreenFactory]:
    found = {
        SCREEN_REVIEW: _lazy("ui.review", "open_review"),
        SCREEN_COUNTRIES: _lazy("ui.admin", "open_countries"),
        SCREEN_USERS: _lazy("ui.admin", "open_users"),
        SCREEN_CATALOGUES: _lazy("ui.admin", "open_catalogues"),
        "trust": _lazy("ui.admin", "open_trust"),
        "org_settings": _lazy("ui.admin", "open_org_settings"),
        "notice": _lazy("ui.admin", "open_notice"),
        "verify": _lazy("ui.verify", "open_verify"),
        "user_settings": _lazy("ui.user_settings", "open_user_settings"),
    }
    return {name: f for name, f in found.items() if f is not None}


def dashboard_sources(user: UserView) -> list[DashboardSource]:
    """The dashboard's sections for the signed-in person: what waits for their review (a role that
    reviews), what happened since they last signed in, their own work, the APPI yearly checks."""
    from transfer_tool.accounts.permissions import Action, allowed
    from ui.dashboard import appi_checks, my_work, since_last_sign_in
    from ui.dashboard_review import awaiting_review

    actor = user.actor()
    reviewer = [awaiting_review(actor)] if allowed(actor, Action.REVIEW) else []
    return [*reviewer, since_last_sign_in(user.id), my_work(user.id, actor=actor), appi_checks]


# ---- application set-up ------------------------------------------------------------------------------------


def _qt_messages_to_logging() -> Any:
    """Route Qt's own messages into logging (logger "qt"), still passing them to any earlier handler."""
    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    previous: Any = None

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        level = levels.get(kind, logging.WARNING)
        if "propagateSizeHints" in message:  # the offscreen platform's harmless notice on every window
            level = logging.DEBUG
        qt_log.log(level, "%s", message)
        if previous is not None:
            previous(kind, context, message)

    previous = qInstallMessageHandler(handler)
    return previous


def application() -> QApplication:
    """The QApplication (created if needed) with our names; the settings file follows from them."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(app.translate("App", "Transfer tool"))
    app.setDesktopFileName("transfer-tool")  # matches packaging/linux/transfer-tool.desktop (Wayland app id)
    from ui.icon import app_icon

    app.setWindowIcon(app_icon())
    return app


def startup_error_dialog(message: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Critical, "Transfer tool", message, QMessageBox.StandardButton.Ok)
    box.setObjectName("startupError")
    box.setWindowTitle(QApplication.translate("App", "The database cannot be opened"))
    box.setText(QApplication.translate("App", "The database cannot be opened.") + "\n\n" + message)
    return box


def _describe_open_failure(exc: BaseException, url: str) -> str:
    if isinstance(exc, ToolError):
        from ui.terms import core_text

        return core_text(exc.message)
    where = url.split("@")[-1]  # never show a password from the URL
    return (
        QApplication.translate("App", "Could not open %1: %2. Check the address and that the server runs.")
        .replace("%1", where)
        .replace("%2", str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    )


def database_label(url: str) -> str:
    """Where the database is, for people: the file for SQLite, host/name for a server (never a password)."""
    if url.startswith("sqlite") and ":///" in url:
        return url.split(":///", 1)[1] or url
    scheme, _, rest = url.partition("://")
    return f"{scheme.split('+')[0]}://{rest.split('@')[-1]}"


def startup_finished() -> None:
    """The first window is up: the objects made so far live as long as the app, so move them out of the
    collector's way (gc.freeze), and from now on collect on the GUI thread only (ui/collector.py; the
    entry points paused automatic collection)."""
    global _collector
    gc.freeze()
    app = QCoreApplication.instance()
    if app is not None and (_collector is None or not shiboken6.isValid(_collector)):
        _collector = GuiThreadCollector(app)


_collector: GuiThreadCollector | None = None


def _warm_renderer() -> None:
    from transfer_tool.report.renderer import warm_up  # ReportLab loads here, on the task's thread

    warm_up()


def warm_renderer(owner: QObject) -> Task[None]:
    """Pay a process's first-render cost (imports, fonts, every code path of a render) on a background
    task, so that the user's first "Generate PDF" is as fast as the second. The result is nothing; a
    failure is only logged: the real render will report it."""
    return run_task(
        _warm_renderer,
        lambda _nothing: None,
        lambda exc: log.warning("warming up the report renderer failed", exc_info=exc),
        owner=owner,
        label="report renderer warm-up",
    )


def preload_main_window() -> None:
    """Import the main window's modules ahead of need (they are not needed for the sign-in dialog)."""
    for name in (
        "ui.main_window",
        "ui.dashboard",
        "ui.widgets.register_panel",
    ):
        importlib.import_module(name)
    from transfer_tool.countries import store
    from transfer_tool.runtime.bootstrap import set_up_mappers
    from ui.terms import shared_terminology

    store.names()  # the localised country names every screen shows (pycountry's tables), read once
    shared_terminology()  # the status and role names the register shows (two catalogues, about 4 ms)
    # The ORM's one-off set-up of every mapper (about 25 ms), here while the password check runs (or the
    # user types) rather than on the database thread when the main window first asks for its rows.
    set_up_mappers()


class _Startup(QObject):
    """Runs the steps after the database is open: sign-in, then the main window (or the check-mode grab)."""

    def __init__(
        self,
        app: QApplication,
        settings: Settings,
        language: str,
        worker: DbWorker,
        first_run: bool,
        screenshot: Path | None,
        database_label: str = "",
    ) -> None:
        super().__init__(app)
        self.database_label = database_label
        self.app = app
        self.settings = settings
        self.language = language
        self.worker = worker
        self.first_run = first_run
        self.screenshot = screenshot
        self.dialog: SignInDialog | None = None
        self.window: MainWindow | None = None
        self._grabbed = False

    def begin(self) -> None:
        if self.screenshot is not None:
            user, password = os.environ.get(ENV_USER, ""), os.environ.get(ENV_PASSWORD, "")
            if user and password:
                # The password check (argon2, in C without the GIL) runs on the worker while this thread
                # loads the main window's modules.
                self.worker.submit(
                    lambda db: users.authenticate(db, user, password),
                    self.open_main_window,
                    lambda exc: self._sign_in_failed(user, exc),
                    label="check mode: sign in",
                )
                preload_main_window()
                return
        dialog = self.show_sign_in()
        if self.screenshot is not None:
            dialog.show()
            QTimer.singleShot(100, lambda: self._grab(dialog))
            return
        dialog.open()
        # Load the main window's code while the user types (the dialog is on screen by then).
        QTimer.singleShot(PRELOAD_DELAY_MS, preload_main_window)
        QTimer.singleShot(PRELOAD_DELAY_MS, startup_finished)

    def show_sign_in(self) -> SignInDialog:
        """The sign-in dialog (not yet shown): at start, and again after File → Sign out."""
        self.dialog = SignInDialog(self.worker, self.first_run, self.database_label)
        self.dialog.signed_in.connect(self.open_main_window)
        self.dialog.rejected.connect(lambda: self.app.exit(EXIT_OK))
        return self.dialog

    def sign_out(self) -> None:
        """The main window signed out (its windows closed): it goes, and the sign-in dialog comes back."""
        self.app.setQuitOnLastWindowClosed(False)  # between the two windows, none is open
        old, self.window = self.window, None
        if old is not None:
            old.deleteLater()
        previous = self.dialog
        self.first_run = False
        self.show_sign_in().open()
        if previous is not None:
            previous.deleteLater()

    def _sign_in_failed(self, user: str, exc: BaseException) -> None:
        text = exc.message if isinstance(exc, ToolError) else repr(exc)
        print(f"transfer-tool: cannot sign in as {user}: {text}", file=sys.stderr)
        self.app.exit(EXIT_SIGN_IN)

    def open_main_window(self, user: UserView) -> None:
        from transfer_tool.countries import store
        from ui.main_window import MainWindow

        services = Services(
            worker=self.worker,
            settings=self.settings,
            actor=user.actor(),
            language=self.language,
            country_names=store.names(),
        )
        window = MainWindow(
            services,
            wizard_factory=wizard_factory(),
            screens=screen_factories(),
            dashboard_sources=dashboard_sources(user),
        )
        self.window = window
        window.signed_out.connect(self.sign_out)
        if self.screenshot is not None:
            window.save_on_close = False
            window.resize(*CHECK_SIZE)
            window.show()
            waits = [window.ready] if not window.is_ready else []
            if window.tabs.currentWidget() is window.dashboard:
                waits.append(window.dashboard.loaded)
            self._after(waits, lambda: self._grab(window))
            QTimer.singleShot(CHECK_TIMEOUT_S * 1000, self._timed_out)
        else:
            window.show()
            startup_finished()
            # Once the register is painted: not in check mode, which exits right after its grab.
            self._after(
                [window.ready] if not window.is_ready else [],
                lambda: QTimer.singleShot(RENDERER_WARM_DELAY_MS, window, lambda: warm_renderer(window)),
            )
        self.app.setQuitOnLastWindowClosed(True)

    def _after(self, signals: Sequence[Any], then: Callable[[], None]) -> None:
        remaining = list(signals)
        if not remaining:
            QTimer.singleShot(0, then)
            return

        def one_done(*_args: Any) -> None:
            remaining.pop()
            if not remaining:
                QTimer.singleShot(0, then)

        for signal in remaining:
            signal.connect(one_done)

    def _grab(self, widget: QWidget | None) -> None:
        if self._grabbed or widget is None or self.screenshot is None:
            return
        self._grabbed = True
        problem = ""
        try:
            self.screenshot.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # was a traceback in this slot, and the check mode never ended
            problem = f" ({exc.strerror or exc})"
        if problem or not widget.grab().save(str(self.screenshot), "PNG"):
            print(
                f"transfer-tool: cannot write the picture {self.screenshot}{problem}: choose a folder you "
                "may write to",
                file=sys.stderr,
            )
            self.app.exit(1)
            return
        self.app.exit(EXIT_OK)

    def _timed_out(self) -> None:
        if not self._grabbed:
            print(f"transfer-tool: the register did not load within {CHECK_TIMEOUT_S} s", file=sys.stderr)
            self._grab(self.window)
            self.app.exit(EXIT_TIMEOUT)

    def close_for_interrupt(self) -> bool:
        """Ctrl-C in the terminal: close as File > Quit does (every window, each saving what it holds);
        False while a window stays open (it asks something first)."""
        window = self.window
        if window is not None and shiboken6.isValid(window) and window.isVisible():
            window.close()
            if window.isVisible():
                return False
        self.app.exit(EXIT_INTERRUPTED)
        return True

    def close(self) -> None:
        for w in (self.window, self.dialog):
            if w is not None:
                w.close()
                w.deleteLater()


def run(database: str | None = None, screenshot: Path | None = None) -> int:
    """Start the desktop app (or, with `screenshot`, the check mode) and return the exit code."""
    no_display = None if QApplication.instance() is not None else missing_display()
    if no_display is not None:
        print(f"transfer-tool: {no_display}", file=sys.stderr)
        return EXIT_NO_DISPLAY
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    restore_library_noise = quiet_libraries()  # a library's warnings and tracebacks: debug log only
    app = application()
    previous_qt_handler = _qt_messages_to_logging()
    register_bundled_fonts(app)
    settings = Settings(parent=app)
    language = effective_language(settings.get(keys.LANGUAGE))
    translators = install_translators(app, language)
    previous_hook = install_excepthook(lambda: app.activeWindow())
    app.setQuitOnLastWindowClosed(False)  # the sign-in dialog closes before the main window opens

    url = database or ""
    try:
        config = resolve_config(database)
        url = config.database_url
        db = open_database(config, daily_backup=True)
    except Exception as exc:
        if not isinstance(exc, ToolError):
            log.error("cannot open the database", exc_info=exc)
        elif screenshot is None:  # the user's to correct: the dialog says it, no traceback (check mode
            log.error("cannot open the database: %s", exc)  # prints the sentence itself, once)
        message = _describe_open_failure(exc, url)
        box = startup_error_dialog(message)
        if screenshot is not None:
            print(f"transfer-tool: {message}", file=sys.stderr)
            box.show()
            box.grab().save(str(screenshot), "PNG")
            box.deleteLater()
        else:
            box.exec()
            box.deleteLater()  # the logged exception's traceback keeps this frame, and so the box, alive
        # The application outlives this call (tests run the app more than once): its language goes too.
        remove_translators(app, translators)
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_qt_handler)
        restore_library_noise()
        return EXIT_DATABASE

    worker = DbWorker(db, parent=app)
    startup = _Startup(
        app,
        settings,
        language,
        worker,
        not users.has_users(db),
        screenshot,
        database_label(config.database_url),
    )
    QTimer.singleShot(0, startup.begin)
    interrupted: list[bool] = []
    ctrl_c = None
    if threading.current_thread() is threading.main_thread():  # signals go to the main thread only

        def end_now() -> None:
            interrupted.append(True)
            app.exit(EXIT_INTERRUPTED)

        def close_all() -> bool:
            interrupted.append(True)
            return startup.close_for_interrupt()

        ctrl_c = CtrlC(app, close_all, end_now)
    collecting = gc.isenabled()
    try:
        code = app.exec()
        if interrupted:  # closing the last window may have ended the loop first, with 0
            code = EXIT_INTERRUPTED
    finally:
        if ctrl_c is not None:
            ctrl_c.uninstall()
        if _collector is not None and shiboken6.isValid(_collector):
            _collector.stop()
        gc.unfreeze()  # what start-up froze may be collected again (tests run the app more than once)
        if collecting:
            gc.enable()
        startup.close()
        worker.shutdown()
        wait_for_tasks()  # a report or page render still running ends before the application object
        db.dispose()
        remove_translators(app, translators)
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_qt_handler)
        app.setQuitOnLastWindowClosed(True)
        startup.deleteLater()
        restore_library_noise()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """`transfer-tool-gui`: the app alone (the `transfer-tool` command adds the headless commands)."""
    parser = argparse.ArgumentParser(
        prog="transfer-tool-gui", description="Start the transfer tool desktop app."
    )
    parser.add_argument(
        "--database", metavar="URL", help="database URL (default: TRANSFER_TOOL_DATABASE_URL or SQLite)"
    )
    parser.add_argument(
        "--screenshot", type=Path, metavar="FILE", help="check mode: save a PNG of the window and exit"
    )
    args = parser.parse_args(argv)
    return run(database=args.database, screenshot=args.screenshot)


if __name__ == "__main__":
    raise SystemExit(main())
