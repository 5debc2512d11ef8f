"""Accounts: first admin, sign-in, slow-down after failures, roles, last admin protected."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from tests.conftest import PASSWORD
from transfer_tool import users
from transfer_tool.domain import Role
from transfer_tool.errors import AuthenticationFailed, PermissionDenied, ToolError, ValidationError
from transfer_tool.permissions import Actor
from transfer_tool.storage.database import Database


def test_first_admin_only_once_and_password_hashed(db: Database) -> None:
    assert not users.has_users(db)
    users.create_first_admin(db, "admin", "Ada", PASSWORD)
    with pytest.raises(ToolError, match="already exists"):
        users.create_first_admin(db, "admin2", "Eve", PASSWORD)
    with db.engine.connect() as c:
        h = c.execute(text("SELECT password_hash FROM user_account")).scalar()
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
