"""Schema migrations, backups, newer-schema refusal and time zones, on a real database."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from tests import factories
from transfer_tool.accounts.permissions import Actor
from transfer_tool.errors import StorageError
from transfer_tool.register import transfers
from transfer_tool.storage import migrate
from transfer_tool.storage.base import Base
from transfer_tool.storage.database import Database, set_sqlite_foreign_keys


def test_empty_to_head_creates_every_model_table(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    migrate.upgrade(db)
    with db.engine.connect() as conn:
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    assert set(Base.metadata.tables) <= tables
    assert migrate.current_revision(db) == migrate.head_revision(db)


def test_migrations_match_the_models(tmp_path: Path) -> None:
    """A model change without a migration fails here (alembic's autogenerate finds no difference)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    db = Database(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    migrate.upgrade(db)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_downgrade_and_upgrade_again_keeps_working(db: Database, admin: Actor) -> None:
    factories.transfer(db, admin)
    migrate.downgrade(db, "base")
    assert migrate.current_revision(db) is None
    migrate.upgrade(db)
    assert migrate.current_revision(db) == migrate.head_revision(db)


def test_child_rows_survive_a_batch_migration_with_foreign_keys_on(tmp_path: Path) -> None:
    """SQLite batch mode copies and drops tables; with FKs on, cascades would delete onward transfers."""
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext

    path = tmp_path / "b.sqlite3"
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db)
    actor = Actor.system()
    t = factories.transfer(db, actor)
    transfers.add_onward_transfer(
        db, actor, t.id, factories.transfer_input(t.exporter_id, t.importer_id, "IN")
    )
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        set_sqlite_foreign_keys(conn, False)  # what env.py does before a batch migration
        ctx = MigrationContext.configure(conn, opts={"render_as_batch": True})
        with Operations.context(ctx), ctx.begin_transaction():
            import sqlalchemy as sa
            from alembic import op

            with op.batch_alter_table("transfer", recreate="always") as batch:
                batch.add_column(sa.Column("extra", sa.String(10), nullable=True))
        set_sqlite_foreign_keys(conn, True)
        n = conn.execute(text("SELECT count(*) FROM transfer WHERE parent_id IS NOT NULL")).scalar()
        problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    assert n == 1
    assert problems == []


def test_without_turning_foreign_keys_off_the_cascade_would_delete_children(tmp_path: Path) -> None:
    """Proves the test above can fail: the same batch rebuild with FKs on loses the onward transfer."""
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext

    db = Database(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    migrate.upgrade(db)
    t = factories.transfer(db, Actor.system())
    transfers.add_onward_transfer(
        db, Actor.system(), t.id, factories.transfer_input(t.exporter_id, t.importer_id, "IN")
    )
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"render_as_batch": True})
        with Operations.context(ctx), ctx.begin_transaction():
            import sqlalchemy as sa
            from alembic import op

            with op.batch_alter_table("transfer", recreate="always") as batch:
                batch.add_column(sa.Column("extra", sa.String(10), nullable=True))
        conn.commit()
        n = conn.execute(text("SELECT count(*) FROM transfer WHERE parent_id IS NOT NULL")).scalar()
    assert n == 0


def test_newer_schema_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    path = tmp_path / "n.sqlite3"
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num='9999_future'"))
    with pytest.raises(StorageError, match="newer version"):
        migrate.upgrade(db)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_future"


def test_an_existing_sqlite_file_is_backed_up_before_an_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.sqlite3"
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db)
    t = factories.transfer(db, Actor.system())
    # Pretend a newer release brings a new head: the file is behind it, so it must be backed up first.
    monkeypatch.setattr(migrate, "head_revision", lambda _db: "0002_next")
    backup = migrate.upgrade(db, backup_dir=tmp_path / "backups", sqlite_path=path)
    assert backup is not None and backup.exists()
    assert oct(backup.stat().st_mode & 0o777) == "0o600"
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT reference FROM transfer").fetchone() == (t.reference,)


def test_a_fresh_database_needs_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    db = Database(f"sqlite:///{path}")
    assert migrate.upgrade(db, backup_dir=tmp_path / "backups", sqlite_path=path) is None
    assert not (tmp_path / "backups").exists()


def test_timestamps_come_back_in_utc_with_their_zone(db: Database, admin: Actor) -> None:
    t = factories.transfer(db, admin)
    got = transfers.get_transfer(db, t.id)
    assert got.created_at is not None and got.created_at.tzinfo is not None
    assert got.created_at.utcoffset() == dt.timedelta(0)
    assert abs((dt.datetime.now(dt.UTC) - got.created_at).total_seconds()) < 120


def test_the_database_file_and_data_folder_are_owner_only(tmp_path: Path) -> None:
    from transfer_tool.runtime.bootstrap import open_database
    from transfer_tool.runtime.config import Config, user_data_dir

    path = tmp_path / "private" / "tt.sqlite3"
    db = open_database(Config(f"sqlite:///{path}"))
    db.dispose()
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"
    assert oct(user_data_dir().stat().st_mode & 0o777) == "0o700"


def test_schema_check_at_start_does_not_import_alembic(tmp_path: Path) -> None:
    """Start-up on a current database reads the shipped revisions as text (Alembic costs ~0.25 s)."""
    import subprocess
    import sys

    db = Database(f"sqlite:///{tmp_path / 's.sqlite3'}")
    migrate.upgrade(db)
    db.dispose()
    code = (
        "import sys; from transfer_tool.storage.database import Database; from transfer_tool.storage import migrate;"
        f"migrate.upgrade(Database('sqlite:///{tmp_path / 's.sqlite3'}'));"
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    ).stdout.strip()
    assert out == "False"
    assert migrate.head_revision(db) in migrate.known_revisions(db)
