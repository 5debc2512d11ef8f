"""Issue #23 in the wizard: a re-assessment shows the flag's reason on the page the country-data change
concerns, with the fields it reset highlighted until answered; a copied draft lists on each page the
answers copied from the other assessment, confirmed page by page. Real country-data edits flag the
transfers (`store.update_destination`), the bulk service starts the new versions.

With REVIEW_SCREENSHOTS=<folder> the screens the user guide shows are saved there in both languages."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui import test_wizard_support as wizard_support
from tests.ui.test_i18n import Screens
from tests.ui.test_wizard_support import MakeWizard, choose
from tests.unit.teamwork_support import approved_transfer
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import copying, derivation, reassessment, service
from transfer_tool.countries import store
from transfer_tool.domain import AdequacyStatus
from transfer_tool.register.transfers import TransferView
from transfer_tool.storage.database import Database
from ui.fonts import register_bundled_fonts
from ui.i18n import install_translators, remove_translators
from ui.services import Services
from ui.wizard import AssessmentWizard
from ui.wizard.common import WizardPage
from ui.wizard.law_practice import LawPracticePage
from ui.wizard.precheck import PrecheckPage
from ui.wizard.rechecks import copied_keys
from ui.wizard.state import (
    PAGE_CONCLUSION,
    PAGE_LAW,
    PAGE_MEASURES,
    PAGE_ORDER,
    PAGE_PRECHECK,
    PAGE_SUMMARY,
    PAGE_TOOL,
)
from ui.wizard.tool import ToolPage

make_wizard = wizard_support.make_wizard

ANNULMENT = "The CJEU annulled the EU-U.S. Data Privacy Framework"


def _annul_the_dpf(db: Database, admin: Actor) -> None:
    """The US under the EU GDPR: partially adequate (the DPF) → no adequacy."""
    us = store.get_destination(db, "US")
    annulled = dataclasses.replace(
        us.regimes["EU"], status=AdequacyStatus.NOT_ADEQUATE, condition="", scope_limits=()
    )
    edited = dataclasses.replace(us, regimes={**us.regimes, "EU": annulled})
    result = store.update_destination(db, admin, edited, reason=ANNULMENT, expected_version=us.version)
    assert result.flagged >= 1


def _cloud_act_problematic(db: Database, admin: Actor) -> None:
    us = store.get_destination(db, "US")
    laws = tuple(
        dataclasses.replace(law, problematic=True) if law.key == "cloud_act" else law
        for law in us.access_laws
    )
    result = store.update_destination(
        db,
        admin,
        dataclasses.replace(us, access_laws=laws),
        reason="New reading of the CLOUD Act",
        expected_version=us.version,
    )
    assert result.flagged >= 1


def _reassess(db: Database, legal: Actor, transfer_id: int) -> None:
    (out,) = reassessment.reassess_many(db, legal, [transfer_id])
    assert out.result == reassessment.STARTED


def _page(wizard: AssessmentWizard, key: str) -> WizardPage:
    wizard.go_to(key)
    assert wizard.current_key() == key
    return wizard.page_for(key)


@pytest.mark.both_databases
def test_a_status_change_is_explained_on_the_tool_page_and_the_reset_tool_is_highlighted_until_chosen(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=True)
    _annul_the_dpf(db, admin)
    _reassess(db, legal, src.transfer.id)
    wizard = make_wizard(legal, src.transfer.id)
    assert wizard.state.assessment is not None and wizard.state.assessment.version_no == 2

    tool = _page(wizard, PAGE_TOOL)
    assert isinstance(tool, ToolPage)
    assert tool.flag_reasons.isVisible()
    reason = tool.flag_reasons.text()
    assert reason.startswith("Flagged for re-assessment: the country data changed.")
    assert (
        "United States — EU GDPR: status changed from Partial to Not adequate (withdrawn or annulled)"
        in reason
    )
    assert ANNULMENT in reason and "withdrawn " not in reason.split("(")[0]  # words, never the kind's code
    # The change concerns the tool, not the other pages.
    for key in (PAGE_PRECHECK, PAGE_LAW, PAGE_MEASURES):
        assert not _page(wizard, key).flag_reasons.isVisible(), key

    tool = _page(wizard, PAGE_TOOL)
    assert isinstance(tool, ToolPage)
    combo = tool.section("EU").combo
    assert combo.currentData() == ""  # reset: chosen again under the new status
    assert combo.property("toAnswer") is True and "border:2px solid" in combo.styleSheet()
    assert combo.accessibleDescription() == "The country data changed: answer this again"
    choose(combo, combo.itemData(1))  # the first tool proposed now
    assert not combo.property("toAnswer") and combo.styleSheet() == ""
    assert tool.flag_reasons.isVisible()  # the reason stays until the new version is approved

    # The law-and-practice answers were carried over from version 1, to be confirmed there.
    law = _page(wizard, PAGE_LAW)
    assert law.copied.isVisible()
    assert (
        f"the law-and-practice answers were copied from {src.transfer.reference} version 1"
        in law.copied.label.text()
    )
    qtbot.mouseClick(law.copied.button, Qt.MouseButton.LeftButton)
    assert not law.copied.isVisible()
    wizard.autosaver.flush()
    saved = service.latest_for_transfer(db, src.transfer.id)
    assert saved is not None and saved.version_no == 2
    assert derivation.LAW_PRACTICE not in saved.record.to_confirm and saved.record.tool_for("EU") is not None
    wizard.close()


@pytest.mark.both_databases
def test_a_law_change_is_explained_on_the_law_page_and_the_law_stays_highlighted_until_confirmed(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    _cloud_act_problematic(db, admin)
    _reassess(db, legal, src.transfer.id)
    wizard = make_wizard(legal, src.transfer.id)
    assert not _page(wizard, PAGE_TOOL).flag_reasons.isVisible()
    law = _page(wizard, PAGE_LAW)
    assert isinstance(law, LawPracticePage)
    assert law.flag_reasons.isVisible()
    text = law.flag_reasons.text()
    assert "CLOUD Act (18 U.S.C. 2713): now judged problematic" in text and "cloud_act" not in text
    highlighted = [key for key, row in law.rows.items() if row.property("toAnswer")]
    assert highlighted == ["cloud_act"]
    assert "border:2px solid" in law.rows["cloud_act"].styleSheet()
    qtbot.mouseClick(law.copied.button, Qt.MouseButton.LeftButton)
    assert not any(row.property("toAnswer") for row in law.rows.values())
    assert not law.copied.isVisible() and law.flag_reasons.isVisible()
    wizard.close()


def test_a_changed_condition_is_explained_on_the_precheck_page_and_its_scope_question_highlighted_until_answered(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=True)
    us = store.get_destination(db, "US")
    narrower = dataclasses.replace(
        us.regimes["EU"], condition="Only DPF-certified organisations whose certification covers the data"
    )
    edited = dataclasses.replace(us, regimes={**us.regimes, "EU": narrower})
    assert store.update_destination(
        db, admin, edited, reason="Narrower DPF", expected_version=us.version
    ).flagged
    _reassess(db, legal, src.transfer.id)
    wizard = make_wizard(legal, src.transfer.id)
    assert not _page(wizard, PAGE_TOOL).flag_reasons.isVisible()
    pre = _page(wizard, PAGE_PRECHECK)
    assert isinstance(pre, PrecheckPage)
    assert pre.flag_reasons.isVisible()
    assert (
        "United States — EU GDPR: condition changed to “Only DPF-certified organisations"
        in pre.flag_reasons.text()
    )
    # The question that decides whom the condition covers is asked again (it shows for HR data, added now).
    data = wizard.state.transfer_input
    wizard.state.set_transfer_input(data_categories=(*data.data_categories, "hr_records"))
    combo = pre.scope.rows[("EU", "dpf_hr_scope")][1]
    assert combo.currentData() == "" and combo.property("toAnswer") is True
    choose(combo, "yes")
    assert not combo.property("toAnswer") and combo.styleSheet() == ""
    wizard.close()


def test_an_approved_version_shows_no_flag_banner_and_no_highlight(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=True)
    _annul_the_dpf(db, admin)  # flagged, but no new version started yet
    wizard = make_wizard(legal, src.transfer.id)
    assert wizard.new_version_button.isVisible()
    tool = _page(wizard, PAGE_TOOL)
    assert isinstance(tool, ToolPage)
    assert not tool.flag_reasons.isVisible() and not tool.section("EU").combo.property("toAnswer")
    wizard.close()


def test_copied_answers_are_listed_and_confirmed_page_by_page(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    out = copying.copy_transfer(db, legal, src.transfer.id)
    wizard = make_wizard(legal, out.transfer.id)
    state = wizard.state
    assert state.record is not None
    everything = state.record.to_confirm
    by_page = {key: copied_keys(state, key) for key in PAGE_ORDER if copied_keys(state, key)}
    assert set(by_page) >= {PAGE_TOOL, PAGE_MEASURES, PAGE_CONCLUSION}
    assert sorted(k for keys in by_page.values() for k in keys) == sorted(everything)
    origin = f"copied from {src.transfer.reference} version 1"

    measures = _page(wizard, PAGE_MEASURES)
    assert measures.copied.isVisible() and measures.copied.button.isVisible()
    listed = measures.copied.label.text()
    assert f"the measures were {origin}" in listed
    assert origin not in measures.general.text()  # listed once, in the box with its button
    qtbot.mouseClick(measures.copied.button, Qt.MouseButton.LeftButton)
    assert not measures.copied.isVisible()
    assert copied_keys(state, PAGE_MEASURES) == ()
    # The other pages' copied answers are still missing items until confirmed there.
    wizard.go_to(PAGE_SUMMARY)
    missing = [t for _p, t in wizard.summary.missing_items()]
    assert not any("measures were copied" in t for t in missing)
    assert any(
        t.endswith(f"the transfer tool for APPI (Japan) was {origin}: check and confirm it") for t in missing
    ) or any("transfer tool for" in t and origin in t for t in missing)
    tool = _page(wizard, PAGE_TOOL)
    assert tool.copied.isVisible() and "the transfer tool for" in tool.copied.label.text()
    qtbot.mouseClick(tool.copied.button, Qt.MouseButton.LeftButton)
    assert not tool.copied.isVisible()
    wizard.autosaver.flush()
    saved = service.latest_for_transfer(db, out.transfer.id)
    assert saved is not None
    assert set(saved.record.to_confirm) == set(everything) - set(by_page[PAGE_MEASURES]) - set(
        by_page[PAGE_TOOL]
    )
    wizard.close()


# ---- Japanese, fit and screenshots ------------------------------------------------------------------------


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    lang = str(request.param)
    register_bundled_fonts(qapp)
    translators = install_translators(qapp, lang)
    yield lang
    remove_translators(qapp, translators)


def _shot(qtbot: QtBot, widget: QWidget, name: str, language: str) -> None:
    out = Path(os.environ["REVIEW_SCREENSHOTS"]) if os.environ.get("REVIEW_SCREENSHOTS") else None
    assert widget.size().width() == 1280 and widget.size().height() == 800
    image = widget.grab()
    assert not image.isNull()
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        image.save(str(out / (f"{name}.png" if language == "en" else f"{name}-{language}.png")))


def test_the_reassessment_and_copy_screens_in_both_languages_fit(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    admin: Actor,
    legal: Actor,
    manager: Actor,
    language: str,
) -> None:
    reassessed = approved_transfer(db, admin, legal, manager, eu=True)
    _annul_the_dpf(db, admin)
    _reassess(db, legal, reassessed.transfer.id)
    copied = copying.copy_transfer(db, legal, reassessed.transfer.id)
    screens = Screens(qtbot)

    wizard = make_wizard(legal, reassessed.transfer.id, language)
    tool = _page(wizard, PAGE_TOOL)
    if language == "ja":
        reason = tool.flag_reasons.text()
        assert reason.startswith("再評価が必要です")
        assert (
            "米国 — EU GDPR：状況が「部分的に十分性あり」から「十分性なし」に変更された（撤回又は無効化）"
            in reason
        )
        assert reason.endswith("国別データ：第1版 → 第2版。"), reason
        screens.check(wizard, "wizard-reassess-tool")
    _shot(qtbot, wizard, "wizard-reassess-tool", language)
    law = _page(wizard, PAGE_LAW)
    assert law.copied.isVisible()
    if language == "ja":
        assert "法令及び実務に関する回答は" in law.copied.label.text()
        screens.check(wizard, "wizard-reassess-law")
    wizard.close()

    wizard = make_wizard(legal, copied.transfer.id, language)
    measures = _page(wizard, PAGE_MEASURES)
    assert measures.copied.isVisible()
    if language == "ja":
        assert "補完的措置は" in measures.copied.label.text()
        screens.check(wizard, "wizard-copied-measures")
    _shot(qtbot, wizard, "wizard-copied-measures", language)
    wizard.close()
    if language == "ja":
        screens.assert_all_fit()


@pytest.mark.both_databases
def test_a_change_to_the_transfer_after_approval_is_explained_on_its_first_page(
    make_wizard: MakeWizard, db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    from transfer_tool.register import transfers
    from ui.wizard.state import PAGE_PARTIES

    src = approved_transfer(db, admin, legal, manager, eu=False)
    t = src.transfer
    transfers.update_transfer(
        db, legal, t.id, transfers.with_changes(t, purposes=(*t.purposes, "marketing")), t.row_version
    )
    _reassess(db, legal, t.id)
    wizard = make_wizard(legal, t.id)
    parties = _page(wizard, PAGE_PARTIES)
    assert parties.flag_reasons.isVisible()
    assert parties.flag_reasons.text() == (
        "Flagged for re-assessment: the transfer was changed after its assessment was approved. "
        "Check this step again:\n• Changed after its assessment was approved: the purposes. "
        "A new version assesses the transfer as it now is."
    )
    for key in (PAGE_PRECHECK, PAGE_TOOL, PAGE_LAW):
        assert not _page(wizard, key).flag_reasons.isVisible(), key
    wizard.close()


us_transfer = wizard_support.us_transfer


def test_the_wizards_evaluation_and_its_missing_items_count_from_one_today(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    make_services: Callable[..., Services],
    legal: Actor,
    us_transfer: TransferView,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The evaluation the wizard shows and the items it lists as missing are one check: one "today" (read
    twice, midnight fell between and due dates were judged on two days). Here the date moves a day at
    every reading."""
    import datetime as dt
    import itertools

    from tests.ui.conftest import TODAY
    from transfer_tool.assessment.completeness import Gap, missing_items
    from transfer_tool.assessment.context import AssessmentContext, Evaluation, evaluate
    from transfer_tool.assessment.record import AssessmentRecord
    from ui.wizard import state as wizard_state

    days = itertools.count()
    evaluated: list[dt.date] = []
    checked: list[dt.date] = []

    def noted_evaluate(r: AssessmentRecord, c: AssessmentContext, today: dt.date) -> Evaluation:
        evaluated.append(today)
        return evaluate(r, c, today)

    def noted_missing(r: AssessmentRecord, c: AssessmentContext, today: dt.date) -> tuple[Gap, ...]:
        checked.append(today)
        return missing_items(r, c, today)

    monkeypatch.setattr(wizard_state, "evaluate", noted_evaluate)
    monkeypatch.setattr(wizard_state, "missing_items", noted_missing)
    services = dataclasses.replace(make_services(legal), today=lambda: TODAY + dt.timedelta(days=next(days)))
    wizard = make_wizard(legal, us_transfer.id, services=services)
    qtbot.waitUntil(lambda: wizard.state.ready)
    wizard.state.replace_transfer_input(wizard.state.transfer_input)  # checked again, as after an edit
    assert len(evaluated) >= 2 and evaluated == checked


def test_a_party_change_after_approval_is_explained_on_the_first_page(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    admin: Actor,
    legal: Actor,
    manager: Actor,
    language: str,
) -> None:
    """The importer lost the certification the approval's APPI route rested on (session 13): the new
    version's first page says so, in the user's language."""
    import dataclasses

    from transfer_tool.register import entities
    from ui.wizard.state import PAGE_PARTIES

    src = approved_transfer(db, admin, legal, manager, eu=False)
    importer = entities.get_entity(db, src.parties.importer.id)
    entities.update_entity(
        db, legal, importer.id, dataclasses.replace(importer, certifications=()), importer.row_version
    )
    _reassess(db, legal, src.transfer.id)
    wizard = make_wizard(legal, src.transfer.id, language)
    parties = _page(wizard, PAGE_PARTIES)
    assert parties.flag_reasons.isVisible()
    expected = {
        "en": "Changed after its assessment was approved: the importer's certifications.",
        "ja": "評価の承認後に変更された：データ輸入者の認定。",
    }[language]
    assert expected in parties.flag_reasons.text()
    _shot(qtbot, wizard, "wizard-party-changed", language)
    wizard.close()
