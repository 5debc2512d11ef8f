"""Keyboard access: on each wizard page, in English and in Japanese, no two different controls share an
Alt+letter. Qt does not press a button whose letter another control shares: Alt+N on the data page moved to
"Number of data subjects" instead of pressing Next. A label repeated row by row (each government-access
law's "Applies…?") shares its letter on purpose: Alt+letter steps through the rows."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable

from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from tests import approval_support
from tests.ui import languages
from tests.ui import test_wizard_support as support
from tests.ui.test_wizard_support import MakeWizard
from transfer_tool.accounts.permissions import Actor
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database
from ui.services import Services
from ui.wizard.state import PAGE_ORDER, PAGE_SUMMARY

make_wizard = support.make_wizard
us_transfer = support.us_transfer
TODAY = dt.date(2026, 11, 26)


language = languages.language


def _letter(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def shared_letters(window: QWidget) -> dict[str, list[str]]:
    """Alt+letters that different texts share among the controls the user can reach now."""
    texts: dict[str, set[str]] = defaultdict(set)
    for w in window.findChildren(QWidget):
        if not (w.isVisibleTo(window) and w.isEnabled()):
            continue
        if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None):
            letter = _letter(w.text())
            if letter:
                texts[letter].add(w.text())
    for tabs in window.findChildren(QTabWidget):
        if tabs.isVisibleTo(window):
            for i in range(tabs.count()):
                letter = _letter(tabs.tabText(i))
                if letter:
                    texts[letter].add(tabs.tabText(i))
    return {k: sorted(v) for k, v in texts.items() if len(v) > 1}


def test_no_two_controls_of_a_wizard_page_share_an_alt_letter(
    make_wizard: MakeWizard, legal: Actor, us_transfer: transfers.TransferView, language: str
) -> None:
    wizard = make_wizard(legal, us_transfer.id, language)
    found = {}
    for key in PAGE_ORDER:
        wizard.go_to(key)
        clashes = shared_letters(wizard)
        if clashes:
            found[key] = clashes
    wizard.close()
    assert found == {}


def test_an_approved_version_keeps_next_on_alt_n(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    legal: Actor,
    manager: Actor,
    us_transfer: transfers.TransferView,
    language: str,
) -> None:
    """The read-only version adds "Start a new version": it must not take Next's letter."""
    a = support.submitted_through_the_wizard(qtbot, make_wizard, db, legal, us_transfer.id, TODAY, language)
    approval_support.approve(db, manager, a.id, TODAY)
    approved = make_wizard(legal, us_transfer.id, language)
    found = {}
    for key in PAGE_ORDER:
        if key != PAGE_SUMMARY:
            approved.go_to(key)
            clashes = shared_letters(approved)
            if clashes:
                found[key] = clashes
    approved.close()
    assert found == {}


def test_no_two_controls_of_the_review_window_share_an_alt_letter(
    db: Database,
    legal: Actor,
    manager: Actor,
    make_services: Callable[..., Services],
    qtbot: QtBot,
    language: str,
) -> None:
    """With a comment typed, Alt+R was both Refresh and Return to the assessor."""
    from tests.ui.review_support import submitted_assessment
    from ui.review import ReviewWindow

    submitted_assessment(db, legal)
    window = ReviewWindow(make_services(manager, language))
    qtbot.addWidget(window)
    window.show()
    window.comments.text.setPlainText("Explain the step 3 conclusion further.")
    found = {0: shared_letters(window)}
    window.decisions.setCurrentIndex(1)
    found[1] = shared_letters(window)
    window.comments.text.clear()
    assert found == {0: {}, 1: {}}
