"""Country data in the database: the live copy admins edit, every version kept, re-assessment flags."""

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from transfer_tool.storage.base import Base, Versioned, utcnow


class RegimeRecord(Versioned, Base):
    """A regime and the exporter countries it governs (editable: the mapping decides which regimes apply)."""

    __tablename__ = "regime"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    data: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="system")


class DestinationRecord(Versioned, Base):
    """The current version of one destination's data (serialised Destination)."""

    __tablename__ = "destination"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    data: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="system")


class DestinationVersion(Base):
    """Every version of a destination's data, with who, when and why (history and diffs read this)."""

    __tablename__ = "destination_version"
    __table_args__ = (UniqueConstraint("code", "version", name="uq_destination_version_code_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), index=True)
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[Any] = mapped_column(JSON)
    changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")
    dataset_version: Mapped[str] = mapped_column(String(64), default="")


class ReassessmentFlag(Base):
    """Why a transfer was flagged for re-assessment: which destination, regime and versions."""

    __tablename__ = "reassessment_flag"
    __table_args__ = (Index("ix_reassessment_flag_transfer_open", "transfer_id", "cleared_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    transfer_id: Mapped[int] = mapped_column(ForeignKey("transfer.id", ondelete="CASCADE"))
    destination: Mapped[str] = mapped_column(String(8))
    regime: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    # The reason's catalogue id and values (engine_text.to_json), so it is read by id; NULL before 0022.
    reason_message: Mapped[Any] = mapped_column(JSON(none_as_null=True), nullable=True, default=None)
    version_before: Mapped[int | None] = mapped_column(Integer, default=None)
    version_after: Mapped[int | None] = mapped_column(Integer, default=None)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    cleared_at: Mapped[dt.datetime | None] = mapped_column(default=None)
