"""Administration: country data, users and roles, trusted certificates, catalogues, organisation settings,
the privacy notice's transfer section.

The main window's factories (`ScreenFactory = (parent, services) -> QWidget | None`) open one window with
a tab per area; each refuses (a message, None) when the signed-in role may not manage it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ui.admin.window import (
    CATALOGUES,
    COUNTRIES,
    NOTICE,
    ORGANISATION,
    TRUST,
    USERS,
    AdminWindow,
    open_page,
)
from ui.services import Services

__all__ = [
    "AdminWindow",
    "open_catalogues",
    "open_countries",
    "open_notice",
    "open_org_settings",
    "open_trust",
    "open_users",
]


def open_countries(parent: QWidget, services: Services, *_args: Any) -> QWidget | None:
    return open_page(parent, services, COUNTRIES)


def open_users(parent: QWidget, services: Services, *_args: Any) -> QWidget | None:
    return open_page(parent, services, USERS)


def open_trust(parent: QWidget, services: Services, *_args: Any) -> QWidget | None:
    return open_page(parent, services, TRUST)


def open_catalogues(parent: QWidget, services: Services, *_args: Any) -> QWidget | None:
    return open_page(parent, services, CATALOGUES)


def open_org_settings(parent: QWidget, services: Services, *_args: Any) -> QWidget | None:
    return open_page(parent, services, ORGANISATION)


def open_notice(parent: QWidget, services: Services, *_args: Any) -> QWidget | None:
    return open_page(parent, services, NOTICE)
