"""The main window's menu bar: File, View, Review, Administration and Help, each entry shown only when the
signed-in role may use it (the services check again). The actions are the window's attributes
(`window.new_action`...), which tests and the check mode trigger."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from transfer_tool.accounts.permissions import Action
from ui import settings as keys
from ui.services import SCREEN_CATALOGUES, SCREEN_COUNTRIES, SCREEN_REVIEW, SCREEN_USERS

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# The texts keep the window's translation context ("MainWindow"), where the catalogue has them.

# Screen names for the window's `screens`, with the permission that shows their menu entry.
REVIEW = SCREEN_REVIEW
COUNTRIES = SCREEN_COUNTRIES
USERS = SCREEN_USERS
CATALOGUES = SCREEN_CATALOGUES
TRUST, ORG_SETTINGS, NOTICE = "trust", "org_settings", "notice"
VERIFY, USER_SETTINGS = "verify", "user_settings"  # every role
SCREEN_PERMISSIONS: dict[str, Action] = {
    REVIEW: Action.REVIEW,
    COUNTRIES: Action.EDIT_COUNTRIES,
    USERS: Action.MANAGE_USERS,
    CATALOGUES: Action.EDIT_CATALOGS,
    TRUST: Action.MANAGE_TRUST,
    ORG_SETTINGS: Action.ORG_SETTINGS,
    NOTICE: Action.ORG_SETTINGS,
}
ADMIN_SCREENS = (COUNTRIES, USERS, CATALOGUES, TRUST, ORG_SETTINGS, NOTICE)
REGISTER_TAB, DASHBOARD_TAB = 0, 1  # the window's tabs, also chosen from the View menu


def _action(
    window: MainWindow,
    text: str,
    slot: Callable[[], Any],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    name: str = "",
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if name:
        action.setObjectName(name)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_menus(window: MainWindow) -> None:
    """The menu bar: only what the signed-in role may do is offered (`permissions.allowed`)."""
    bar = window.menuBar()
    may = window.services.may

    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    file_menu.setObjectName("fileMenu")
    window.new_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&New transfer…"),
        window.new_transfer,
        QKeySequence.StandardKey.New,
        "newTransfer",
    )
    window.new_action.setVisible(may(Action.EDIT_TRANSFERS))
    file_menu.addAction(window.new_action)
    window.open_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Open assessment"),
        window.open_selected,
        "Ctrl+O",
        "openAssessment",
    )
    file_menu.addAction(window.open_action)
    file_menu.addSeparator()
    window.import_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Import transfers…"),
        window.import_register,
        "Ctrl+I",
        "importRegister",
    )
    window.import_action.setVisible(may(Action.IMPORT_EXPORT) and may(Action.EDIT_TRANSFERS))
    file_menu.addAction(window.import_action)
    window.export_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Export register…"),
        window.export_register,
        "Ctrl+E",
        "exportRegister",
    )
    file_menu.addAction(window.export_action)
    window.verify_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Verify a signed PDF…"),
        lambda: window.open_screen(VERIFY),
        None,
        "verifyPdf",
    )
    file_menu.addAction(window.verify_action)
    file_menu.addSeparator()
    window.user_settings_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&My settings…"),
        lambda: window.open_screen(USER_SETTINGS),
        None,
        "userSettings",
    )
    file_menu.addAction(window.user_settings_action)
    file_menu.addSeparator()
    window.sign_out_action = _action(
        window, QCoreApplication.translate("MainWindow", "Sign &out"), window.sign_out, None, "signOut"
    )
    file_menu.addAction(window.sign_out_action)
    window.quit_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Quit"),
        window.close,
        QKeySequence.StandardKey.Quit,
        "quit",
    )
    window.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    window.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    file_menu.addAction(window.quit_action)

    view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    view_menu.setObjectName("viewMenu")
    window.refresh_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Refresh"),
        window.refresh,
        QKeySequence.StandardKey.Refresh,
        "refresh",
    )
    window.refresh_action.setShortcut(QKeySequence("F5"))
    view_menu.addAction(window.refresh_action)
    window.find_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Find in register"),
        window.focus_search,
        QKeySequence.StandardKey.Find,
        "find",
    )
    view_menu.addAction(window.find_action)
    view_menu.addSeparator()
    view_menu.addAction(
        _action(
            window,
            QCoreApplication.translate("MainWindow", "Re&gister"),
            lambda: window.tabs.setCurrentIndex(REGISTER_TAB),
            "Ctrl+1",
        )
    )
    view_menu.addAction(
        _action(
            window,
            QCoreApplication.translate("MainWindow", "&Dashboard"),
            lambda: window.tabs.setCurrentIndex(DASHBOARD_TAB),
            "Ctrl+2",
        )
    )
    view_menu.addSeparator()
    window.columns_menu = view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Columns"))
    window.columns_menu.aboutToShow.connect(window.sync_column_actions)
    window.sync_column_actions()
    window.language_menu = view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Language"))
    group = QActionGroup(window)
    current = window.services.settings.get(keys.LANGUAGE)
    for code, label in (
        ("", QCoreApplication.translate("MainWindow", "System language")),
        ("en", "English"),
        ("ja", "日本語"),
    ):
        action = QAction(label, window)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.triggered.connect(lambda _checked=False, c=code: window.set_language(c))
        group.addAction(action)
        window.language_menu.addAction(action)
    window.language_menu.addSeparator()
    restart_note = window.language_menu.addAction(
        QCoreApplication.translate("MainWindow", "Applies after a restart of the tool")
    )
    restart_note.setObjectName("languageRestartNote")
    restart_note.setEnabled(False)  # a note, not a command

    window.review_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "Re&view"))
    window.review_menu.setObjectName("reviewMenu")
    window.review_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "Assessments awaiting &review…"),
        lambda: window.open_screen(REVIEW),
        "Ctrl+R",
        "reviewQueue",
    )
    window.review_menu.addAction(window.review_action)
    window.review_menu.menuAction().setVisible(may(Action.REVIEW))
    window.review_action.setEnabled(may(Action.REVIEW))

    window.admin_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Administration"))
    window.admin_menu.setObjectName("adminMenu")
    window.admin_actions = {}
    for name, text in (
        (COUNTRIES, QCoreApplication.translate("MainWindow", "&Country data…")),
        (USERS, QCoreApplication.translate("MainWindow", "&Users and roles…")),
        (CATALOGUES, QCoreApplication.translate("MainWindow", "Ca&talogues…")),
        (TRUST, QCoreApplication.translate("MainWindow", "T&rusted certificates…")),
        (ORG_SETTINGS, QCoreApplication.translate("MainWindow", "&Organisation settings…")),
        (NOTICE, QCoreApplication.translate("MainWindow", "Privacy &notice…")),
    ):
        action = _action(window, text, partial(window.open_screen, name), name=f"admin_{name}")
        allowed = may(SCREEN_PERMISSIONS[name])
        action.setVisible(allowed)
        action.setEnabled(allowed)
        window.admin_menu.addAction(action)
        window.admin_actions[name] = action
    window.admin_menu.menuAction().setVisible(any(may(SCREEN_PERMISSIONS[n]) for n in ADMIN_SCREENS))

    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.setObjectName("helpMenu")
    window.guide_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&User guide"),
        window.open_user_guide,
        QKeySequence.StandardKey.HelpContents,
        "userGuide",
    )
    help_menu.addAction(window.guide_action)
    help_menu.addSeparator()
    window.about_action = _action(
        window, QCoreApplication.translate("MainWindow", "&About Transfer tool"), window.about, None, "about"
    )
    window.about_action.setMenuRole(QAction.MenuRole.AboutRole)
    help_menu.addAction(window.about_action)
