"""team mode on PostgreSQL: a transfer whose assessment is approved is not changed behind the flag. A change
to what an assessment reads (the parties, the destination, the data, how it is handled) commits only with
an open re-assessment flag about the transfer, which the tool writes in the same transaction, and not at
all while a version awaits review (transfer_tool/storage/team_transfer_guard.py). Before, a direct UPDATE
from psql changed an approved transfer and flagged nothing. Nothing on SQLite.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 15:00:00
"""

from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    from transfer_tool.storage import team_roles, team_security

    # install() is re-runnable and installs the latest: the guard on a transfer changed after approval.
    team_security.install(conn, team_roles.role_names(str(conn.engine.url.database or "")))


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    from transfer_tool.storage import team_roles, team_transfer_guard

    team_transfer_guard.downgrade_to_0023(conn, team_roles.role_names(str(conn.engine.url.database or "")))
