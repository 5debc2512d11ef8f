"""review rounds: who marked a reviewer's comment as dealt with (issue 18; a returned version is kept frozen
and its revision is the next version, which needs no schema change)

Revision ID: 0010
Revises: 0008 (the lead re-chains the revisions when merging)
Create Date: 2026-12-06 16:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("review_comment", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("resolved_by_name", sa.String(length=200), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("review_comment", schema=None) as batch_op:
        batch_op.drop_column("resolved_by_name")
