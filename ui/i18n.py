"""Languages and translators: the app's own .qm (from resources/translations) and Qt's qtbase_<lang>.qm.

Also the display labels of the shared enums (statuses, roles, adequacy), kept here so that every screen
says the same thing and `pyside6-lupdate` finds them (literal `translate()` calls).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from transfer_tool.domain import AdequacyStatus, Role, TransferStatus
from transfer_tool.paths import resource_file

log = logging.getLogger("ui.i18n")

LANGUAGES = ("en", "ja")
CATALOG = "transfer_tool"


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


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load and install the translators for `language`; keep the returned list alive as long as the app."""
    installed: list[QTranslator] = []
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


# ---- labels of shared values ---------------------------------------------------------------------------


def status_label(status: TransferStatus) -> str:
    labels = {
        TransferStatus.NEW: QCoreApplication.translate("Status", "New"),
        TransferStatus.DRAFT: QCoreApplication.translate("Status", "Draft"),
        TransferStatus.SUBMITTED: QCoreApplication.translate("Status", "Submitted"),
        TransferStatus.RETURNED: QCoreApplication.translate("Status", "Returned"),
        TransferStatus.APPROVED: QCoreApplication.translate("Status", "Approved"),
        TransferStatus.SUSPENDED: QCoreApplication.translate("Status", "Suspended"),
    }
    return labels.get(status, status.value)


def role_label(role: Role) -> str:
    labels = {
        Role.LEGAL: QCoreApplication.translate("Role", "Legal staff"),
        Role.MANAGER: QCoreApplication.translate("Role", "Manager"),
        Role.ADMIN: QCoreApplication.translate("Role", "Administrator"),
    }
    return labels.get(role, role.value)


def adequacy_label(status: AdequacyStatus | None) -> str:
    if status is None:
        return QCoreApplication.translate("Adequacy", "No data")
    labels = {
        AdequacyStatus.INSIDE: QCoreApplication.translate("Adequacy", "Inside"),
        AdequacyStatus.ADEQUATE: QCoreApplication.translate("Adequacy", "Adequate"),
        AdequacyStatus.PARTIAL: QCoreApplication.translate("Adequacy", "Partial"),
        AdequacyStatus.NOT_ADEQUATE: QCoreApplication.translate("Adequacy", "Not adequate"),
    }
    return labels.get(status, status.value)


def regime_short_name(code: str) -> str:
    labels = {
        "EU": QCoreApplication.translate("Regime", "EU GDPR"),
        "UK": QCoreApplication.translate("Regime", "UK GDPR"),
        "CH": QCoreApplication.translate("Regime", "Swiss FADP"),
        "JP": QCoreApplication.translate("Regime", "Japan APPI"),
        "BR": QCoreApplication.translate("Regime", "Brazil LGPD"),
    }
    return labels.get(code, code)


def format_date(value: dt.date | None, language: str) -> str:
    if value is None:
        return ""
    if language == "ja":
        return f"{value.year}/{value.month:02d}/{value.day:02d}"
    return value.isoformat()
