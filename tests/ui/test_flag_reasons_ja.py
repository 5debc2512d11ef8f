"""A re-assessment flag's reason on the Japanese screens that show it (the admin's flags table, the
register's details pane): read back from storage by its id (migration 0022), so it reads in Japanese, with
the admin's own words as typed."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.review_support import submitted_assessment
from transfer_tool.accounts.permissions import Actor
from transfer_tool.countries import store
from transfer_tool.domain import AdequacyStatus
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database
from ui.admin.countries import FLAGS_TAB, CountriesPage
from ui.fonts import register_bundled_fonts
from ui.i18n import install_translators, remove_translators
from ui.services import Services
from ui.widgets.transfer_details import TransferDetails

GIVEN = "CJEU annulled the DPF decision"
# "United States — EU GDPR: status changed from Partial to Not adequate (withdrawn or annulled)..." in Japanese
JAPANESE_CHANGE = (
    "米国 — EU GDPR：状況が「部分的に十分性あり」から「十分性なし」に変更された（撤回又は無効化）"
)


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    register_bundled_fonts(qapp)
    translators = install_translators(qapp, "ja")
    yield
    remove_translators(qapp, translators)


def test_the_flags_table_and_the_details_pane_show_a_new_flags_reason_in_japanese(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    legal: Actor,
    make_services: Callable[..., Services],
    japanese: None,
) -> None:
    t, _a = submitted_assessment(db, legal)  # a French exporter sends to the US: governed by the EU GDPR
    page = CountriesPage(make_services(admin, "ja"))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    assert page.select("US")
    page.editor.tabs.setCurrentIndex(0)
    page.editor.select_regime("EU")
    status = page.editor.regimes_tab.status
    status.setCurrentIndex(status.findData(AdequacyStatus.NOT_ADEQUATE))
    page.reason.setText(GIVEN)
    page.save_button.click()
    qtbot.waitUntil(lambda: page.flag_model.rowCount() == 1)
    assert store.get_destination(db, "US").version == 2
    shown = page.flag_model.text(0, 2)
    assert JAPANESE_CHANGE in shown and GIVEN in shown, shown
    assert "withdrawn" not in shown and "Reason given" not in shown, shown
    if os.environ.get("REVIEW_SCREENSHOTS"):  # the admin's flagged list, to be looked at
        page.editor.tabs.setCurrentIndex(FLAGS_TAB)
        qtbot.wait(40)
        out = Path(os.environ["REVIEW_SCREENSHOTS"])
        out.mkdir(parents=True, exist_ok=True)
        page.grab().save(str(out / "flagged-transfers-ja.png"))

    details = TransferDetails(make_services(admin, "ja"))
    qtbot.addWidget(details)
    details.show_transfer(transfers.get_transfer(db, t.id))
    assert JAPANESE_CHANGE in details.text() and GIVEN in details.text(), details.text()
    assert "withdrawn" not in details.text()
