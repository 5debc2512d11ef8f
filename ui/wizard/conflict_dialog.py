"""When autosave finds that someone else saved first: show both versions side by side (the reusable
`ui.widgets.conflict_view`) and let the user keep mine, keep theirs, or choose field by field.

Works for the transfer (its input fields) and for the assessment record (its top-level parts: the steps).
Opened with `open()` (never `exec()`), answered through `chosen(KEEP_MINE | KEEP_THEIRS)`: "Use my
choices" first puts the merge into the wizard's state, then answers KEEP_MINE, so the wizard's usual
keep-mine path stores it over their row version (audited like any save).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from PySide6.QtWidgets import QWidget

from transfer_tool.assessment import service
from transfer_tool.assessment.record import SERVICE_KEPT, AssessmentRecord, from_dict, to_dict
from transfer_tool.errors import ConflictError
from transfer_tool.register.conflicts import KEEP_MINE, KEEP_THEIRS, USE_CHOICES, merge_fields
from transfer_tool.register.transfers import TransferInput, TransferView
from ui.widgets.conflict_view import ConflictChooser, FieldDiff
from ui.wizard.state import WizardState

__all__ = ["KEEP_MINE", "KEEP_THEIRS", "USE_CHOICES", "ConflictDialog", "differences"]


def _fields(value: object) -> dict[str, Any]:
    if isinstance(value, AssessmentRecord):
        return dict(to_dict(value)["record"])
    if isinstance(value, service.AssessmentView):
        return dict(to_dict(value.record)["record"])
    if isinstance(value, TransferView):
        value = value.as_input()
    if isinstance(value, TransferInput):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(TransferInput)}
    return {}


def differences(mine: object, theirs: object) -> list[tuple[str, str, str]]:
    """(field, my value, their value) for every top-level field that differs, as readable JSON; not the
    record's bookkeeping, which the service keeps as stored (a draft someone else started names them as
    its assessor: that is no answer to choose, and a user id is nothing a person reads)."""
    a, b = _fields(mine), _fields(theirs)
    return [
        (key, _show(a.get(key)), _show(b.get(key)))
        for key in sorted(set(a) | set(b))
        if a.get(key) != b.get(key) and key not in SERVICE_KEPT
    ]


def _show(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, default=str)


def _when(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone()
    return value.strftime("%Y-%m-%d %H:%M:%S")


class ConflictDialog(ConflictChooser):
    """Both versions of what differs, with a choice per field; `chosen(KEEP_MINE | KEEP_THEIRS)`.

    `state` is the wizard's state (taken from the parent wizard when not given): "mine" is what the
    wizard holds now, which is what keep-mine stores, and "use my choices" writes the merge into it."""

    def __init__(
        self, exc: ConflictError, parent: QWidget | None = None, state: WizardState | None = None
    ) -> None:
        if state is None:
            found = getattr(parent, "state", None)
            state = found if isinstance(found, WizardState) else None
        self.exc = exc
        self.state = state
        theirs = exc.theirs
        mine = self._mine_now(exc, state)
        self.mine_value = mine
        self.rows = differences(mine, theirs)
        super().__init__("", [], parent)  # the intro and the rows need self.tr, so they follow
        labels = self._labels()
        diffs = [FieldDiff(key, labels.get(key, key), m, t) for key, m, t in self.rows]
        self.set_diffs(diffs)
        self.intro.setText(self._intro(exc))

    # ---- building ------------------------------------------------------------------------------------

    @staticmethod
    def _mine_now(exc: ConflictError, state: WizardState | None) -> object:
        theirs = exc.theirs
        if state is not None:
            if isinstance(theirs, service.AssessmentView):
                if state.record is not None:
                    return state.record
            elif isinstance(theirs, TransferView):
                return state.transfer_input
        return exc.mine

    def _intro(self, exc: ConflictError) -> str:
        theirs = exc.theirs
        when = ""
        if isinstance(theirs, (service.AssessmentView, TransferView)):
            when = _when(theirs.updated_at)
        first = (
            self.tr(
                "The other person's version was saved first, at %1. It is kept unless you choose otherwise."
            ).replace("%1", when)
            if when
            else self.tr(
                "The other person's version was saved first. It is kept unless you choose otherwise."
            )
        )
        return "\n\n".join(
            [
                exc.message,
                first,
                self.tr(
                    "Below is every part that differs: your version (not saved) beside theirs (saved). "
                    "Nothing is lost until you choose."
                ),
            ]
        )

    def _labels(self) -> dict[str, str]:
        if isinstance(self.exc.theirs, TransferView):
            return {
                "exporter_id": self.tr("Exporter"),
                "importer_id": self.tr("Importer"),
                "destination": self.tr("Destination"),
                "exporter_role": self.tr("Exporter's role"),
                "importer_role": self.tr("Importer's role"),
                "title": self.tr("Title"),
                "recipient_type": self.tr("Type of recipient"),
                "data_categories": self.tr("Data categories"),
                "special_categories": self.tr("Special categories"),
                "sensitive_details": self.tr("Sensitive data details"),
                "data_subjects": self.tr("Data subjects"),
                "purposes": self.tr("Purposes"),
                "legal_bases": self.tr("Legal bases"),
                "acquisition_routes": self.tr("How the data was obtained"),
                "frequency": self.tr("Frequency"),
                "volume": self.tr("Volume"),
                "format_in_transit": self.tr("Format in transit"),
                "format_at_rest": self.tr("Format at rest"),
                "key_holder": self.tr("Who holds the keys"),
                "storage_countries": self.tr("Storage countries"),
                "remote_access_countries": self.tr("Remote access from"),
                "retention": self.tr("Retention"),
                "retention_code": self.tr("Retention code"),
                "nature_of_processing": self.tr("Nature of the processing"),
                "notes": self.tr("Notes"),
            }
        return {
            "facts": self.tr("Transfer facts (step 1)"),
            "regimes": self.tr("Regimes that apply (pre-check)"),
            "confirmed_conditions": self.tr("Confirmed conditions (pre-check)"),
            "scope_answers": self.tr("Scope questions (pre-check)"),
            "appi_consent": self.tr("Information for the person's consent (APPI)"),
            "use_case_choice": self.tr("Use case (step 4)"),
            "acceptance": self.tr("What a DPO needs to accept it (conclusion)"),
            "to_confirm": self.tr("Copied answers still to confirm"),
            "tools": self.tr("Transfer tool (step 2)"),
            "law_practice": self.tr("Law and practice (step 3)"),
            "measures": self.tr("Supplementary measures (step 4)"),
            "procedural_notes": self.tr("Procedural steps (step 5)"),
            "risk": self.tr("Risk inputs"),
            "conclusion": self.tr("Conclusion"),
            "reevaluation_date": self.tr("Re-evaluation date (step 6)"),
            "appi_check_due": self.tr("APPI yearly check due"),
            "evidence": self.tr("Evidence"),
        }

    # ---- the merge ------------------------------------------------------------------------------------

    def merged(self) -> TransferInput | AssessmentRecord | None:
        """My version with each field chosen as theirs taken from theirs."""
        mine, theirs, choices = self.mine_value, self.exc.theirs, self.choices()
        if isinstance(theirs, TransferView) and isinstance(mine, TransferInput):
            picked = merge_fields(_fields(mine), _fields(theirs), choices)
            return TransferInput(**picked)
        if isinstance(theirs, service.AssessmentView) and isinstance(mine, AssessmentRecord):
            document = to_dict(mine)
            document["record"] = merge_fields(document["record"], _fields(theirs), choices)
            return from_dict(document)
        return None

    def _choose(self, which: str) -> None:
        if which != USE_CHOICES:
            super()._choose(which)
            return
        if self.outcome:
            return
        merged = self.merged()
        if self.state is not None and isinstance(merged, AssessmentRecord):
            self.state.replace_record(merged)
        elif self.state is not None and isinstance(merged, TransferInput):
            self.state.replace_transfer_input(merged)
        # The wizard stores what its state holds over their row version: the same path as keep mine.
        self.outcome = USE_CHOICES
        self.chosen.emit(KEEP_MINE)
        self.accept()
