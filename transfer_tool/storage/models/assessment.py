"""Assessment tables: versions of a transfer's TIA, review comments, evidence files and signed reports.

File content (evidence, signed PDFs) lives in `Blob`, addressed by its SHA-256; the rows here keep the
digest they were stored with, so a changed blob is detected when read.
"""

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from transfer_tool.domain import AssessmentStatus
from transfer_tool.storage.base import Base, Versioned, utcnow
from transfer_tool.storage.models.core import enum_column


class Assessment(Versioned, Base):
    """One version of a transfer's assessment; the engine's record is stored whole as JSON."""

    __tablename__ = "assessment"
    __table_args__ = (
        UniqueConstraint("transfer_id", "version_no", name="uq_assessment_transfer_id_version_no"),
        # An approved version is frozen: the database refuses the combination approved + not frozen.
        CheckConstraint("status <> 'approved' OR frozen", name="approved_is_frozen"),
        Index("ix_assessment_status_submitted_at", "status", "submitted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    transfer_id: Mapped[int] = mapped_column(ForeignKey("transfer.id", ondelete="CASCADE"), index=True)
    version_no: Mapped[int] = mapped_column(Integer)
    status: Mapped[AssessmentStatus] = mapped_column(
        enum_column(AssessmentStatus, "status"), default=AssessmentStatus.DRAFT
    )
    record: Mapped[Any] = mapped_column(JSON)  # assessment.record.to_dict()
    page: Mapped[str] = mapped_column(String(64), default="")  # the wizard page to resume on
    country_data_version: Mapped[str] = mapped_column(String(64), default="")  # dataset relied on
    assessor_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), default=None
    )
    approver_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), default=None
    )
    submitted_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    approved_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    re_evaluation_date: Mapped[dt.date | None] = mapped_column(Date, default=None, index=True)
    appi_check_date: Mapped[dt.date | None] = mapped_column(Date, default=None, index=True)
    frozen: Mapped[bool] = mapped_column(Boolean, default=False)
    # Approved by the assessor themself, allowed only in single-user mode; the report says so.
    single_user_approval: Mapped[bool] = mapped_column(Boolean, default=False)
    attestations: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Everyone who created, edited (any field or evidence) or submitted this version: none of them may
    # return or approve it (four eyes by authorship, `workflow.check_reviewer`).
    author_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ReviewComment(Base):
    """A reviewer's comment on one section of the wizard; resolved (who, when) when the assessor marks it
    dealt with or resubmits; it stays listed."""

    __tablename__ = "review_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"), index=True)
    section: Mapped[str] = mapped_column(String(64))
    comment: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), default=None
    )
    author_name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    resolved_by_name: Mapped[str] = mapped_column(String(200), default="")


class EvidenceFile(Base):
    """A file attached to an assessment version; its content is a Blob with this SHA-256."""

    __tablename__ = "evidence_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(300))
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256", ondelete="RESTRICT"), index=True)
    size: Mapped[int] = mapped_column(Integer)
    added_by: Mapped[str] = mapped_column(String(64), default="")
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SignedReport(Base):
    """The signed TIA PDF of an approved version (content in Blob) and who signed it when."""

    __tablename__ = "signed_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"), index=True)
    version_no: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256", ondelete="RESTRICT"), index=True)
    signer_name: Mapped[str] = mapped_column(String(200))
    signed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    lang: Mapped[str] = mapped_column(String(8), default="en")
    # The tool's own rendering that was signed: the signed copy starts with exactly these bytes.
    rendering_sha256: Mapped[str | None] = mapped_column(String(64), default=None, index=True)
    rendering_size: Mapped[int | None] = mapped_column(Integer, default=None)
