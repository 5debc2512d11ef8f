"""A submission, an approval and a notice published from the screens state the moment they were made,
at midnight too.

The screen read the date when the person clicked and the service the time of day when the worker got to
it (after the saves before a submission, after opening the identity for an approval, after the queue
before a publication): clicked at 23:59:59 and reached at 00:00:01, the stored and signed moment was
00:00:01 of the day that was ending, a day before it was made. These tests use the app's own "today"
(the UTC date of `transfer_tool.clock`, not the fixed day the other screen tests use) and one clock for
the screen and the services, which midnight passes between the click and the service's work."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests import approval_support
from tests.db_snapshots import built_once
from tests.ui import test_wizard_support as wizard_support
from tests.ui.review_support import submitted_assessment
from tests.ui.test_wizard_support import MakeWizard, answer_everything, click_next
from tests.unit.notice_support import build_register
from transfer_tool import clock, signing
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service, versions
from transfer_tool.domain import AssessmentStatus, Conclusion
from transfer_tool.notice import service as notice_service
from transfer_tool.register import transfers
from transfer_tool.signing.testing import OfflinePki, make_test_pki
from transfer_tool.storage.database import Database
from ui import services as app_services
from ui.admin import AdminWindow, open_notice
from ui.admin.notice import NoticePage
from ui.review import ReviewWindow
from ui.services import Services
from ui.wizard.state import PAGE_SUMMARY

BEFORE_MIDNIGHT = dt.datetime(2026, 12, 7, 23, 59, 59, tzinfo=dt.UTC)
AFTER_MIDNIGHT = dt.datetime(2026, 12, 8, 0, 0, 1, tzinfo=dt.UTC)

make_wizard = wizard_support.make_wizard
us_transfer = wizard_support.us_transfer


class Clock:
    """The one clock the screen and the services read; the test moves it past midnight."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = BEFORE_MIDNIGHT
        monkeypatch.setattr(clock, "_now", lambda: self.now)
        monkeypatch.setattr(versions, "utcnow", lambda: self.now)
        monkeypatch.setattr(notice_service, "utcnow", lambda: self.now)

    def past_midnight(self) -> None:
        self.now = AFTER_MIDNIGHT


def _app_day(services: Services) -> Services:
    """The services as the app makes them: "today" is the clock's, not a day a test fixed."""
    return dataclasses.replace(services, today=app_services._today)


def test_a_submission_clicked_before_midnight_states_when_it_was_made(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    make_services: Callable[..., Services],
    db: Database,
    legal: Actor,
    us_transfer: transfers.TransferView,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    moving = Clock(monkeypatch)
    wizard = make_wizard(legal, us_transfer.id, services=_app_day(make_services(legal)))
    answer_everything(qtbot, wizard, conclusion=Conclusion.PROCEED_WITH_MEASURES)
    click_next(qtbot, wizard)
    assert wizard.current_key() == PAGE_SUMMARY
    submit = service.submit

    def after_the_saves(*args: Any, **kwargs: Any) -> service.AssessmentView:  # service.submit's arguments
        moving.past_midnight()  # the saves before the submission took past midnight
        return submit(*args, **kwargs)

    monkeypatch.setattr(service, "submit", after_the_saves)
    qtbot.mouseClick(wizard.summary.submit_button, Qt.MouseButton.LeftButton)
    a = service.latest_for_transfer(db, us_transfer.id)
    assert a is not None and a.status is AssessmentStatus.SUBMITTED
    assert a.submitted_at == a.record.history[-1].at == AFTER_MIDNIGHT


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> OfflinePki:
    return make_test_pki(tmp_path_factory.mktemp("pki"))


def test_an_approval_clicked_before_midnight_states_when_it_was_made(
    qtbot: QtBot,
    make_services: Callable[..., Services],
    db: Database,
    legal: Actor,
    manager: Actor,
    pki: OfflinePki,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, submitted = submitted_assessment(db, legal)
    approval_support.register(db, manager, signing.export_certificate_pem(pki.signer_p12, pki.passphrase))
    moving = Clock(monkeypatch)
    window = ReviewWindow(_app_day(make_services(manager)))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.decisions.setCurrentIndex(1)
    window.approve.use_file.setChecked(True)
    window.approve.file.setText(str(Path(pki.signer_p12)))
    window.approve.passphrase.setText(pki.passphrase)
    for box in window.approve.attestations.values():
        box.setChecked(True)
    # Opening the identity (the approval's first stage) took past midnight.
    window._stages.stage.connect(lambda stage: moving.past_midnight() if stage == "open" else None)
    window.approve.approve_button.click()
    a = service.get_assessment(db, submitted.id)
    assert a.status is AssessmentStatus.APPROVED
    assert a.approved_at == a.record.history[-1].at == AFTER_MIDNIGHT


def test_a_notice_published_before_midnight_states_when_it_was_published(
    qtbot: QtBot,
    make_services: Callable[..., Services],
    db: Database,
    admin: Actor,
    legal: Actor,
    manager: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built_once(db, "notice_register_ui", lambda: build_register(db, admin, legal, manager))
    moving = Clock(monkeypatch)
    parent = QWidget()
    qtbot.addWidget(parent)
    window = open_notice(parent, _app_day(make_services(admin)))
    assert isinstance(window, AdminWindow)
    page = window.page("notice")
    assert isinstance(page, NoticePage)
    with qtbot.waitSignal(page.generated):
        page.generate_button.click()
    publish = notice_service.publish

    def after_midnight(*args: Any, **kwargs: Any) -> notice_service.GenerationView:  # publish's arguments
        moving.past_midnight()  # the worker got to it after midnight
        return publish(*args, **kwargs)

    monkeypatch.setattr(notice_service, "publish", after_midnight)
    with qtbot.waitSignal(page.published):
        page.publish(accept_unverified=True)
    published = notice_service.last_published(db, "JP")
    assert published is not None and published.published_at == AFTER_MIDNIGHT
