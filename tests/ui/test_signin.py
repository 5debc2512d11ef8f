"""Sign-in: the first run creates the administrator; later the service's messages show beside the field."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from tests.conftest import PASSWORD
from tests.ui.i18n_fit import squeezed
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.domain import Role
from transfer_tool.i18n import stored_text
from transfer_tool.storage.database import Database
from ui.signin import SignInDialog
from ui.terms import set_ui_language
from ui.workers import DbWorker


def _dialog(qtbot: QtBot, worker: DbWorker, first_run: bool) -> SignInDialog:
    dialog = SignInDialog(worker, first_run, "test.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_first_run_creates_the_administrator(qtbot: QtBot, worker: DbWorker, db: Database) -> None:
    assert not users.has_users(db)
    dialog = _dialog(qtbot, worker, first_run=True)
    assert dialog.display_name.isVisible() and dialog.repeat.isVisible()
    dialog.username.setText("admin")
    dialog.display_name.setText("山田 太郎")  # setText: keyClicks would abort on non-ASCII
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD)
    with qtbot.waitSignal(dialog.signed_in) as blocker:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    user = blocker.args[0]
    assert user.role == Role.ADMIN and user.display_name == "山田 太郎"
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert users.authenticate(db, "admin", PASSWORD).id == user.id


def test_first_run_shows_problems_beside_their_fields(qtbot: QtBot, worker: DbWorker, db: Database) -> None:
    dialog = _dialog(qtbot, worker, first_run=True)
    dialog.username.setText("admin")
    dialog.display_name.setText("Ada")
    dialog.password.setText("short")
    dialog.repeat.setText("shorter")
    dialog.submit()
    assert "differ" in dialog.fields["repeat"].error.text()
    assert dialog.fields["repeat"].error.isVisible()
    dialog.repeat.setText("short")
    dialog.submit()
    assert not dialog.fields["repeat"].error.isVisible()
    assert "at least 10 characters" in dialog.fields["password"].error.text()  # the service's rule
    assert (
        squeezed(dialog) == []
    )  # the messages beside the fields make the dialog taller, not the fields shorter
    assert not users.has_users(db)
    assert dialog.isVisible()


def test_wrong_password_shows_the_message_and_keeps_the_dialog(
    qtbot: QtBot, worker: DbWorker, db: Database, admin: Actor
) -> None:
    dialog = _dialog(qtbot, worker, first_run=False)
    assert not dialog.display_name.isVisible() and not dialog.repeat.isVisible()
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "not the password")
    with qtbot.assertNotEmitted(dialog.signed_in):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter submits
    assert dialog.fields["password"].error.text() == "Wrong user name or password."
    assert dialog.password.text() == ""
    assert dialog.isVisible()
    assert squeezed(dialog) == []


def test_repeated_failures_show_the_slow_down_message(
    qtbot: QtBot, worker: DbWorker, db: Database, admin: Actor
) -> None:
    dialog = _dialog(qtbot, worker, first_run=False)
    dialog.username.setText("admin")
    for _ in range(users.FREE_ATTEMPTS + 1):
        dialog.password.setText("wrong password")
        dialog.submit()
    assert "Wait" in dialog.fields["password"].error.text()
    assert squeezed(dialog) == []


def test_right_password_signs_in_with_enter(
    qtbot: QtBot, worker: DbWorker, db: Database, admin: Actor
) -> None:
    dialog = _dialog(qtbot, worker, first_run=False)
    dialog.username.setText("admin")
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.signed_in) as blocker:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert blocker.args[0].username == "admin"


def test_escape_cancels(qtbot: QtBot, worker: DbWorker, db: Database) -> None:
    dialog = _dialog(qtbot, worker, first_run=False)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_in_japanese_the_services_messages_are_japanese(
    qtbot: QtBot, worker: DbWorker, db: Database, admin: Actor
) -> None:
    """The service raises English; what the user reads beside the field is the catalogue's Japanese."""
    app = QCoreApplication.instance()
    assert app is not None
    set_ui_language(app, "ja")
    try:
        dialog = _dialog(qtbot, worker, first_run=False)
        qtbot.keyClicks(dialog.username, "admin")
        qtbot.keyClicks(dialog.password, "not the password")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        shown = dialog.fields["password"].error.text()
        assert shown == stored_text.catalogue("ja").translate("Wrong user name or password.")
        assert shown != "Wrong user name or password." and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", shown)
    finally:
        set_ui_language(app, "en")
