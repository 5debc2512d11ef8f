"""The values the notice builder reads (one row of the approved register) and writes (one entry)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from transfer_tool.domain import NoticeName


@dataclass(frozen=True)
class Recipient:
    name: str
    notice_name: NoticeName = NoticeName.CATEGORY
    is_group_company: bool = False
    certifications: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegisterItem:
    """One transfer as the notice sees it: its approved version (or none yet: planned)."""

    reference: str
    approved: bool  # an approved assessment version governs the transfer
    regimes: tuple[str, ...]  # the regimes the (approved or draft) assessment covers
    exporter_country: str
    destination: str
    recipient: Recipient
    recipient_type: str = ""  # catalogue code (policy §9)
    purposes: tuple[str, ...] = ()  # catalogue codes (policy §7)
    data_categories: tuple[str, ...] = ()  # catalogue codes (policy §4)
    remote_access: tuple[str, ...] = ()
    onward: tuple[str, ...] = ()  # onward destinations' codes
    tools: Mapping[str, str] = field(default_factory=dict)  # regime -> tool code (approved version)
    version_no: int | None = None
    destination_version: int | None = None
    measures_in_place: tuple[str, ...] = ()  # measure codes
    measures_planned: tuple[tuple[str, dt.date | None], ...] = ()
    problematic_laws: tuple[str, ...] = ()  # names of problematic laws the assessment found to apply
    measures_needed: bool = False  # law-and-practice concluded that supplementary measures are needed
    approved_at: dt.date | None = None
    appi_check_due: dt.date | None = None


@dataclass(frozen=True)
class AppiItems:
    """PPC Rules Art. 17(2) items for one entry (English as stored; translated when written out)."""

    system: tuple[str, ...] = ()  # (ii) the country's system, indicators, affecting systems
    method: str = ""  # "international_framework" | "appropriate_method" | "" (equivalent measures only)
    certifications: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()  # (iii) measure codes in place
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoticeEntry:
    """One approved transfer under one regime, as written into the notice; stored to diff generations."""

    reference: str
    destination: str
    tool: str
    status: str  # AdequacyStatus value of the destination under the regime
    instrument: str = ""
    condition: str = ""
    recipient_mode: str = NoticeName.CATEGORY.value
    recipient_name: str = ""  # only when the entity may be named
    recipient_type: str = ""
    group_company: bool = False
    purposes: tuple[str, ...] = ()
    data_categories: tuple[str, ...] = ()
    remote_access: tuple[str, ...] = ()
    onward: tuple[str, ...] = ()
    appi: AppiItems | None = None
    unverified: tuple[str, ...] = ()  # what in this entry rests on unverified country data
    version_no: int | None = None
    destination_version: int | None = None

    def to_dict(self) -> dict[str, Any]:
        # Shallow copies (dataclasses.asdict deep-copies every value: a third of a large preview's time).
        out = dict(self.__dict__)
        out["appi"] = dict(self.appi.__dict__) if self.appi is not None else None
        return out

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> NoticeEntry:
        values = dict(raw)
        for name in ("purposes", "data_categories", "remote_access", "onward", "unverified"):
            values[name] = tuple(values.get(name) or ())
        appi = values.get("appi")
        if appi is not None:
            values["appi"] = AppiItems(
                system=tuple(appi.get("system") or ()),
                method=str(appi.get("method") or ""),
                certifications=tuple(appi.get("certifications") or ()),
                measures=tuple(appi.get("measures") or ()),
                missing=tuple(appi.get("missing") or ()),
            )
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in values.items() if k in known})


@dataclass(frozen=True)
class PlannedEntry:
    """A transfer not yet approved: listed apart, never with a route."""

    reference: str
    destination: str
    recipient_mode: str
    recipient_name: str
    recipient_type: str
    group_company: bool
    purposes: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoticeDiff:
    """What changed between the last published notice and a new generation (by transfer reference)."""

    destinations_added: tuple[str, ...] = ()
    destinations_removed: tuple[str, ...] = ()
    transfers_added: tuple[str, ...] = ()
    transfers_removed: tuple[str, ...] = ()
    routes_changed: tuple[str, ...] = ()
    countries_changed: tuple[str, ...] = ()  # same transfer, another destination country
    country_info_changed: tuple[str, ...] = ()  # same destination, its status or APPI information changed
    recipients_changed: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not any(getattr(self, f) for f in self.__dataclass_fields__)
