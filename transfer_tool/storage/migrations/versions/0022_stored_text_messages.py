"""stored engine text keeps its id: a re-assessment flag's reason and a transfer's re-assessment reason get a
nullable JSON column beside them holding {"id": msgid, "args": [...]} (issue #20 point 2), so screens and the
report translate them by id. Rows written before stay NULL and are shown as written (their English).

Team mode needs nothing new: the groups' table grants cover the new columns, and the audit trigger
(tt_sec.audit_row) records whatever columns a row has.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 00:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reassessment_flag", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason_message", sa.JSON(), nullable=True))
    with op.batch_alter_table("transfer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reassessment_message", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("transfer", schema=None) as batch_op:
        batch_op.drop_column("reassessment_message")
    with op.batch_alter_table("reassessment_flag", schema=None) as batch_op:
        batch_op.drop_column("reason_message")
