"""A database state that several tests start from, built once per process and copied back for each test
(as the seeded template file and `tests/conftest.py`'s seed copy are): building some states takes seconds
of approvals, rendering and signing, and the tests only read or extend them.

SQLite: the database file is copied aside and back. PostgreSQL: every table is copied into a schema of
its own and back, with each id sequence set past the copied ids.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

from sqlalchemy import make_url, text

from transfer_tool.storage.database import Database

T = TypeVar("T")

_built: dict[tuple[str, str], object] = {}  # (name, url) -> what the builder returned
_files = Path(tempfile.mkdtemp(prefix="tt-snapshots-"))
atexit.register(shutil.rmtree, _files, True)  # each test process made one and left it behind in /tmp


def built_once(db: Database, name: str, build: Callable[[], T]) -> T:
    """`build()`'s result, with `db` holding the rows it made: built the first time this process asks for
    `name` on this database, copied back every later time. `build` must make the same rows whatever the
    test (it runs on a database freshly restored to the seed and the fixtures' accounts)."""
    key = (name, db.url if db.dialect == "postgresql" else "sqlite")
    if key in _built:
        _restore(db, name)
        return cast(T, _built[key])
    value = build()
    _save(db, name)
    _built[key] = value
    return value


def _sqlite_path(db: Database) -> Path:
    database = make_url(db.url).database
    assert database, db.url
    return Path(database)


def _schema(name: str) -> str:
    return f"tt_test_snap_{name}"


def _tables(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        return [
            r[0]
            for r in conn.execute(
                text(
                    "SELECT tablename FROM pg_tables WHERE schemaname='public' AND tablename <> 'alembic_version'"
                )
            )
        ]


def _save(db: Database, name: str) -> None:
    if db.dialect != "postgresql":
        db.dispose()  # the last connection's close checkpoints the write-ahead log into the file
        shutil.copyfile(_sqlite_path(db), _files / f"{name}.sqlite3")
        return
    schema = _schema(name)
    names = _tables(db)
    with db.engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {schema}"))
        for table in names:
            conn.execute(text(f'CREATE TABLE {schema}."{table}" AS SELECT * FROM public."{table}"'))


def _restore(db: Database, name: str) -> None:
    if db.dialect != "postgresql":
        db.dispose()
        path = _sqlite_path(db)
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(_files / f"{name}.sqlite3", path)
        return
    restore_tables(db, _schema(name))


def restore_tables(db: Database, schema: str) -> None:
    """Every public table back to the rows copied into `schema` (triggers off while copying: the rows are
    the copied state's own, with whatever its triggers wrote), and each id sequence past the copied ids."""
    names = _tables(db)
    with db.engine.begin() as conn:
        conn.execute(text("TRUNCATE " + ", ".join(f'"{n}"' for n in names) + " RESTART IDENTITY CASCADE"))
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        for table in names:
            conn.execute(text(f'INSERT INTO public."{table}" SELECT * FROM {schema}."{table}"'))
        for table, column in conn.execute(
            text(
                "SELECT t.relname, a.attname FROM pg_class s JOIN pg_depend d ON d.objid = s.oid "
                "JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid "
                "AND a.attnum = d.refobjsubid WHERE s.relkind = 'S' AND t.relnamespace = 'public'::regnamespace"
            )
        ).all():
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('public.\"{table}\"', '{column}'), "
                    f'coalesce((SELECT max("{column}") FROM public."{table}"), 0) + 1, false)'
                )
            )
