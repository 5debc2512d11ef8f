"""User settings: one typed registry over QSettings (Picard's options): each key declared once here.

Two sections: `preferences/...` (what the user chose: language, visible columns, last folders) and
`window/...` (state the app restores: geometry, splitter, header). Widgets never touch raw QSettings; they
read and write `Setting` values through `Settings`, which converts types and emits `changed(key)`.
Services never read settings; the UI passes values to them as arguments.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

log = logging.getLogger("ui.settings")

T = TypeVar("T", str, bool, int, bytes, tuple[str, ...])

SETTINGS_VERSION = 1
_VERSION_KEY = "meta/version"


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T

    @property
    def section(self) -> str:
        return self.key.split("/", 1)[0]


# ---- the registry: every key, once -------------------------------------------------------------------

LANGUAGE: Setting[str] = Setting("preferences/language", "")  # "" = the system's, "en", "ja"
REGISTER_COLUMNS: Setting[tuple[str, ...]] = Setting("preferences/register_columns", ())  # () = default set
LAST_EXPORT_FOLDER: Setting[str] = Setting("preferences/last_export_folder", "")
LAST_IMPORT_FOLDER: Setting[str] = Setting("preferences/last_import_folder", "")
SHOW_ONWARD: Setting[bool] = Setting("preferences/register_show_onward", True)

WINDOW_GEOMETRY: Setting[bytes] = Setting("window/main_geometry", b"")
WINDOW_STATE: Setting[bytes] = Setting("window/main_state", b"")
REGISTER_HEADER: Setting[bytes] = Setting("window/register_header", b"")
REGISTER_SPLITTER: Setting[bytes] = Setting("window/register_splitter", b"")
CURRENT_TAB: Setting[int] = Setting("window/current_tab", 0)
# A new transfer typed but not storable yet, kept until stored or discarded (ui/wizard/recovery.py).
UNSTORED_NEW_TRANSFER: Setting[str] = Setting("window/unstored_new_transfer", "")

ALL: tuple[Setting[Any], ...] = (
    LANGUAGE,
    REGISTER_COLUMNS,
    LAST_EXPORT_FOLDER,
    LAST_IMPORT_FOLDER,
    SHOW_ONWARD,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    REGISTER_HEADER,
    REGISTER_SPLITTER,
    CURRENT_TAB,
    UNSTORED_NEW_TRANSFER,
)

# Upgrade hooks by target version (Picard's config_upgrade): rename or drop keys of older releases.
UPGRADES: dict[int, Callable[[QSettings], None]] = {}


class Settings(QObject):
    """Typed access to QSettings; `changed(key)` fires when a value really changes."""

    changed = Signal(str)

    def __init__(self, store: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Default QSettings(): organisation/application names set by the app (~/.config/TransferTool/...).
        self._store = store if store is not None else QSettings()
        self._upgrade()

    @property
    def file_name(self) -> str:
        return self._store.fileName()

    def get(self, setting: Setting[T]) -> T:
        raw = self._store.value(setting.key)
        if raw is None:
            return setting.default
        try:
            return cast(T, _decode(setting.default, raw))
        except (TypeError, ValueError):
            log.warning("ignoring unreadable setting %s=%r", setting.key, raw)
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        if self.get(setting) == value and self._store.contains(setting.key):
            return
        self._store.setValue(setting.key, _encode(setting.default, value))
        self.changed.emit(setting.key)

    def reset(self, setting: Setting[Any]) -> None:
        if self._store.contains(setting.key):
            self._store.remove(setting.key)
            self.changed.emit(setting.key)

    def sync(self) -> None:
        self._store.sync()

    def _upgrade(self) -> None:
        stored = int(cast(Any, self._store.value(_VERSION_KEY, 0)) or 0)
        if stored > SETTINGS_VERSION:
            log.warning("settings written by a newer version (%s); not upgrading them", stored)
            return
        for version in sorted(v for v in UPGRADES if stored < v <= SETTINGS_VERSION):
            UPGRADES[version](self._store)
        if stored != SETTINGS_VERSION:
            self._store.setValue(_VERSION_KEY, SETTINGS_VERSION)


def _encode(default: object, value: object) -> object:
    if isinstance(default, bytes):
        return QByteArray(cast(bytes, value))
    if isinstance(default, tuple):
        # JSON, because an INI list of one item reads back as a plain string.
        return json.dumps(list(cast(tuple[str, ...], value)))
    return value


def _decode(default: object, raw: object) -> object:
    """Convert what QSettings returns (strings from an INI file, or the type written) to `default`'s type."""
    if isinstance(default, bool):
        if isinstance(raw, str):
            if raw.lower() not in ("true", "false"):
                raise ValueError(raw)
            return raw.lower() == "true"
        return bool(raw)
    if isinstance(default, int):
        return int(str(raw))
    if isinstance(default, bytes):
        if isinstance(raw, QByteArray):
            return bytes(raw.data())
        if isinstance(raw, bytes):
            return raw
        raise TypeError(type(raw))
    if isinstance(default, tuple):
        items = json.loads(str(raw))
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ValueError(raw)
        return tuple(items)
    return str(raw)
