"""a transfer keeps which of its answers nobody gave: a register import leaves a column blank and the tool
assumes the column's default (the roles, frequency, forms of the data, key holder, special categories).
`transfer.assumed` lists those fields until someone states them; the assessment counts each as a missing
item, so no submitted or approved report states an answer nobody gave. Rows written before hold [].

Team mode needs nothing new: the groups' table grants cover the new column, and the audit trigger
(tt_sec.audit_row) records whatever columns a row has.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07 21:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("transfer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("assumed", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("transfer", schema=None) as batch_op:
        batch_op.drop_column("assumed")
