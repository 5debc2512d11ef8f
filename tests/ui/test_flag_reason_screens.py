"""The register's details pane shows a re-assessment reason as a person writes it, in English and in
Japanese: the destination's and the regime's names, the country list's status words, the versions as the
screens write them; no code. A grab of the pane is saved to $REVIEW_SCREENSHOTS to be looked at."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
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
from ui.fonts import register_bundled_fonts
from ui.i18n import install_translators, remove_translators
from ui.services import Services
from ui.widgets.transfer_details import TransferDetails

GIVEN = "CJEU annulled the DPF decision"
EXPECTED = {
    "en": (
        "United States — EU GDPR: status changed from Partial to Not adequate (withdrawn or annulled). "
        f"Reason given: “{GIVEN}”. Country data: version 1 → version 2."
    ),
    "ja": (
        "米国 — EU GDPR：状況が「部分的に十分性あり」から「十分性なし」に変更された（撤回又は無効化）。"
        f"記入された理由：「{GIVEN}」。国別データ：第1版 → 第2版。"
    ),
}
# What the review found: a code for a name, the engine's status words, "v1 → v2" for versions.
UNWANTED = re.compile(r"\bUS\b|\bEU:|partially adequate|no adequacy|\bv\d|country data v")


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    register_bundled_fonts(qapp)
    translators = install_translators(qapp, request.param) if request.param != "en" else []
    yield str(request.param)
    remove_translators(qapp, translators)


def test_the_details_pane_shows_the_reason_as_a_person_writes_it(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    legal: Actor,
    make_services: Callable[..., Services],
    language: str,
) -> None:
    t, _a = submitted_assessment(db, legal)  # a French exporter sends to the US: governed by the EU GDPR
    us = store.get_destination(db, "US")
    withdrawn = replace(us.regimes["EU"], status=AdequacyStatus.NOT_ADEQUATE, condition="")
    store.update_destination(
        db, admin, replace(us, regimes={**us.regimes, "EU": withdrawn}), reason=GIVEN, expected_version=1
    )

    details = TransferDetails(make_services(admin, language))
    qtbot.addWidget(details)
    details.setWordWrap(True)
    details.resize(520, 420)
    details.show_transfer(transfers.get_transfer(db, t.id))
    details.show()
    qtbot.waitExposed(details)
    flagged = re.search(r"<p style='color:#b3261e'>(.*?)</p>", details.text())
    assert flagged is not None, details.text()
    shown = flagged.group(1)  # the pane's "Re-assessment needed" paragraph (a later row names the code)
    assert shown.endswith("<br/>" + EXPECTED[language]), shown
    assert not UNWANTED.search(shown), UNWANTED.findall(shown)
    image = details.grab()
    assert not image.isNull()
    if os.environ.get("REVIEW_SCREENSHOTS"):
        out = Path(os.environ["REVIEW_SCREENSHOTS"])
        out.mkdir(parents=True, exist_ok=True)
        image.save(str(out / f"flag-reason-details-{language}.png"))
