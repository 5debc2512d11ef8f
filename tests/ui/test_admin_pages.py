"""The other administration pages (users and roles, trusted certificates, catalogues, organisation
settings), the administration window's tabs per role, and the main window's menus per role."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from transfer_tool import catalog
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.domain import CatalogKind, Role
from transfer_tool.signing import trust
from transfer_tool.signing.testing import OfflinePki, make_test_pki
from transfer_tool.storage.database import Database
from ui.admin import AdminWindow, open_catalogues, open_org_settings, open_trust, open_users
from ui.admin.catalogues import CataloguesPage
from ui.admin.org_settings import OrgSettingsPage
from ui.admin.trust import TrustPage
from ui.admin.users import UsersPage
from ui.main_window import MainWindow
from ui.services import Services

PASSWORD = "a long enough password"


def window_question(window: AdminWindow) -> QMessageBox | None:
    """The window's open question, read afresh: closing the window may have opened one."""
    return window.unsaved_question


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> OfflinePki:
    return make_test_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def show(qtbot: QtBot) -> Callable[[QWidget], QWidget]:
    def shown(widget: QWidget) -> QWidget:
        qtbot.addWidget(widget)
        widget.resize(1280, 800)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return shown


# ---- users --------------------------------------------------------------------------------------------


def test_add_a_user_change_the_role_deactivate_and_reset_the_password(
    db: Database, admin: Actor, make_services: Callable[..., Services], show: Callable[[QWidget], QWidget]
) -> None:
    page = UsersPage(make_services(admin))
    show(page)
    assert [page.model.text(r, 0) for r in range(page.model.rowCount())] == ["admin"]
    page.add_username.setText("kenji")
    page.add_name.setText("佐藤 健二")
    page.add_email.setText("kenji@example.jp")
    page.add_role.setCurrentIndex(page.add_role.findData(Role.LEGAL))
    page.add_password.setText(PASSWORD)
    page.add_repeat.setText(PASSWORD)
    page.add_button.click()
    assert page.message.text() == "Added kenji."
    assert page.add_username.text() == ""
    kenji = next(u for u in users.list_users(db, admin) if u.username == "kenji")
    assert (kenji.display_name, kenji.role, kenji.active) == ("佐藤 健二", Role.LEGAL, True)
    current = page.current()
    assert current is not None and current.username == "kenji"

    page.edit_role.setCurrentIndex(page.edit_role.findData(Role.MANAGER))
    page.edit_active.setChecked(False)
    page.save_button.click()
    kenji = users.get_user(db, kenji.id)
    assert kenji.role is Role.MANAGER and not kenji.active
    row = page.model.row_of(kenji.id)
    assert page.model.text(row, 3) == "Manager" and page.model.text(row, 4) == "Deactivated"

    page.select_user("kenji")
    page.edit_active.setChecked(True)
    page.save_button.click()
    page.new_password.setText("another long password")
    page.new_repeat.setText("another long password")
    page.reset_button.click()
    assert "kenji has a new password" in page.message.text()
    assert users.authenticate(db, "kenji", "another long password").username == "kenji"


@pytest.mark.both_databases
def test_removing_a_user_deactivates_them_and_drops_their_database_sign_in(
    db: Database,
    admin: Actor,
    make_services: Callable[..., Services],
    show: Callable[[QWidget], QWidget],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    leaving = users.create_user(db, admin, "leaving", "Lee Leaving", PASSWORD, Role.LEGAL)
    page = UsersPage(make_services(admin))
    show(page)
    assert page.select_user("leaving")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.remove_button.click()
    assert users.get_user(db, leaving.id).active
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.remove_button.click()
    assert page.message.text() == "Removed leaving."
    assert not users.get_user(db, leaving.id).active
    row = page.model.row_of(leaving.id)
    assert page.model.text(row, 4) == "Deactivated"
    if db.dialect == "postgresql":  # team mode: the login role is gone with the account's sign-in
        from transfer_tool.accounts import login_roles

        assert not login_roles.exists_by_name(db, login_roles.names_for(db).login("leaving"))


def test_a_user_deactivated_by_another_admin_stays_deactivated_when_this_page_saves_a_name(
    db: Database,
    admin: Actor,
    legal: Actor,
    make_services: Callable[..., Services],
    show: Callable[[QWidget], QWidget],
) -> None:
    page = UsersPage(make_services(admin))
    show(page)
    row = next(r for r in range(page.model.rowCount()) if page.model.text(r, 0) == legal.username)
    page.table.selectRow(row)
    assert page.edit_active.isChecked()
    shown = users.get_user(db, legal.user_id or 0)
    users.update_user(db, admin, shown.id, active=False, read=shown)  # another administrator, meanwhile
    page.edit_name.setText("Lena Legal-Schmidt")
    page.save_button.click()
    stored = users.get_user(db, shown.id)
    assert (stored.active, stored.display_name) == (False, "Lena Legal-Schmidt")
    # Both change the role: told, the form keeps it, a second save stores it knowingly.
    row = next(r for r in range(page.model.rowCount()) if page.model.text(r, 0) == legal.username)
    page.table.selectRow(row)
    users.update_user(db, admin, shown.id, role=Role.MANAGER, read=stored)
    page.edit_role.setCurrentIndex(page.edit_role.findData(Role.ADMIN))
    page.save_button.click()
    assert "Someone else changed lena's account" in page.message.text()
    assert users.get_user(db, shown.id).role is Role.MANAGER
    assert page.edit_role.currentData() == Role.ADMIN
    page.save_button.click()
    assert users.get_user(db, shown.id).role is Role.ADMIN


def test_user_problems_show_beside_the_fields(
    db: Database, admin: Actor, make_services: Callable[..., Services], show: Callable[[QWidget], QWidget]
) -> None:
    page = UsersPage(make_services(admin))
    show(page)
    page.add_username.setText("x")
    page.add_password.setText("short")
    page.add_repeat.setText("short")
    page.add_button.click()
    assert "2-64 letters" in page.add_problems.text("username")
    assert "at least 10 characters" in page.add_problems.text("password")
    assert "give the person's name" in page.add_problems.text("display_name")
    page.add_password.setText(PASSWORD)
    page.add_repeat.setText(PASSWORD + "x")
    page.add_button.click()
    assert page.add_problems.text("password") == "the two passwords differ"
    # The last administrator keeps the role.
    page.select_user("admin")
    page.edit_role.setCurrentIndex(page.edit_role.findData(Role.LEGAL))
    page.save_button.click()
    assert page.edit_problems.text("role") == "make another user admin first"
    assert users.get_user(db, admin.user_id or 0).role is Role.ADMIN


# ---- trusted certificates ----------------------------------------------------------------------------


def test_trust_a_certificate_from_a_file_and_remove_it(
    db: Database,
    admin: Actor,
    manager: Actor,
    make_services: Callable[..., Services],
    show: Callable[[QWidget], QWidget],
    pki: OfflinePki,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_bytes(pki.ca_pem)
    assert manager.user_id is not None
    page = TrustPage(make_services(admin))
    show(page)
    assert page.model.rowCount() == 0
    page.label.setText("Test CA of the organisation")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(ca), ""))
    page.add_button.click()
    assert page.model.rowCount() == 1
    assert page.model.text(0, 0) == "Test CA of the organisation"
    assert page.model.text(0, 1) == "Test Root CA · Test PKI"
    listed = trust.list_trusted(db)[0]
    assert page.model.index(0, 2).data(3) == listed.fingerprint_display  # full fingerprint in the tooltip
    assert "Signatures by" in page.message.text()

    page.label.setText("again")
    page.add_file(ca)
    assert "already trusted" in page.message.text()

    # A manager's own certificate is registered as theirs (approvals are signed only with it).
    from transfer_tool import signing

    mine = tmp_path / "max.pem"
    mine.write_bytes(signing.export_certificate_pem(pki.signer_p12, pki.passphrase))
    page.owner.setCurrentIndex(page.owner.findText("Max Manager 山田"))
    assert page.owner.currentData() is not None
    page.label.setText("Max's signature")
    page.add_file(mine)
    registered = [c for c in trust.list_trusted(db) if c.label == "Max's signature"]
    assert registered and registered[0].user_id == page.owner.currentData()
    trust.remove_trusted(db, admin, registered[0].id)
    page.reload()
    page.label.setText("again")
    page.add_file(pki.signer_p12)  # a key file, not a certificate
    assert "not an X.509 certificate" in page.message.text()

    page.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.remove_button.click()
    assert trust.list_trusted(db)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.table.selectRow(0)
    page.remove_button.click()
    assert trust.list_trusted(db) == [] and page.model.rowCount() == 0


def test_a_certificate_without_a_label_is_refused_beside_the_label(
    db: Database,
    admin: Actor,
    make_services: Callable[..., Services],
    show: Callable[[QWidget], QWidget],
    pki: OfflinePki,
    tmp_path: Path,
) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_bytes(pki.ca_pem)
    page = TrustPage(make_services(admin))
    show(page)
    page.add_file(ca)
    assert "say whose certificate this is" in page.problems.text("label")


# ---- catalogues ---------------------------------------------------------------------------------------


def test_catalogue_entries_are_added_edited_and_deactivated(
    db: Database, admin: Actor, make_services: Callable[..., Services], show: Callable[[QWidget], QWidget]
) -> None:
    page = CataloguesPage(make_services(admin))
    show(page)
    page.select_kind(CatalogKind.PURPOSE)
    shipped = len(catalog.list_items(db, CatalogKind.PURPOSE, include_inactive=True))
    assert page.model.rowCount() == shipped
    # Issue 18: an entry is read and added by its labels; its code is made internally, never shown.
    header = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert header == ["English", "日本語", "Policy section", "Sensitive", "Status"]
    page.new_button.click()
    page.label_en.setText("Preventing fraud")
    page.label_ja.setText("不正防止")
    page.section.setText("7-3")
    page.save_button.click()
    item = next(i for i in catalog.list_items(db, CatalogKind.PURPOSE) if i.label_en == "Preventing fraud")
    assert (item.code, item.label_ja, item.section, item.active) == (
        "preventing_fraud",
        "不正防止",
        "7-3",
        True,
    )
    assert page.current() == item
    assert page.message.text() == "Saved Preventing fraud."
    texts = [
        page.model.text(r, c) for r in range(page.model.rowCount()) for c in range(page.model.columnCount())
    ]
    assert not any(code in texts for code in {i.code for i in catalog.list_items(db, CatalogKind.PURPOSE)})

    page.label_en.setText("Preventing and detecting fraud")
    page.save_button.click()
    assert (
        catalog.all_items(db)[CatalogKind.PURPOSE]["preventing_fraud"].label_en
        == "Preventing and detecting fraud"
    )

    # Another entry with the same English words gets a code of its own.
    page.new_button.click()
    page.label_en.setText("Preventing fraud")
    page.save_button.click()
    assert "preventing_fraud_2" in {i.code for i in catalog.list_items(db, CatalogKind.PURPOSE)}
    page.select_code("preventing_fraud")

    page.deactivate_button.click()
    assert page.message.text().startswith("Preventing and detecting fraud is no longer offered")
    assert "preventing_fraud" not in {i.code for i in catalog.list_items(db, CatalogKind.PURPOSE)}
    row = page.model.row_of("preventing_fraud")
    assert page.model.text(row, 4) == "Deactivated"

    page.new_button.click()
    page.save_button.click()
    assert page.problems.text("label_en") == "an English label is required"


def test_a_catalogue_entry_changed_by_another_admin_meanwhile_keeps_their_change_or_tells(
    db: Database, admin: Actor, make_services: Callable[..., Services], show: Callable[[QWidget], QWidget]
) -> None:
    page = CataloguesPage(make_services(admin))
    show(page)
    page.select_kind(CatalogKind.DATA_CATEGORY)
    entry = next(i for i in catalog.list_items(db, CatalogKind.DATA_CATEGORY) if not i.sensitive)
    assert page.select_code(entry.code)
    # Another administrator marks it sensitive while this page shows it unmarked.
    catalog.save_item(db, admin, dataclasses.replace(entry, sensitive=True), read=entry)
    page.label_ja.setText("訂正したラベル")
    page.save_button.click()
    stored = catalog.all_items(db)[CatalogKind.DATA_CATEGORY][entry.code]
    assert (stored.sensitive, stored.label_ja) == (True, "訂正したラベル")
    # Both change the English label: told, the typed text stays, a second save stores it knowingly.
    assert page.select_code(entry.code)
    catalog.save_item(db, admin, dataclasses.replace(stored, label_en="Theirs"), read=stored)
    page.label_en.setText("Mine")
    page.save_button.click()
    assert "Someone else changed the catalogue entry" in page.message.text()
    assert page.label_en.text() == "Mine"
    assert catalog.all_items(db)[CatalogKind.DATA_CATEGORY][entry.code].label_en == "Theirs"
    page.save_button.click()
    assert catalog.all_items(db)[CatalogKind.DATA_CATEGORY][entry.code].label_en == "Mine"


# ---- organisation settings ----------------------------------------------------------------------------


def test_organisation_settings_are_saved_and_single_user_mode_warns(
    db: Database, admin: Actor, make_services: Callable[..., Services], show: Callable[[QWidget], QWidget]
) -> None:
    page = OrgSettingsPage(make_services(admin))
    show(page)
    assert not page.single_warning.isVisibleTo(page)
    page.name.setText("ネット・ジャパン株式会社")
    page.threshold.setValue(5.0)
    page.months.setValue(18)
    page.single_user.setChecked(True)
    assert page.single_warning.isVisibleTo(page) and "four-eyes" in page.single_warning.text()
    page.timestamp.setText("ftp://tsa.example.org")
    page.save_button.click()
    assert "http(s) address" in page.problems.text("timestamp_url")
    assert not service.get_org_settings(db).single_user_mode
    page.timestamp.setText("https://tsa.example.org/tsr")
    page.save_button.click()
    saved = service.get_org_settings(db)
    assert saved == service.OrgSettings(
        risk_threshold=0.05,
        reevaluation_months=18,
        single_user_mode=True,
        timestamp_url="https://tsa.example.org/tsr",
        organisation_name="ネット・ジャパン株式会社",
    )
    assert page.message.text() == "The organisation settings are saved."


def test_two_admins_on_the_settings_page_keep_each_others_changes_or_are_told(
    db: Database, admin: Actor, make_services: Callable[..., Services], show: Callable[[QWidget], QWidget]
) -> None:
    service.set_org_settings(db, admin, service.OrgSettings(single_user_mode=True))
    page = OrgSettingsPage(make_services(admin))
    show(page)
    assert page.single_user.isChecked()
    # Another administrator turns single-user mode off (four eyes back on) while this page shows it on.
    shown = service.get_org_settings(db)
    service.set_org_settings(db, admin, service.OrgSettings(single_user_mode=False), read=shown)
    page.name.setText("Net Japan")
    page.save_button.click()
    saved = service.get_org_settings(db)
    assert (saved.organisation_name, saved.single_user_mode) == ("Net Japan", False)
    assert not page.single_user.isChecked()  # the page shows what is stored now
    # Both change the re-evaluation period: told, nothing saved, the typed values stay on the page.
    service.set_org_settings(db, admin, dataclasses.replace(saved, reevaluation_months=6), read=saved)
    page.months.setValue(24)
    page.timestamp.setText("https://tsa.example.org/tsr")
    page.save_button.click()
    assert "Someone else changed the same organisation settings" in page.message.text()
    assert service.get_org_settings(db).reevaluation_months == 6
    assert (page.months.value(), page.timestamp.text()) == (24, "https://tsa.example.org/tsr")
    page.save_button.click()  # saved again, knowingly over theirs
    assert service.get_org_settings(db).reevaluation_months == 24
    assert page.message.text() == "The organisation settings are saved."


# ---- the window and the roles -----------------------------------------------------------------------


def test_the_admin_window_opens_on_the_asked_tab_once(
    db: Database, admin: Actor, make_services: Callable[..., Services], qtbot: QtBot
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    services = make_services(admin)
    window = open_users(parent, services)
    assert isinstance(window, AdminWindow)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Country data",
        "Users and roles",
        "Trusted certificates",
        "Catalogues",
        "Organisation",
        "Privacy notice",
    ]
    assert isinstance(window.tabs.currentWidget().findChild(UsersPage), UsersPage)
    assert open_trust(parent, services) is window
    assert window.tabs.currentIndex() == 2
    assert open_catalogues(parent, services) is window and open_org_settings(parent, services) is window
    assert window.tabs.currentIndex() == 4


def test_closing_with_organisation_settings_not_saved_asks_first(
    db: Database, admin: Actor, make_services: Callable[..., Services], qtbot: QtBot
) -> None:
    """Like country data, settings typed and not saved are asked about, not dropped when the window closes."""
    parent = QWidget()
    qtbot.addWidget(parent)
    window = open_org_settings(parent, make_services(admin))
    assert isinstance(window, AdminWindow)
    page = window.page("organisation")
    assert isinstance(page, OrgSettingsPage)
    page.name.setText("Net Japan Co., Ltd.")
    window.close()
    question = window_question(window)
    assert isinstance(question, QMessageBox) and question.isVisible() and window.isVisible()
    assert question.text() == "The changes on the tab “Organisation” are not saved. Discard them and close?"
    keep = question.button(QMessageBox.StandardButton.Cancel)
    assert keep.text() == "Keep editing" and question.defaultButton() is keep  # as every dialog asks
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # keeps editing
    qtbot.waitUntil(lambda: window.unsaved_question is None)
    assert window.isVisible() and page.name.text() == "Net Japan Co., Ltd."
    page.save_button.click()
    assert service.get_org_settings(db).organisation_name == "Net Japan Co., Ltd."
    page.months.setValue(24)
    window.close()
    question = window_question(window)
    assert isinstance(question, QMessageBox)
    question.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert service.get_org_settings(db).reevaluation_months == 12


@pytest.mark.parametrize("tab", ["users", "catalogues"])
def test_closing_with_a_user_or_catalogue_entry_not_saved_asks_first(
    db: Database, admin: Actor, make_services: Callable[..., Services], qtbot: QtBot, tab: str
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    window = (open_users if tab == "users" else open_catalogues)(parent, make_services(admin))
    assert isinstance(window, AdminWindow)
    page = window.page(tab)
    assert not page.has_unsaved_changes()
    window.close()  # nothing typed: no question
    assert window.unsaved_question is None and not window.isVisible()
    window.show()
    if isinstance(page, UsersPage):
        page.add_username.setText("kenji")
        title = "Users and roles"
    else:
        assert isinstance(page, CataloguesPage)
        page.new_entry()
        page.label_en.setText("Loyalty programme members")
        title = "Catalogues"
    window.close()
    question = window_question(window)
    assert isinstance(question, QMessageBox) and window.isVisible()
    assert question.text() == f"The changes on the tab “{title}” are not saved. Discard them and close?"
    question.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_saved_organisation_settings_close_without_a_question(
    db: Database, admin: Actor, make_services: Callable[..., Services], qtbot: QtBot
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    window = open_org_settings(parent, make_services(admin))
    assert isinstance(window, AdminWindow)
    page = window.page("organisation")
    page.threshold.setValue(5.0)
    page.save_button.click()
    window.close()
    assert window.unsaved_question is None and not window.isVisible()


@pytest.mark.parametrize("opener", [open_users, open_trust, open_catalogues, open_org_settings])
def test_a_manager_is_refused_every_admin_page(
    db: Database,
    manager: Actor,
    make_services: Callable[..., Services],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    opener: Callable[[QWidget, Services], QWidget | None],
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("ui.admin.window.show_info", lambda _p, _t, text: shown.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert opener(parent, make_services(manager)) is None
    assert len(shown) == 1 and shown[0].startswith("Your role may not")


def test_pages_built_directly_show_the_services_refusal(
    db: Database, legal: Actor, make_services: Callable[..., Services], show: Callable[[QWidget], QWidget]
) -> None:
    users_page = UsersPage(make_services(legal))
    show(users_page)
    assert "may not manage users" in users_page.message.text()
    org = OrgSettingsPage(make_services(legal))
    show(org)
    org.save_button.click()
    assert "may not change organisation settings" in org.message.text()
    cats = CataloguesPage(make_services(legal))
    show(cats)
    cats.label_en.setText("X")
    cats.save_button.click()
    assert "may not change the catalogues" in cats.message.text()


def test_menus_follow_the_role(
    db: Database, admin: Actor, legal: Actor, manager: Actor, make_window: Callable[..., MainWindow]
) -> None:
    from ui.app import screen_factories

    legal_window = make_window(legal, screens=screen_factories())
    assert "Review" not in legal_window.visible_menu_titles()
    assert "Administration" not in legal_window.visible_menu_titles()
    assert legal_window.verify_action.isVisible() and legal_window.user_settings_action.isVisible()
    legal_window.open_screen("review")  # refused before any factory runs
    legal_window.open_screen("trust")
    assert not legal_window.findChildren(AdminWindow)

    admin_window = make_window(admin, screens=screen_factories())
    assert "Administration" in admin_window.visible_menu_titles()
    texts = [a.text().replace("&", "") for a in admin_window.admin_menu.actions() if a.isVisible()]
    assert texts == [
        "Country data…",
        "Users and roles…",
        "Catalogues…",
        "Trusted certificates…",
        "Organisation settings…",
        "Privacy notice…",
    ]
    manager_window = make_window(manager, screens=screen_factories())
    assert "Review" in manager_window.visible_menu_titles()
    assert "Administration" not in manager_window.visible_menu_titles()
