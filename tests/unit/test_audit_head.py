"""The audit head cannot silently vanish (issue 17, point 3): a deleted `audit_head` row is a failed
check that names it, later writes are refused with a clear error, and `check` prints no made-up head."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from tests import approval_support, factories
from tests.conftest import PASSWORD
from transfer_tool.accounts.permissions import Actor
from transfer_tool.cli import main
from transfer_tool.errors import StorageError
from transfer_tool.records import audit
from transfer_tool.storage.database import Database


def _delete_head(db: Database) -> None:
    with db.engine.begin() as c:
        c.execute(text("DELETE FROM audit_head"))


def test_a_deleted_head_fails_verify_check_and_expect_head_and_names_the_problem(
    db: Database, db_url: str, admin: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    factories.transfer(db, admin)
    before = audit.verify(db)
    assert before.ok and before.head
    anchor = before.head
    _delete_head(db)

    report = audit.verify(db)
    assert not report.ok and "audit head" in report.reason and "missing" in report.reason
    assert main(["--database", db_url, "audit", "verify"]) == 1
    assert "audit_head" in capsys.readouterr().err
    for argv in (["check"], ["check", "--expect-head", anchor]):
        assert main(["--database", db_url, *argv]) == 1
        captured = capsys.readouterr()
        assert "audit head" in captured.out and "check FAILED: audit chain" in captured.err
        assert "verified; head" not in captured.out  # no head printed at all


def test_a_write_after_the_head_was_deleted_is_refused_with_a_clear_error(db: Database, admin: Actor) -> None:
    factories.transfer(db, admin)
    with db.engine.connect() as c:
        events = c.execute(text("SELECT count(*) FROM audit_event")).scalar_one()
    _delete_head(db)
    with pytest.raises(StorageError, match="audit_head"):
        factories.transfer(db, admin, destination="IN")
    with db.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM audit_event")).scalar_one() == events
        assert c.execute(text("SELECT count(*) FROM transfer")).scalar_one() == 1  # nothing written


def test_an_empty_log_has_no_head_to_print(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.engine.begin() as c:  # a log with no events at all (as before the first change)
        c.execute(text("DELETE FROM audit_event"))
        c.execute(text("DELETE FROM audit_head"))
    assert main(["--database", db_url, "check"]) == 0
    out = capsys.readouterr().out
    assert "no head to record yet" in out and audit.GENESIS not in out


def test_the_command_line_says_what_to_do_without_a_traceback(
    db: Database,
    db_url: str,
    admin: Actor,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    factories.transfer(db, admin)
    _delete_head(db)
    cert = tmp_path / "cert.pem"
    cert.write_bytes(approval_support.certificate_of(admin))
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", PASSWORD)
    code = main(["--database", db_url, "--user", "admin", "trust", "add", str(cert), "--label", "Ada"])
    err = capsys.readouterr().err
    assert code == 2 and "audit_head" in err and "transfer-tool check" in err and "Traceback" not in err
