"""Privacy-notice generations (issue #24): each generated transfer section with the register it came from.

A generation keeps its Markdown text, the structured entries it was built from (for the diff against the
last published one), the approved assessment versions and the country-data version it read, and the
unverified country data it contained. Publishing marks one generation as the published notice; rows are
never edited otherwise.
"""

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from transfer_tool.storage.base import Base, utcnow


class NoticeGeneration(Base):
    __tablename__ = "notice_generation"
    __table_args__ = (Index("ix_notice_generation_regime_published", "regime", "published", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    regime: Mapped[str] = mapped_column(String(16))
    lang: Mapped[str] = mapped_column(String(8))
    group_by: Mapped[str] = mapped_column(String(16), default="recipient_type")  # policy §9 or §7
    register_version: Mapped[str] = mapped_column(String(64))  # digest of the entries below
    dataset_version: Mapped[str] = mapped_column(String(64), default="")  # country data read
    sources: Mapped[Any] = mapped_column(JSON, default=list)  # [{reference, version_no, destination_version}]
    entries: Mapped[Any] = mapped_column(JSON, default=list)  # the structured entries (diff input)
    text: Mapped[str] = mapped_column(Text)  # Markdown: as generated; once published, as published
    unverified: Mapped[Any] = mapped_column(JSON, default=list)  # unverified items it contained
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    published_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    published_by: Mapped[str] = mapped_column(String(64), default="")
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    row_count: Mapped[int] = mapped_column(Integer, default=0)  # approved transfers listed
