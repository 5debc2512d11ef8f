"""Nothing typed on an administration tab is dropped without asking (review of issue 18): choosing another
catalogue entry, or another catalogue, while the form holds edits asks the shared question (Discard / Keep
editing; Escape keeps editing and the selection goes back); the privacy notice's contact text and a trusted
certificate's label are asked about when the window closes, as the other tabs are. In English and
Japanese; with KEYS_SCREENSHOTS=<folder> the grabs are saved there."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.ui import languages
from transfer_tool import catalog
from transfer_tool.accounts.permissions import Actor
from transfer_tool.domain import CatalogKind
from transfer_tool.notice import service as notice_service
from transfer_tool.storage.database import Database
from ui.admin import AdminWindow, open_catalogues, open_notice, open_trust
from ui.admin.catalogues import CataloguesPage
from ui.admin.notice import NoticePage
from ui.admin.trust import TrustPage
from ui.services import Services

Button = QMessageBox.StandardButton
TEXTS = {
    "en": {
        "changed": "The changes to “{}” are not saved. Discard them?",
        "new": "The new entry is not saved. Discard it?",
        "keep": "Keep editing",
        "close": "The changes on the tab “{}” are not saved. Discard them and close?",
        "notice": "Privacy notice",
        "trust": "Trusted certificates",
    },
    "ja": {
        "changed": "「{}」の変更は保存されていません。変更を破棄しますか？",
        "new": "新しい項目は保存されていません。破棄しますか？",
        "keep": "編集を続ける",
        "close": "「{}」タブの変更は保存されていません。変更を破棄して閉じますか？",
        "notice": "プライバシーポリシー（越境移転）",
        "trust": "信頼する証明書",
    },
}


language = languages.language


def window_question(window: AdminWindow) -> QMessageBox | None:
    """The window's open question, read afresh: closing the window may have opened one."""
    return window.unsaved_question


def grab(widget: QWidget, name: str) -> None:
    folder = os.environ.get("KEYS_SCREENSHOTS")
    if folder:
        assert widget.grab().save(str(Path(folder) / name))


def open_window(
    qtbot: QtBot, opener: Callable[..., QWidget | None], services: Services
) -> tuple[QWidget, AdminWindow]:
    parent = QWidget()
    qtbot.addWidget(parent)
    window = opener(parent, services)
    assert isinstance(window, AdminWindow)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # closed and shown again below
    window.resize(1280, 800)
    qtbot.waitExposed(window)
    return parent, window


def catalogue_page(qtbot: QtBot, services: Services) -> tuple[QWidget, AdminWindow, CataloguesPage]:
    parent, window = open_window(qtbot, open_catalogues, services)
    page = window.page("catalogues")
    assert isinstance(page, CataloguesPage)
    page.select_kind(CatalogKind.PURPOSE)
    assert page.model.rowCount() >= 2
    return parent, window, page


def question(page: CataloguesPage) -> QMessageBox:
    box = page.discard_question
    assert isinstance(box, QMessageBox) and box.isVisible() and box.objectName() == "discardQuestion"
    return box


def select_row(page: CataloguesPage, row: int) -> None:
    page.table.selectRow(row)


def test_another_catalogue_entry_chosen_with_edits_asks_first(
    qtbot: QtBot, db: Database, admin: Actor, make_services: Callable[..., Services], language: str
) -> None:
    _parent, window, page = catalogue_page(qtbot, make_services(admin, language))
    first, second = page.items[0], page.items[1]
    select_row(page, 0)
    assert page.label_en.text() == first.label_en and page.discard_question is None
    select_row(page, 1)  # nothing typed: no question
    assert page.discard_question is None and page.label_en.text() == second.label_en
    select_row(page, 0)
    page.label_en.setText("Edited, not saved")
    select_row(page, 1)
    box = question(page)
    label = first.label(language)
    assert box.text() == TEXTS[language]["changed"].format(label)
    assert box.button(Button.Cancel).text() == TEXTS[language]["keep"]
    grab(window, f"catalogue-entry-question-{language}.png")
    grab(box, f"catalogue-entry-question-box-{language}.png")
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # keeps editing: the selection goes back, the text stays
    qtbot.waitUntil(lambda: page.discard_question is None)
    assert page.current() == first and page.label_en.text() == "Edited, not saved"
    assert page.has_unsaved_changes()
    select_row(page, 1)
    question(page).button(Button.Discard).click()
    qtbot.waitUntil(lambda: page.discard_question is None)
    assert page.current() == second and page.label_en.text() == second.label_en
    assert not page.has_unsaved_changes()
    assert catalog.all_items(db)[CatalogKind.PURPOSE][first.code].label_en == first.label_en
    window.close()


def test_a_new_entry_typed_is_asked_about_before_an_entry_or_another_catalogue_is_shown(
    qtbot: QtBot, admin: Actor, make_services: Callable[..., Services], language: str
) -> None:
    _parent, window, page = catalogue_page(qtbot, make_services(admin, language))
    entries = list(page.items)
    page.new_button.click()
    page.label_en.setText("Loyalty programme members")
    select_row(page, 0)
    box = question(page)
    assert box.text() == TEXTS[language]["new"]
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.discard_question is None)
    assert page.current() is None and page.label_en.text() == "Loyalty programme members"
    # Another catalogue: asked too; Keep editing puts the catalogue chosen before back.
    page.select_kind(CatalogKind.RETENTION)
    box = question(page)
    assert box.text() == TEXTS[language]["new"]
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.discard_question is None)
    assert page.kind() == CatalogKind.PURPOSE and page.items == entries
    assert page.label_en.text() == "Loyalty programme members"
    # New entry while typing: asked as well.
    page.new_button.click()
    question(page).button(Button.Discard).click()
    qtbot.waitUntil(lambda: page.discard_question is None)
    assert page.label_en.text() == "" and not page.has_unsaved_changes()
    page.label_en.setText("Loyalty programme members")
    page.select_kind(CatalogKind.RETENTION)
    question(page).button(Button.Discard).click()
    qtbot.waitUntil(lambda: page.kind() == CatalogKind.RETENTION and page.items != entries)
    assert page.label_en.text() == "" and not page.has_unsaved_changes()
    window.close()


def test_a_saved_entry_is_shown_again_without_a_question(
    qtbot: QtBot, db: Database, admin: Actor, make_services: Callable[..., Services]
) -> None:
    _parent, window, page = catalogue_page(qtbot, make_services(admin))
    select_row(page, 0)
    code = page.items[0].code
    page.label_en.setText("Renamed and saved")
    page.save_button.click()
    assert page.discard_question is None and not page.has_unsaved_changes()
    current = page.current()
    assert current is not None and current.code == code
    assert catalog.all_items(db)[CatalogKind.PURPOSE][code].label_en == "Renamed and saved"
    page.deactivate_button.click()
    assert page.discard_question is None and not page.active.isChecked()
    select_row(page, 1)
    assert page.discard_question is None
    window.close()


def test_the_notice_contact_typed_and_not_saved_is_asked_about_on_closing(
    qtbot: QtBot, db: Database, admin: Actor, make_services: Callable[..., Services], language: str
) -> None:
    _parent, window = open_window(qtbot, open_notice, make_services(admin, language))
    page = window.page("notice")
    assert isinstance(page, NoticePage)
    window.close()  # nothing typed: no question
    assert window.unsaved_question is None and not window.isVisible()
    window.show()
    page.contact_en.setText("privacy@example.com (Legal)")
    window.close()
    box = window_question(window)
    assert isinstance(box, QMessageBox) and box.isVisible() and window.isVisible()
    assert box.text() == TEXTS[language]["close"].format(TEXTS[language]["notice"])
    grab(window, f"notice-contact-question-{language}.png")
    grab(box, f"notice-contact-question-box-{language}.png")
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # keeps editing
    qtbot.waitUntil(lambda: window.unsaved_question is None)
    assert window.isVisible() and page.contact_en.text() == "privacy@example.com (Legal)"
    page.save_contact_button.click()
    assert notice_service.get_contact(db)["en"] == "privacy@example.com (Legal)"
    window.close()  # saved: no question
    assert window.unsaved_question is None and not window.isVisible()
    window.show()
    page.contact_ja.setText("総務部")
    window.close()
    box = window_question(window)
    assert isinstance(box, QMessageBox)
    box.button(Button.Discard).click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert notice_service.get_contact(db).get("ja", "") == ""
    assert page.contact_ja.text() == "" and not page.has_unsaved_changes()


def test_a_trust_label_typed_and_not_added_is_asked_about_on_closing(
    qtbot: QtBot, admin: Actor, make_services: Callable[..., Services], language: str
) -> None:
    _parent, window = open_window(qtbot, open_trust, make_services(admin, language))
    page = window.page("trust")
    assert isinstance(page, TrustPage)
    page.label.setText("Taro Yamada, DPO")
    window.close()
    box = window_question(window)
    assert isinstance(box, QMessageBox) and box.isVisible() and window.isVisible()
    assert box.text() == TEXTS[language]["close"].format(TEXTS[language]["trust"])
    grab(window, f"trust-label-question-{language}.png")
    grab(box, f"trust-label-question-box-{language}.png")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.unsaved_question is None)
    assert window.isVisible() and page.label.text() == "Taro Yamada, DPO"
    window.close()
    box = window_question(window)
    assert isinstance(box, QMessageBox)
    box.button(Button.Discard).click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert page.label.text() == ""
