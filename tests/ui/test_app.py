"""The app as started from the command line: check mode, start-up failures, translations, fonts, imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QFontDatabase, QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.conftest import PASSWORD
from tests.ui.seed import realistic_register
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.domain import Role, TransferStatus
from transfer_tool.paths import resource_file
from transfer_tool.storage.database import Database
from ui import app as app_module
from ui import settings as keys
from ui.fonts import register_bundled_fonts
from ui.i18n import effective_language, install_translators, remove_translators, role_label, status_label
from ui.launcher import main as launcher_main
from ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
UNREACHABLE = "postgresql+psycopg://tia:secret@127.0.0.1:9/none"


@pytest.fixture
def signed_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRANSFER_TOOL_USER", "admin")
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", PASSWORD)


@pytest.mark.both_databases  # the app opens, checks and seeds the database it is given
def test_check_mode_saves_the_main_window_and_exits_0(
    qapp: QApplication, db_url: str, db: Database, admin: Actor, tmp_path: Path, signed_in_env: None
) -> None:
    realistic_register(db, admin, 12)
    png = tmp_path / "shots" / "main.png"
    assert launcher_main(["--database", db_url, "gui", "--screenshot", str(png)]) == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1280, 800)


@pytest.mark.both_databases  # the app opens, checks and seeds the database it is given
def test_check_mode_without_credentials_grabs_the_first_run_form_and_creates_nothing(
    qapp: QApplication, db_url: str, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TRANSFER_TOOL_USER", raising=False)
    monkeypatch.delenv("TRANSFER_TOOL_PASSWORD", raising=False)
    png = tmp_path / "first-run.png"
    assert launcher_main(["--database", db_url, "gui", "--screenshot", str(png)]) == 0
    assert not QImage(str(png)).isNull()
    assert not users.has_users(db)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The app in English whatever the computer's language (without a preference it follows the system's:
    on a Japanese system these messages were Japanese)."""
    app_module.application()  # its names locate the settings file
    Settings().set(keys.LANGUAGE, "en")
    yield
    QSettings().remove(keys.LANGUAGE.key)


def test_check_mode_with_a_wrong_password_exits_3(
    qapp: QApplication,
    db_url: str,
    admin: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    english: None,
) -> None:
    monkeypatch.setenv("TRANSFER_TOOL_USER", "admin")
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", "not the password")
    assert app_module.run(db_url, tmp_path / "x.png") == app_module.EXIT_SIGN_IN
    assert "Wrong user name or password." in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_a_database_that_cannot_be_opened_is_reported_before_any_window(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    png = tmp_path / "error.png"
    assert app_module.run(UNREACHABLE, png) == app_module.EXIT_DATABASE
    err = capsys.readouterr().err
    assert "127.0.0.1:9/none" in err and "secret" not in err
    assert png.exists()  # the error dialog as a user would see it


def test_outside_check_mode_the_failure_is_a_dialog(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, english: None
) -> None:
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert app_module.run(UNREACHABLE, None) == app_module.EXIT_DATABASE
    assert shown and shown[0].startswith("The database cannot be opened.")


def test_database_label_never_shows_a_password() -> None:
    assert (
        app_module.database_label("postgresql+psycopg://u:pw@db.example:5432/tia")
        == "postgresql://db.example:5432/tia"
    )
    assert app_module.database_label("sqlite:////home/a/t.sqlite3") == "/home/a/t.sqlite3"


def _qm_ready() -> Path:
    qm = resource_file("translations", "transfer_tool_ja.qm")
    if not qm.exists():
        env = {**os.environ, "PYTHON": sys.executable}
        done = subprocess.run([str(ROOT / "scripts" / "build-translations.sh")], env=env, check=False)
        if done.returncode != 0 or not qm.exists():
            pytest.skip("the Qt translation tools are not installed: .qm cannot be built")
    return qm


def test_japanese_translation_is_complete() -> None:
    tree = ET.parse(resource_file("translations", "transfer_tool_ja.ts"))
    untranslated = [
        f"{ctx.findtext('name')}: {m.findtext('source')}"
        for ctx in tree.getroot().iter("context")
        for m in ctx.iter("message")
        if (tr := m.find("translation")) is not None
        and (
            tr.get("type") in ("unfinished", "vanished", "obsolete")
            or not (tr.text or tr.findtext("numerusform"))
        )
    ]
    assert untranslated == [], "translate these in resources/translations/transfer_tool_ja.ts"


def test_japanese_ui_strings_and_qt_buttons_load(qapp: QApplication) -> None:
    _qm_ready()
    translators = install_translators(qapp, "ja")
    try:
        assert status_label(TransferStatus.APPROVED) == "承認済み"
        assert role_label(Role.LEGAL) == "法務担当者"
        assert QApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"  # Qt's own qtbase_ja
    finally:
        remove_translators(qapp, translators)
    assert status_label(TransferStatus.APPROVED) == "Approved"


def test_bundled_japanese_font_is_registered(qapp: QApplication) -> None:
    families = register_bundled_fonts(qapp)
    assert families == ["IPAexGothic"]
    assert "IPAexGothic" in QFontDatabase.families()
    assert "IPAexGothic" in qapp.font().families()


def _modules_loaded_by(entry: str, db_url: str, png: Path) -> dict[str, Any]:
    """Start the check mode through `entry` in a fresh interpreter; which heavy libraries got imported."""
    script = (
        (
            "import json, sys\n"
            f"{entry}\n"
            "print(json.dumps({'rc': rc, 'loaded': sorted(m for m in ('reportlab', 'pyhanko', 'alembic', 'openpyxl', 'docx', 'icalendar', 'multiprocessing') "
            "if m in sys.modules), 'order': [m for m in sys.modules if m in ('sqlalchemy', 'PySide6.QtCore')]}))\n"
        )
        .replace("URL", repr(db_url))
        .replace("PNG", repr(str(png)))
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TRANSFER_TOOL_USER": "admin",
        "TRANSFER_TOOL_PASSWORD": PASSWORD,
        "PYTHONPATH": str(ROOT),
    }
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["rc"] == 0
    return result


def test_the_app_starts_without_the_report_or_signing_libraries(
    db_url: str, db: Database, admin: Actor, tmp_path: Path
) -> None:
    entry = (
        "from ui.app import main\nrc = main(['--database', URL, '--screenshot', PNG])"  # transfer-tool-gui
    )
    result = _modules_loaded_by(entry, db_url, tmp_path / "p.png")
    # alembic is loaded by the schema check in open_database (transfer_tool/storage/migrate.py)
    assert not {"reportlab", "pyhanko", "openpyxl", "docx", "icalendar"} & set(result["loaded"])


def test_transfer_tool_gui_starts_without_the_report_or_signing_libraries(
    db_url: str, db: Database, admin: Actor, tmp_path: Path
) -> None:
    entry = "from ui.launcher import main\nrc = main(['--database', URL, 'gui', '--screenshot', PNG])"
    result = _modules_loaded_by(entry, db_url, tmp_path / "p.png")
    assert not {"reportlab", "pyhanko", "openpyxl", "docx", "icalendar"} & set(result["loaded"])


def test_transfer_tool_gui_and_the_launcher_start_without_multiprocessing(
    db_url: str, db: Database, admin: Actor, tmp_path: Path
) -> None:
    """Only a frozen bundle needs `multiprocessing.freeze_support` at start (about 9 ms to import; issue 21)."""
    for entry in (
        "from ui.desktop import main\nrc = main(['--database', URL, '--screenshot', PNG])",  # transfer-tool-gui
        "from ui.launcher import main\nrc = main(['--database', URL, 'gui', '--screenshot', PNG])",
    ):
        result = _modules_loaded_by(entry, db_url, tmp_path / "p.png")
        assert "multiprocessing" not in result["loaded"], entry


def test_the_app_loads_its_data_layer_before_the_qt_binding(
    db_url: str, db: Database, admin: Actor, tmp_path: Path
) -> None:
    """PySide6's import hook reads the source of every module imported after the binding (its `__feature__`
    check); SQLAlchemy's modules cost about 20 ms of each start that way (issue 21)."""
    entry = "from ui.launcher import main\nrc = main(['--database', URL, 'gui', '--screenshot', PNG])"
    result = _modules_loaded_by(entry, db_url, tmp_path / "p.png")
    assert result["order"] == ["sqlalchemy", "PySide6.QtCore"]


@pytest.mark.parametrize(
    ("preference", "system", "expected"),
    [("", "ja_JP", "ja"), ("", "de_DE", "en"), ("en", "ja_JP", "en"), ("ja", "en_US", "ja")],
)
def test_language_follows_the_setting_or_else_the_system(preference: str, system: str, expected: str) -> None:
    assert effective_language(preference, QLocale(system)) == expected
