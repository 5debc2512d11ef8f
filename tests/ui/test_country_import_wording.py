"""The country data screens say what an administrator reads, not the file's stored form (found walking the
admin screens, s12): a scope question by its question, a refused import's problem by the destination and
field it is about, in Japanese too, and the flagged-transfers tab without a note left from an earlier save."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.ui import languages
from tests.ui.review_support import submitted_assessment
from transfer_tool.accounts.permissions import Actor
from transfer_tool.domain import AdequacyStatus
from transfer_tool.storage.database import Database
from ui.admin.countries import FLAGS_TAB, CountriesPage
from ui.admin.country_import import ImportPreviewDialog
from ui.services import Services

language = languages.language
japanese = languages.japanese


@pytest.fixture
def page(qtbot: QtBot, make_services: Callable[..., Services]) -> Iterator[Callable[..., CountriesPage]]:
    def make(actor: Actor, lang: str = "en") -> CountriesPage:
        widget = CountriesPage(make_services(actor, lang))
        qtbot.addWidget(widget)
        widget.resize(1280, 800)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    yield make


def _exported(p: CountriesPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    out = tmp_path / "countries.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    p.export_button.click()
    doc: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))  # the JSON document as read
    return doc


def test_a_changed_scope_question_shows_as_the_question_with_its_source(
    db: Database,
    admin: Actor,
    page: Callable[..., CountriesPage],
    language: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    p = page(admin, language)
    doc = _exported(p, tmp_path, monkeypatch)
    us = next(d for d in doc["destinations"] if d["code"] == "US")
    limit = us["regimes"]["EU"]["scope_limits"][0]
    us["regimes"]["EU"]["scope_limits"] = []
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    p.import_file(changed)
    dialog = p._import_dialog
    assert isinstance(dialog, ImportPreviewDialog)
    cells = [dialog.model.text(r, c) for r in range(dialog.model.rowCount()) for c in range(4)]
    question = limit["question_ja"] if language == "ja" else limit["question_en"]
    shown = next(c for c in cells if question in c)
    assert limit["source"] in shown
    assert limit["code"] not in " ".join(cells) and "question_en" not in " ".join(cells)
    assert "only_for_categories" not in " ".join(cells) and "{" not in shown


def test_a_refused_import_names_the_destination_and_field_not_the_files_path(
    db: Database, admin: Actor, page: Callable[..., CountriesPage], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "transfer-tool.countries",
                "format_version": 1,
                "dataset_version": "x",
                "destinations": [{"code": "US", "regimes": {"EU": {"status": "partial"}}}],
            }
        ),
        encoding="utf-8",
    )
    p = page(admin)
    p.import_file(bad)
    text = p.message.text()
    assert "United States (US) — EU GDPR — Condition (who is covered): a partial status needs" in text
    assert "destinations[" not in text


def test_a_refused_import_is_said_in_japanese_where_it_is_and_why(
    db: Database, admin: Actor, page: Callable[..., CountriesPage], japanese: str, tmp_path: Path
) -> None:
    p = page(admin, japanese)
    broken = tmp_path / "broken.json"
    broken.write_text("{oops", encoding="utf-8")
    p.import_file(broken)
    assert "1行目、2列目: 有効なJSONではありません" in p.message.text()
    assert "line 1" not in p.message.text()
    p.import_file(tmp_path / "missing.json")
    text = p.message.text()
    assert "missing.jsonを読み込めません" in text and "別のファイルを選択してください" in text
    assert "cannot be read" not in text


def test_the_flagged_tab_speaks_only_of_the_version_shown(
    db: Database, admin: Actor, legal: Actor, page: Callable[..., CountriesPage]
) -> None:
    submitted_assessment(db, legal)  # a French exporter sends to the US: governed by the EU GDPR
    p = page(admin)
    p.select("US")
    p.editor.select_regime("EU")
    status = p.editor.regimes_tab.status
    status.setCurrentIndex(status.findData(AdequacyStatus.NOT_ADEQUATE))
    p.reason.setText("CJEU annulled the DPF decision")
    p.save_button.click()
    assert p.editor.tabs.currentIndex() == FLAGS_TAB
    assert p.flags_note.text().startswith("Flagged by version 2")
    assert p.flag_model.rowCount() == 1
    # Another destination, then the US again (as after an import): no note of version 2 over an empty list.
    p.select("JP")
    assert p.flag_model.rowCount() == 0
    assert p.flags_note.text() == "Transfers flagged by your last save appear here."


def test_the_history_says_the_tools_own_entries_in_japanese(
    db: Database, admin: Actor, page: Callable[..., CountriesPage], japanese: str
) -> None:
    p = page(admin, japanese)
    p.select("US")
    first = p.history.version_model.rowCount() - 1  # the newest first: the seeded version last
    assert p.history.version_model.text(first, 2) == "本ツール"
    assert p.history.version_model.text(first, 3).startswith("同梱の国別データ（")
    p.select("KR")
    p.editor.select_regime("UK")
    p.editor.regimes_tab.notes.setPlainText("re-read")
    p.reason.setText("shipped country data re-read by hand")  # an admin's own words stay as typed
    p.save_button.click()
    assert p.history.version_model.text(0, 3) == "shipped country data re-read by hand"
    assert p.history.version_model.text(0, 2) == admin.username


def test_a_refused_imports_message_goes_when_a_destination_is_opened(
    db: Database, admin: Actor, page: Callable[..., CountriesPage], tmp_path: Path
) -> None:
    p = page(admin)
    p.import_file(tmp_path / "missing.json")
    assert "cannot be read" in p.message.text() and p.message.isVisibleTo(p)
    p.select("JP")
    assert not p.message.isVisibleTo(p)
