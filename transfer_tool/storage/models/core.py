"""Core tables: users, entities, transfers (with onward transfers), catalogues, settings, audit log."""

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from transfer_tool.domain import (
    CatalogKind,
    DataFormat,
    Frequency,
    KeyHolder,
    NoticeName,
    PartyRole,
    Role,
    TransferStatus,
)
from transfer_tool.storage.base import Base, Versioned, utcnow


def enum_column(cls: type, column: str, length: int = 32) -> Enum:
    """A portable enum: VARCHAR plus a CHECK named after the column (never a PostgreSQL type, which a
    downgrade would leave behind; and CHECK names must be unique per table)."""
    return Enum(
        cls,
        native_enum=False,
        length=length,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
        create_constraint=True,
        name=column,
    )


class User(Versioned, Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"))
    password_hash: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    language: Mapped[str] = mapped_column(String(8), default="")
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    last_signed_in_at: Mapped[dt.datetime | None] = mapped_column(default=None)  # issue #23 (migration 0008)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Entity(Versioned, Base):
    """A legal person: a group company or an outside recipient."""

    __tablename__ = "entity"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    country: Mapped[str] = mapped_column(String(8), index=True)
    address: Mapped[str] = mapped_column(Text, default="")
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_position: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(200), default="")
    is_group_company: Mapped[bool] = mapped_column(Boolean, default=False)
    registration_no: Mapped[str] = mapped_column(String(100), default="")
    activities: Mapped[str] = mapped_column(Text, default="")
    # e.g. ["EU-US DPF", "UK Extension", "APEC CBPR"]: decides whether partial adequacy routes fit.
    certifications: Mapped[list[str]] = mapped_column(JSON, default=list)
    # How the privacy notice names this entity (migration 0004): a category unless an admin allows the name.
    notice_name: Mapped[NoticeName] = mapped_column(
        enum_column(NoticeName, "notice_name"), default=NoticeName.CATEGORY, server_default="category"
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Transfer(Versioned, Base):
    """One flow of personal data from an exporter to an importer; onward transfers are child rows."""

    __tablename__ = "transfer"
    __table_args__ = (
        Index("ix_transfer_destination_status", "destination", "status"),
        # The register's text search scans this instead of the table (migration 0002;
        # register_search.search_ids).
        Index(
            "ix_transfer_search",
            "reference",
            "title",
            "exporter_id",
            "importer_id",
            "destination",
            "parent_id",
        ),
        UniqueConstraint("reference", name="uq_transfer_reference"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300), default="")
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("transfer.id", ondelete="CASCADE"), index=True, default=None
    )
    exporter_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="RESTRICT"), index=True)
    importer_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="RESTRICT"), index=True)
    exporter_role: Mapped[PartyRole] = mapped_column(enum_column(PartyRole, "exporter_role"))
    importer_role: Mapped[PartyRole] = mapped_column(enum_column(PartyRole, "importer_role"))
    recipient_type: Mapped[str] = mapped_column(String(64), default="")  # catalogue code (policy §9)
    destination: Mapped[str] = mapped_column(String(8))
    data_categories: Mapped[list[str]] = mapped_column(JSON, default=list)  # catalogue codes (policy §4)
    special_categories: Mapped[bool] = mapped_column(Boolean, default=False)
    sensitive_details: Mapped[str] = mapped_column(Text, default="")
    data_subjects: Mapped[list[str]] = mapped_column(JSON, default=list)
    purposes: Mapped[list[str]] = mapped_column(JSON, default=list)  # policy §7
    legal_bases: Mapped[list[str]] = mapped_column(JSON, default=list)  # policy §6
    acquisition_routes: Mapped[list[str]] = mapped_column(JSON, default=list)  # policy §5
    frequency: Mapped[Frequency] = mapped_column(
        enum_column(Frequency, "frequency"), default=Frequency.CONTINUOUS
    )
    volume: Mapped[int | None] = mapped_column(Integer, default=None)  # number of data subjects
    format_in_transit: Mapped[DataFormat] = mapped_column(
        enum_column(DataFormat, "format_in_transit"), default=DataFormat.ENCRYPTED
    )
    format_at_rest: Mapped[DataFormat] = mapped_column(
        enum_column(DataFormat, "format_at_rest"), default=DataFormat.CLEAR
    )
    key_holder: Mapped[KeyHolder] = mapped_column(
        enum_column(KeyHolder, "key_holder"), default=KeyHolder.NOT_APPLICABLE
    )
    storage_countries: Mapped[list[str]] = mapped_column(JSON, default=list)
    remote_access_countries: Mapped[list[str]] = mapped_column(JSON, default=list)
    retention: Mapped[str] = mapped_column(Text, default="")
    retention_code: Mapped[str] = mapped_column(String(64), default="")  # policy §12
    nature_of_processing: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # The answers nobody gave (a register import left their columns blank): field names (migration 0025).
    assumed: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    status: Mapped[TransferStatus] = mapped_column(
        enum_column(TransferStatus, "status"), default=TransferStatus.NEW
    )
    reassessment_needed: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    reassessment_reason: Mapped[str] = mapped_column(Text, default="")
    # The reason's catalogue id and values (engine_text.to_json); NULL before migration 0022 or when cleared.
    reassessment_message: Mapped[Any] = mapped_column(JSON(none_as_null=True), nullable=True, default=None)
    next_review: Mapped[dt.date | None] = mapped_column(Date, default=None, index=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), default=None)
    # The responsible person (issue #23): the creator unless an admin or manager hands it over (migration 0008).
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True, default=None)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    exporter: Mapped[Entity] = relationship(foreign_keys=[exporter_id], lazy="joined")
    importer: Mapped[Entity] = relationship(foreign_keys=[importer_id], lazy="joined")
    owner: Mapped[User | None] = relationship(foreign_keys=[owner_id], lazy="joined")
    onward: Mapped[list["Transfer"]] = relationship(
        back_populates="parent", cascade="all, delete-orphan", passive_deletes=True, order_by="Transfer.id"
    )
    parent: Mapped["Transfer | None"] = relationship(back_populates="onward", remote_side=[id])


class CatalogEntry(Versioned, Base):
    """An entry of a policy catalogue, with the policy section it comes from (e.g. §4-6)."""

    __tablename__ = "catalog_entry"
    __table_args__ = (UniqueConstraint("kind", "code", name="uq_catalog_entry_kind_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[CatalogKind] = mapped_column(enum_column(CatalogKind, "kind"))
    code: Mapped[str] = mapped_column(String(64))
    section: Mapped[str] = mapped_column(String(32), default="")
    label_en: Mapped[str] = mapped_column(Text)
    label_ja: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_ja: Mapped[str] = mapped_column(Text, default="")
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class OrgSetting(Versioned, Base):
    """Organisation-wide settings (risk threshold, re-evaluation interval, single-user mode, ...)."""

    __tablename__ = "org_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class AuditHead(Base):
    """One row holding the last audit hash; locking it serialises appends to the chain."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64), default="")


class AuditEvent(Base):
    """Append-only: who did what, when, to which record, before and after; chained by SHA-256."""

    __tablename__ = "audit_event"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(Integer, default=None)
    actor_name: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(64))
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(64), default="")
    before: Mapped[Any] = mapped_column(JSON, nullable=True, default=None)
    after: Mapped[Any] = mapped_column(JSON, nullable=True, default=None)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Blob(Base):
    """Stored file content addressed by SHA-256 (evidence files, signed PDFs)."""

    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
