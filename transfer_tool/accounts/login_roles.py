"""Each person a PostgreSQL login role (issue #19): create, re-group, lock and drop them with the account,
and sign in by connecting as that role. Nothing here runs on SQLite.

The statements run in the caller's transaction (PostgreSQL's role commands are transactional), so an
account and its login role appear, change or go together. The session that runs them needs CREATEROLE
(on PostgreSQL 16 and later also ADMIN OPTION on the group roles; `docs/team-setup.md`). Passwords reach
the server only as SCRAM-SHA-256 verifiers computed here: the clear text is in no statement or log.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from transfer_tool.domain import Role
from transfer_tool.errors import (
    AuthenticationFailed,
    PermissionDenied,
    Problem,
    StorageError,
    ValidationError,
)
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.storage.team_roles import RoleNames, quote_ident, quote_literal, role_names

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

    from transfer_tool.storage.database import Database

SCRAM_ITERATIONS = 4096  # PostgreSQL's own default (scram_iterations)


def scram_verifier(password: str, *, salt: bytes | None = None, iterations: int = SCRAM_ITERATIONS) -> str:
    """The verifier PostgreSQL stores for a SCRAM-SHA-256 password (RFC 5802/7677), as `CREATE ROLE ...
    PASSWORD` accepts it."""
    salt = salt if salt is not None else os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    b64 = base64.b64encode
    return f"SCRAM-SHA-256${iterations}:{b64(salt).decode()}${b64(stored_key).decode()}:{b64(server_key).decode()}"


def names_for(db: Database) -> RoleNames:
    return role_names(str(db.engine.url.database or ""))


def _run(session: Session, sql: str) -> None:
    try:
        session.execute(text(sql.replace(":", r"\:")))
    except DBAPIError as exc:
        reason = str(getattr(getattr(exc.orig, "diag", None), "message_primary", "") or exc.orig)
        raise PermissionDenied(
            error_text(
                "The database refused to change the sign-in ({0}); nothing was saved. The "
                "administrator's database sign-in needs CREATEROLE (see docs/team-setup.md).",
                reason,
            )
        ) from exc


def _memberships(session: Session, login: str) -> list[str] | None:
    """The roles `login` is a member of; None when it does not exist."""
    row = session.execute(
        text(
            "SELECT r.rolsuper, ARRAY(SELECT g.rolname::text FROM pg_auth_members m JOIN pg_roles g "
            "ON g.oid = m.roleid WHERE m.member = r.oid) FROM pg_roles r WHERE r.rolname = :n"
        ),
        {"n": login},
    ).one_or_none()
    if row is None:
        return None
    if row[0]:
        return ["(superuser)"]
    return list(row[1])


def exists(session: Session, names: RoleNames, username: str) -> bool:
    return _memberships(session, names.login(username)) is not None


def groups_of(db: Database, login: str) -> list[str]:
    """The group roles `login` belongs to (for checks and the DBA's questions)."""
    with db.read() as s:
        return sorted(m for m in (_memberships(s, login) or []))


def exists_by_name(db: Database, login: str) -> bool:
    with db.read() as s:
        return _memberships(s, login) is not None


def _attributes(role: Role) -> str:
    # An admin manages people's login roles; nobody else may create roles.
    return "CREATEROLE" if role is Role.ADMIN else "NOCREATEROLE"


def create_login(session: Session, names: RoleNames, username: str, password: str, role: Role) -> None:
    """The person's login role in the group of `role`, with this password. A role of that name left by an
    earlier account of this database is taken over; one that belongs to anything else is refused."""
    login = names.login(username)
    verifier = quote_literal(scram_verifier(password))
    member_of = _memberships(session, login)
    if member_of is None:
        _run(session, f"CREATE ROLE {quote_ident(login)} LOGIN {_attributes(role)} PASSWORD {verifier}")
    else:
        foreign = [m for m in member_of if m not in names.groups]
        if foreign:
            raise ValidationError(
                "The account cannot be created as entered.",
                [
                    Problem(
                        "username",
                        error_text("the database already has a sign-in '{0}' for something else", login),
                    )
                ],
            )
        _run(session, f"ALTER ROLE {quote_ident(login)} LOGIN {_attributes(role)} PASSWORD {verifier}")
    set_group(session, names, username, role)


def set_group(session: Session, names: RoleNames, username: str, role: Role) -> None:
    """Move the login role into the group of `role` (and out of the others)."""
    login = quote_ident(names.login(username))
    current = _memberships(session, names.login(username)) or []
    for group in names.groups:
        if group in current and group != names.group(role):
            _run(session, f"REVOKE {quote_ident(group)} FROM {login}")
    if names.group(role) not in current:
        _run(session, f"GRANT {quote_ident(names.group(role))} TO {login}")
    if role is Role.ADMIN and _server_major(session) >= 16:
        # From PostgreSQL 16 an admin may hand out only the groups it holds with ADMIN OPTION.
        groups = ", ".join(quote_ident(g) for g in names.groups)
        _run(session, f"GRANT {groups} TO {login} WITH ADMIN OPTION")
    _run(session, f"ALTER ROLE {login} {_attributes(role)}")


def set_password(session: Session, names: RoleNames, username: str, password: str) -> None:
    verifier = quote_literal(scram_verifier(password))
    _run(session, f"ALTER ROLE {quote_ident(names.login(username))} PASSWORD {verifier}")


def set_can_sign_in(session: Session, names: RoleNames, username: str, active: bool) -> None:
    login = names.login(username)
    if _memberships(session, login) is None:
        if active:
            raise ValidationError(
                "The account has no database sign-in any more.",
                [Problem("password", "give the account a new password to activate it again")],
            )
        return
    _run(session, f"ALTER ROLE {quote_ident(login)} {'LOGIN' if active else 'NOLOGIN'}")


def drop_login(session: Session, names: RoleNames, username: str) -> None:
    login = names.login(username)
    if _memberships(session, login) is not None:
        _run(session, f"DROP ROLE {quote_ident(login)}")


def _server_major(session: Session) -> int:
    info = session.get_bind().dialect.server_version_info or (0,)
    return int(info[0])


def connect_as(db: Database, username: str, password: str) -> Engine:
    """An engine signed in as the person's login role (the server checks the password); AuthenticationFailed
    with the same message for a wrong name or password."""
    from sqlalchemy.exc import OperationalError

    from transfer_tool.storage.database import make_engine

    url = db.engine.url.set(username=names_for(db).login(username), password=password)
    engine = make_engine(url.render_as_string(hide_password=False))
    try:
        engine.connect().close()  # the server checks the password as the connection starts
    except OperationalError as exc:
        engine.dispose()
        message = str(exc.orig)
        if any(m in message for m in ("password authentication failed", "not permitted to log in")):
            raise AuthenticationFailed("Wrong user name or password.") from exc
        raise StorageError(error_text("Cannot reach the database to sign in: {0}", exc.orig)) from exc
    return engine
