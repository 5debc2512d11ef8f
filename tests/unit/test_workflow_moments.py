"""A submission and a return each state one moment: the history's event, the version's last update and,
for a return, the revision's creation and the reviewer's comments. The clock read again when a row is
written said a later time (another day at midnight; another day too whenever the date is given, as the
screens and the tests give it), and the reports said both. Here the clock moves a minute at every reading."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

import pytest

from tests.unit.test_roles_matrix import TODAY, World
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import review, service, versions
from transfer_tool.storage.database import Database


def _moving_clock() -> Callable[[], dt.datetime]:
    minutes = itertools.count()
    start = dt.datetime(2026, 12, 7, 23, 58, 30, tzinfo=dt.UTC)
    return lambda: start + dt.timedelta(minutes=next(minutes))


def test_a_submission_states_one_moment(
    db: Database, admin: Actor, legal: Actor, manager: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(versions, "utcnow", _moving_clock())
    submitted = World(db, admin, legal, manager).submitted()
    stored = service.get_assessment(db, submitted.id)
    assert stored.submitted_at is not None
    assert stored.record.history[-1].at == stored.submitted_at == stored.updated_at
    report = service.build_report_data(db, submitted.id, TODAY)
    assert report.updated == stored.submitted_at.date()


def test_a_return_states_one_moment(
    db: Database, admin: Actor, legal: Actor, manager: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    submitted = World(db, admin, legal, manager).submitted()
    monkeypatch.setattr(review, "utcnow", _moving_clock())
    revision = service.return_with_comments(db, manager, submitted.id, [("risk", "Explain the 10 %.")])
    returned = service.get_assessment(db, submitted.id)
    at = returned.record.history[-1].at
    assert returned.updated_at == at
    assert revision.created_at == revision.updated_at == at
    assert [c.created_at for c in service.comments_for(db, revision.id)] == [at]
    history = service.build_report_data(db, revision.id, TODAY).review_history
    assert history[0].when == history[-1].when == at  # "created" (the revision) and "returned"
