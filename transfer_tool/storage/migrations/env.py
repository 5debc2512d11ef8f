"""Alembic environment: runs on the connection the tool hands over (or the URL in the config)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine, pool

from transfer_tool.storage import models  # noqa: F401  (registers every table)
from transfer_tool.storage.base import Base
from transfer_tool.storage.database import set_sqlite_foreign_keys

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # Batch mode rebuilds tables by copy-and-drop; with foreign keys on, ON DELETE CASCADE would
        # empty the child tables. PRAGMA is ignored inside a transaction, so commit around it.
        set_sqlite_foreign_keys(connection, False)
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=sqlite,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    if sqlite:
        connection.commit()
        problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"the migration left rows with broken foreign keys: {problems[:5]}")
        set_sqlite_foreign_keys(connection, True)


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "", poolclass=pool.NullPool)
    with engine.connect() as conn:
        _run(conn)


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported")
run_migrations_online()
