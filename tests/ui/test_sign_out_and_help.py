"""File → Sign out and Help → User guide (issue 18).

Sign out closes every window the session opened (a wizard stores what was typed as it closes), leaves no
window behind and brings the sign-in dialog back, where another person signs in. A window that will not
close stops the sign-out and says which. The user guide is the shipped docs/user-guide.md, opened in the
browser as HTML whose screenshots resolve to the shipped files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import PASSWORD
from tests.ui import test_wizard_support as support
from tests.ui.test_wizard_support import type_text
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.paths import docs_dir, user_guide
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database
from ui import app as app_module
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.signin import SignInDialog
from ui.wizard import AssessmentWizard
from ui.wizard.state import PAGE_PARTIES
from ui.wizard.transfer import PartiesPage
from ui.workers import DbWorker

us_transfer = support.us_transfer


def _shown() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


@pytest.fixture
def startup(
    qapp: QApplication, qtbot: QtBot, worker: DbWorker, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[app_module._Startup]:
    # The app's first-window bookkeeping freezes the garbage collector for the process: not in a test run.
    monkeypatch.setattr(app_module, "startup_finished", lambda: None)
    monkeypatch.setattr(app_module, "RENDERER_WARM_DELAY_MS", 10_000_000)
    s = app_module._Startup(qapp, settings, "en", worker, False, None, "test.sqlite3")
    yield s
    s.close()
    for w in QApplication.topLevelWidgets():
        w.close()


def test_sign_out_stores_the_open_wizard_closes_everything_and_asks_who_signs_in(
    qtbot: QtBot,
    startup: app_module._Startup,
    db: Database,
    legal: Actor,
    manager: Actor,
    us_transfer: transfers.TransferView,
) -> None:
    startup.open_main_window(users.authenticate(db, "lena", PASSWORD))
    window = startup.window
    assert isinstance(window, MainWindow)
    qtbot.waitExposed(window)
    window.open_assessment(us_transfer.id)
    wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AssessmentWizard))
    qtbot.waitExposed(wizard)
    parties = wizard.page_for(PAGE_PARTIES)
    assert isinstance(parties, PartiesPage)
    type_text(parties.title_edit, " (typed just before signing out)")
    file_menu = window.findChild(QWidget, "fileMenu")
    assert file_menu is not None
    assert "signOut" in [a.objectName() for a in file_menu.actions()]

    window.sign_out_action.trigger()  # before autosave's timer: closing the wizard stores it
    assert transfers.get_transfer(db, us_transfer.id).title == "Support desk (typed just before signing out)"
    qtbot.waitUntil(lambda: startup.window is None and len(_shown()) == 1, timeout=3000)
    dialog = _shown()[0]
    assert isinstance(dialog, SignInDialog) and dialog is startup.dialog
    assert not dialog.display_name.isVisible()  # a sign-in, not the first-run form
    assert not wizard.isVisible() and not window.isVisible()

    # Someone else signs in: a new main window with their role.
    dialog.username.setText("max")
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: startup.window is not None and startup.window.isVisible(), timeout=3000)
    theirs = startup.window
    assert theirs is not None and theirs is not window and theirs.services.actor.user_id == manager.user_id
    assert _shown() == [theirs]


def test_a_window_that_will_not_close_stops_the_sign_out(
    qtbot: QtBot, make_window: Callable[..., MainWindow], admin: Actor
) -> None:
    class Busy(QWidget):
        def closeEvent(self, event: QCloseEvent) -> None:  # like the review window during an approval
            event.ignore()

    window = make_window(admin)
    busy = Busy()
    busy.setWindowTitle("Review")
    qtbot.addWidget(busy)
    window._keep(busy)
    signals: list[bool] = []
    window.signed_out.connect(lambda: signals.append(True))
    assert not window.sign_out()
    assert signals == [] and window.isVisible() and busy.isVisible()
    assert window.statusBar().currentMessage() == "Not signed out: first finish in the window “Review”."
    busy.hide()
    assert window.sign_out() and signals == [True] and not window.isVisible()


class _Browser(QObject):
    """Stands where the desktop's web browser would: Qt hands it the file URL (QDesktopServices)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.opened.append(url)


def test_help_user_guide_opens_the_shipped_guide_with_its_screenshots(
    qtbot: QtBot, make_window: Callable[..., MainWindow], admin: Actor
) -> None:
    browser = _Browser()
    QDesktopServices.setUrlHandler("file", browser, "show")  # type: ignore[arg-type]  # stub says bytes; PySide6 takes only str
    try:
        window = make_window(admin)
        help_menu = window.findChild(QWidget, "helpMenu")
        assert help_menu is not None
        assert [a.text() for a in help_menu.actions() if not a.isSeparator()] == [
            "&User guide",
            "&About Transfer tool",
        ]
        window.guide_action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert len(browser.opened) == 1
    page = Path(browser.opened[0].toLocalFile())
    assert page == window.guide_page and page.is_file()
    html = page.read_text(encoding="utf-8")
    assert "Transfer tool — user guide" in html and "The assessment wizard" in html
    base = re.search(r'<base href="([^"]+)"', html)
    assert base is not None
    folder = Path(unquote(urlparse(base.group(1)).path))
    images = re.findall(r'<img src="([^"]+)"', html)
    assert len(images) > 20
    assert all((folder / src).is_file() for src in images), [s for s in images if not (folder / s).is_file()]
    assert folder == docs_dir() and user_guide().is_file()


def test_unsaved_country_data_stops_the_sign_out_until_discarded(
    qtbot: QtBot, make_window: Callable[..., MainWindow], admin: Actor, db: Database
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from transfer_tool.countries import store
    from ui.admin import AdminWindow
    from ui.admin.window import open_page

    window = make_window(admin)
    admin_window = open_page(window, window.services, "countries")
    assert isinstance(admin_window, AdminWindow)
    window._keep(admin_window)
    qtbot.waitExposed(admin_window)
    page = admin_window.page("countries")
    page.select("IN")
    page.editor.add_law()
    page.editor.laws_tab.name.setText("IT Act s. 69")
    assert page.editor.is_dirty()
    assert not window.sign_out()  # the admin window asks instead of dropping the edit
    question = admin_window.unsaved_question
    assert isinstance(question, QMessageBox) and question.isVisible()
    assert "are not saved" in question.text() and "India" in question.text()
    assert admin_window.isVisible() and window.isVisible()
    assert "Not signed out" in window.statusBar().currentMessage()
    question.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not admin_window.isVisible(), timeout=2000)
    assert "IT Act s. 69" not in {law.name for law in store.get_destination(db, "IN").access_laws}
    assert window.sign_out() and not window.isVisible()
