"""What the report is built from: the assessment version's own facts (`ReportMeta`) and everything the
service gathers for it (`ReportSources`), as plain values (no database)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from transfer_tool.assessment.context import Evaluation
from transfer_tool.assessment.evidence import EvidenceView
from transfer_tool.assessment.measures import MeasureCatalog
from transfer_tool.assessment.record import AssessmentRecord
from transfer_tool.assessment.review_comments import CommentView
from transfer_tool.assessment.tool_catalog import ToolCatalog
from transfer_tool.catalog import CatalogItem
from transfer_tool.countries.model import Destination, Regime
from transfer_tool.countries.names import CountryNames
from transfer_tool.domain import AssessmentStatus, CatalogKind
from transfer_tool.register.entities import EntityView
from transfer_tool.register.transfers import TransferView
from transfer_tool.report import data as rd


@dataclass(frozen=True)
class ReportMeta:
    """What the report shows about the assessment version itself (not in the engine's record)."""

    reference: str
    version: int
    status: AssessmentStatus
    title: str
    created_at: dt.datetime
    updated_at: dt.datetime
    organisation: str
    assessor: str
    user_names: Mapping[int, str] = field(default_factory=dict)  # for the review history
    sign_off: rd.SignOff = field(default_factory=rd.SignOff)
    dataset_version: str = ""
    importer_sign_off_wanted: bool = False  # organisation setting: the importer co-adopts the TIA
    reevaluation_months: int | None = None  # organisation setting: approval sets the date this far ahead


@dataclass(frozen=True)
class ReportSources:
    record: AssessmentRecord
    meta: ReportMeta
    transfer: TransferView
    exporter: EntityView
    importer: EntityView
    catalog: Mapping[CatalogKind, Mapping[str, CatalogItem]]
    destination: Destination  # the version the assessment relied on (the live one for drafts)
    regimes: Mapping[str, Regime]
    names: CountryNames
    evaluation: Evaluation
    tools: ToolCatalog
    measures: MeasureCatalog
    evidence_files: Sequence[EvidenceView] = ()
    review_comments: Sequence[CommentView] = ()  # the review round's, resolved or not
