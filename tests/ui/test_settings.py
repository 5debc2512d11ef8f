"""Settings: typed values with defaults, kept across a restart, `changed` only on real changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from ui import settings as keys
from ui.settings import Settings


def test_defaults_until_set(settings: Settings) -> None:
    assert settings.get(keys.LANGUAGE) == ""
    assert settings.get(keys.REGISTER_COLUMNS) == ()
    assert settings.get(keys.SHOW_ONWARD) is True
    assert settings.get(keys.WINDOW_GEOMETRY) == b""
    assert settings.get(keys.CURRENT_TAB) == 0


def test_values_keep_their_type_across_a_restart(make_settings: Callable[[], Settings]) -> None:
    first = make_settings()
    first.set(keys.LANGUAGE, "ja")
    first.set(keys.REGISTER_COLUMNS, ("title",))  # one item: an INI list would come back as a string
    first.set(keys.SHOW_ONWARD, False)
    first.set(keys.WINDOW_GEOMETRY, b"\x01\x02\xff")
    first.set(keys.CURRENT_TAB, 1)
    first.sync()
    again = make_settings()
    assert again.get(keys.LANGUAGE) == "ja"
    assert again.get(keys.REGISTER_COLUMNS) == ("title",)
    assert again.get(keys.SHOW_ONWARD) is False
    assert again.get(keys.WINDOW_GEOMETRY) == b"\x01\x02\xff"
    assert again.get(keys.CURRENT_TAB) == 1


def test_changed_fires_once_per_real_change(qtbot: QtBot, settings: Settings) -> None:
    with qtbot.waitSignal(settings.changed) as blocker:
        settings.set(keys.LANGUAGE, "en")
    assert blocker.args == ["preferences/language"]
    with qtbot.assertNotEmitted(settings.changed):
        settings.set(keys.LANGUAGE, "en")
    with qtbot.waitSignal(settings.changed):
        settings.reset(keys.LANGUAGE)
    assert settings.get(keys.LANGUAGE) == ""


def test_an_unreadable_value_falls_back_to_the_default(tmp_path: Path, qapp: object) -> None:
    path = tmp_path / "broken.ini"
    path.write_text(
        "[preferences]\nregister_columns=not json\nregister_show_onward=maybe\n", encoding="utf-8"
    )
    settings = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    assert settings.get(keys.REGISTER_COLUMNS) == ()
    assert settings.get(keys.SHOW_ONWARD) is True


def test_every_key_is_declared_once_in_one_of_the_two_sections() -> None:
    names = [s.key for s in keys.ALL]
    assert len(names) == len(set(names))
    assert {s.section for s in keys.ALL} == {"preferences", "window"}
