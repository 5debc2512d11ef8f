"""The wizard's in-memory draft: the transfer being edited, the assessment record, and what the core says
about them (evaluation, missing items, validation problems), recomputed on every change.

Pages read from `WizardState` and write back through `set_transfer_input` / `update_record`; the state
re-runs the pure engine at once (well under a millisecond) and emits `evaluated`. Storage is the
autosaver's job (`ui.wizard.autosave`, through the core's `page_save`, which also sets the stored draft's
facts from the stored transfer); this module never calls the database itself.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from transfer_tool.accounts.permissions import Action
from transfer_tool.assessment import service
from transfer_tool.assessment.completeness import ASSUMED, Gap, missing_items
from transfer_tool.assessment.context import AssessmentContext, Evaluation, evaluate
from transfer_tool.assessment.measures import MeasureCatalog
from transfer_tool.assessment.record import (
    AssessmentRecord,
)
from transfer_tool.assessment.tool_catalog import ToolCatalog
from transfer_tool.assessment.transfer_facts import fit_to_transfer
from transfer_tool.assessment.workflow import DEFAULT_REEVALUATION_MONTHS
from transfer_tool.catalog import CatalogItem
from transfer_tool.countries.model import Destination, Regime
from transfer_tool.countries.shipped import CountryDataset
from transfer_tool.countries.store import FlagView
from transfer_tool.domain import CatalogKind
from transfer_tool.errors import Problem
from transfer_tool.register.assumed_answers import still_assumed
from transfer_tool.register.entities import EntityView
from transfer_tool.register.transfers import TransferInput, TransferView, validate_transfer
from ui.services import Services

# Page keys: stored as the assessment's resume page, used by the completeness list to jump.
PAGE_PARTIES = "transfer.parties"
PAGE_DATA = "transfer.data"
PAGE_HANDLING = "transfer.handling"
PAGE_PRECHECK = "precheck"
PAGE_TOOL = "tool"
PAGE_LAW = "law_practice"
PAGE_MEASURES = "measures"
PAGE_RISK = "risk"
PAGE_CONCLUSION = "conclusion"
PAGE_SUMMARY = "summary"
PAGE_ORDER = (
    PAGE_PARTIES,
    PAGE_DATA,
    PAGE_HANDLING,
    PAGE_PRECHECK,
    PAGE_TOOL,
    PAGE_LAW,
    PAGE_MEASURES,
    PAGE_RISK,
    PAGE_CONCLUSION,
    PAGE_SUMMARY,
)
TRANSFER_PAGES = (PAGE_PARTIES, PAGE_DATA, PAGE_HANDLING)

# Where each validate_transfer problem (by its location) is shown.
_TRANSFER_FIELD_PAGE = {
    "title": PAGE_PARTIES,
    "exporter_id": PAGE_PARTIES,
    "importer_id": PAGE_PARTIES,
    "destination": PAGE_PARTIES,
    "recipient_type": PAGE_PARTIES,
    "data_categories": PAGE_DATA,
    "data_subjects": PAGE_DATA,
    "purposes": PAGE_DATA,
    "legal_bases": PAGE_DATA,
    "acquisition_routes": PAGE_DATA,
    "special_categories": PAGE_DATA,
    "sensitive_details": PAGE_DATA,
    "volume": PAGE_DATA,
}
# The facts an import may leave blank (completeness "assumed.<fact>") → the page that asks them.
_ASSUMED_PAGE = {"exporter_role": PAGE_PARTIES, "importer_role": PAGE_PARTIES, "sensitive_data": PAGE_DATA}
# Review comment sections (service.REVIEW_SECTIONS) → the page that shows them.
COMMENT_PAGE = {
    "parties": PAGE_PARTIES,
    "personal_data": PAGE_DATA,
    "handling": PAGE_HANDLING,
    "facts": PAGE_PARTIES,
    "regimes": PAGE_PRECHECK,
    "tools": PAGE_TOOL,
    "law_practice": PAGE_LAW,
    "measures": PAGE_MEASURES,
    "action_plan": PAGE_MEASURES,
    "risk": PAGE_RISK,
    "conclusion": PAGE_CONCLUSION,
    "evidence": PAGE_CONCLUSION,
    "general": PAGE_SUMMARY,
}


def comment_page(section: str) -> str:
    """The page a reviewer's comment on `section` is shown on (and linked to from the summary)."""
    return COMMENT_PAGE.get(section, PAGE_SUMMARY)


def page_titles() -> dict[str, str]:
    return {
        PAGE_PARTIES: QCoreApplication.translate("Wizard", "1 Parties and destination"),
        PAGE_DATA: QCoreApplication.translate("Wizard", "1 Personal data"),
        PAGE_HANDLING: QCoreApplication.translate("Wizard", "1 Handling, onward transfers"),
        PAGE_PRECHECK: QCoreApplication.translate("Wizard", "1 Pre-check"),
        PAGE_TOOL: QCoreApplication.translate("Wizard", "2 Transfer tool"),
        PAGE_LAW: QCoreApplication.translate("Wizard", "3 Law and practice"),
        PAGE_MEASURES: QCoreApplication.translate("Wizard", "4–5 Measures, action plan"),
        PAGE_RISK: QCoreApplication.translate("Wizard", "6 Quantified risk"),
        PAGE_CONCLUSION: QCoreApplication.translate("Wizard", "7 Conclusion"),
        PAGE_SUMMARY: QCoreApplication.translate("Wizard", "Summary and submission"),
    }


@dataclass(frozen=True)
class Issue:
    """One thing the core found, placed on a page and a field.

    `blocking` issues are values entered that break a rule (Next stays disabled until fixed); the others
    are answers still missing, listed in the summary and shown beside their field as a reminder.
    """

    page: str
    field: str
    message: str
    blocking: bool
    step: int = 0


@dataclass(frozen=True)
class Loaded:
    """What the wizard needs from the database when it opens (one worker call)."""

    dataset: CountryDataset
    catalogs: dict[CatalogKind, list[CatalogItem]]
    catalog_labels: dict[CatalogKind, dict[str, CatalogItem]]
    entities: list[EntityView]
    transfer: TransferView | None = None
    assessment: service.AssessmentView | None = None
    comments: list[service.CommentView] = field(default_factory=list)
    evidence: list[service.EvidenceView] = field(default_factory=list)
    record: AssessmentRecord | None = None  # a transfer without an assessment: the record to start from
    flags: list[FlagView] = field(default_factory=list)  # why the transfer awaits re-assessment (open flags)
    # The organisation's setting: approval sets the re-evaluation date this many months on when none is given.
    reevaluation_months: int = DEFAULT_REEVALUATION_MONTHS


def page_of_gap(gap: Gap) -> str:
    f = gap.field
    if f in ("to_confirm.regimes.added", "to_confirm.confirmed_conditions"):
        return PAGE_PRECHECK  # a copied answer is confirmed where it is given: both are pre-check fields
    if f.startswith(ASSUMED):  # a fact a register import left blank: where it is answered
        return _ASSUMED_PAGE.get(f[len(ASSUMED) :], PAGE_HANDLING)
    if gap.step == 1:
        if f.startswith("regimes"):
            return PAGE_PRECHECK
        if f in ("facts.data_categories", "facts.data_subjects_count"):
            return PAGE_DATA
        if f == "facts.key_holder":
            return PAGE_HANDLING
        return PAGE_PARTIES
    return {
        2: PAGE_TOOL,
        3: PAGE_LAW,
        4: PAGE_MEASURES,
        5: PAGE_MEASURES,
        6: PAGE_RISK,
    }.get(gap.step, PAGE_CONCLUSION)


def _factor_probability(record: AssessmentRecord, law_key: str, factor_key: str) -> float | None:
    for law in record.risk.laws:
        if law.law_key == law_key:
            for f in law.factors:
                if f.key == factor_key:
                    return f.probability
    return None


def gap_blocks(gap: Gap, record: AssessmentRecord) -> bool:
    """Whether a gap is about something entered (a rule broken) rather than an answer still missing."""
    f = gap.field
    parts = f.split(".")
    if f.startswith("regimes.added[") or f.startswith("evidence[") or f.startswith("measures["):
        return True
    if f.startswith("tools."):
        # "no tool chosen" is missing; a warning about the chosen tool or a missing justification blocks.
        return f.endswith(".justification") or record.tool_for(parts[1]) is not None
    if f.startswith("law_practice."):
        if f == "law_practice.conclusion":
            return record.law_practice.conclusion is not None
        # A reasoning, the conclusion's reasoning or the practical evidence the conclusion requires.
        return not f.endswith(".applies")
    if f.startswith("risk.") and len(parts) == 4:
        probability = _factor_probability(record, parts[1], parts[2])
        return probability is not None  # out of range, or given without its justification
    return f in ("risk.period_years", "conclusion.reason")


def transfer_problem_page(problem: Problem) -> str:
    return _TRANSFER_FIELD_PAGE.get(problem.location, PAGE_HANDLING)


def blank_input() -> TransferInput:
    return TransferInput(exporter_id=0, importer_id=0, destination="")


class WizardState(QObject):
    """The draft being edited, with the core's verdict on it."""

    loaded = Signal()  # everything (re)loaded: pages refill their widgets
    evaluated = Signal()  # record or transfer input changed: pages refresh derived parts and messages
    status_changed = Signal()  # the stored assessment changed (status, version, editability)
    comments_changed = Signal()
    evidence_changed = Signal()
    entities_changed = Signal()
    edited = Signal()  # a user change to store (the autosaver listens)

    def __init__(self, services: Services, tools: ToolCatalog, measures: MeasureCatalog) -> None:
        super().__init__()
        self.services = services
        self.tools = tools
        self.measures = measures
        self.ready = False
        self.dataset: CountryDataset | None = None
        self.catalogs: dict[CatalogKind, list[CatalogItem]] = {}
        self.catalog_labels: dict[CatalogKind, dict[str, CatalogItem]] = {}
        self.entities: dict[int, EntityView] = {}
        self.transfer: TransferView | None = None
        self.transfer_input: TransferInput = blank_input()
        self.assessment: service.AssessmentView | None = None
        self.record: AssessmentRecord | None = None
        self.page = PAGE_PARTIES
        self.comments: list[service.CommentView] = []
        self.evidence: list[service.EvidenceView] = []
        self.flags: list[FlagView] = []
        self.reevaluation_months = DEFAULT_REEVALUATION_MONTHS
        self.evaluation: Evaluation | None = None
        self.gaps: tuple[Gap, ...] = ()
        self.transfer_problems: list[Problem] = validate_transfer(self.transfer_input)
        self.issues: tuple[Issue, ...] = ()
        self.context_error = ""

    # ---- loading ---------------------------------------------------------------------------------------

    def load(self, data: Loaded) -> None:
        self.dataset = data.dataset
        self.catalogs = data.catalogs
        self.catalog_labels = data.catalog_labels
        self.entities = {e.id: e for e in data.entities}
        self.transfer = data.transfer
        self.transfer_input = data.transfer.as_input() if data.transfer else blank_input()
        self.assessment = data.assessment
        self.record = data.assessment.record if data.assessment else data.record
        if data.assessment and data.assessment.page in PAGE_ORDER:
            self.page = data.assessment.page
        self.comments = list(data.comments)
        self.evidence = list(data.evidence)
        self.flags = list(data.flags)
        self.reevaluation_months = data.reevaluation_months
        self.ready = True
        self._evaluate()
        self.loaded.emit()
        self.status_changed.emit()
        self.comments_changed.emit()
        self.evidence_changed.emit()

    def replace_record(self, record: AssessmentRecord) -> None:
        """A whole record from elsewhere ("keep theirs"): pages reload."""
        self.record = record
        self._evaluate()
        self.loaded.emit()

    def replace_transfer_input(self, data: TransferInput) -> None:
        self.transfer_input = data
        self._refit()
        self._evaluate()
        self.loaded.emit()

    # ---- derived ---------------------------------------------------------------------------------------

    @property
    def language(self) -> str:
        return self.services.language

    @property
    def today(self) -> dt.date:
        return self.services.today()

    @property
    def editable(self) -> bool:
        if not self.services.may(Action.ASSESS):
            return False
        return self.assessment is None or self.assessment.editable

    @property
    def transfer_valid(self) -> bool:
        return not self.transfer_problems

    def destination(self) -> Destination | None:
        code = self.transfer_input.destination
        return self.dataset.destinations.get(code) if self.dataset and code else None

    def regimes(self) -> dict[str, Regime]:
        return dict(self.dataset.regimes) if self.dataset else {}

    def country_name(self, code: str) -> str:
        return self.services.country_name(code)

    def catalog_label(self, kind: CatalogKind, code: str) -> str:
        item = self.catalog_labels.get(kind, {}).get(code)
        return item.label(self.language) if item else code

    def context(self) -> AssessmentContext | None:
        if self.dataset is None:
            return None
        code = self.record.facts.destination if self.record is not None else self.transfer_input.destination
        dest = self.dataset.destinations.get(code)
        if dest is None:
            return None
        return AssessmentContext(
            dest, tuple(self.dataset.regimes.values()), self.tools, self.measures, self.dataset.destinations
        )

    def issues_for(self, page: str) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.page == page)

    def blocking(self, page: str) -> bool:
        return any(i.blocking for i in self.issues if i.page == page)

    # ---- editing -----------------------------------------------------------------------------------------

    def set_transfer_input(self, **changes: Any) -> None:
        if not self.editable:
            return
        new = dataclasses.replace(self.transfer_input, **changes)
        if new.assumed:  # an answer the import assumed and the assessor now changed is given
            new = dataclasses.replace(new, assumed=still_assumed(self.transfer_input, new))
        if new == self.transfer_input:
            return
        self.transfer_input = new
        self._refit()
        self._changed()

    def update_record(self, **changes: Any) -> None:
        if self.record is None or not self.editable:
            return
        new = dataclasses.replace(self.record, **changes)
        if new == self.record:
            return
        self.record = new
        self._changed()

    def update_facts(self, **changes: Any) -> None:
        if self.record is not None:
            self.update_record(facts=dataclasses.replace(self.record.facts, **changes))

    def set_page(self, key: str) -> None:
        # Moving between pages is no change: the page to resume on is stored with the next real change.
        # Saving it alone would write an audit event per page read and a new row version that makes a
        # colleague's next save of the same draft conflict.
        self.page = key

    def add_entity(self, entity: EntityView) -> None:
        self.entities[entity.id] = entity
        self.entities_changed.emit()

    def entity_updated(self, entity: EntityView) -> None:
        """An entity corrected: its country and certifications feed the facts the rules read."""
        self.entities[entity.id] = entity
        self.entities_changed.emit()
        if self.editable:
            self._refit()
            self._changed()

    def entity_removed(self, entity_id: int) -> None:
        """An entity removed from the register (the core refused if a stored transfer named it): a choice
        of it on screen, not yet stored, goes back to none."""
        self.entities.pop(entity_id, None)
        self.entities_changed.emit()
        data = self.transfer_input
        changes = {name: 0 for name in ("exporter_id", "importer_id") if getattr(data, name) == entity_id}
        if changes:
            self.set_transfer_input(**changes)
            self.loaded.emit()

    def set_stored(self, transfer: TransferView | None, assessment: service.AssessmentView | None) -> None:
        """After a save: what the database now holds (a first save also brings the record)."""
        status_before = (self.assessment.status, self.assessment.id) if self.assessment else None
        first = self.record is None and assessment is not None
        if transfer is not None:
            self.transfer = transfer
        if assessment is not None:
            self.assessment = assessment
            if first:
                self.record = assessment.record
                self._evaluate()
                self.loaded.emit()
            elif not assessment.editable:
                self.record = assessment.record
        status_after = (self.assessment.status, self.assessment.id) if self.assessment else None
        if status_after != status_before:
            self.status_changed.emit()

    def set_comments(self, comments: list[service.CommentView]) -> None:
        self.comments = comments
        self.comments_changed.emit()

    def set_evidence(self, evidence: list[service.EvidenceView]) -> None:
        self.evidence = evidence
        self.evidence_changed.emit()

    def _refit(self) -> None:
        """Preview the record following the transfer input on screen, by the rule the core's save applies
        to the stored transfer (`page_save`): the stored facts come from there, never from this."""
        self.transfer_problems = validate_transfer(self.transfer_input)
        dataset = self.dataset
        if self.record is None or dataset is None:
            return
        onward = self.transfer.onward if self.transfer else ()
        self.record = fit_to_transfer(
            self.record, self.transfer_input, self.entities, onward, lambda: dataset
        )

    def refresh_onward(self, transfer: TransferView) -> None:
        """Onward transfers changed in the database: the facts list them."""
        self.transfer = transfer
        self._refit()
        self._changed()

    def _changed(self) -> None:
        self._evaluate()
        self.edited.emit()

    def _evaluate(self) -> None:
        self.transfer_problems = validate_transfer(self.transfer_input)
        issues = [
            Issue(transfer_problem_page(p), p.location, p.message, True, 1) for p in self.transfer_problems
        ]
        self.evaluation, self.gaps, self.context_error = None, (), ""
        ctx = self.context()
        if self.record is not None:
            if ctx is None:
                self.context_error = self.tr(
                    "The destination %1 has no country data; ask an administrator to add it."
                ).replace("%1", self.record.facts.destination or "?")
            else:
                today = self.today  # one day for both (read twice, midnight fell between)
                self.evaluation = evaluate(self.record, ctx, today)
                self.gaps = missing_items(self.record, ctx, today)
                record = self.record
                issues += [
                    Issue(page_of_gap(g), g.field, g.message, gap_blocks(g, record), g.step)
                    for g in self.gaps
                    if not (
                        g.step == 1
                        and g.field.startswith("facts.")
                        and g.field != "facts.data_subjects_count"
                    )
                ]
        self.issues = tuple(issues)
        self.evaluated.emit()
