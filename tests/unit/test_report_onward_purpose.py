"""An onward transfer registered without a title is listed in the TIA by its purposes as the catalogue words
them: the record keeps their codes joined ("respond_requests, manage_contracts"), which the PDF printed in
the onward transfers' Purpose column, in English and in Japanese."""

from __future__ import annotations

import dataclasses
import re

from tests import factories
from tests.unit.test_assessment_service import TODAY
from tests.unit.test_report_says_what_was_said import _pdf_text
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.register import transfers
from transfer_tool.report.data import localize
from transfer_tool.report.renderer import render_report
from transfer_tool.storage.database import Database


def test_an_untitled_onward_transfer_is_listed_by_its_purposes_words(db: Database, legal: Actor) -> None:
    exporter = factories.entity(db, legal, "Net Japan Co., Ltd.", "JP")
    importer = factories.entity(db, legal, "Pacific Contact Services Inc.", "US")
    sub = factories.entity(db, legal, "PCS Manila Support Center Inc.", "PH")
    main = transfers.create_transfer(
        db, legal, factories.transfer_input(exporter.id, importer.id, "US", storage_countries=("US",))
    )
    onward = factories.transfer_input(
        importer.id, sub.id, "PH", title="", purposes=("respond_requests", "manage_contracts")
    )
    transfers.add_onward_transfer(db, legal, main.id, onward)
    typed = transfers.add_onward_transfer(
        db, legal, main.id, dataclasses.replace(onward, title="Night shift helpdesk")
    )
    a = service.start_assessment(db, legal, main.id)
    data = service.build_report_data(db, a.id, TODAY)
    rows = data.transfer.onward_transfers
    assert [localize(o.purpose, "en") for o in rows] == [
        "Respond to requests, inquiries and applications; business negotiations\n"
        "Manage contracts, rights and obligations",
        "Night shift helpdesk",  # a title as typed
    ]
    assert localize(rows[0].purpose, "ja").startswith("資料請求・お問い合わせ・お申込みへの対応")
    assert typed.reference in localize(rows[1].safeguard, "en")
    for lang in ("en", "ja"):
        text = re.sub(r"\s+", " ", _pdf_text(render_report(data, lang)))
        assert "respond_requests" not in text and "manage_contracts" not in text, lang
