"""What a copied or re-assessed draft asks the assessor to look at again, page by page (issue #23).

- The reasons a transfer was flagged for re-assessment, each on the page the change concerns: an adequacy
  status, instrument or expiry on the transfer-tool page, a condition on the pre-check page (where it is
  confirmed), a government-access law on the law-and-practice page, a change to the transfer itself after
  its approval on its first page.
- The copied answers still to confirm on a page, and confirming them (`derivation.confirm`).
- The fields a country-data change reset or marked, highlighted until the assessor answers them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from transfer_tool.assessment import derivation
from transfer_tool.assessment.completeness import ASSUMED
from transfer_tool.assessment.transfer_facts import FACT_OF_FIELD
from transfer_tool.countries.store import LAW_FLAG_KIND, FlagView
from transfer_tool.domain import AssessmentStatus
from transfer_tool.register.approved_changes import TRANSFER_FLAG_KIND
from ui.wizard.state import PAGE_LAW, PAGE_PARTIES, PAGE_PRECHECK, PAGE_TOOL, WizardState

TO_CONFIRM = "to_confirm."  # completeness gaps of copied answers: "to_confirm.<derivation key>"
RESET_BORDER = "border:2px solid #d9822b;border-radius:3px;background:#fff3e0;"


def flag_page(flag: FlagView) -> str:
    """The wizard page a country-data change, or a change to the transfer, concerns."""
    if flag.kind == TRANSFER_FLAG_KIND:
        return PAGE_PARTIES
    if flag.kind == LAW_FLAG_KIND:
        return PAGE_LAW
    if flag.kind in derivation.CONDITION_KINDS:
        return PAGE_PRECHECK
    return PAGE_TOOL  # a status, instrument or expiry: the regime's transfer tool rests on it


def flags_for(state: WizardState, page: str) -> list[FlagView]:
    """The open flags a version in progress answers, on `page`. An approved version answers none: its
    read-only banner offers the new version instead."""
    a = state.assessment
    if a is None or a.status is AssessmentStatus.APPROVED:
        return []
    return [f for f in state.flags if flag_page(f) == page]


def copied_keys(state: WizardState, page: str) -> tuple[str, ...]:
    """The derivation keys of the copied answers on `page` still to confirm."""
    return tuple(i.field[len(TO_CONFIRM) :] for i in state.issues_for(page) if i.field.startswith(TO_CONFIRM))


def confirm_page(state: WizardState, page: str) -> None:
    """The assessor checked the copied answers on `page`: they stop being missing items."""
    keys = copied_keys(state, page)
    if keys and state.record is not None:
        state.update_record(to_confirm=derivation.confirm(state.record, *keys).to_confirm)


# The fact a completeness gap "assumed.<fact>" names → the transfer's field, where their names differ.
_FIELD_OF_FACT = {fact: name for name, fact in FACT_OF_FIELD.items()}


def assumed_on(state: WizardState, page: str) -> tuple[str, ...]:
    """The transfer fields on `page` whose answers an import assumed and nobody has given yet."""
    facts = (i.field[len(ASSUMED) :] for i in state.issues_for(page) if i.field.startswith(ASSUMED))
    return tuple(_FIELD_OF_FACT.get(f, f) for f in facts)


def confirm_assumed(state: WizardState, page: str) -> None:
    """The assessor checked the assumed answers on `page` and they are right: they are given now."""
    names = set(assumed_on(state, page))
    if names:
        state.set_transfer_input(assumed=tuple(n for n in state.transfer_input.assumed if n not in names))


def tool_to_answer(state: WizardState, regime: str) -> bool:
    """A flag on `regime` reset its tool (until one is chosen) or marked it (until confirmed)."""
    record = state.record
    if record is None or not any(f.regime == regime for f in flags_for(state, PAGE_TOOL)):
        return False
    return record.tool_for(regime) is None or f"{derivation.TOOL_PREFIX}{regime}" in record.to_confirm


def condition_to_answer(state: WizardState, regime: str) -> bool:
    """A changed condition under `regime` reset its confirmation (until the assessor confirms it again)."""
    record = state.record
    if record is None or not any(f.regime == regime for f in flags_for(state, PAGE_PRECHECK)):
        return False
    return not any(c.regime == regime and c.text.strip() for c in record.confirmed_conditions)


def scope_to_answer(state: WizardState, regime: str, limit: str) -> bool:
    """A changed condition under `regime` reset the answers to its scope questions (until answered)."""
    record = state.record
    if record is None or not any(f.regime == regime for f in flags_for(state, PAGE_PRECHECK)):
        return False
    return not any(
        a.regime == regime and a.limit == limit and a.answer is not None for a in record.scope_answers
    )


def law_to_answer(state: WizardState, law_name: str) -> bool:
    """A flag names this law (the core writes "<destination> — <law>: <what changed>"), and the
    law-and-practice answers are not confirmed yet."""
    record = state.record
    if record is None or derivation.LAW_PRACTICE not in record.to_confirm:
        return False
    return any(f"— {law_name}: " in f.reason for f in flags_for(state, PAGE_LAW))


def mark_to_answer(widget: QWidget, on: bool, selector: str) -> None:
    """Highlight a field a country-data change reset (`selector` names the widget alone, so its children
    keep their look); the highlight goes once it is answered."""
    if bool(widget.property("toAnswer")) is on:
        return
    widget.setProperty("toAnswer", on)
    widget.setStyleSheet(f"{selector}{{{RESET_BORDER}}}" if on else "")
    widget.setAccessibleDescription(
        QCoreApplication.translate("Wizard", "The country data changed: answer this again") if on else ""
    )
