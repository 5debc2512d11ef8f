"""team mode on PostgreSQL (issue #19): owner and group roles, least privilege, row-level security, the
workflow's SECURITY DEFINER functions and the audit triggers (transfer_tool/storage/team_security.py).
Nothing on SQLite: one person's file, protected by the operating system.

Revision ID: 0020
Revises: 0010
Create Date: 2026-12-06 16:00:00
"""

from alembic import op

revision = "0020"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    from transfer_tool.storage import team_roles, team_security

    team_security.install(conn, team_roles.role_names(str(conn.engine.url.database or "")))


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    from transfer_tool.storage import team_roles, team_security

    team_security.uninstall(conn, team_roles.role_names(str(conn.engine.url.database or "")))
