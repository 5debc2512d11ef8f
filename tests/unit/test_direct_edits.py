"""Direct table edits are detected (issue 17, point 4): `transfer-tool check` compares each audited row
with its last audit event and names every row that differs, on SQLite and PostgreSQL. (Preventing such
edits on a shared PostgreSQL needs per-person database roles: issue 19.)"""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import text

from tests import approval_support
from tests.unit.test_roles_matrix import TODAY, World
from transfer_tool import signing, trust
from transfer_tool.audit_drift import drift
from transfer_tool.cli import main
from transfer_tool.countries import store as country_store
from transfer_tool.countries.model import RegimeEntry
from transfer_tool.domain import AdequacyStatus
from transfer_tool.permissions import Actor
from transfer_tool.storage.database import Database


@pytest.fixture
def world(db: Database, admin: Actor, legal: Actor, manager: Actor) -> dict[str, int]:
    w = World(db, admin, legal, manager)
    approved = approval_support.approve(db, manager, w.submitted().id, TODAY)
    draft = w.draft()
    us = country_store.get_destination(db, "US")
    changed = dataclasses.replace(
        us, regimes={**us.regimes, "EU": RegimeEntry("EU", AdequacyStatus.NOT_ADEQUATE)}
    )
    country_store.update_destination(db, admin, changed, reason="test change", expected_version=us.version)
    pem = signing.export_certificate_pem(
        approval_support.identity_of("lena", "Lena Legal"), approval_support.PASSPHRASE
    )
    cert = trust.add_trusted(db, admin, pem, "Lena")
    return {
        "transfer": approved.transfer_id,
        "assessment": approved.id,
        "draft": draft.id,
        "draft_transfer": draft.transfer_id,
        "cert": cert.id,
        "legal": legal.user_id or 0,
    }


def test_every_row_the_services_wrote_matches_its_audit_trail(
    db: Database, db_url: str, world: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert drift(db) == []
    assert main(["--database", db_url, "check"]) == 0
    assert "audited data: every audited row matches its last audit event" in capsys.readouterr().out


def test_check_names_each_row_edited_inserted_or_deleted_outside_the_tool(
    db: Database, db_url: str, world: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    edits = [
        f"UPDATE transfer SET status = 'approved' WHERE id = {world['draft_transfer']}",
        f"UPDATE assessment SET author_ids = '[]' WHERE id = {world['draft']}",
        f"UPDATE user_account SET role = 'admin' WHERE id = {world['legal']}",
        f"UPDATE trusted_certificate SET user_id = {world['legal']} WHERE id = {world['cert']}",
        "UPDATE destination SET version = version + 5 WHERE code = 'US'",
        "INSERT INTO user_account (username, display_name, email, role, password_hash, active, failed_attempts,"
        " language, row_version, created_at) VALUES ('mallory', 'Mallory', '', 'admin', 'x', true, 0, '', 1,"
        " CURRENT_TIMESTAMP)",
    ]
    with db.engine.begin() as c:
        for sql in edits:
            c.execute(text(sql))
    found = {(d.table, d.record_id): d.problem for d in drift(db)}
    assert "status" in found[("transfer", str(world["draft_transfer"]))]
    assert "author_ids" in found[("assessment", str(world["draft"]))]
    assert "role" in found[("user_account", str(world["legal"]))]
    assert "user_id" in found[("trusted_certificate", str(world["cert"]))]
    assert "version" in found[("destination", "US")]
    assert any("inserted outside the tool" in p for (t, _), p in found.items() if t == "user_account")

    assert main(["--database", db_url, "check"]) == 1
    captured = capsys.readouterr()
    assert f"FAILED  audited data: transfer {world['draft_transfer']}: status" in captured.out
    assert "check FAILED: audited data" in captured.err


def test_a_row_deleted_outside_the_tool_is_named(db: Database, world: dict[str, int]) -> None:
    with db.engine.begin() as c:
        c.execute(text(f"DELETE FROM trusted_certificate WHERE id = {world['cert']}"))
    found = {(d.table, d.record_id): d.problem for d in drift(db)}
    assert "deleted outside the tool" in found[("trusted_certificate", str(world["cert"]))]
