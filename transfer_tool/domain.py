"""The shared vocabulary of the product: plain enums and small value types used by every room.

Values are stored in the database and in JSON as the enum *values* (short lower-case strings), so they
must never be renamed without a migration.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NewType

EntityId = NewType("EntityId", int)
TransferId = NewType("TransferId", int)
UserId = NewType("UserId", int)
AssessmentId = NewType("AssessmentId", int)


class Role(StrEnum):
    """What a user may do: legal staff assess, managers review and sign, admins keep the data."""

    LEGAL = "legal"
    MANAGER = "manager"
    ADMIN = "admin"


class PartyRole(StrEnum):
    """A party's role under data-protection law (decides the SCC module)."""

    CONTROLLER = "controller"
    PROCESSOR = "processor"


class Frequency(StrEnum):
    ONE_OFF = "one_off"
    CONTINUOUS = "continuous"


class DataFormat(StrEnum):
    """The form of the data in transit or at rest."""

    CLEAR = "clear"
    PSEUDONYMISED = "pseudonymised"
    ENCRYPTED = "encrypted"


class KeyHolder(StrEnum):
    """Who holds the decryption keys for encrypted data."""

    NOT_APPLICABLE = "not_applicable"
    EXPORTER = "exporter"
    IMPORTER = "importer"
    THIRD_PARTY = "third_party"


class RegimeCode(StrEnum):
    """Known data-protection regimes. Country data may add more; code never hard-wires beyond these."""

    EU = "EU"  # EU GDPR (EEA)
    UK = "UK"  # UK GDPR / DPA 2018
    CH = "CH"  # Swiss FADP
    JP = "JP"  # Japan APPI
    BR = "BR"  # Brazil LGPD


class AdequacyStatus(StrEnum):
    """A destination's status under one regime."""

    INSIDE = "inside"  # within the regime's own area (e.g. the EEA for the EU GDPR)
    ADEQUATE = "adequate"  # adequacy decision / recognised country
    PARTIAL = "partial"  # adequate only under a condition (e.g. DPF-certified organisations)
    NOT_ADEQUATE = "not_adequate"


class TransferStatus(StrEnum):
    """Where a transfer stands in its assessment life cycle (the register's status column)."""

    NEW = "new"  # recorded, no assessment yet
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    SUSPENDED = "suspended"  # do not transfer


class AssessmentStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"


class Conclusion(StrEnum):
    PROCEED = "proceed"
    PROCEED_WITH_MEASURES = "proceed_with_measures"
    DO_NOT_TRANSFER = "do_not_transfer"


class CatalogKind(StrEnum):
    """The policy catalogues seeded from the privacy policy (section numbers kept per entry)."""

    DATA_CATEGORY = "data_category"  # policy §4
    ACQUISITION_ROUTE = "acquisition_route"  # policy §5
    LEGAL_BASIS = "legal_basis"  # policy §6
    PURPOSE = "purpose"  # policy §7 (and applicants' purposes)
    RECIPIENT_TYPE = "recipient_type"  # policy §9
    RETENTION = "retention"  # policy §12
    DATA_SUBJECT = "data_subject"


class NoticeName(StrEnum):
    """How an entity appears in the privacy notice's transfer section (issue #24): by its name, by its
    recipient category (policy §9), or not at all (only the country is named)."""

    NAME = "name"
    CATEGORY = "category"
    OMITTED = "omitted"
