"""Languages and translators: the app's own .qm (from resources/translations) and Qt's qtbase_<lang>.qm.

Also the display labels of the shared enums (statuses, roles, adequacy, regimes), read from the shared
terminology list through `ui.terms` so that every screen and the report say the same thing, and dates and
numbers written with the QLocale of the chosen language.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from transfer_tool.domain import AdequacyStatus, Role, TransferStatus
from transfer_tool.paths import resource_file
from ui.terms import set_ui_language, shared_terminology, term, value_key

log = logging.getLogger("ui.i18n")

LANGUAGES = ("en", "ja")
CATALOG = "transfer_tool"
LOCALES = {"en": "en_GB", "ja": "ja_JP"}  # the English of the interface is British ("organisation")


def effective_language(preference: str, system: QLocale | None = None) -> str:
    """ "en" or "ja": the preference, or for "" the system's language when we have it, else English."""
    if preference in LANGUAGES:
        return preference
    locale = system or QLocale.system()
    for tag in [locale.name(), *locale.uiLanguages()]:
        lang = tag.replace("-", "_").split("_")[0].lower()
        if lang in LANGUAGES:
            return lang
    return "en"


def translations_dir() -> Path:
    return resource_file("translations")


def ui_locale(language: str) -> QLocale:
    return QLocale(LOCALES.get(language, LOCALES["en"]))


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load and install the translators for `language`; keep the returned list alive as long as the app.

    Also makes `language` the interface's language for the shared terms (`ui.terms`) and its QLocale the
    default, so date pickers, spin boxes and calendars follow it."""
    installed: list[QTranslator] = []
    set_ui_language(app, language)
    QLocale.setDefault(ui_locale(language))
    if language == "en":
        return installed  # the source strings are English
    own = QTranslator(app)
    qm = translations_dir() / f"{CATALOG}_{language}.qm"
    if qm.is_file() and own.load(str(qm)):
        app.installTranslator(own)
        installed.append(own)
    else:
        log.warning("no translation %s (run scripts/build-translations.sh); showing English", qm)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for t in translators:
        app.removeTranslator(t)
    set_ui_language(app, "en")
    QLocale.setDefault(QLocale.system())


# ---- labels of shared values (from the shared terminology list, as the report prints them) ---------------


def status_label(status: TransferStatus) -> str:
    return term(value_key("status", status))


def role_label(role: Role) -> str:
    return term(value_key("userrole", role))


def adequacy_label(status: AdequacyStatus | None) -> str:
    return term(value_key("adequacy", status) if status is not None else "adequacy.no_data")


def regime_short_name(code: str) -> str:
    key = value_key("regime", code)
    return term(key) if shared_terminology().has(key) else code


def format_date(value: dt.date | None, language: str) -> str:
    """A date in a list or a detail line: the locale's short form in Japanese (2026/11/26); ISO 8601 in
    English, which reads the same to British and American users (26/11 vs 11/26)."""
    if value is None:
        return ""
    if language == "ja":
        locale = ui_locale(language)
        return locale.toString(
            QDate(value.year, value.month, value.day), locale.dateFormat(QLocale.FormatType.ShortFormat)
        )
    return value.isoformat()


def format_datetime(value: dt.datetime, language: str) -> str:
    """Date and minutes, the date as `format_date` writes it (2026/11/26 14:05 in Japanese)."""
    return f"{format_date(value.date(), language)} {value:%H:%M}"


def format_number(value: int, language: str) -> str:
    """A count as the chosen language writes it (thousands grouped: 12,345)."""
    return ui_locale(language).toString(value)
