"""Plain values for country data, shared by the country room, the assessment engine and the report.

These are the contract between rooms: the country service returns them, the engine and the report read
them. They carry no database state.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from transfer_tool.domain import AdequacyStatus


@dataclass(frozen=True)
class ScopeLimit:
    """A limit of an adequacy decision's scope, as the one yes/no question that decides it for an importer.

    E.g. Japan under the EU GDPR: only personal information handling business operators under the APPI
    ((EU) 2019/419 Art. 1); the US under the EU GDPR: a DPF certification must cover HR data to receive HR
    data. "No" refuses the adequacy route; no answer leaves it open (a full assessment is needed).
    """

    code: str  # stable within the entry, e.g. "appi_pihbo", "dpf_hr_scope"
    question_en: str
    question_ja: str
    source: str  # the official text the limit comes from
    only_for_categories: tuple[str, ...] = ()  # asked only when the data includes one of these categories


@dataclass(frozen=True)
class RegimeEntry:
    """A destination's status under one regime (e.g. the US under the EU GDPR: partial, DPF only)."""

    regime: str  # a RegimeCode value or an admin-added regime code
    status: AdequacyStatus
    condition: str = ""  # for PARTIAL: who is covered ("DPF-certified organisations only")
    instrument: str = ""  # decision / regulation reference, e.g. "(EU) 2023/1795"
    adopted: dt.date | None = None  # the date the decision or regulation was adopted (made)
    expires: dt.date | None = None  # expiry or scheduled review date
    source_url: str = ""
    notes: str = ""
    verified: bool = True  # False where the legal reference marks it [verify]/[unverified]
    last_verified: dt.date | None = None
    scope_limits: tuple[ScopeLimit, ...] = ()  # for PARTIAL: the questions that decide the condition
    in_force: dt.date | None = None  # where it differs from `adopted`

    @property
    def checked(self) -> bool:
        """Someone checked the entry against its source: marked verified *and* dated. A default entry (no
        decision recorded) or an entry without a date never counts as verified."""
        return self.verified and self.last_verified is not None


@dataclass(frozen=True)
class AccessLaw:
    """A law letting public authorities access data, judged against the four European Essential Guarantees."""

    key: str  # stable id within the destination, e.g. "fisa702"
    name: str  # "FISA Section 702"
    problematic: bool
    reason: str  # why (which guarantees A-D fail or hold)
    sources: tuple[str, ...] = ()
    scope: str = ""  # who/what it reaches (e.g. "electronic communication service providers")


@dataclass(frozen=True)
class AppiInfo:
    """The APPI Art. 28(2) / PPC Rule 17 information items for a destination (consent route)."""

    has_protection_system: bool | None = None
    system_summary: str = ""
    oecd_principles_covered: tuple[str, ...] = ()  # keys of the 8 OECD principles covered
    oecd_gaps: str = ""
    cbpr: str = ""  # "APEC CBPR", "Global CBPR member", "Global CBPR associate", or ""
    localisation_duties: str = ""
    government_cooperation_duties: str = ""
    sources: tuple[str, ...] = ()
    verified: bool = True


@dataclass(frozen=True)
class Destination:
    """One destination (an ISO 3166-1 country, or e.g. Kosovo or the European Patent Organisation)."""

    code: str  # ISO alpha-2, or a documented non-ISO code ("XK", "EPO")
    name_en: str
    name_ja: str
    kind: str = "country"  # "country" | "territory" | "international_organisation"
    regimes: dict[str, RegimeEntry] = field(default_factory=dict)
    access_laws: tuple[AccessLaw, ...] = ()
    appi: AppiInfo | None = None
    version: int = 1  # this destination's data version (increases on every admin change)

    def status_under(self, regime: str) -> RegimeEntry | None:
        return self.regimes.get(regime)


@dataclass(frozen=True)
class Regime:
    """A data-protection regime and which exporters it governs."""

    code: str
    name_en: str
    name_ja: str
    home_area: frozenset[str]  # destination codes inside the regime's own area (EEA for EU)
    exporter_countries: frozenset[str]  # exporter countries the regime governs
    source_url: str = ""
