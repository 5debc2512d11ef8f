"""approval binding: authors of a version, the signed rendering, users' own signing certificates

- `assessment.author_ids`: everyone who created, edited or submitted the version (four eyes by
  authorship). Existing versions start with their assessor.
- `signed_report.rendering_sha256`, `rendering_size`: the tool's own rendering that was signed (the
  signed copy starts with exactly those bytes).
- `trusted_certificate.user_id`: whose own signing certificate it is; approval accepts only the
  approver's own.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 09:00:00
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("author_ids", sa.JSON(), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, assessor_id FROM assessment")).all()
    for assessment_id, assessor_id in rows:
        authors = [assessor_id] if assessor_id is not None else []
        conn.execute(
            sa.text("UPDATE assessment SET author_ids = :a WHERE id = :i"),
            {"a": json.dumps(authors), "i": assessment_id},
        )
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.alter_column("author_ids", existing_type=sa.JSON(), nullable=False)

    with op.batch_alter_table("signed_report", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rendering_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("rendering_size", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_signed_report_rendering_sha256"), ["rendering_sha256"], unique=False
        )

    with op.batch_alter_table("trusted_certificate", schema=None) as batch_op:
        batch_op.add_column(sa.Column("user_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_trusted_certificate_user_id"), ["user_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_trusted_certificate_user_id_user_account"),
            "user_account",
            ["user_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("trusted_certificate", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_trusted_certificate_user_id_user_account"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_trusted_certificate_user_id"))
        batch_op.drop_column("user_id")
    with op.batch_alter_table("signed_report", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signed_report_rendering_sha256"))
        batch_op.drop_column("rendering_size")
        batch_op.drop_column("rendering_sha256")
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.drop_column("author_ids")
