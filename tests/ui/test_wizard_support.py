"""Fixtures and helpers shared by the wizard tests (imported by tests/ui/test_wizard_*.py; no tests here).

The wizard runs on the real test database through the services, with the synchronous worker of
tests/ui/conftest.py (so autosave saves when its timer fires, not at some later moment).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget, QWizard
from pytestqt.qtbot import QtBot

from tests import factories
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.assessment.record import StepConclusion
from transfer_tool.domain import Conclusion
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database
from ui.services import Services
from ui.wizard import AssessmentWizard
from ui.wizard.conclusion import ConclusionPage
from ui.wizard.law_practice import LawPracticePage
from ui.wizard.measures import MeasuresPage
from ui.wizard.risk import RiskPage
from ui.wizard.state import PAGE_CONCLUSION, PAGE_LAW, PAGE_MEASURES, PAGE_RISK, PAGE_TOOL
from ui.wizard.tool import ToolPage

MakeWizard = Callable[..., AssessmentWizard]
FISA = (0.5, 0.1, 0.2, 0.5, 0.5)  # 0.0025 a year


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard, any script (qtbot.keyClicks aborts the process on non-ASCII text)."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def click_next(qtbot: QtBot, wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), "Next is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def next_enabled(wizard: QWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def choose(combo: object, data: object) -> None:
    """Pick the entry whose data is `data`, as choosing it from the list would."""
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered in {[combo.itemData(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


@pytest.fixture
def make_wizard(qtbot: QtBot, make_services: Callable[..., Services]) -> MakeWizard:
    def make(
        actor: Actor, transfer_id: int | None, language: str = "en", services: Services | None = None
    ) -> AssessmentWizard:
        wizard = AssessmentWizard(services or make_services(actor, language), transfer_id)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # the test inspects it after closing
        qtbot.addWidget(wizard)
        wizard.resize(1280, 800)
        wizard.show()
        qtbot.waitExposed(wizard)
        return wizard

    return make


@pytest.fixture
def us_transfer(db: Database, legal: Actor) -> transfers.TransferView:
    """A French controller sends customer data to a US cloud processor that is not DPF-certified."""
    exp = factories.entity(db, legal, "Maison Client SAS", "FR", is_group_company=True)
    imp = factories.entity(db, legal, "Cloud Desk Inc.", "US", certifications=("APEC CBPR",))
    data = factories.transfer_input(
        exp.id, imp.id, "US", storage_countries=("US",), volume=12_000, title="Support desk"
    )
    return transfers.create_transfer(db, legal, data)


def answer_everything(
    qtbot: QtBot,
    wizard: AssessmentWizard,
    *,
    conclusion: Conclusion | None,
    regime: str = "EU",
    tool_code: str = "eu_scc_m2",
    acceptance: bool = True,
) -> None:
    """Steps 2-7 answered through the pages, as an assessor would for the FR → US processor transfer
    (`acceptance`: with the DPO's and the pre-TIA questions of the conclusion page)."""
    wizard.go_to(PAGE_TOOL)
    tool = wizard.page_for(PAGE_TOOL)
    assert isinstance(tool, ToolPage)
    section = tool.section(regime)
    choose(section.combo, tool_code)
    type_text(
        section.justification,
        "Controller to processor; the importer is not DPF-certified. 管理者から処理者へ",
    )
    click_next(qtbot, wizard)
    law = wizard.page_for(PAGE_LAW)
    assert isinstance(law, LawPracticePage) and wizard.current_key() == PAGE_LAW
    for key, row in law.rows.items():
        if not row.law.problematic:
            continue
        choose(row.applies, key == "fisa702")
        row.reasoning.setPlainText(
            "Cloud Desk is a remote computing service provider"
            if key == "fisa702"
            else "Not reached: support tickets only"
        )
    law.conclusion_buttons[StepConclusion.MEASURES_NEEDED].click()
    law.conclusion_reasoning.setPlainText("FISA 702 reaches the importer as a cloud provider.")
    # The quantified-risk route needs documented sources on the practice (EDPB Recs 01/2020 paras 43.3, 46-47).
    law.experience.setPlainText("No request received in five years.")
    law.sources.setPlainText("Importer's transparency report 2021-2026")
    click_next(qtbot, wizard)
    measures = wizard.page_for(PAGE_MEASURES)
    assert isinstance(measures, MeasuresPage)
    measures.add_measure("contract_transparency")
    measures.add_measure("org_request_records")
    choose(measures.plan_rows["contract_transparency"].status, "in_place")
    plan = measures.plan_rows["org_request_records"]
    qtbot.keyClicks(plan.owner, "Ops team")
    plan.due.set_value(dt.date(2027, 1, 25))
    click_next(qtbot, wizard)
    risk = wizard.page_for(PAGE_RISK)
    assert isinstance(risk, RiskPage)
    risk.enabled.setChecked(True)
    risk.threshold.set_probability(0.05)
    view = risk.law_views["fisa702"]
    for (key, spin), p in zip(view.spins.items(), FISA, strict=True):
        spin.set_probability(p)
        view.justifications[key].setText(f"justified: {key.replace('_', ' ')}")  # words, as a user types
    click_next(qtbot, wizard)
    page = wizard.page_for(PAGE_CONCLUSION)
    assert isinstance(page, ConclusionPage)
    if acceptance:
        _answer_acceptance(page, regime)
    if conclusion is not None:
        page.buttons[conclusion].click()


def submitted_through_the_wizard(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    legal: Actor,
    transfer_id: int,
    today: dt.date,
    language: str = "en",
) -> service.AssessmentView:
    """A draft answered on every page in the wizard (proceed with measures), closed and submitted."""
    wizard = make_wizard(legal, transfer_id, language)
    answer_everything(qtbot, wizard, conclusion=Conclusion.PROCEED_WITH_MEASURES)
    wizard.close()
    a = service.latest_for_transfer(db, transfer_id)
    assert a is not None
    return service.submit(db, legal, a.id, today)


def _answer_acceptance(page: ConclusionPage, regime: str) -> None:
    """What the DPO needs and the pre-TIA gates: the conclusion rests on them (issue 18)."""
    fields = page.acceptance
    fields.anonymisation.setPlainText("Support needs the customer's identity; only ticket fields are sent.")
    fields.performed_by.setPlainText("Legal with the DPO; the importer answered the questionnaire.")
    fields.framework.setPlainText("No general federal law; the FTC enforces sector rules.")
    fields.redress.setPlainText("Courts and the FTC; the DPF Redress Mechanism.")
    fields.enforceable.setCurrentIndex(fields.enforceable.findData(True))
    fields.enforceability.setPlainText("The SCCs are enforceable in US courts.")
    if regime == "UK":
        fields.uk_test.setCurrentIndex(fields.uk_test.findData(True))
        fields.uk_reasoning.setPlainText("The IDTA and the measures keep the protection.")


def stored(db: Database, wizard: AssessmentWizard) -> service.AssessmentView:
    assert wizard.state.assessment is not None
    return service.get_assessment(db, wizard.state.assessment.id)


def replace_record(db: Database, actor: Actor, assessment_id: int, **changes: Any) -> service.AssessmentView:
    """Someone else saving the same assessment (for conflict tests)."""
    a = service.get_assessment(db, assessment_id)
    return service.save_draft(db, actor, a.id, dataclasses.replace(a.record, **changes), a.row_version)
