"""The administration screens by keyboard and screen reader (found walking the admin screens, s12): Tab
goes down the privacy-notice page's left column before the preview, and a Japanese label's bracketed
shortcut letter ("法制度(&R)") is not read out as part of the field's name, and a field's problem goes
once the person edits that field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui import languages
from tests.ui.a11y import next_in_focus_chain
from transfer_tool.accounts.permissions import Actor
from transfer_tool.storage.database import Database
from ui.accessibility import strip_accelerator
from ui.admin import AdminWindow, open_notice
from ui.admin.notice import NoticePage
from ui.services import Services

japanese = languages.japanese


def test_a_bracketed_shortcut_letter_is_no_part_of_the_name_read_aloud() -> None:
    assert strip_accelerator("法制度(&R):") == "法制度"
    assert strip_accelerator("通知の言語（&L）") == "通知の言語"
    assert strip_accelerator("&Regime:") == "Regime"
    assert strip_accelerator("R&&D (&&x)") == "R&D (&x)"  # literal ampersands stay


def _notice_page(qtbot: QtBot, services: Services, parent: QWidget) -> tuple[AdminWindow, NoticePage]:
    qtbot.addWidget(parent)
    window = open_notice(parent, services)
    assert isinstance(window, AdminWindow)
    page = window.page("notice")
    assert isinstance(page, NoticePage)
    window.show()
    qtbot.waitExposed(window)
    return window, page


def test_the_notice_fields_are_named_without_their_shortcut_letter_in_japanese(
    qtbot: QtBot, db: Database, admin: Actor, make_services: Callable[..., Services], japanese: str
) -> None:
    parent = QWidget()
    window, page = _notice_page(qtbot, make_services(admin, japanese), parent)
    assert page.regime.accessibleName() == "法制度"
    assert page.lang.accessibleName() == "通知の言語"
    assert page.entity.accessibleName() == "事業者"
    window.close()


def test_tab_goes_down_the_notice_pages_left_column_then_to_the_preview(
    qtbot: QtBot, db: Database, admin: Actor, make_services: Callable[..., Services]
) -> None:
    parent = QWidget()
    window, page = _notice_page(qtbot, make_services(admin), parent)
    order = []
    widget: QWidget = page.regime
    for _ in range(17):
        order.append(widget)
        widget = next_in_focus_chain(widget)
        while not (
            widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget = next_in_focus_chain(widget)  # what Tab skips: labels, hidden or disabled controls
    left = [page.group_by, page.contact_en, page.save_contact_button, page.entity]
    left += [page.name_mode, page.save_name_button, page.answer_ref, page.answer_button]
    right = [page.preview, page.refresh_button, page.generate_button]
    positions = [order.index(w) for w in left + right]
    assert positions == sorted(positions)
    window.close()


def test_a_fields_problem_goes_once_the_person_changes_the_field(
    qtbot: QtBot, db: Database, admin: Actor, make_services: Callable[..., Services]
) -> None:
    from ui.admin.users import UsersPage

    page = UsersPage(make_services(admin))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.add_username.setText("x")
    page.add_password.setText("short")
    page.add_repeat.setText("short")
    page.add_button.click()
    assert page.add_problems.text("username") and page.add_problems.text("password")
    qtbot.keyClicks(page.add_username, "enji")
    assert page.add_problems.text("username") == ""  # corrected: its problem no longer shown
    assert page.add_problems.text("password")  # the field not touched keeps its problem
    page.add_password.selectAll()
    qtbot.keyClick(page.add_password, Qt.Key.Key_Delete)
    assert page.add_problems.text("password") == ""
