"""team mode on PostgreSQL (issue #19 point 2): accounts and roles, the trust list and country data change
only through the admins' SECURITY DEFINER functions (transfer_tool/storage/team_admin_functions.py); the
admin group loses its direct INSERT/UPDATE/DELETE on those tables. Nothing on SQLite.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 23:00:00
"""

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    from transfer_tool.storage import team_roles, team_security

    # install() is re-runnable and installs the latest: the admin functions, the narrower grants and the
    # user_account policies, the rest as 0020 left it.
    team_security.install(conn, team_roles.role_names(str(conn.engine.url.database or "")))


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    from transfer_tool.storage import team_admin_functions, team_roles

    team_admin_functions.downgrade_to_0020(conn, team_roles.role_names(str(conn.engine.url.database or "")))
