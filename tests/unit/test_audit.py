"""The audit log: every change recorded; an edited, deleted or truncated row is found and named."""

from __future__ import annotations

import contextlib
from dataclasses import replace

from sqlalchemy import text

from tests import factories
from transfer_tool.accounts.permissions import Actor
from transfer_tool.records import audit
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database


def _events(db: Database) -> list[tuple[int, str, str]]:
    with db.engine.connect() as c:
        return [
            tuple(r) for r in c.execute(text("SELECT seq, action, table_name FROM audit_event ORDER BY seq"))
        ]


def test_every_change_is_recorded_with_before_and_after(db: Database, legal: Actor) -> None:
    t = factories.transfer(db, legal)
    transfers.update_transfer(db, legal, t.id, replace(t.as_input(), title="Renamed"), t.row_version)
    with db.engine.connect() as c:
        row = c.execute(
            text(
                "SELECT actor_name, before, after FROM audit_event "
                "WHERE action='update' AND table_name='transfer'"
            )
        ).one()
    assert row[0] == "lena"
    assert "Customer support platform" in str(row[1]) and "Renamed" in str(row[2])
    assert audit.verify(db).ok


def test_an_edited_row_breaks_the_chain_at_that_row(db: Database, legal: Actor) -> None:
    factories.transfer(db, legal)
    factories.transfer(db, legal, "IN")
    n = len(_events(db))
    assert audit.verify(db).checked == n
    with db.engine.begin() as c:
        c.execute(text("UPDATE audit_event SET actor_name='mallory' WHERE seq=3"))
    report = audit.verify(db)
    assert not report.ok and report.first_broken == 3
    assert "changed after it was written" in report.summary()


def test_a_deleted_row_and_a_truncated_tail_are_found(db: Database, legal: Actor) -> None:
    factories.transfer(db, legal)
    factories.transfer(db, legal, "IN")
    n = len(_events(db))
    with db.engine.begin() as c:
        c.execute(text("DELETE FROM audit_event WHERE seq=2"))
    r = audit.verify(db)
    assert not r.ok and r.first_broken == 2 and "missing" in r.reason
    with db.engine.begin() as c:
        c.execute(text(f"DELETE FROM audit_event WHERE seq >= 2 AND seq <= {n}"))
        c.execute(text(f"DELETE FROM audit_event WHERE seq = {n}"))
    r2 = audit.verify(db)
    assert not r2.ok and "deleted" in r2.reason


def test_a_failed_change_leaves_no_audit_event(db: Database, legal: Actor) -> None:
    before = len(_events(db))
    exp = factories.entity(db, legal)
    with contextlib.suppress(Exception):
        transfers.create_transfer(db, legal, factories.transfer_input(exp.id, exp.id))
    assert len(_events(db)) == before + 1  # only the entity creation
    assert audit.verify(db).ok
