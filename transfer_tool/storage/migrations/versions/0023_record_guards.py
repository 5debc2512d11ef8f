"""team mode on PostgreSQL: the database guards the records around an assessment version as it guards the
version (transfer_tool/storage/team_record_guards.py): evidence changes only on an open version and makes
its changer an author; a submitted or approved version is not deleted, alone or with its transfer; a
signed report is stored only by the approval it signs; a transfer becomes approved or suspended only by
an approval; a review comment is written in its reviewer's name and only its resolution changes; stored
content matches its digest. Nothing on SQLite.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07 05:00:00
"""

from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    from transfer_tool.storage import team_roles, team_security

    # install() is re-runnable and installs the latest: the record guards and the narrower comment grant.
    team_security.install(conn, team_roles.role_names(str(conn.engine.url.database or "")))


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    from transfer_tool.storage import team_record_guards, team_roles

    team_record_guards.downgrade_to_0022(conn, team_roles.role_names(str(conn.engine.url.database or "")))
