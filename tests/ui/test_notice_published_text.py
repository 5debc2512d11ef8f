"""Right after publishing, the privacy-notice page shows and saves the notice as published (found walking
the admin screens, s12): it showed the draft again, with "Draft: check before publishing" over it, and
"Save as…" wrote that banner into the file an administrator puts on the website. The line under the
preview counts without the register's digest, which means nothing to a reader."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.db_snapshots import built_once
from tests.ui import languages
from tests.unit.notice_support import build_register
from transfer_tool.accounts.permissions import Actor
from transfer_tool.notice import service
from transfer_tool.storage.database import Database
from ui.admin import AdminWindow, open_notice
from ui.admin.notice import NoticePage
from ui.services import Services
from ui.terms import term

language = languages.language


def test_the_published_notice_is_shown_and_saved_without_the_drafts_marks(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    legal: Actor,
    manager: Actor,
    make_services: Callable[..., Services],
    language: str,
    tmp_path: Path,
) -> None:
    built_once(db, "notice_register_ui", lambda: build_register(db, admin, legal, manager))
    parent = QWidget()
    qtbot.addWidget(parent)
    window = open_notice(parent, make_services(admin, language))
    assert isinstance(window, AdminWindow)
    page = window.page("notice")
    assert isinstance(page, NoticePage)
    assert re.search(r"\b[0-9a-f]{12,}\b", page.status.text()) is None
    assert page.current is not None and page.current.register_version not in page.status.text()
    counted = "承認済みの移転：" if language == "ja" else "Approved transfers: "
    assert page.status.text().startswith(f"{counted}{len(page.current.entries)}")
    draft_mark = term("notice.unverified.note", language)
    assert page.checks.isVisibleTo(page) and draft_mark in page.preview.toPlainText()  # a draft
    with qtbot.waitSignal(page.generated):
        page.generate_button.click()
    with qtbot.waitSignal(page.published):
        page.publish(accept_unverified=True)

    published = service.last_published(db, "JP")
    assert published is not None
    assert draft_mark not in page.preview.toPlainText() and not page.checks.isVisibleTo(page)
    said = "公開した通知の本文を表示しています" if language == "ja" else "Shown as published"
    assert said in page.diff.text()
    saved = tmp_path / "notice.md"
    page.save_to(saved)
    assert saved.read_text(encoding="utf-8") == published.text

    # The other language was not published: its preview is a draft with its marks again.
    other = "en" if language == "ja" else "ja"
    page.lang.setCurrentIndex(page.lang.findData(other))
    assert page.current is not None and page.current.lang == other
    assert page.checks.isVisibleTo(page) and "Shown as published" not in page.diff.text()
    window.close()
