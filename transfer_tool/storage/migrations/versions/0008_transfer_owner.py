"""transfer ownership: every transfer's responsible person, by default its creator; each account's last
sign-in, for the "since you last signed in" list (issue #23)

Revision ID: 0008
Revises: 0004 (the lead re-chains the revisions when merging)
Create Date: 2026-12-06 10:00:00
"""

import sqlalchemy as sa
from alembic import op

import transfer_tool.storage.base

revision = "0008"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("transfer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_transfer_owner_id"), ["owner_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_transfer_owner_id_user_account"), "user_account", ["owner_id"], ["id"]
        )
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("last_signed_in_at", transfer_tool.storage.base.UTCDateTime(timezone=True), nullable=True)
        )
    # Existing transfers belong to whoever created them (none for rows the tool itself seeded).
    op.execute("UPDATE transfer SET owner_id = created_by WHERE owner_id IS NULL")


def downgrade() -> None:
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.drop_column("last_signed_in_at")
    with op.batch_alter_table("transfer", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_transfer_owner_id_user_account"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_transfer_owner_id"))
        batch_op.drop_column("owner_id")
