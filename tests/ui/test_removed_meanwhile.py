"""A record removed by someone else while its window is open: the window says what happened and what to do,
in the interface language, never the row's database number the service's message names."""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import delete

from tests.ui import test_wizard_support as support
from tests.ui.review_support import submitted_assessment
from tests.ui.test_wizard_support import MakeWizard, type_text
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.domain import Role
from transfer_tool.errors import NotFound
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import User
from ui.admin.users import UsersPage
from ui.errors import describe
from ui.i18n import install_translators, remove_translators
from ui.removed_meanwhile import _SAID
from ui.review import ReviewWindow
from ui.services import Services
from ui.wizard.law_practice import LawPracticePage
from ui.wizard.state import PAGE_LAW

make_wizard = support.make_wizard
us_transfer = support.us_transfer
ROOT = Path(__file__).resolve().parents[2]

SAID = {
    "en": {
        "transfer": "Someone else removed this transfer meanwhile. Close this window; the register shows the "
        "transfers that are left.",
        "assessment": "Someone else removed this assessment (or its transfer) meanwhile. Close this window; "
        "the register shows what is left.",
        "user": "Someone else removed this user meanwhile. The list of users now shows the accounts that are left.",
    },
    "ja": {
        "transfer": "この移転は、その間に他の人が削除しました。このウィンドウを閉じてください。"
        "残っている移転は台帳で確認できます。",
        "assessment": "この評価（又はその移転）は、その間に他の人が削除しました。このウィンドウを閉じてください。"
        "残っているものは台帳で確認できます。",
        "user": "このユーザーは、その間に他の人が削除しました。ユーザーの一覧に、残っているアカウントが表示されます。",
    },
}


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    lang: str = request.param
    translators = install_translators(qapp, lang)
    yield lang
    remove_translators(qapp, translators)


def _no_number(text: str) -> None:
    assert text and not re.search(r"\d", text), text


def test_the_wizard_says_its_transfer_was_removed_meanwhile(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    legal: Actor,
    us_transfer: transfers.TransferView,
    language: str,
) -> None:
    wizard = make_wizard(legal, us_transfer.id, language)
    transfers.delete_transfer(db, legal, us_transfer.id, us_transfer.row_version)  # someone else, meanwhile
    wizard.go_to(PAGE_LAW)
    page = wizard.page_for(PAGE_LAW)
    assert isinstance(page, LawPracticePage)
    type_text(page.experience, "No requests so far.")
    qtbot.waitUntil(lambda: wizard.findChild(QMessageBox, "errorBox") is not None, timeout=3000)
    box = wizard.findChild(QMessageBox, "errorBox")
    assert isinstance(box, QMessageBox)
    assert box.text() == SAID[language]["transfer"]
    _no_number(box.text())
    folder = os.environ.get("REVIEW_SCREENSHOTS")  # for a person to look at, as tests/ui/test_review.py
    if folder:
        assert box.grab().save(str(Path(folder) / f"removed-meanwhile-wizard-{language}.png"))
    box.close()


def test_the_review_window_says_the_assessment_was_removed_meanwhile(
    qtbot: QtBot,
    db: Database,
    legal: Actor,
    manager: Actor,
    make_services: Callable[..., Services],
    language: str,
) -> None:
    _t, a = submitted_assessment(db, legal)
    window = ReviewWindow(make_services(manager, language))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.model.rowCount() == 1
    with db.unit_of_work() as s:  # removed outside this window (another client, a restore)
        s.execute(delete(Assessment).where(Assessment.id == a.id))
    panel = window.comments
    window.decisions.setCurrentIndex(0)
    panel.section.setCurrentIndex(panel.section.findData("law_practice"))
    panel.text.setPlainText("Explain why FISA 702 applies.")
    panel.add_button.click()
    panel.return_button.click()
    qtbot.waitUntil(lambda: panel.message.text() != "", timeout=3000)
    assert panel.message.text() == SAID[language]["assessment"]
    _no_number(panel.message.text())


def test_the_users_page_says_the_user_was_removed_meanwhile(
    qtbot: QtBot, db: Database, admin: Actor, make_services: Callable[..., Services], language: str
) -> None:
    kenji = users.create_user(db, admin, "kenji", "佐藤 健二", "a long enough password 1", Role.LEGAL)
    page = UsersPage(make_services(admin, language))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.select_user("kenji")
    with db.unit_of_work() as s:  # the app deactivates; this row went outside it (another client, a restore)
        s.execute(delete(User).where(User.id == kenji.id))
    page.edit_name.setText("佐藤 健二（法務）")
    page.save_button.click()
    qtbot.waitUntil(lambda: page.message.text() != "", timeout=3000)
    assert page.message.text() == SAID[language]["user"]
    _no_number(page.message.text())


def test_every_not_found_that_names_a_row_number_has_the_apps_sentence(language: str) -> None:
    """Each NotFound(error_text(...)) of the services whose value is a row's database number is mapped (a
    new or reworded one would reach the app with its number); every mapped id is one a service raises."""
    by_number: set[str] = set()
    for path in (ROOT / "transfer_tool").rglob("*.py"):
        if "cli" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "NotFound" and node.args):
                continue
            inner = node.args[0]
            if isinstance(inner, ast.Call) and getattr(inner.func, "id", "") == "error_text":
                template, *values = inner.args
                assert isinstance(template, ast.Constant)
                # An id variable, or the first of the ids not found; a code, name or reference the person
                # chose ('FR', a user name, a transfer's reference) is theirs to read and stays.
                if values and re.search(r"(^|_|\.)id$|^missing\[0\]$", ast.unparse(values[0])):
                    by_number.add(str(template.value))
    assert by_number == set(_SAID), by_number ^ set(_SAID)
    for said in _SAID:
        shown = describe(NotFound(error_text(said, 41)))
        _no_number(shown)
        assert shown.startswith("Someone else") if language == "en" else "その間に他の人が" in shown, shown
