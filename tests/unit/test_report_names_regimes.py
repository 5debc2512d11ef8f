"""A warning beside a chosen transfer tool names a regime by its name in the report's language, never by its
internal code: "chosen for JP, but JP does not apply" read "JPについて…" in the Japanese TIA."""

from __future__ import annotations

import dataclasses
import re

from tests import factories
from tests.unit.test_assessment_service import TODAY
from tests.unit.test_report_says_what_was_said import _pdf_text
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.assessment.record import ToolChoice
from transfer_tool.register import transfers
from transfer_tool.report.data import localize
from transfer_tool.report.renderer import render_report
from transfer_tool.storage.database import Database


def test_tool_warnings_name_the_regimes_not_their_codes(db: Database, legal: Actor) -> None:
    exporter = factories.entity(db, legal, "Maison Client SAS", "FR")
    importer = factories.entity(db, legal, "Cloud Desk Inc.", "US")
    t = factories.transfer_input(exporter.id, importer.id, "US", storage_countries=("US",), volume=100)
    a = service.start_assessment(db, legal, transfers.create_transfer(db, legal, t).id)
    # A UK tool for the EU regime, and an APPI tool for a regime that does not apply to a French exporter.
    tools = (ToolChoice("EU", "uk_idta", "typed"), ToolChoice("JP", "jp_consent", "typed"))
    a = service.save_draft(db, legal, a.id, dataclasses.replace(a.record, tools=tools), a.row_version)
    data = service.build_report_data(db, a.id, TODAY)
    warnings = [w for tool in data.tools for w in tool.warnings]
    en = [localize(w, "en") for w in warnings]
    assert any("is a tool of UK GDPR and Data Protection Act 2018, not of EU General" in w for w in en), en
    assert any("was chosen for Act on the Protection of Personal Information (APPI)" in w for w in en), en
    assert not [w for w in en if "for JP" in w or "JP does not" in w or "of UK," in w or "of EU." in w], en
    ja = re.sub(r"\s+", "", _pdf_text(render_report(data, "ja")).split("移転手段")[1])
    assert "JPについて" not in ja and "UKの移転手段" not in ja and "EUではなく" not in ja, ja
    assert "個人情報の保護に関する法律" in ja or "個人情報保護法" in ja, ja


def test_a_country_the_data_also_goes_to_is_named_not_coded(db: Database, legal: Actor) -> None:
    """The tool row of a regime without a tool gives the pre-check's last reason: "The data also goes to CN"
    read "データはCNにも移る" in the Japanese TIA."""
    exporter = factories.entity(db, legal, "Maison Client SAS", "FR")
    importer = factories.entity(db, legal, "Albion Support Ltd", "GB")
    t = factories.transfer_input(exporter.id, importer.id, "GB", storage_countries=("CN",), volume=100)
    a = service.start_assessment(db, legal, transfers.create_transfer(db, legal, t).id)
    data = service.build_report_data(db, a.id, TODAY)
    [eu] = data.tools
    assert localize(eu.justification, "en").startswith("The data also goes to China (stored"), eu
    ja = re.sub(r"\s+", "", _pdf_text(render_report(data, "ja")))
    assert "データは中国にも移る" in ja and "CNにも" not in ja, ja
