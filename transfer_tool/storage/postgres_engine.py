"""The PostgreSQL engine, built for a team across offices (issue #19 point 5): at 200-250 ms a round trip,
every exchange with the server that carries no answer the tool needs is a fifth of a second lost.

- No pre-ping per checkout. A connection the server closed (restart, `idle_session_timeout`, a DBA's
  `pg_terminate_backend`) has the end of its stream, or the server's FATAL message, waiting on the socket,
  while a live idle one has nothing to read: the checkout looks at the socket (no round trip) and hands
  such a connection back to the pool, which opens a new one. TCP keepalives make a silently dropped
  network path (a NAT or firewall forgetting an idle connection) show the same way.
- The dialect's start-up questions (server version, default schema, isolation level, string quoting)
  come from the parameters the server sends when the connection starts and one query, not six
  statements inside a transaction.
"""

from __future__ import annotations

import re
import select
from typing import Any

from sqlalchemy import event
from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
from sqlalchemy.engine import Engine, create_engine
from sqlalchemy.exc import DisconnectionError

from transfer_tool.errors import StorageError
from transfer_tool.i18n.engine_text import error_text

# Idle 30 s, then a probe every 10 s, three missed probes end the connection: a dead path shows within a
# minute instead of the operating system's two hours, and a NAT keeps an idle office connection open.
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}

_START_UP_QUERY = "SELECT current_schema(), current_setting('transaction_isolation')"


def make_postgres_engine(url: str) -> Engine:
    _require_driver()
    engine = create_engine(
        url,
        # The tool stores no hstore values; looking its type up would be one more query per new engine.
        use_native_hstore=False,
        connect_args={"connect_timeout": 10, **KEEPALIVES},
    )
    engine.dialect.__class__ = _StartUpFromParameters
    event.listen(engine, "checkout", _refuse_closed_by_server)
    return engine


def _require_driver() -> None:
    """psycopg is an extra (`pip install .` leaves it out, for the single-user SQLite app): without it
    SQLAlchemy failed with a traceback (ModuleNotFoundError)."""
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:  # not installed, or its libpq cannot be loaded
        raise StorageError(
            error_text(
                "A PostgreSQL database needs the psycopg driver, which cannot be loaded here ({0}): install "
                "it with pip install 'psycopg[binary]' (or the tool with its pg extra: pip install '.[pg]').",
                str(exc).splitlines()[0] if str(exc) else type(exc).__name__,
            )
        ) from None


def closed_by_server(dbapi_connection: Any) -> bool:
    """True when the server has closed (or is closing) this idle connection; costs no round trip."""
    if dbapi_connection.closed or dbapi_connection.broken:
        return True
    try:
        readable, _, _ = select.select([dbapi_connection.fileno()], [], [], 0)
    except (OSError, ValueError):
        return True
    # Between statements the server sends nothing unless asked (the tool uses no LISTEN): anything to
    # read is its goodbye (end of stream, "terminating connection ...").
    return bool(readable)


def _refuse_closed_by_server(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    if closed_by_server(dbapi_connection):
        # The pool discards this connection and checks out (or opens) another.
        raise DisconnectionError("the server closed this pooled connection")


class _StartUpFromParameters(PGDialect_psycopg):
    """SQLAlchemy's psycopg dialect, answering its start-up questions from what the connection already
    knows plus one query in autocommit (no BEGIN and ROLLBACK around it)."""

    supports_statement_cache = True  # the parent's compiled-statement caching holds for this subclass
    _start_up: tuple[str, str] | None = None

    def initialize(self, connection: Any) -> None:
        raw = connection.connection.dbapi_connection
        was_autocommit = raw.autocommit
        raw.autocommit = True
        try:
            with raw.cursor() as cur:
                cur.execute(_START_UP_QUERY)
                row = cur.fetchone()
        finally:
            raw.autocommit = was_autocommit
        self._start_up = (str(row[0]), str(row[1]))
        super().initialize(connection)  # type: ignore[no-untyped-call]

    def _get_server_version_info(self, connection: Any) -> tuple[int, ...]:
        # libpq keeps the `server_version` parameter the server reports at start-up, e.g. "15.18 (Debian ...)".
        reported = connection.connection.dbapi_connection.info.parameter_status("server_version")
        m = re.match(r"(\d+)(?:\.(\d+))?", reported or "")
        if not m:
            return tuple(super()._get_server_version_info(connection))  # type: ignore[no-untyped-call]
        return tuple(int(x) for x in m.groups() if x is not None)

    def _get_default_schema_name(self, connection: Any) -> str:
        assert self._start_up is not None
        return self._start_up[0]

    def get_default_isolation_level(self, dbapi_conn: Any) -> Any:
        assert self._start_up is not None
        return self._start_up[1].upper()

    def _set_backslash_escapes(self, connection: Any) -> None:
        reported = connection.connection.dbapi_connection.info.parameter_status("standard_conforming_strings")
        if reported is None:
            super()._set_backslash_escapes(connection)  # type: ignore[no-untyped-call]
        else:
            self._backslash_escapes = reported == "off"
