"""Migration 0003 (approval binding) on a database holding data: existing versions start with their
assessor as their one author, so four eyes by authorship holds for them too; both databases."""

from __future__ import annotations

from sqlalchemy import text

from tests.unit.test_roles_matrix import World
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.storage import migrate
from transfer_tool.storage.database import Database


def test_upgrading_a_filled_database_gives_each_version_its_assessor_as_author(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    a = World(db, admin, legal, manager).submitted()
    migrate.downgrade(db, "0002")
    with db.engine.connect() as c:
        columns = (
            [r[1] for r in c.execute(text("PRAGMA table_info(assessment)"))]
            if db.engine.dialect.name == "sqlite"
            else []
        )
    assert "author_ids" not in columns
    migrate.upgrade(db)
    assert service.authors_of(db, a.id) == {legal.user_id}
    with db.engine.connect() as c:
        with_rendering = c.execute(
            text("SELECT count(*) FROM signed_report WHERE rendering_sha256 IS NOT NULL")
        ).scalar_one()
    assert with_rendering == 0
