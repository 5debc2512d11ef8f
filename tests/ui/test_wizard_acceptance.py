"""Issue 18, point 7: the assessor records on the conclusion page what a DPO needs to accept the TIA (the
pre-TIA gates, the destination's framework and redress, the tool's enforceability, the supervisory
authority, the importer's co-adoption); the UK data protection test is asked only of a UK exporter."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from tests import factories
from tests.ui import test_wizard_support as support
from tests.ui.test_wizard_support import MakeWizard, answer_everything, choose, type_text
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database
from ui.wizard.conclusion import ConclusionPage
from ui.wizard.state import PAGE_CONCLUSION

make_wizard = support.make_wizard
us_transfer = support.us_transfer


def test_the_dpo_items_are_typed_on_the_conclusion_page_and_stored(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    wizard = make_wizard(legal, us_transfer.id)
    answer_everything(qtbot, wizard, conclusion=None, acceptance=False)
    page = wizard.page_for(PAGE_CONCLUSION)
    assert isinstance(page, ConclusionPage)
    fields = page.acceptance
    assert not fields.uk_test.isVisible()  # a French exporter: the UK test is not asked
    type_text(fields.anonymisation, "Tickets need names; card numbers are tokenised.")
    type_text(fields.performed_by, "Claire Martin (DPO)")
    type_text(fields.framework, "No federal privacy law; CCPA applies.")
    type_text(fields.redress, "FTC complaints; contract claims in Paris.")
    choose(fields.enforceable, True)
    type_text(fields.enforceability, "French law and courts.")
    type_text(fields.authority, "CNIL (France)")
    type_text(fields.signatory, "Dana Lee, Privacy Lead")
    fields.signed_on.set_value(dt.date(2026, 11, 30))
    record = wizard.state.record
    assert record is not None
    a = record.acceptance
    assert (a.anonymisation, a.performed_by, a.supervisory_authority) == (
        "Tickets need names; card numbers are tokenised.",
        "Claire Martin (DPO)",
        "CNIL (France)",
    )
    assert a.tool_enforceable is True and a.importer_signed_on == dt.date(2026, 11, 30)
    wizard.autosaver.flush()
    qtbot.waitUntil(lambda: not wizard.autosaver.pending, timeout=5000)
    assessment = wizard.state.assessment
    assert assessment is not None
    stored = service.get_assessment(db, assessment.id).record.acceptance
    assert stored.redress == "FTC complaints; contract claims in Paris." and stored.tool_enforceable is True


def test_a_uk_exporter_is_asked_the_data_protection_test(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor
) -> None:
    exp = factories.entity(db, legal, "London Shop Ltd", "GB")
    imp = factories.entity(db, legal, "Cloud Desk Inc.", "US")
    t = transfers.create_transfer(db, legal, factories.transfer_input(exp.id, imp.id, "US"))
    wizard = make_wizard(legal, t.id)
    wizard.go_to(PAGE_CONCLUSION)
    page = wizard.page_for(PAGE_CONCLUSION)
    assert isinstance(page, ConclusionPage)
    assert page.acceptance.uk_test.isVisible()
    choose(page.acceptance.uk_test, False)
    record = wizard.state.record
    assert record is not None and record.acceptance.uk_test_met is False
