"""privacy notice: per-entity "name in notices" and stored notice generations (issue #24)

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-06 09:00:00
"""

import sqlalchemy as sa
from alembic import op

import transfer_tool.storage.base

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entity", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "notice_name",
                sa.Enum(
                    "name",
                    "category",
                    "omitted",
                    name="notice_name",
                    native_enum=False,
                    create_constraint=True,
                    length=32,
                ),
                nullable=False,
                server_default="category",
            )
        )
    op.create_table(
        "notice_generation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("regime", sa.String(length=16), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("group_by", sa.String(length=16), nullable=False),
        sa.Column("register_version", sa.String(length=64), nullable=False),
        sa.Column("dataset_version", sa.String(length=64), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("entries", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("unverified", sa.JSON(), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("published_at", transfer_tool.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("published_by", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", transfer_tool.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_generation")),
    )
    with op.batch_alter_table("notice_generation", schema=None) as batch_op:
        batch_op.create_index(
            "ix_notice_generation_regime_published", ["regime", "published", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("notice_generation", schema=None) as batch_op:
        batch_op.drop_index("ix_notice_generation_regime_published")
    op.drop_table("notice_generation")
    with op.batch_alter_table("entity", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_entity_notice_name"), type_="check")
        batch_op.drop_column("notice_name")
