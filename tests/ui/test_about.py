"""Help > About: the version, the country data in use, every bundled font with its licence text, the
libraries with their licences; the main window's title carries the version."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from transfer_tool import __version__
from transfer_tool.accounts.permissions import Actor
from transfer_tool.countries import store
from transfer_tool.countries.shipped import load_shipped_dataset
from transfer_tool.storage.database import Database
from ui.about import AboutDialog, font_licences
from ui.main_window import MainWindow
from ui.workers import DbWorker


def _dialog(qtbot: QtBot, worker: DbWorker | None) -> AboutDialog:
    dialog = AboutDialog(worker)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_shows_the_version_and_the_country_data_in_the_database(
    qtbot: QtBot, worker: DbWorker, db: Database
) -> None:
    dialog = _dialog(qtbot, worker)
    assert __version__ in dialog.version_label.text()
    shipped = load_shipped_dataset().dataset_version
    assert shipped and store.dataset_version(db) == shipped
    qtbot.waitUntil(lambda: shipped in dialog.country_data_label.text())


def test_country_data_says_unknown_when_the_database_cannot_tell(qtbot: QtBot) -> None:
    broken = DbWorker(Database("sqlite:////nonexistent-folder/x.sqlite3"), synchronous=True)
    try:
        dialog = _dialog(qtbot, broken)
        assert dialog.country_data_label.text().endswith("unknown")
    finally:
        broken.shutdown()


def test_lists_every_bundled_font_with_its_licence(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, None)
    entries = dict(dialog.font_entries())
    assert entries == {
        "DejaVuSans": "bitstream-vera",
        "HanaMinB": "Hanazono-Font-License or Open-Font-License",
        "IPAexGothic": "IPA-1",
        "NanumSquare": "OFL-1.1",
        "NotoSans-scripts": "OFL-1.1",
        "Symbola": "free for any use (the author's notice below)",
        "VL-Gothic": "M+Font and SazanamiFont and BSD-3-Clause",
    }
    # The first licence is shown at once; choosing another file shows its whole text.
    assert "DejaVu" in dialog.licence_text.toPlainText()
    dialog.select_font_file("IPAexGothic-LICENSE.txt")
    assert "IPA Font License Agreement v1.0" in dialog.licence_text.toPlainText()
    # An old read-me in EUC-JP reads as Japanese, not mojibake.
    dialog.select_font_file("VL-Gothic-README.sazanami.txt")
    assert "さざなみフォントについて" in dialog.licence_text.toPlainText()


def test_every_font_file_in_resources_has_a_licence_listed() -> None:
    found = font_licences()
    fonts_dir = found[0].files[0].parent
    for ttf in fonts_dir.glob("*.ttf"):
        assert any(
            ttf.stem.lower().startswith(f.font.lower()[:3]) or f.font.lower().startswith(ttf.stem.lower()[:3])
            for f in found
        ), f"{ttf.name} has no licence file beside it"
    assert all(f.licence for f in found)


def test_lists_the_main_libraries_with_versions_and_licences(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, None)
    table = dialog.library_table

    def cell(r: int, c: int) -> str:
        item = table.item(r, c)
        assert item is not None, (r, c)
        return item.text()

    rows = {cell(r, 0): (cell(r, 1), cell(r, 2)) for r in range(table.rowCount())}
    assert rows["PySide6 (Qt for Python)"][1] == "LGPL-3.0"
    assert rows["ReportLab"][1] == "BSD"
    assert rows["pyHanko"][1] == "MIT"
    assert rows["SQLAlchemy"][1] == "MIT"
    assert rows["pycountry"][1].startswith("LGPL")
    assert all(version for version, _ in rows.values()), rows


def test_help_about_opens_it_and_the_title_names_the_version(
    make_window: Callable[..., MainWindow], admin: Actor, qtbot: QtBot
) -> None:
    window = make_window(admin)
    assert window.windowTitle().endswith(f"Transfer tool {__version__}")
    window.about_action.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible()]
    assert len(dialogs) == 1
    assert dialogs[0].parent() is window
    dialogs[0].close()
