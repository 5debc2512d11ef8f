"""Accounts: first admin, sign-in, slow-down after failures, roles, last admin protected."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from tests.conftest import PASSWORD
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.domain import Role
from transfer_tool.errors import AuthenticationFailed, PermissionDenied, ToolError, ValidationError
from transfer_tool.storage.database import Database


def test_first_admin_only_once_and_password_hashed(db: Database) -> None:
    assert not users.has_users(db)
    users.create_first_admin(db, "admin", "Ada", PASSWORD)
    with pytest.raises(ToolError, match="already exists"):
        users.create_first_admin(db, "admin2", "Eve", PASSWORD)
    with db.engine.connect() as c:
        h = c.execute(text("SELECT password_hash FROM user_account")).scalar_one()
    assert h.startswith("$argon2") and PASSWORD not in h


def test_sign_in_and_slow_down_after_repeated_failures(db: Database, legal: Actor) -> None:
    assert users.authenticate(db, "lena", PASSWORD).role == Role.LEGAL
    now = dt.datetime.now(dt.UTC)
    for _ in range(users.FREE_ATTEMPTS):
        with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
            users.authenticate(db, "lena", "wrong password!", now=now)
    # now even the right password must wait
    with pytest.raises(AuthenticationFailed, match="Wait"):
        users.authenticate(db, "lena", PASSWORD, now=now + dt.timedelta(seconds=1))
    later = now + dt.timedelta(seconds=users.slowdown_seconds(users.FREE_ATTEMPTS) + 1)
    assert users.authenticate(db, "lena", PASSWORD, now=later).username == "lena"


def test_unknown_user_and_short_password(db: Database, admin: Actor) -> None:
    with pytest.raises(AuthenticationFailed):
        users.authenticate(db, "nobody", PASSWORD)
    with pytest.raises(ValidationError) as err:
        users.create_user(db, admin, "bob", "Bob", "short", Role.LEGAL)
    assert err.value.problems[0].location == "password"


def test_only_admins_manage_users_and_the_last_admin_stays(db: Database, admin: Actor, legal: Actor) -> None:
    with pytest.raises(PermissionDenied):
        users.create_user(db, legal, "bob", "Bob", PASSWORD, Role.ADMIN)
    assert admin.user_id is not None
    with pytest.raises(ValidationError, match="last administrator"):
        users.update_user(db, admin, admin.user_id, role=Role.LEGAL)
    assert legal.user_id is not None
    users.update_user(db, admin, legal.user_id, active=False)
    with pytest.raises(AuthenticationFailed):
        users.authenticate(db, "lena", PASSWORD)


def _fresh_hasher(monkeypatch: pytest.MonkeyPatch, setting: str | None) -> None:
    if setting is None:
        monkeypatch.delenv("TRANSFER_TOOL_PASSWORD_HASH", raising=False)
    else:
        monkeypatch.setenv("TRANSFER_TOOL_PASSWORD_HASH", setting)
    users._hasher.cache_clear()


def test_password_hash_cost_comes_from_the_setting(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        _fresh_hasher(monkeypatch, None)  # unset: argon2-cffi's RFC 9106 low-memory profile
        assert "$m=65536,t=3,p=4$" in users._hasher().hash(PASSWORD)
        _fresh_hasher(monkeypatch, "time_cost=2, memory_cost=64,parallelism=1")
        admin = users.create_first_admin(db, "admin", "Ada", PASSWORD)
        with db.engine.connect() as c:
            stored = c.execute(text("SELECT password_hash FROM user_account")).scalar_one()
        assert "$m=64,t=2,p=1$" in stored
        # A hash made at another cost still verifies, and is re-hashed at the configured cost.
        _fresh_hasher(monkeypatch, "time_cost=1,memory_cost=32,parallelism=1")
        assert users.authenticate(db, "admin", PASSWORD).id == admin.id
        with db.engine.connect() as c:
            assert "$m=32,t=1,p=1$" in c.execute(text("SELECT password_hash FROM user_account")).scalar_one()
    finally:
        monkeypatch.undo()
        users._hasher.cache_clear()


@pytest.mark.parametrize("setting", ["time_cost=0", "memory=8", "time_cost", "parallelism=two"])
def test_a_wrong_password_hash_setting_says_what_it_should_look_like(
    monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    try:
        _fresh_hasher(monkeypatch, setting)
        with pytest.raises(ToolError, match="TRANSFER_TOOL_PASSWORD_HASH must look like 'time_cost=3"):
            users._hasher()
    finally:
        monkeypatch.undo()
        users._hasher.cache_clear()
