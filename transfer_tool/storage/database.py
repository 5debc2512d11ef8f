"""Engine, session factory and the unit of work. One `Database` per process, built at the composition root."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Executable, Row, event
from sqlalchemy.engine import Engine, create_engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from transfer_tool.errors import StorageError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.runtime import collector

log = logging.getLogger("transfer_tool.storage")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    # The register's text search scans the transfer table on each keystroke (~20 MB at 100,000 rows);
    # SQLite's default 2 MiB page cache would read it from the OS every time. Grows only as pages are used.
    cur.execute("PRAGMA cache_size=-32768")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    # pysqlite's own transaction handling is off (isolation_level=None); we emit BEGIN ourselves so
    # that writing units of work take the write lock at once (BEGIN IMMEDIATE) instead of failing
    # half-way with "database is locked" when another writer got there first.
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 10, "isolation_level": None})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    from transfer_tool.storage.postgres_engine import make_postgres_engine

    return make_postgres_engine(url)


def _refuse_writes(session: Session, _context: Any, _instances: Any) -> None:
    # A read session on PostgreSQL runs in autocommit: a flush there would be saved, not rolled back.
    raise StorageError("A change was made in a read-only session; nothing was saved.")


class Database:
    """Owns the engine and hands out sessions; every change happens inside `unit_of_work()`."""

    def __init__(self, url: str, engine: Engine | None = None, *, people_sign_in: bool = False) -> None:
        self.url = url
        self.engine = engine or make_engine(url)
        self._make_sessions()
        # Team mode on PostgreSQL (issue #19): signing in connects as the person's own login role
        # (`users.authenticate`). Off for a Database made directly, e.g. by the tests on the DBA's sign-in.
        self.people_sign_in = people_sign_in and self.dialect == "postgresql"
        collector.settle()  # a headless command's code is loaded by now (runtime/collector.py)

    def use_engine(self, engine: Engine) -> None:
        """From now on work through `engine` (the signed-in person's connection); the old one is closed."""
        old, self.engine = self.engine, engine
        self._make_sessions()
        old.dispose()

    def _make_sessions(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, autoflush=True)
        reads = self.engine
        if self.engine.dialect.name == "postgresql":
            # Reads run in autocommit: no BEGIN and ROLLBACK round trips around them (issue #19 point 5).
            # They lose no consistency: at PostgreSQL's READ COMMITTED each statement of a transaction
            # takes its own snapshot anyway, and a read that needs one answer asks it in one statement.
            reads = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        self._read_sessions = sessionmaker(reads, expire_on_commit=False, autoflush=True)
        event.listen(self._read_sessions, "before_flush", _refuse_writes)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A transaction that commits whole or leaves nothing behind."""
        session = self._sessions()
        try:
            with session.begin():
                session.connection(execution_options={"sqlite_immediate": True})
                yield session
        except OperationalError as exc:
            raise StorageError(
                error_text(
                    "The database could not complete the operation ({0}). Nothing was saved; try again.",
                    exc.orig,
                )
            ) from exc
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session; takes no write lock and refuses to flush a change. On SQLite a transaction
        (one snapshot for all its statements); on PostgreSQL autocommit (see `_make_sessions`)."""
        session = self._read_sessions()
        try:
            with session.begin():
                yield session
                session.rollback()
        except OperationalError as exc:
            raise StorageError(
                error_text("The database could not be read ({0}). Try again.", exc.orig)
            ) from exc
        finally:
            session.close()

    def statement_alone(self, stmt: Executable) -> list[Row[Any]]:
        """One data-changing statement as a transaction of its own, and its returned rows. On PostgreSQL in
        autocommit: a single statement is atomic by itself, triggers (the audit's included) run inside
        it, and the BEGIN and COMMIT round trips are saved (issue #19 point 5)."""
        if self.dialect != "postgresql":
            with self.unit_of_work() as s:
                return list(s.execute(stmt))
        try:
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                return list(conn.execute(stmt))
        except OperationalError as exc:
            raise StorageError(
                error_text(
                    "The database could not complete the operation ({0}). Nothing was saved; try again.",
                    exc.orig,
                )
            ) from exc

    def dispose(self) -> None:
        self.engine.dispose()


def set_sqlite_foreign_keys(connection: Any, on: bool) -> None:
    """Turn SQLite foreign-key enforcement on or off for this connection.

    The PRAGMA is silently ignored inside a transaction, and our engine begins one on first use, so
    end it and speak to the driver connection directly (autocommit mode).
    """
    if connection.in_transaction():
        connection.commit()
    raw = connection.connection.driver_connection
    raw.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def foreign_key_violation(exc: IntegrityError) -> bool:
    """The write named a row that is gone (a party removed by someone else between a save's check and its
    write, on PostgreSQL), rather than a second copy of a unique one."""
    orig = exc.orig
    return getattr(orig, "sqlstate", None) == "23503" or "FOREIGN KEY constraint failed" in str(orig)
