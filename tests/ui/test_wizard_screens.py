"""Every wizard page at 1280×800 with realistic content, in English and in Japanese: grabbed to PNG.

The test checks each grab is a full 1280×800 image; the pictures themselves are for people to look at.
`WIZARD_SCREENSHOTS=<dir>` also writes them there, named `wizard-<page>.png` (English) and
`wizard-<page>-ja.png` (Japanese); docs/screenshots/ holds the ones checked in.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests import factories
from tests.ui import test_wizard_support as support
from tests.ui.test_wizard_support import MakeWizard, answer_everything
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.domain import Conclusion, KeyHolder
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database
from ui.fonts import register_bundled_fonts
from ui.i18n import install_translators, remove_translators
from ui.wizard.state import PAGE_ORDER

make_wizard = support.make_wizard

SHOT_NAMES = {
    "transfer.parties": "parties",
    "transfer.data": "data",
    "transfer.handling": "handling",
    "precheck": "precheck",
    "tool": "tool",
    "law_practice": "law-practice",
    "measures": "measures",
    "risk": "risk",
    "conclusion": "conclusion",
    "summary": "summary",
}


def _realistic(db: Database, actor: Actor, language: str) -> int:
    if language == "ja":
        exp = factories.entity(db, actor, "ネット・ジャパン株式会社", "JP", is_group_company=True)
        imp = factories.entity(db, actor, "Cloud Desk Inc.", "US", certifications=("APEC CBPR",))
        title, retention = "顧客サポート窓口の委託", "契約期間終了後1年"
    else:
        exp = factories.entity(db, actor, "Maison Client SAS", "FR", is_group_company=True)
        imp = factories.entity(db, actor, "Cloud Desk Inc.", "US", certifications=("APEC CBPR",))
        title, retention = "Customer support platform", "Contract term plus 1 year"
    sub = factories.entity(db, actor, "Mumbai Helpdesk Pvt. Ltd.", "IN")
    t = transfers.create_transfer(
        db,
        actor,
        factories.transfer_input(
            exp.id,
            imp.id,
            "US",
            title=title,
            retention=retention,
            volume=12_000,
            storage_countries=("US", "IE"),
            remote_access_countries=("IN",),
            key_holder=KeyHolder.NOT_APPLICABLE,
            data_categories=("contact", "service_usage", "online_account"),
            data_subjects=("customers", "website_users"),
            purposes=("respond_requests", "manage_contracts"),
            legal_bases=("contract", "legitimate_interests"),
        ),
    )
    onward = factories.transfer_input(imp.id, sub.id, "IN", title="Second-level support")
    transfers.add_onward_transfer(db, actor, t.id, onward)
    return t.id


@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_page_is_grabbed_at_1280_by_800(
    qapp: QApplication,
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    legal: Actor,
    tmp_path: Path,
    language: str,
) -> None:
    transfer_id = _realistic(db, legal, language)
    translators = install_translators(qapp, language)  # the app's own catalogue and Qt's (wizard buttons)
    register_bundled_fonts(qapp)
    wizard = make_wizard(legal, transfer_id, language)
    if language == "en":
        answer_everything(qtbot, wizard, conclusion=Conclusion.PROCEED_WITH_MEASURES)
    else:
        # No conclusion chosen: the summary then lists what is missing.
        answer_everything(qtbot, wizard, conclusion=None, regime="JP", tool_code="jp_equivalent_measures")
    wizard.autosaver.flush()
    a = wizard.state.assessment
    assert a is not None
    service.add_evidence(db, legal, a.id, "signed-scc-module2.pdf", b"%PDF-1.4 signed", "Signed SCC Module 2")
    wizard.state.set_evidence(service.evidence_for(db, a.id))
    wizard.resize(1280, 800)
    out = Path(os.environ["WIZARD_SCREENSHOTS"]) if os.environ.get("WIZARD_SCREENSHOTS") else None
    for key in PAGE_ORDER:
        wizard.go_to(key)
        wizard.autosaver.flush()  # the status line then says "saved", as it does a moment later for users
        qtbot.wait(20)
        image = wizard.grab().toImage()
        assert (image.width(), image.height()) == (1280, 800), key
        suffix = "" if language == "en" else "-ja"
        path = tmp_path / f"wizard-{SHOT_NAMES[key]}{suffix}.png"
        assert image.save(str(path))
        assert not QImage(str(path)).isNull()
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            image.save(str(out / path.name))
    remove_translators(qapp, translators)
