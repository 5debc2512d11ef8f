"""Step 2 asks whether the exporter acts as a public authority in the exercise of its public powers (GDPR and
UK GDPR Art. 49(3)), and the answer changes the derogations offered and what the chosen one may do."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests import factories
from tests.ui import languages
from tests.ui import test_wizard_support as support
from tests.ui.test_wizard_support import MakeWizard, choose, next_enabled, type_text
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.domain import Frequency
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database
from ui.wizard import AssessmentWizard
from ui.wizard.state import PAGE_TOOL
from ui.wizard.tool import ToolPage

make_wizard = support.make_wizard
japanese = languages.japanese

CLOSED = ("eu_derog_explicit_consent", "eu_derog_contract", "eu_derog_contract_third_party")
OPEN = ("eu_derog_public_interest", "eu_derog_legal_claims", "eu_derog_vital_interests")


def _one_off(db: Database, legal: Actor) -> transfers.TransferView:
    """A French tax authority sends a few taxpayers' records once to a US authority."""
    exp = factories.entity(db, legal, "Direction des impôts", "FR")
    imp = factories.entity(db, legal, "US tax office", "US")
    data = factories.transfer_input(
        exp.id, imp.id, "US", frequency=Frequency.ONE_OFF, volume=12, title="Tax records on request"
    )
    return transfers.create_transfer(db, legal, data)


def _grab(wizard: AssessmentWizard, name: str) -> None:
    """With WIZARD_SCREENSHOTS=<folder>, the step as a person sees it, for people to look at."""
    folder = os.environ.get("WIZARD_SCREENSHOTS")
    if folder:
        wizard.resize(1280, 800)
        # Nested layouts (a scroll area's body, the sections in it) settle over several rounds of posted
        # layout requests: after one, a wrapped label was still squeezed to its old height in the picture.
        sizes = None
        for _ in range(20):
            QApplication.processEvents()
            now = [w.size() for w in wizard.findChildren(QWidget)]
            if now == sizes:
                break
            sizes = now
        Path(folder).mkdir(parents=True, exist_ok=True)
        assert wizard.grab().toImage().save(str(Path(folder) / name))


def _offered(page: ToolPage) -> list[str]:
    combo = page.section("EU").combo
    return [str(combo.itemData(i)) for i in range(combo.count())]


def test_the_question_is_asked_and_changes_what_is_offered(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor
) -> None:
    t = _one_off(db, legal)
    wizard = make_wizard(legal, t.id)
    wizard.go_to(PAGE_TOOL)
    page = wizard.page_for(PAGE_TOOL)
    assert isinstance(page, ToolPage)
    question = page.public_powers
    assert question.isVisible() and question.combo.currentData() == ""
    assert "Art. 49(3)" in question.help.text() and "consent" in question.help.text()
    assert set(CLOSED + OPEN) <= set(_offered(page))
    # Consent chosen, its conditions confirmed, while the question is open: it stays, the question is put.
    section = page.section("EU")
    choose(section.combo, "eu_derog_explicit_consent")
    for box in section.condition_boxes.values():
        box.setChecked(True)
    type_text(section.justification, "the taxpayers agreed")
    assert "Say whether the exporter acts as a public authority" in section.warnings.text()
    assert next_enabled(wizard)

    choose(question.combo, "yes")
    assert wizard.state.record is not None and wizard.state.record.facts.exporter_public_powers is True
    message = page.visible_messages()["tools.EU"]
    assert "not available" in message and "Art. 49(3)" in message and message.startswith("✖")
    assert not next_enabled(wizard)
    offered = _offered(page)
    assert "eu_derog_explicit_consent" in offered  # the current choice stays, to be cleared
    assert not set(CLOSED[1:]) & set(offered) and set(OPEN) <= set(offered)
    assert "explicit consent" not in section.proposals.text().split("Proposed:")[-1]
    assert "Art. 49(3)" in page.notes.text()
    _grab(wizard, "wizard-tool-public-authority.png")

    choose(section.combo, "eu_derog_public_interest")
    for box in section.condition_boxes.values():
        box.setChecked(True)
    assert "eu_derog_explicit_consent" not in _offered(page)
    assert "tools.EU" not in page.visible_messages()
    qtbot.waitUntil(lambda: service.latest_for_transfer(db, t.id) is not None, timeout=2000)
    a = service.latest_for_transfer(db, t.id)
    assert a is not None
    qtbot.waitUntil(
        lambda: service.get_assessment(db, a.id).record.facts.exporter_public_powers is True, timeout=2000
    )

    choose(question.combo, "no")
    assert set(CLOSED) <= set(_offered(page)) and not page.notes.text().count("Art. 49(3)")


def test_the_question_reads_in_japanese_and_so_does_the_reason(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor, japanese: str
) -> None:
    t = _one_off(db, legal)
    wizard = make_wizard(legal, t.id, "ja")
    wizard.go_to(PAGE_TOOL)
    page = wizard.page_for(PAGE_TOOL)
    assert isinstance(page, ToolPage)
    assert "第49条第3項" in page.public_powers.help.text()
    choose(page.section("EU").combo, "eu_derog_explicit_consent")
    choose(page.public_powers.combo, "yes")
    message = page.visible_messages()["tools.EU"]
    assert "第49条第3項" in message and "public powers" not in message
    _grab(wizard, "wizard-tool-public-authority-ja.png")
