"""Every user's own settings: language (after a restart), the signing identity (create, import, show its
fingerprint, export the certificate for an administrator), default folders."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from transfer_tool import signing
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.runtime.config import user_data_dir
from transfer_tool.signing import trust
from transfer_tool.signing.testing import OfflinePki, make_test_pki
from transfer_tool.storage.database import Database
from ui import settings as keys
from ui.services import Services
from ui.settings import Settings
from ui.user_settings import (
    UserSettingsDialog,
    open_user_settings,
    own_certificate,
    own_certificate_path,
    own_identity_path,
)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> OfflinePki:
    return make_test_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def dialog(qtbot: QtBot, make_services: Callable[..., Services]) -> Callable[..., UserSettingsDialog]:
    def make(actor: Actor) -> UserSettingsDialog:
        d = UserSettingsDialog(make_services(actor))
        qtbot.addWidget(d)
        d.show()
        qtbot.waitExposed(d)
        return d

    return make


def test_the_language_is_kept_and_applies_after_a_restart(
    db: Database,
    legal: Actor,
    dialog: Callable[..., UserSettingsDialog],
    make_settings: Callable[[], Settings],
) -> None:
    d = dialog(legal)
    assert "after a restart" in d.language_note.text()
    d.language.setCurrentIndex(d.language.findData("ja"))
    assert make_settings().get(keys.LANGUAGE) == "ja"  # what the next start reads
    assert users.get_user(db, legal.user_id or 0).language == "ja"
    assert d.language_note.text().startswith("Saved.")


def test_create_a_self_signed_identity_and_export_the_certificate(
    db: Database,
    admin: Actor,
    manager: Actor,
    dialog: Callable[..., UserSettingsDialog],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    d = dialog(manager)
    assert "no signing identity yet" in d.identity_status.text()
    assert not d.export_button.isEnabled()
    assert d.create_name.text() == "Max Manager 山田"
    d.create_email.setText("max@example.com")
    d.create_pass.setText("short")
    d.create_repeat.setText("short")
    d.create_button.click()
    assert "at least 8 characters" in d.identity_message.text()
    d.create_pass.setText("manager passphrase")
    d.create_repeat.setText("manager passphrase!")
    d.create_button.click()
    assert "differ" in d.identity_message.text()
    assert not own_identity_path(manager.username).exists()

    d.create_repeat.setText("manager passphrase")
    d.create_button.click()
    path = own_identity_path(manager.username)
    assert path == user_data_dir() / "identities" / "max.p12"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    opened = signing.open_identity(path, "manager passphrase")
    assert opened.subject_name == "Max Manager 山田"
    info = own_certificate(manager.username)
    assert info is not None
    assert info.fingerprint_sha256[:47] in d.identity_status.text()  # shown on two lines
    assert info.fingerprint_sha256[48:] in d.identity_status.text()
    assert d.create_pass.text() == ""  # the passphrase does not linger on screen

    out = tmp_path / "max.pem"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    d.export_button.click()
    assert out.read_bytes() == own_certificate_path(manager.username).read_bytes()
    assert b"PRIVATE KEY" not in out.read_bytes()
    # An administrator can trust exactly that file.
    view = trust.add_trusted(db, admin, out.read_bytes(), "Max Manager")
    assert view.fingerprint_display == info.fingerprint_sha256


def test_import_a_pkcs12_file_and_replace_it_only_when_confirmed(
    db: Database,
    manager: Actor,
    dialog: Callable[..., UserSettingsDialog],
    pki: OfflinePki,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    d = dialog(manager)
    d.identity_tabs.setCurrentIndex(1)
    d.import_file.setText(str(pki.signer_p12))
    d.import_pass.setText("wrong passphrase")
    d.import_button.click()
    assert "passphrase does not open this signing identity" in d.identity_message.text()
    assert own_certificate(manager.username) is None

    d.import_pass.setText(pki.passphrase)
    d.import_button.click()
    first = own_certificate(manager.username)
    assert first is not None and first.subject == "山田 太郎 (DPO)"
    assert "山田 太郎 (DPO)" in d.identity_status.text()

    d.import_file.setText(str(pki.untrusted_p12))
    d.import_pass.setText(pki.passphrase)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    d.import_button.click()
    assert own_certificate(manager.username) == first
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    d.import_button.click()
    second = own_certificate(manager.username)
    assert second is not None and second.subject == "Mallory Untrusted"
    kept = list((user_data_dir() / "identities").glob("max.replaced-*.p12"))
    assert len(kept) == 1  # the old identity is set aside, not deleted


def test_default_folders_are_remembered(
    db: Database,
    legal: Actor,
    dialog: Callable[..., UserSettingsDialog],
    make_settings: Callable[[], Settings],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    d = dialog(legal)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "報告書"))
    browse = d.findChildren(type(d.create_button))
    export_browse = next(
        b for b in browse if b.parent() is d.export_folder.parentWidget() and b.text() == "Browse…"
    )
    export_browse.click()
    d.import_folder.setText(str(tmp_path / "in"))
    d.import_folder.editingFinished.emit()
    fresh = make_settings()
    assert fresh.get(keys.LAST_EXPORT_FOLDER) == str(tmp_path / "報告書")
    assert fresh.get(keys.LAST_IMPORT_FOLDER) == str(tmp_path / "in")


def test_opening_twice_reuses_the_window(
    db: Database, legal: Actor, make_services: Callable[..., Services], qtbot: QtBot
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    services = make_services(legal)
    first = open_user_settings(parent, services)
    assert isinstance(first, UserSettingsDialog)
    assert open_user_settings(parent, services) is first
    first.close()
