"""Signing tables: the certificates an administrator trusts for verifying signed reports.

People's certificates or an organisation CA are kept here (certificates only, never keys). Removing one
deactivates it, so the audit log and older verifications keep their meaning.
"""

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from transfer_tool.storage.base import Base, utcnow


class TrustedCertificate(Base):
    __tablename__ = "trusted_certificate"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    pem: Mapped[str] = mapped_column(Text)
    fingerprint_sha256: Mapped[str] = mapped_column(String(64), unique=True)  # of the DER encoding
    subject: Mapped[str] = mapped_column(String(1000))
    not_after: Mapped[dt.datetime] = mapped_column()
    added_by: Mapped[str] = mapped_column(String(64), default="")
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    # The user whose own signing certificate this is (None for a CA or an outside signer): approval
    # accepts only a signature made with the approver's own registered certificate.
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), default=None, index=True
    )
