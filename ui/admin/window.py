"""One administration window with a tab per area the role may manage; the main window's menu entries
(country data, users, trusted certificates, catalogues, organisation settings) open it on their tab."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QTabWidget, QVBoxLayout, QWidget

from transfer_tool.accounts.permissions import Action
from ui.errors import show_info
from ui.services import Services
from ui.widgets.discard_question import ask_to_discard

COUNTRIES, USERS, TRUST, CATALOGUES, ORGANISATION, NOTICE = (
    "countries",
    "users",
    "trust",
    "catalogues",
    "organisation",
    "notice",
)
PAGE_PERMISSIONS: dict[str, Action] = {
    COUNTRIES: Action.EDIT_COUNTRIES,
    USERS: Action.MANAGE_USERS,
    TRUST: Action.MANAGE_TRUST,
    CATALOGUES: Action.EDIT_CATALOGS,
    ORGANISATION: Action.ORG_SETTINGS,
    NOTICE: Action.ORG_SETTINGS,  # the privacy notice's transfer section (issue #24)
}
WINDOW_SIZE = (1280, 800)


@runtime_checkable
class HoldsEdits(Protocol):
    """A page whose typed text is asked about before the window closes."""

    def has_unsaved_changes(self) -> bool: ...


@runtime_checkable
class DropsEdits(Protocol):
    """A page that puts its stored values back when its edits are discarded."""

    def discard_changes(self) -> None: ...


def page_title(name: str) -> str:
    titles = {
        COUNTRIES: QCoreApplication.translate("AdminWindow", "Country data"),
        USERS: QCoreApplication.translate("AdminWindow", "Users and roles"),
        TRUST: QCoreApplication.translate("AdminWindow", "Trusted certificates"),
        CATALOGUES: QCoreApplication.translate("AdminWindow", "Catalogues"),
        ORGANISATION: QCoreApplication.translate("AdminWindow", "Organisation"),
        NOTICE: QCoreApplication.translate("AdminWindow", "Privacy notice"),
    }
    return titles.get(name, name)


def _factory(name: str) -> Callable[[Services, QWidget], QWidget]:
    # Each page's module is imported when its tab is first shown.
    if name == COUNTRIES:
        from ui.admin.countries import CountriesPage

        return CountriesPage
    if name == USERS:
        from ui.admin.users import UsersPage

        return UsersPage
    if name == TRUST:
        from ui.admin.trust import TrustPage

        return TrustPage
    if name == CATALOGUES:
        from ui.admin.catalogues import CataloguesPage

        return CataloguesPage
    if name == NOTICE:
        from ui.admin.notice import NoticePage

        return NoticePage
    from ui.admin.org_settings import OrgSettingsPage

    return OrgSettingsPage


class AdminWindow(QWidget):
    """Tabs for the areas the signed-in role may manage; each page is built when first shown."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.services = services
        self.setObjectName("adminWindow")
        self.setWindowTitle(self.tr("Administration — Transfer tool"))
        self.resize(*WINDOW_SIZE)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("adminTabs")
        self.names = [n for n, action in PAGE_PERMISSIONS.items() if services.may(action)]
        self.pages: dict[str, QWidget] = {}
        self.unsaved_question: QMessageBox | None = None
        self._discarding = False
        for name in self.names:
            holder = QWidget(self.tabs)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, page_title(name))
        self.tabs.currentChanged.connect(self._tab_changed)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        if self.names:
            self._tab_changed(self.tabs.currentIndex())

    def page(self, name: str) -> Any:
        """The page (built if needed), or None when the role may not manage it."""
        if name not in self.names:
            return None
        if name not in self.pages:
            holder = self.tabs.widget(self.names.index(name))
            layout = holder.layout() if holder is not None else None
            assert holder is not None and layout is not None
            page = _factory(name)(self.services, holder)
            layout.addWidget(page)
            self.pages[name] = page
        return self.pages[name]

    def show_page(self, name: str) -> Any:
        page = self.page(name)
        if page is not None:
            self.tabs.setCurrentIndex(self.names.index(name))
        return page

    def _tab_changed(self, index: int) -> None:
        if 0 <= index < len(self.names):
            self.page(self.names[index])

    def unsaved_work(self) -> tuple[str, str]:
        """The first page holding edits not saved and the question to ask about it; ("", "") when none."""
        from ui.admin.countries import CountriesPage

        countries = self.pages.get(COUNTRIES)
        unsaved = countries.unsaved_destination() if isinstance(countries, CountriesPage) else ""
        if unsaved:
            return COUNTRIES, self.tr("The changes to %1 are not saved. Discard them and close?").replace(
                "%1", unsaved
            )
        for name in (USERS, TRUST, CATALOGUES, ORGANISATION, NOTICE):  # in the order of the tabs
            page: object = self.pages.get(name)  # object: mypy finds no QWidget that is also a protocol
            if isinstance(page, HoldsEdits) and page.has_unsaved_changes():
                return name, self.tr(
                    "The changes on the tab “%1” are not saved. Discard them and close?"
                ).replace("%1", page_title(name))
        return "", ""

    def closeEvent(self, event: QCloseEvent) -> None:
        # Edits not saved (country data, organisation settings) are not dropped silently (closing, or
        # File → Sign out).
        from ui.admin.countries import CountriesPage
        from ui.admin.org_settings import OrgSettingsPage

        name, question = ("", "") if self._discarding else self.unsaved_work()
        if not name:
            self._discarding = False
            super().closeEvent(event)
            return
        event.ignore()
        if self.unsaved_question is not None:
            self.unsaved_question.raise_()
            return
        self.show_page(name)

        def discard() -> None:
            countries, org = self.pages.get(COUNTRIES), self.pages.get(ORGANISATION)
            if isinstance(countries, CountriesPage):
                countries.discard()
            if isinstance(org, OrgSettingsPage):
                org.reload()  # the stored settings again, should the window be shown once more
            for page in list[object](self.pages.values()):
                if isinstance(page, DropsEdits):
                    page.discard_changes()
            self._discarding = True  # every page's edits go: ask once, not once per page
            self.close()

        # The same question as the dialogs ask (Discard / Keep editing; Escape keeps editing).
        box = ask_to_discard(self, question, discard)
        box.finished.connect(self._question_answered)
        self.unsaved_question = box

    def _question_answered(self) -> None:
        self.unsaved_question = None


def refuse(parent: QWidget | None, action: Action) -> None:
    texts = {
        Action.EDIT_COUNTRIES: QCoreApplication.translate(
            "AdminWindow", "Your role may not change country data."
        ),
        Action.MANAGE_USERS: QCoreApplication.translate("AdminWindow", "Your role may not manage users."),
        Action.MANAGE_TRUST: QCoreApplication.translate(
            "AdminWindow", "Your role may not manage trusted certificates."
        ),
        Action.EDIT_CATALOGS: QCoreApplication.translate(
            "AdminWindow", "Your role may not change the catalogues."
        ),
        Action.ORG_SETTINGS: QCoreApplication.translate(
            "AdminWindow", "Your role may not change the organisation settings."
        ),
    }
    show_info(
        parent,
        QCoreApplication.translate("AdminWindow", "Administration"),
        texts.get(action, "")
        + " "
        + QCoreApplication.translate("AdminWindow", "Ask an administrator if you need to."),
    )


def open_page(parent: QWidget, services: Services, name: str) -> QWidget | None:
    """The administration window on `name`'s tab (one window per main window); refused by role."""
    action = PAGE_PERMISSIONS[name]
    if not services.may(action):
        refuse(parent, action)
        return None
    existing = parent.findChild(AdminWindow) if parent is not None else None
    window = existing if existing is not None else AdminWindow(services, parent)
    if existing is None:
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show_page(name)
    window.show()
    window.raise_()
    return window
