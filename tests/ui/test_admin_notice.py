"""The privacy-notice administration page (issue #24): the preview in English and Japanese from the
approved register, the diff line, the country data still to check, generate, publish (with the explicit
acceptance of unverified data), save as Word. With NOTICE_SCREENSHOTS=<folder> the grabs are saved there
(docs/screenshots holds the ones the user guide shows)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.db_snapshots import built_once
from tests.ui import languages
from tests.unit.notice_support import CONFIDENTIAL, build_register
from transfer_tool.accounts.permissions import Actor
from transfer_tool.notice import service
from transfer_tool.storage.database import Database
from ui.admin import AdminWindow, open_notice
from ui.admin.notice import NoticePage
from ui.services import Services

SIZE = (1280, 800)


language = languages.language


def _grab(qtbot: QtBot, window: AdminWindow, name: str, tmp_path: Path) -> None:
    window.resize(*SIZE)
    qtbot.wait(30)
    image = window.grab().toImage()
    assert (image.width(), image.height()) == SIZE and not image.isNull()
    assert image.save(str(tmp_path / f"{name}.png"))
    out = os.environ.get("NOTICE_SCREENSHOTS")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(out) / f"{name}.png"))


def test_preview_generate_publish_and_save(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    legal: Actor,
    manager: Actor,
    make_services: Callable[..., Services],
    language: str,
    tmp_path: Path,
) -> None:
    register = built_once(db, "notice_register_ui", lambda: build_register(db, admin, legal, manager))
    service.set_contact(
        db,
        admin,
        {"en": "privacy@netjapan.example (General Affairs)", "ja": "privacy@netjapan.example（総務部）"},
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    admin_window = open_notice(parent, make_services(admin, language))
    assert isinstance(admin_window, AdminWindow)
    page = admin_window.page("notice")
    assert isinstance(page, NoticePage)
    admin_window.show()
    qtbot.waitExposed(admin_window)

    assert page.choice()[:2] == ("JP", language)
    shown = page.preview.toPlainText()
    if language == "ja":
        assert (
            "外国にある第三者への個人データの提供" in shown
            and "当該外国における個人情報の保護に関する制度" in shown
        )
        assert page.diff.text() == "この法制度について公開済みの通知はまだありません。"
    else:
        assert "Provision of personal data to third parties in foreign countries" in shown
        assert page.diff.text() == "Nothing has been published for this regime yet."
    country = "米国" if language == "ja" else "United States"
    assert page.checks.isVisible() and country in page.checks.text()
    assert not any(secret in shown for secret in CONFIDENTIAL)
    assert "privacy@netjapan.example" in shown
    _grab(qtbot, admin_window, "admin-notice" + ("-ja" if language == "ja" else ""), tmp_path)

    # Publishing needs a stored generation; unverified data needs an explicit yes.
    assert not page.publish_button.isEnabled()
    with qtbot.waitSignal(page.generated):
        page.generate_button.click()
    assert page.publish_button.isEnabled()
    page.publish(accept_unverified=False)
    assert service.last_published(db, "JP") is None and page.message.isVisible()
    with qtbot.waitSignal(page.published):
        page.publish(accept_unverified=True)
    published = service.last_published(db, "JP")
    assert published is not None and published.published_by == admin.username
    assert page.diff.text().startswith(service.preview(db, "JP", language).diff_text)
    assert ("変更はありません" if language == "ja" else "No change") in page.diff.text()

    # An administrator allows the US recipient's name: the preview shows it at once.
    page.entity.setCurrentIndex(page.entity.findData(register.entity_ids["Cloud Desk Inc."]))
    assert page.name_mode.currentData() == "category"
    page.name_mode.setCurrentIndex(page.name_mode.findData("name"))
    page.save_name_button.click()
    assert "Cloud Desk Inc." in page.preview.toPlainText()
    assert "Singapore Payroll" not in page.preview.toPlainText()

    # The APPI Art. 28(3) answer for one transfer, in the notice's language; refused for a consent transfer.
    answer = tmp_path / "answer.docx"
    page.write_answer(register.refs["jp_us"], answer)
    import docx

    written = "\n".join(p.text for p in docx.Document(str(answer)).paragraphs)
    assert ("4. 当該外国の名称" if language == "ja" else "4. Name of the foreign country") in written
    page.write_answer(register.refs["jp_sg"], tmp_path / "refused.docx")
    assert not (tmp_path / "refused.docx").exists() and page.message.isVisible()
    assert "equivalent measures" in page.message.text() or "相当措置" in page.message.text()

    # Another regime and the Word file.
    page.regime.setCurrentIndex(page.regime.findData("EU"))
    assert page.current is not None and page.current.regime == "EU"
    assert {e.reference for e in page.current.entries} == {register.refs["eu_us"], register.refs["eu_jp"]}
    out = tmp_path / "notice.docx"
    page.save_to(out)
    assert out.read_bytes().startswith(b"PK")
    admin_window.close()


def test_the_entities_listed_here_can_be_corrected_and_removed(
    qtbot: QtBot, db: Database, admin: Actor, make_services: Callable[..., Services]
) -> None:
    """Issue 18: wherever entities are listed they can be edited and removed (removal refused while used)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from tests import factories
    from transfer_tool.register import entities, transfers
    from ui.wizard.entity_dialog import EntityDialog

    exp = factories.entity(db, admin, "Net Japan Co., Ltd.", "JP")
    imp = factories.entity(db, admin, "Cloud Desk Inc.", "US")
    typo = factories.entity(db, admin, "Clod Desk", "US")
    t = transfers.create_transfer(db, admin, factories.transfer_input(exp.id, imp.id, title="Support desk"))
    parent = QWidget()
    qtbot.addWidget(parent)
    window = open_notice(parent, make_services(admin))
    assert isinstance(window, AdminWindow)
    page = window.page("notice")
    assert isinstance(page, NoticePage)
    window.show()
    qtbot.waitExposed(window)
    page.entity.setCurrentIndex(page.entity.findData(imp.id))
    page.edit_entity_button.click()
    dialog = page.entity_dialog
    assert isinstance(dialog, EntityDialog) and dialog.name.text() == "Cloud Desk Inc."
    dialog.name.setText("Cloud Desk, Inc.")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert entities.get_entity(db, imp.id).name == "Cloud Desk, Inc."
    assert entities.get_entity(db, imp.id).notice_name == imp.notice_name  # what the dialog does not show
    assert page.entity.itemText(page.entity.findData(imp.id)).startswith("Cloud Desk, Inc.")
    # Used by a transfer: refused, naming it.
    page.remove_entity_button.click()
    assert page.confirmation is not None
    page.confirmation.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "errorBox") is not None, timeout=2000)
    error = page.findChild(QMessageBox, "errorBox")
    assert isinstance(error, QMessageBox) and f"{t.reference} Support desk: importer" in error.text()
    error.accept()
    # Unused: gone, from the database and the list.
    page.entity.setCurrentIndex(page.entity.findData(typo.id))
    page.remove_entity_button.click()
    assert page.confirmation is not None
    page.confirmation.button(QMessageBox.StandardButton.Yes).click()
    assert typo.id not in {e.id for e in entities.list_entities(db)}
    assert page.entity.findData(typo.id) < 0 and page.entity.findData(imp.id) >= 0
