"""Accounts, roles, passwords (argon2) and sign-in with slow-down after repeated failures."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Integer, column, func, select, table, text, update
from sqlalchemy.orm import Session

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.domain import Role
from transfer_tool.errors import (
    AuthenticationFailed,
    ConflictError,
    NotFound,
    Problem,
    StorageError,
    ToolError,
    ValidationError,
)
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.records import audit
from transfer_tool.register.conflicts import changed_since
from transfer_tool.runtime import config
from transfer_tool.storage import admin_writes
from transfer_tool.storage.base import utcnow
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import User

if TYPE_CHECKING:
    from argon2 import PasswordHasher
MIN_PASSWORD = 10
FREE_ATTEMPTS = 3  # failures allowed before sign-in slows down
_USERNAME = re.compile(r"^[A-Za-z0-9_.@-]{2,64}$")


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    display_name: str
    email: str
    role: Role
    active: bool
    language: str

    def actor(self) -> Actor:
        return Actor(user_id=self.id, username=self.username, role=self.role, display_name=self.display_name)


@cache
def _hasher() -> PasswordHasher:
    """One stateless hasher at the configured cost (config.password_hash_parameters), made on first use."""
    from argon2 import PasswordHasher, profiles  # only commands that touch a password pay for argon2

    chosen, default = config.password_hash_parameters(), profiles.get_default_parameters()
    parameters = dataclasses.replace(
        default,
        time_cost=chosen.get("time_cost", default.time_cost),
        memory_cost=chosen.get("memory_cost", default.memory_cost),
        parallelism=chosen.get("parallelism", default.parallelism),
    )
    return PasswordHasher.from_parameters(parameters)


def _verify(password_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher().verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def _view(u: User) -> UserView:
    return UserView(u.id, u.username, u.display_name, u.email, u.role, u.active, u.language)


def _check_new(username: str, display_name: str, password: str) -> None:
    problems = []
    if not _USERNAME.match(username):
        problems.append(Problem("username", "use 2-64 letters, digits or . _ @ -"))
    if not display_name.strip():
        problems.append(Problem("display_name", "give the person's name as it should appear on reports"))
    if len(password) < MIN_PASSWORD:
        problems.append(Problem("password", error_text("use at least {0} characters", MIN_PASSWORD)))
    if problems:
        raise ValidationError("The account cannot be created as entered.", problems)


def has_users(db: Database) -> bool:
    try:
        with db.read() as s:
            return bool(s.scalar(select(func.count()).select_from(User)))
    except StorageError:
        if db.people_sign_in:  # a team database before anyone signed in: the DBA created the first admin
            return True
        raise


def create_first_admin(db: Database, username: str, display_name: str, password: str) -> UserView:
    """The first run creates the admin account; refused once any account exists."""
    _check_new(username, display_name, password)
    with db.unit_of_work() as s:
        if s.scalar(select(func.count()).select_from(User)):
            raise ToolError("An administrator already exists; sign in with that account to add users.")
        u = admin_writes.add_account(
            s,
            Actor.system().username,
            username=username,
            display_name=display_name.strip(),
            email="",
            role=Role.ADMIN,
            password_hash=_stored_hash(db, password),
        )
        _create_login(db, s, username, password, Role.ADMIN)
        audit.record(s, Actor.system(), "create", "user_account", u.id, None, _public(u))
        return _view(u)


def create_user(
    db: Database, actor: Actor, username: str, display_name: str, password: str, role: Role, email: str = ""
) -> UserView:
    require(actor, Action.MANAGE_USERS)
    _check_new(username, display_name, password)
    with db.unit_of_work() as s:
        if s.scalar(select(User.id).where(User.username == username)):
            raise ValidationError(
                "The account cannot be created as entered.",
                [Problem("username", error_text("'{0}' is taken; choose another", username))],
            )
        u = admin_writes.add_account(
            s,
            actor.username,
            username=username,
            display_name=display_name.strip(),
            email=email,
            role=role,
            password_hash=_stored_hash(db, password),
        )
        _create_login(db, s, username, password, role)
        audit.record(s, actor, "create", "user_account", u.id, None, _public(u))
        return _view(u)


# On PostgreSQL the server checks passwords (each person is a login role, issue #19): a team database keeps
# no password hash anyone could read and guess at. A Database made directly on the DBA's sign-in (the
# tests) still signs people in against the argon2 hash.
PASSWORD_IN_POSTGRESQL = "!postgresql"


def _stored_hash(db: Database, password: str) -> str:
    return PASSWORD_IN_POSTGRESQL if db.people_sign_in else _hasher().hash(password)


def _create_login(db: Database, s: Session, username: str, password: str, role: Role) -> None:
    if db.dialect == "postgresql":
        from transfer_tool.accounts import login_roles

        login_roles.create_login(s, login_roles.names_for(db), username, password, role)


def _public(u: User) -> dict[str, object]:
    return {
        "username": u.username,
        "display_name": u.display_name,
        "role": u.role.value,
        "active": u.active,
        "email": u.email,
    }


def slowdown_seconds(failed_attempts: int) -> int:
    """How long to wait after a failure before the next try is even checked (doubling, capped at 5 min)."""
    if failed_attempts < FREE_ATTEMPTS:
        return 0
    return int(min(300, 2 ** (failed_attempts - FREE_ATTEMPTS + 1)))


def authenticate(db: Database, username: str, password: str, *, now: dt.datetime | None = None) -> UserView:
    if db.people_sign_in:
        return _sign_in_to_postgresql(db, username, password)
    now = now or utcnow()
    account = User.__table__.c
    with db.unit_of_work() as s:
        # The check reads the table directly and the account object is loaded after it: a process's first
        # ORM statement sets up every mapper (about 25 ms), which the app does meanwhile on its GUI thread
        # (ui.app.preload_main_window) instead of before the password check starts.
        found = s.execute(
            select(
                account.id,
                account.active,
                account.password_hash,
                account.failed_attempts,
                account.last_failed_at,
            ).where(account.username == username)
        ).one_or_none()
        if found is None or not found.active:
            _hasher().hash(password)  # same cost either way: don't reveal which names exist
            raise AuthenticationFailed("Wrong user name or password.")
        wait = slowdown_seconds(found.failed_attempts)
        if wait and found.last_failed_at and now < found.last_failed_at + dt.timedelta(seconds=wait):
            left = int((found.last_failed_at + dt.timedelta(seconds=wait) - now).total_seconds()) + 1
            raise AuthenticationFailed(
                error_text("Too many failed sign-ins for this account. Wait {0} seconds and try again.", left)
            )
        correct = _verify(found.password_hash, password)
        u = s.get_one(User, found.id)
        if not correct:
            u.failed_attempts += 1
            u.last_failed_at = now
            audit.record(
                s,
                Actor(u.id, u.username, u.role),
                "sign_in_failed",
                "user_account",
                u.id,
                None,
                {"failed_attempts": u.failed_attempts},
            )
            failed = AuthenticationFailed("Wrong user name or password.")
        else:
            if u.failed_attempts:
                u.failed_attempts = 0
                u.last_failed_at = None
            if _hasher().check_needs_rehash(u.password_hash):
                u.password_hash = _hasher().hash(password)
            return _view(u)
    raise failed  # raised after the commit so the failure count is kept


def _sign_in_to_postgresql(db: Database, username: str, password: str) -> UserView:
    """Connect as the person's login role (the server checks the password and refuses a locked role);
    from then on `db` works as that person. Slowing down repeated failures is the server's part there
    (auth_delay, docs/team-setup.md)."""
    from transfer_tool.accounts import login_roles
    from transfer_tool.storage import migrate

    if not _USERNAME.match(username):
        raise AuthenticationFailed("Wrong user name or password.")
    engine = login_roles.connect_as(db, username, password)
    # Who the login role is, the account and the schema's revision in one statement: across offices each
    # statement is a round trip (issue #19 point 5).
    me = text("SELECT id, active FROM tt_sec.me()").columns(column("id", Integer), column("active", Boolean))
    account = me.subquery("me")
    revision = select(column("version_num")).select_from(table("alembic_version")).scalar_subquery()
    stmt = (
        select(account.c.active, revision, User).select_from(account).outerjoin(User, User.id == account.c.id)
    )
    try:
        with Session(engine.execution_options(isolation_level="AUTOCOMMIT")) as s:
            found = s.execute(stmt).one_or_none()
            user = None if found is None or not found[0] or found[2] is None else _view(found[2])
            revision_now = None if found is None else found[1]
    except Exception:
        engine.dispose()
        raise
    if user is None:
        engine.dispose()
        raise AuthenticationFailed("Wrong user name or password.")
    db.use_engine(engine)
    if revision_now != migrate.head_revision(db):
        raise ToolError(
            "The team database has an older schema than this version of the tool. Ask the database "
            "administrator to run `transfer-tool init` with this version (docs/team-setup.md)."
        )
    return user


def note_sign_in(db: Database, user_id: int, *, now: dt.datetime | None = None) -> dt.datetime | None:
    """The app's sign-in bookkeeping (issue #23): store this sign-in, return the one before it (None the
    first time), for the "since you last signed in" list. The command line does not call it."""
    now = now or utcnow()
    if db.dialect == "postgresql":
        # One statement (across offices a round trip each): the old value comes from the row as it was
        # before this statement changed it.
        prior = User.__table__.alias("prior")
        stmt = (
            update(User)
            .where(User.id == user_id, prior.c.id == User.id)
            .values(last_signed_in_at=now, row_version=User.row_version + 1)
            .returning(prior.c.last_signed_in_at)
        )
        found = db.statement_alone(stmt)
        if not found:
            raise NotFound(error_text("User {0} does not exist.", user_id))
        previous: dt.datetime | None = found[0][0]
        return previous
    with db.unit_of_work() as s:
        u = s.get(User, user_id)
        if u is None:
            raise NotFound(error_text("User {0} does not exist.", user_id))
        previous = u.last_signed_in_at
        u.last_signed_in_at = now
        return previous


def list_users(db: Database, actor: Actor) -> list[UserView]:
    require(actor, Action.MANAGE_USERS)
    with db.read() as s:
        audit.check_actor(s, actor)
        return [_view(u) for u in s.execute(select(User).order_by(User.username)).scalars()]


@dataclass(frozen=True)
class Person:
    """Someone a transfer can be handed over to: what every signed-in user may see of an account."""

    id: int
    username: str
    display_name: str

    @property
    def name(self) -> str:
        return self.display_name or self.username


def people(db: Database) -> list[Person]:
    """Active accounts by name (the register's owner filter and the hand-over dialog)."""
    stmt = select(User.id, User.username, User.display_name).where(User.active.is_(True))
    with db.read() as s:
        found = [Person(*r) for r in s.execute(stmt)]
    return sorted(found, key=lambda p: (p.name.casefold(), p.username))


def find_person(db: Database, username: str) -> Person:
    """The active account with this user name; NotFound says how to list them."""
    for p in people(db):
        if p.username == username:
            return p
    raise NotFound(
        error_text("No active user '{0}'. Ask an administrator for the user names (users list).", username)
    )


def get_user(db: Database, user_id: int) -> UserView:
    with db.read() as s:
        u = s.get(User, user_id)
        if u is None:
            raise NotFound(error_text("User {0} does not exist.", user_id))
        return _view(u)


def update_user(
    db: Database,
    actor: Actor,
    user_id: int,
    *,
    role: Role | None = None,
    active: bool | None = None,
    display_name: str | None = None,
    password: str | None = None,
    read: UserView | None = None,
) -> UserView:
    """Change an account (None: unchanged). `read`: the account as the caller's screen read it; then a
    role, state or name the screen left as read is not written (another administrator's change made since
    stays: a stale page no longer re-activated a user someone had just deactivated), and one both changed
    to different values is a ConflictError (nothing saved)."""
    require(actor, Action.MANAGE_USERS)
    with db.unit_of_work() as s:
        audit.check_actor(s, actor)  # before the edit: an admin may change their own account
        u = s.get(User, user_id)
        if u is None:
            raise NotFound(error_text("User {0} does not exist.", user_id))
        if read is not None:
            role, active, display_name = _changed_since(u, read, role, active, display_name)
        before = _public(u)
        if role is not None and u.role == Role.ADMIN and role != Role.ADMIN and _admin_count(s) <= 1:
            raise ValidationError(
                "The last administrator cannot lose the admin role.",
                [Problem("role", "make another user admin first")],
            )
        if (
            active is not None
            and not active
            and (role if role is not None else u.role) == Role.ADMIN
            and _admin_count(s) <= 1
        ):
            raise ValidationError(
                "The last administrator cannot be deactivated.",
                [Problem("active", "make another user admin first")],
            )
        if display_name is not None and not display_name.strip():
            raise ValidationError("A name is required.", [Problem("display_name", "enter a name")])
        if password is not None and len(password) < MIN_PASSWORD:
            raise ValidationError(
                "The password is too short.",
                [Problem("password", error_text("use at least {0} characters", MIN_PASSWORD))],
            )
        admin_writes.change_account(
            s,
            actor.username,
            u,
            role=role,
            active=active,
            display_name=display_name.strip() if display_name is not None else None,
            password_hash=_stored_hash(db, password) if password is not None else None,
        )
        if db.dialect == "postgresql":
            _update_login(db, s, u.username, role=role, active=active, password=password)
        audit.record(s, actor, "update", "user_account", u.id, before, _public(u))
        return _view(u)


def _changed_since(
    u: User, read: UserView, role: Role | None, active: bool | None, display_name: str | None
) -> tuple[Role | None, bool | None, str | None]:
    """What the screen changed from `read` (None: left as read), refused where someone else changed the
    same thing to something else since."""
    name_typed = display_name.strip() if display_name is not None else None
    was = {"role": read.role, "active": read.active, "display_name": read.display_name}
    asked = {"role": role, "active": active, "display_name": name_typed}
    mine = {n: v if v is not None else was[n] for n, v in asked.items()}
    _, clashes = changed_since({n: getattr(u, n) for n in was}, was, mine)
    if clashes:
        raise ConflictError(
            error_text(
                "Someone else changed {0}'s account after you opened it; nothing was saved. Save again "
                "to store yours over theirs, or open the users again to see theirs.",
                u.username,
            ),
            theirs=_view(u),
        )
    return (
        role if mine["role"] != was["role"] else None,
        active if mine["active"] != was["active"] else None,
        name_typed if mine["display_name"] != was["display_name"] else None,
    )


def _update_login(
    db: Database, s: Session, username: str, *, role: Role | None, active: bool | None, password: str | None
) -> None:
    """The login role follows the account: its group, whether it may sign in, its password."""
    from transfer_tool.accounts import login_roles

    names = login_roles.names_for(db)
    if password is not None:
        if login_roles.exists(s, names, username):
            login_roles.set_password(s, names, username, password)
        else:  # removed earlier: a new password gives the account its sign-in back
            u = s.execute(select(User).where(User.username == username)).scalar_one()
            login_roles.create_login(s, names, username, password, u.role)
    if role is not None:
        login_roles.set_group(s, names, username, role)
    if active is not None:
        login_roles.set_can_sign_in(s, names, username, active)


def remove_user(db: Database, actor: Actor, user_id: int) -> UserView:
    """Deactivate the account for good: on PostgreSQL its login role is dropped too. The account row stays,
    so the audit log and the register keep naming who did what; a new password restores the sign-in."""
    view = update_user(db, actor, user_id, active=False)
    if db.dialect == "postgresql":
        from transfer_tool.accounts import login_roles

        with db.unit_of_work() as s:
            login_roles.drop_login(s, login_roles.names_for(db), view.username)
    return view


def set_language(db: Database, actor: Actor, language: str) -> None:
    if language not in ("", "en", "ja"):
        raise ValidationError("Unknown language.", [Problem("language", "choose English or Japanese")])
    with db.unit_of_work() as s:
        u = s.get(User, actor.user_id)
        if u is None:
            raise NotFound("Your account no longer exists.")
        u.language = language


def _admin_count(s: object) -> int:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    return int(
        s.scalar(select(func.count()).select_from(User).where(User.role == Role.ADMIN, User.active.is_(True)))
        or 0
    )
