"""What every screen receives from the composition root (ui/app.py): the services bundle.

Screens get this object, never a database or a session: data calls go through `worker.submit(fn)`,
where `fn(db)` is a transfer_tool service call. `changes` is the app-wide "something changed" signal
(Anki's `operation_did_execute`): a screen that saves data announces it, the others refresh.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from transfer_tool import clock
from transfer_tool.accounts.permissions import Action, Actor, allowed
from ui.settings import Settings
from ui.workers import DbWorker

if TYPE_CHECKING:  # the names (pycountry) load with the main window, not before sign-in
    from transfer_tool.countries.names import CountryNames

# What `ChangeNotifier.changed` carries: which kind of record changed.
TRANSFERS = "transfers"
ASSESSMENTS = "assessments"
COUNTRIES = "countries"
USERS = "users"
CATALOGUES = "catalogues"


# Names of the screens other rooms provide (MainWindow's `screens` mapping; see ui/app.py).
SCREEN_REVIEW = "review"
SCREEN_COUNTRIES = "countries"
SCREEN_USERS = "users"
SCREEN_CATALOGUES = "catalogues"


class ChangeNotifier(QObject):
    """`changed(kind)` after a screen saved something (kind: TRANSFERS, ASSESSMENTS, COUNTRIES...)."""

    changed = Signal(str)

    def notify(self, kind: str) -> None:
        self.changed.emit(kind)


def _today() -> dt.date:
    # The UTC date, as the services state moments (transfer_tool.clock says why).
    return clock.today()


@dataclass(frozen=True)
class Services:
    """The signed-in session's services: worker, settings, language, who is signed in."""

    worker: DbWorker
    settings: Settings
    actor: Actor
    language: str  # "en" or "ja": what the UI shows (country names, dates)
    country_names: CountryNames
    changes: ChangeNotifier = field(default_factory=ChangeNotifier)
    today: Callable[[], dt.date] = _today  # injectable for tests (overdue re-evaluations)

    def stated_day(self) -> dt.date | None:
        """The date a submission, approval or publication states: None in the app, so the service reads
        the moment once, date and time together (`versions._at`: a date read at the click and a time
        read when the worker got to it were a day apart at midnight); the day a test fixed otherwise."""
        return None if self.today is _today else self.today()

    def may(self, action: Action) -> bool:
        """Whether to offer `action` (the services still check it themselves)."""
        return allowed(self.actor, action)

    def country_name(self, code: str) -> str:
        return self.country_names.name(code, self.language) if code else ""
