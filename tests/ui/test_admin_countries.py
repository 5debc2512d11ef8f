"""The country data editor driven as an administrator would: the list with its filter, editing a regime
entry with the impact shown before saving and the flagged transfers after, problems beside their fields,
laws and APPI items, history with a diff, import with a preview, export, and refusal for other roles."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from tests import factories
from tests.ui.review_support import submitted_assessment
from transfer_tool.accounts.permissions import Actor
from transfer_tool.countries import store
from transfer_tool.domain import AdequacyStatus
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database
from ui.admin import open_countries
from ui.admin.countries import CountriesPage
from ui.admin.country_import import ImportPreviewDialog
from ui.admin.destination_editor import LAWS_TAB
from ui.models.country_model import StatusRole
from ui.services import Services


@pytest.fixture
def page(qtbot: QtBot, make_services: Callable[..., Services]) -> Callable[..., CountriesPage]:
    def make(actor: Actor, language: str = "en") -> CountriesPage:
        widget = CountriesPage(make_services(actor, language))
        qtbot.addWidget(widget)
        widget.resize(1280, 800)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return make


def _set_status(p: CountriesPage, regime: str, status: AdequacyStatus) -> None:
    p.editor.tabs.setCurrentIndex(0)
    p.editor.select_regime(regime)
    p.editor.regimes_tab.status.setCurrentIndex(p.editor.regimes_tab.status.findData(status))


def test_the_list_shows_each_regime_status_in_colour_and_words_and_filters(
    db: Database, admin: Actor, page: Callable[..., CountriesPage]
) -> None:
    p = page(admin)
    assert p.proxy.rowCount() > 200
    us = p.model.row_of("US")
    eu_column = 2 + p.model.regimes.index("EU")
    cell = p.model.index(us, eu_column)
    assert cell.data() == "Partial" and cell.data(StatusRole) == AdequacyStatus.PARTIAL
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None  # colour as well as the word
    p.filter.setText("united")
    assert {"US", "GB", "AE"} <= set(p.visible_codes()) and "FR" not in p.visible_codes()
    p.filter.setText("米国")
    assert p.visible_codes() == ["US"]
    p.filter.setText("zz-nothing")
    assert p.visible_codes() == []


def test_a_status_change_shows_its_impact_then_flags_the_transfers(
    db: Database, admin: Actor, legal: Actor, page: Callable[..., CountriesPage]
) -> None:
    t, _a = submitted_assessment(db, legal)  # a French exporter sends to the US: governed by the EU GDPR
    p = page(admin)
    assert p.select("US")
    assert p.editor.original is not None and p.editor.original.code == "US"
    assert p.heading.text() == "United States (US) — country data version 1"
    assert not p.save_button.isEnabled()
    _set_status(p, "EU", AdequacyStatus.NOT_ADEQUATE)
    assert p.save_button.isEnabled()
    assert p.impact.isVisibleTo(p)
    assert p.impact.text().startswith("Saving flags 1 transfer(s) for re-assessment:")
    assert "EU GDPR: Partial → Not adequate (1 transfer(s))" in p.impact.text()

    p.save_button.click()  # no reason yet
    assert p.reason_problem.isVisibleTo(p) and "Say why" in p.reason_problem.text()
    assert store.get_destination(db, "US").version == 1

    p.reason.setText("CJEU annulled the DPF decision")
    p.save_button.click()
    us = store.get_destination(db, "US")
    assert us.version == 2 and us.regimes["EU"].status is AdequacyStatus.NOT_ADEQUATE
    assert "Saved United States as version 2." in p.message.text()
    assert "1 transfer(s) flagged for re-assessment" in p.message.text()
    assert p.flag_model.rowCount() == 1 and p.flag_model.text(0, 0) == t.reference
    assert "CJEU annulled" in p.flag_model.text(0, 2)
    assert transfers.get_transfer(db, t.id).reassessment_needed
    # History: the new version, and the change side by side.
    assert p.history.version_model.keys() == [2, 1]
    assert p.history.version_model.text(0, 3) == "CJEU annulled the DPF decision"
    diff = p.history.diff_model
    fields = [diff.text(r, 0) for r in range(diff.rowCount())]
    row = fields.index("EU GDPR — Status")
    assert (diff.text(row, 1), diff.text(row, 2)) == ("Partial", "Not adequate")
    assert "1 field(s) differ" in p.history.summary.text() or diff.rowCount() >= 1


def test_the_history_names_a_changed_law_not_its_key(
    db: Database, admin: Actor, page: Callable[..., CountriesPage]
) -> None:
    """Issue 18: a law's key is internal; the history (and the problems list) names the law."""
    p = page(admin)
    p.select("US")
    e = p.editor
    e.tabs.setCurrentIndex(LAWS_TAB)
    e.laws_tab.table.selectRow(0)
    law = next(x for x in store.get_destination(db, "US").access_laws if x.name == e.laws_tab.name.text())
    e.laws_tab.reason.setPlainText(law.reason + " Re-read after the 2026 reauthorisation.")
    p.reason.setText("law re-read")
    p.save_button.click()
    assert store.get_destination(db, "US").version == 2
    diff = p.history.diff_model
    fields = [diff.text(r, 0) for r in range(diff.rowCount())]
    assert fields == [f"Law {law.name} — Reason"]
    assert law.key not in fields[0]


def test_problems_from_the_core_show_beside_their_fields(
    db: Database, admin: Actor, page: Callable[..., CountriesPage]
) -> None:
    p = page(admin)
    p.select("KR")
    _set_status(p, "UK", AdequacyStatus.PARTIAL)
    p.editor.regimes_tab.condition.setText("")
    p.editor.regimes_tab.source_url.setText("not a url")
    p.reason.setText("testing the checks")
    p.save_button.click()
    assert "a partial status needs a condition" in p.editor.problem_text("regime.condition")
    assert "expected an http(s) URL" in p.editor.problem_text("regime.source_url")
    assert "UK GDPR — Condition (who is covered)" in p.editor.problems_box.text()
    assert p.message.text() == "The destination cannot be saved as entered."
    assert store.get_destination(db, "KR").version == 1
    # Answering the problems lets it save.
    p.editor.regimes_tab.condition.setText("Only the private sector under PIPA")
    p.editor.regimes_tab.source_url.setText("https://example.org/uk-kr")
    assert not p.editor.problems_box.isVisibleTo(p)
    p.save_button.click()
    assert store.get_destination(db, "KR").regimes["UK"].condition == "Only the private sector under PIPA"


def test_a_date_that_does_not_parse_is_marked_and_blocks_saving(
    db: Database, admin: Actor, page: Callable[..., CountriesPage]
) -> None:
    p = page(admin)
    p.select("JP")
    p.editor.select_regime("EU")
    p.editor.regimes_tab.expires.setText("2027-13-45")
    assert "YYYY-MM-DD" in p.editor.problem_text("regime.expires")
    assert not p.save_button.isEnabled()
    p.editor.regimes_tab.expires.setText("2029-04-01")
    assert p.editor.problem_text("regime.expires") == ""
    assert p.save_button.isEnabled()
    p.reason.setText("review date moved")
    p.save_button.click()
    assert str(store.get_destination(db, "JP").regimes["EU"].expires) == "2029-04-01"


def test_laws_are_added_edited_and_removed(
    db: Database, admin: Actor, page: Callable[..., CountriesPage]
) -> None:
    p = page(admin)
    p.select("IN")
    before = len(store.get_destination(db, "IN").access_laws)
    e = p.editor
    e.add_law()
    assert e.tabs.currentIndex() == LAWS_TAB and e.laws_tab.model.rowCount() == before + 1
    e.laws_tab.name.setText("IT Act s. 69 — 傍受")
    e.laws_tab.problematic.setChecked(True)
    e.laws_tab.reason.setPlainText("Interception orders without prior independent approval (guarantee C).")
    e.laws_tab.sources.setPlainText("https://example.org/it-act\nnot-a-url")
    p.reason.setText("added the IT Act")
    p.save_button.click()
    assert "expected an http(s) URL" in e.problem_text("law.sources")
    e.laws_tab.sources.setPlainText("https://example.org/it-act")
    p.save_button.click()
    laws = {law.name: law for law in store.get_destination(db, "IN").access_laws}
    added = laws["IT Act s. 69 — 傍受"]
    assert added.problematic and added.key not in {law.key for law in laws.values() if law is not added}

    working = e.working()
    assert working is not None
    e.laws_tab.table.selectRow([law.key for law in working.access_laws].index(added.key))
    e.remove_law()
    p.reason.setText("removed again")
    p.save_button.click()
    assert added.key not in {law.key for law in store.get_destination(db, "IN").access_laws}


def test_appi_items_are_saved(db: Database, admin: Actor, page: Callable[..., CountriesPage]) -> None:
    p = page(admin)
    p.select("VN")
    e = p.editor
    e.appi_tab.present.setChecked(True)
    e.appi_tab.system.setCurrentIndex(e.appi_tab.system.findData(True))
    e.appi_tab.cbpr.setCurrentIndex(e.appi_tab.cbpr.findData("Global CBPR associate"))
    # Issue 18: each principle is a box named as people read it; the country data keeps the keys.
    boxes = [b.text() for b in e.appi_tab.oecd.findChildren(QCheckBox)]
    assert boxes[:2] == ["Collection limitation", "Data quality"] and len(boxes) == 8
    for box in e.appi_tab.oecd_boxes.values():
        box.setChecked(False)
    e.appi_tab.oecd_boxes["security_safeguards"].setChecked(True)
    e.appi_tab.oecd_boxes["collection_limitation"].setChecked(True)
    e.appi_tab.localisation.setPlainText("Decree 53: some data must be stored locally.")
    p.reason.setText("APPI items checked with the PPC report")
    p.save_button.click()
    appi = store.get_destination(db, "VN").appi
    assert appi is not None and appi.has_protection_system is True
    assert appi.cbpr == "Global CBPR associate"
    assert appi.oecd_principles_covered == ("collection_limitation", "security_safeguards")


def test_switching_with_unsaved_changes_is_held_back(
    db: Database, admin: Actor, page: Callable[..., CountriesPage]
) -> None:
    p = page(admin)
    p.select("US")
    _set_status(p, "CH", AdequacyStatus.NOT_ADEQUATE)
    p.select("FR")
    assert p.editor.original is not None and p.editor.original.code == "US"
    assert "Save or discard the changes to United States" in p.message.text()
    p.discard_button.click()
    assert not p.editor.is_dirty()
    p.select("FR")
    assert p.editor.original is not None and p.editor.original.code == "FR"


def test_export_then_import_with_preview_and_apply(
    db: Database,
    admin: Actor,
    legal: Actor,
    page: Callable[..., CountriesPage],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    submitted_assessment(db, legal)
    out = tmp_path / "countries.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    p = page(admin)
    p.export_button.click()
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert "Country data exported to" in p.message.text()
    us = next(d for d in doc["destinations"] if d["code"] == "US")
    us["regimes"]["EU"] = {"status": "not_adequate", "notes": "DPF annulled (test)"}
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(changed), ""))
    p.import_button.click()
    dialog = p._import_dialog
    assert isinstance(dialog, ImportPreviewDialog)
    assert "1 destination(s) would change." in dialog.summary.text()
    assert "1 transfer(s) would be flagged for re-assessment." in dialog.summary.text()
    fields = {dialog.model.text(r, 1) for r in range(dialog.model.rowCount())}
    assert "EU GDPR — Status" in fields
    assert "United States — EU GDPR: Partial → Not adequate" in dialog.statuses.text()
    assert store.get_destination(db, "US").version == 1  # a dry run writes nothing
    dialog.reason.setText("quarterly update")
    dialog.apply_button.click()
    assert store.get_destination(db, "US").regimes["EU"].status is AdequacyStatus.NOT_ADEQUATE
    assert "Imported: 1 destination(s) changed; 1 transfer(s) flagged" in dialog.message.text()
    assert store.history(db, "US")[-1].reason == "quarterly update"


def test_an_import_applies_only_the_changes_its_preview_showed(
    db: Database, admin: Actor, page: Callable[..., CountriesPage], tmp_path: Path
) -> None:
    doc = json.loads(store.export_document(db))
    next(d for d in doc["destinations"] if d["code"] == "KR")["regimes"]["JP"]["notes"] = "PPC consultation"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    p = page(admin)
    p.import_file(changed)
    dialog = p._import_dialog
    assert isinstance(dialog, ImportPreviewDialog)
    assert "1 destination(s) would change." in dialog.summary.text()
    # Another administrator records the annulment of the US decision while the preview is open.
    us = store.get_destination(db, "US")
    annulled = replace(
        us, regimes={**us.regimes, "EU": replace(us.regimes["EU"], status=AdequacyStatus.NOT_ADEQUATE)}
    )
    store.update_destination(db, admin, annulled, reason="CJEU annulled", expected_version=us.version)
    dialog.reason.setText("quarterly update")
    dialog.apply_button.click()
    assert "The country data changed since the preview (United States)" in dialog.message.text()
    assert not dialog.apply_button.isEnabled()  # applying again would be refused the same way
    assert store.get_destination(db, "US").regimes["EU"].status is AdequacyStatus.NOT_ADEQUATE
    assert store.get_destination(db, "KR").regimes["JP"].notes != "PPC consultation"


def test_a_refused_import_lists_the_problems(
    db: Database, admin: Actor, page: Callable[..., CountriesPage], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "transfer-tool.countries",
                "format_version": 1,
                "dataset_version": "x",
                "destinations": [{"code": "US", "regimes": {"EU": {"status": "partial"}}}],
            }
        ),
        encoding="utf-8",
    )
    p = page(admin)
    p.import_file(bad)
    assert p._import_dialog is None
    assert "nothing was imported" in p.message.text().lower() or "refused" in p.message.text()
    assert "a partial status needs a condition" in p.message.text()
    p.import_file(tmp_path / "missing.json")
    assert "cannot be read" in p.message.text()


def test_other_roles_are_refused(
    db: Database,
    admin: Actor,
    manager: Actor,
    make_services: Callable[..., Services],
    page: Callable[..., CountriesPage],
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("ui.admin.window.show_info", lambda _p, _t, text: shown.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert open_countries(parent, make_services(manager)) is None
    assert shown == ["Your role may not change country data. Ask an administrator if you need to."]
    # Opened directly anyway: the service refuses the save and the page says why.
    p = page(manager)
    p.select("US")
    _set_status(p, "EU", AdequacyStatus.NOT_ADEQUATE)
    p.reason.setText("trying")
    p.save_button.click()
    assert "may not change country data" in p.message.text()
    assert store.get_destination(db, "US").version == 1
    _ = factories
