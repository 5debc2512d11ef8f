"""Japanese as a first-class language.

- every screen and wizard page opened in Japanese at 1280×800 shows no label, button, group title, tab,
  header or placeholder wider than the room its widget gives it (tests/ui/i18n_fit.py measures);
- no user-visible string literal in ui/ bypasses the translation functions (tests/ui/i18n_scan.py);
- the translation sources are complete, current and keep every placeholder and shortcut;
- Qt's own buttons are Japanese; dates and counts follow the chosen language;
- the screens and the report name statuses, roles, regimes and legal terms from the same list;
- the language switch says that it applies after a restart, and defaults to the system language.

`I18N_SCREENSHOTS=<folder>` also saves each screen checked as `<screen>-ja.png` there (docs/screenshots
holds the ones the user guide shows).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QWidget,
    QWizard,
    QWizardPage,
)
from pytestqt.qtbot import QtBot

from tests import factories
from tests.ui import test_wizard_support as wizard_support
from tests.ui.a11y import unlabelled
from tests.ui.i18n_fit import Misfit, counted, misfits
from tests.ui.i18n_scan import scan, scan_file
from tests.ui.review_support import approved_with_signature, submitted_assessment
from tests.ui.seed import realistic_register
from tests.ui.test_wizard_support import MakeWizard, answer_everything
from tests.ui.visible_texts import visible_texts
from tests.visible_codes import codes_in
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.assessment.measures import Effectiveness, MeasureKind
from transfer_tool.assessment.precheck import Route
from transfer_tool.assessment.record import MeasureStatus, RiskInputMode, StepConclusion
from transfer_tool.countries import store
from transfer_tool.domain import (
    AdequacyStatus,
    Conclusion,
    DataFormat,
    Frequency,
    KeyHolder,
    PartyRole,
    RegimeCode,
    Role,
    TransferStatus,
)
from transfer_tool.paths import resource_file
from transfer_tool.register import transfers
from transfer_tool.report.terms import Terminology
from transfer_tool.signing import trust
from transfer_tool.signing.testing import OfflinePki, make_test_pki
from transfer_tool.storage.database import Database
from ui.fonts import register_bundled_fonts
from ui.i18n import (
    adequacy_label,
    install_translators,
    regime_short_name,
    remove_translators,
    role_label,
    status_label,
)
from ui.main_window import MainWindow
from ui.services import Services
from ui.settings import Settings
from ui.wizard import labels
from ui.wizard.precheck import PrecheckPage
from ui.wizard.state import PAGE_ORDER
from ui.wizard.transfer_handling import HandlingPage
from ui.workers import DbWorker

make_wizard = wizard_support.make_wizard
SIZE = (1280, 800)
ROOT = Path(__file__).resolve().parents[2]
MakeWindow = Callable[..., MainWindow]
W = TypeVar("W", bound=QWidget)


# ---- set-up ------------------------------------------------------------------------------------------------


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[str]:
    """The app as it starts in Japanese: bundled font, our catalogue and Qt's, ja_JP as the locale."""
    register_bundled_fonts(qapp)
    translators = install_translators(qapp, "ja")
    assert len(translators) == 2, "run scripts/build-translations.sh: the Japanese .qm is missing"
    yield "ja"
    remove_translators(qapp, translators)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> OfflinePki:
    return make_test_pki(tmp_path_factory.mktemp("pki"))


class Screens:
    """Shows a window at 1280×800 (a dialog at its own size), checks its texts fit, saves a screenshot."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.out = Path(os.environ["I18N_SCREENSHOTS"]) if os.environ.get("I18N_SCREENSHOTS") else None
        self.problems: list[str] = []
        self.unnamed: list[str] = []
        self.checked: dict[str, int] = {}
        self.codes: list[str] = []  # issue 18: internal codes in what the screen shows

    def show(self, widget: QWidget, *, full_size: bool = True) -> None:
        if full_size:
            widget.resize(*SIZE)  # a dialog keeps the size it gives itself
        if not widget.isVisible():
            widget.show()
            self.qtbot.waitExposed(widget)
        self.qtbot.wait(40)

    def check(self, widget: QWidget, name: str, *, full_size: bool = True) -> list[Misfit]:
        self.show(widget, full_size=full_size)
        if full_size:
            # A layout that needs more than the screen would make the window bigger than asked.
            assert (widget.width(), widget.height()) == SIZE, f"{name}: {widget.width()}×{widget.height()}"
        else:
            assert widget.width() <= SIZE[0] and widget.height() <= SIZE[1], name
        found = misfits(widget)
        self.checked[name] = counted(widget)
        self.problems += [f"{name}: {m}" for m in found]
        self.unnamed += [f"{name}: {w}" for w in unlabelled(widget)]
        self.codes += [
            f"{name}: {where}: {codes_in(text)} in {text[:80]!r}"
            for where, text in visible_texts(widget)
            if codes_in(text)
        ]
        if self.out is not None:
            self.out.mkdir(parents=True, exist_ok=True)
            widget.grab().save(str(self.out / f"{name}-ja.png"))
        return found

    def assert_all_fit(self) -> None:
        print("widgets with text checked per screen:", self.checked)
        assert self.checked, "no screen was checked"
        assert self.problems == [], "texts wider than their widgets:\n" + "\n".join(self.problems)
        # Every screen checked is also one a screen reader must be able to name control by control.
        assert self.unnamed == [], "controls without a text or an accessible name:\n" + "\n".join(
            self.unnamed
        )
        assert self.codes == [], "internal codes on screen:\n" + "\n".join(self.codes)


@pytest.fixture
def screens(qtbot: QtBot) -> Screens:
    return Screens(qtbot)


def _add(qtbot: QtBot, widget: W) -> W:
    qtbot.addWidget(widget)
    return widget


# ---- the fit check can fail ----------------------------------------------------------------------------------


def test_the_fit_check_finds_a_clipped_label_and_button(qtbot: QtBot, japanese: str) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

    box = _add(qtbot, QWidget())
    layout = QVBoxLayout(box)
    label = QLabel("外国にある第三者への提供に関する本人の同意", box)
    label.setFixedWidth(60)
    wrapped = QLabel("補完的措置 " * 40, box)
    wrapped.setWordWrap(True)
    wrapped.setFixedSize(120, 20)
    button = QPushButton("移転影響評価を開始する", box)
    button.setFixedWidth(50)
    fits = QLabel("個人情報", box)
    for w in (label, wrapped, button, fits):
        layout.addWidget(w)
    box.resize(400, 300)
    box.show()
    qtbot.waitExposed(box)
    kinds = sorted(m.kind for m in misfits(box))
    assert kinds == ["QPushButton", "label", "wrapped label (height)"]


def test_the_fit_check_finds_clipped_cells_and_sideways_scrolling(qtbot: QtBot, japanese: str) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QLabel, QScrollArea, QTableView, QVBoxLayout

    box = _add(qtbot, QWidget())
    layout = QVBoxLayout(box)
    model = QStandardItemModel(2, 1, box)
    model.setItem(0, 0, QStandardItem("Mumbai Helpdesk Private Limited, second-level support"))
    model.setItem(1, 0, QStandardItem("インド"))
    tipped = QStandardItem("National Security Letters (18 U.S.C. 2709 and related)")
    tipped.setToolTip(tipped.text())  # elided with the whole text in its tooltip: fits
    model.appendRow(tipped)
    table = QTableView(box)
    table.setModel(model)
    table.setColumnWidth(0, 90)
    table.setWordWrap(False)
    area = QScrollArea(box)
    wide = QLabel("外国にある第三者への提供に関する本人の同意 " * 4)
    area.setWidget(wide)
    area.setFixedWidth(150)
    layout.addWidget(table)
    layout.addWidget(area)
    box.resize(400, 400)
    box.show()
    qtbot.waitExposed(box)
    found = [(m.kind, m.text) for m in misfits(box) if m.kind in ("table cell", "scrolls sideways")]
    assert found == [
        ("table cell", "Mumbai Helpdesk Private Limited, second-level support"),
        ("scrolls sideways", "QLabel"),
    ]


# ---- every screen in Japanese at 1280×800 ------------------------------------------------------------------


def test_main_window_register_and_dashboard_fit(
    japanese: str, make_window: MakeWindow, admin: Actor, seeded: list[int], screens: Screens, qtbot: QtBot
) -> None:
    window = make_window(admin, language="ja")
    qtbot.waitUntil(lambda: window.register.model.rowCount() > 0)
    screens.check(window, "main-window")
    window.tabs.setCurrentIndex(1)
    qtbot.wait(100)
    screens.check(window, "dashboard")
    screens.assert_all_fit()


def test_sign_in_fits(japanese: str, worker: DbWorker, db: Database, screens: Screens, qtbot: QtBot) -> None:
    from ui.signin import SignInDialog

    first = _add(qtbot, SignInDialog(worker, True, "transfer-tool.sqlite3"))
    screens.check(first, "signin-first-run", full_size=False)
    users.create_first_admin(db, "admin", "山田 太郎", "a long enough password")
    dialog = _add(qtbot, SignInDialog(worker, False, "transfer-tool.sqlite3"))
    screens.check(dialog, "signin", full_size=False)
    screens.assert_all_fit()


def _japanese_transfer(db: Database, actor: Actor) -> int:
    exp = factories.entity(db, actor, "ネット・ジャパン株式会社", "JP", is_group_company=True)
    imp = factories.entity(db, actor, "Cloud Desk Inc.", "US", certifications=("APEC CBPR",))
    sub = factories.entity(db, actor, "Mumbai Helpdesk Pvt. Ltd.", "IN")
    t = transfers.create_transfer(
        db,
        actor,
        factories.transfer_input(
            exp.id,
            imp.id,
            "US",
            title="顧客サポート窓口の委託",
            retention="契約期間終了後1年",
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
    transfers.add_onward_transfer(
        db, actor, t.id, factories.transfer_input(imp.id, sub.id, "IN", title="二次サポート")
    )
    return t.id


SHOT_NAMES = {
    "transfer.parties": "wizard-parties",
    "transfer.data": "wizard-data",
    "transfer.handling": "wizard-handling",
    "precheck": "wizard-precheck",
    "tool": "wizard-tool",
    "law_practice": "wizard-law-practice",
    "measures": "wizard-measures",
    "risk": "wizard-risk",
    "conclusion": "wizard-conclusion",
    "summary": "wizard-summary",
}


def test_every_wizard_page_and_dialog_fits(
    japanese: str,
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    legal: Actor,
    screens: Screens,
) -> None:
    from ui.wizard.entity_dialog import EntityDialog
    from ui.wizard.transfer import OnwardDialog

    wizard = make_wizard(legal, _japanese_transfer(db, legal), "ja")
    # The APPI route (相当措置): the tool page then shows the information for the principal's consent.
    answer_everything(qtbot, wizard, conclusion=None, regime="JP", tool_code="jp_equivalent_measures")
    wizard.autosaver.flush()
    a = wizard.state.assessment
    assert a is not None
    service.add_evidence(db, legal, a.id, "signed-scc-module2.pdf", b"%PDF-1.4 signed", "締結済みのSCC")
    wizard.state.set_evidence(service.evidence_for(db, a.id))
    assert set(SHOT_NAMES) == set(PAGE_ORDER)
    wizard.go_to("precheck")
    precheck = wizard.page_for("precheck")
    assert isinstance(precheck, PrecheckPage)
    reasons = precheck.check_views["JP"].reasons.text()
    # The engine's reasons, by their codes, in Japanese (ui.terms.reason_text).
    assert "データ輸出者（JP）には日本 個人情報保護法が適用されます。" in reasons
    assert "米国は日本 個人情報保護法の下で十分性が認められていません。" in reasons
    assert not re.search(r"[A-Za-z]{4,}", reasons), reasons
    for key in PAGE_ORDER:
        wizard.go_to(key)
        wizard.autosaver.flush()
        qtbot.wait(20)
        screens.check(wizard, SHOT_NAMES[key])
    entity = _add(qtbot, EntityDialog(wizard.state.services, wizard))
    screens.check(entity, "wizard-entity", full_size=False)
    entity.reject()
    onward = _add(qtbot, OnwardDialog(wizard.state, wizard))
    screens.check(onward, "wizard-onward", full_size=False)
    onward.reject()
    screens.assert_all_fit()


def test_review_and_verify_fit(
    japanese: str,
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    legal: Actor,
    manager: Actor,
    pki: OfflinePki,
    make_services: Callable[..., Services],
    screens: Screens,
    tmp_path: Path,
) -> None:
    from ui.review import ReviewWindow
    from ui.verify import VerifyWindow

    realistic_register(db, admin, 12)
    trust.add_trusted(db, admin, pki.ca_pem, "Net Japan CA")
    t_signed, _a, signed = approved_with_signature(db, legal, manager, pki.signer_p12, pki.passphrase, "ja")
    submitted_assessment(db, legal, title="顧客サポート窓口の委託")
    review = _add(qtbot, ReviewWindow(make_services(manager, "ja")))
    screens.check(review, "review-queue")
    review.decisions.setCurrentIndex(1)
    screens.check(review, "review-approve")

    verify = _add(qtbot, VerifyWindow(make_services(legal, "ja")))
    screens.check(verify, "verify-empty")
    good = tmp_path / f"{t_signed.reference}-v1-signed.pdf"
    good.write_bytes(signed)
    verify.verify_file(good)
    screens.check(verify, "verify-valid")
    junk = tmp_path / "minutes.pdf"
    junk.write_bytes(b"Meeting minutes, not a PDF at all")
    verify.verify_file(junk)
    screens.check(verify, "verify-not-a-pdf")
    screens.assert_all_fit()


def test_administration_tabs_settings_and_about_fit(
    japanese: str,
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    legal: Actor,
    manager: Actor,
    pki: OfflinePki,
    make_services: Callable[..., Services],
    worker: DbWorker,
    screens: Screens,
) -> None:
    from ui.about import AboutDialog
    from ui.admin import AdminWindow
    from ui.user_settings import UserSettingsDialog

    realistic_register(db, admin, 12)
    users.create_user(
        db, admin, "kenji", "佐藤 健二", "a long enough password", Role.LEGAL, "kenji@example.jp"
    )
    trust.add_trusted(db, admin, pki.ca_pem, "Net Japan CA")
    window = _add(qtbot, AdminWindow(make_services(admin, "ja")))
    window.show_page("countries")
    window.page("countries").select("US")
    screens.check(window, "admin-countries")
    for tab in range(window.page("countries").editor.tabs.count()):
        window.page("countries").editor.tabs.setCurrentIndex(tab)
        screens.check(window, f"admin-countries-tab{tab}")
    for page in ("users", "trust", "catalogues", "organisation", "notice"):
        window.show_page(page)
        screens.check(window, f"admin-{page}")

    settings_dialog = _add(qtbot, UserSettingsDialog(make_services(manager, "ja")))
    screens.check(settings_dialog, "settings-user")
    about = _add(qtbot, AboutDialog(worker))
    screens.check(about, "about", full_size=False)
    screens.assert_all_fit()


# ---- the source and the catalogue --------------------------------------------------------------------------


def test_no_user_visible_literal_bypasses_translation() -> None:
    findings = scan(ROOT)
    assert [str(f) for f in findings] == [], (
        'wrap these in self.tr() or QCoreApplication.translate("Context", ...) (a literal context, so that '
        "pyside6-lupdate files them where the code looks them up)"
    )


def test_the_source_scan_finds_literals_and_wrappers(tmp_path: Path) -> None:
    code = tmp_path / "ui" / "screen.py"
    code.parent.mkdir()
    code.write_text(
        "def tr(t): return t\n"
        "class S:\n"
        "    def build(self, label, box, menu, table, n):\n"
        "        label.setText('Adequacy decision')\n"
        "        QPushButton('Approve', self)\n"
        "        menu.addAction(f'Open {n} items')\n"
        "        table.setHorizontalHeaderLabels([self.tr('Status'), 'Owner'])\n"
        "        QMessageBox.warning(self, self.tr('Title'), 'Something failed')\n"
        "        box.setTitle(tr('Wrapped'))\n"
        "        label.setText(self.tr('Fine') + ' (ok)')\n"
        "        label.setText(self.tr('Fine'))\n"
        "        label.setText('')\n"
        "        label.setText('…')\n"
        "        label.setObjectName('statusLabel')\n",
        encoding="utf-8",
    )
    texts = [f.text for f in scan_file(code, tmp_path)]
    assert sorted(texts) == sorted(
        ["Adequacy decision", "Approve", "Open ", " items", "Owner", "Something failed", "Wrapped", " (ok)"]
    )


def _messages(lang: str) -> list[tuple[str, str, str]]:
    tree = ET.parse(resource_file("translations", f"transfer_tool_{lang}.ts"))
    out = []
    for ctx in tree.getroot().iter("context"):
        for m in ctx.iter("message"):
            tr = m.find("translation")
            assert tr is not None
            forms = [f.text or "" for f in tr.iter("numerusform")]
            text = "".join(forms) if forms else (tr.text or "")
            out.append((ctx.findtext("name") or "", m.findtext("source") or "", text))
    return out


def test_translations_keep_placeholders_and_shortcuts() -> None:
    mnemonic = re.compile(r"&(?!&)(\w)")
    wrong = []
    for ctx, source, text in _messages("ja"):
        if sorted(set(re.findall(r"%\d|%n", source))) != sorted(set(re.findall(r"%\d|%n", text))):
            wrong.append(f"{ctx}: {source!r} -> {text!r} (placeholders)")
        keys = [k.lower() for k in mnemonic.findall(source.replace("&&", ""))]
        if keys != [k.lower() for k in mnemonic.findall(text.replace("&&", ""))]:
            wrong.append(f"{ctx}: {source!r} -> {text!r} (shortcut key)")
    assert wrong == []


def test_english_is_the_source_language_and_both_catalogues_are_current(qapp: QApplication) -> None:
    """English needs no translation (install_translators loads none for it); its .ts lists the same
    messages as the Japanese one, so neither misses a string the other has."""
    ja = {(c, s) for c, s, _t in _messages("ja")}
    en = {(c, s) for c, s, _t in _messages("en")}
    assert ja == en and len(ja) > 800
    translators = install_translators(qapp, "en")
    remove_translators(qapp, translators)
    assert translators == []


# ---- Qt's own texts, dates and numbers ----------------------------------------------------------------------


def test_qt_wizard_buttons_are_japanese(japanese: str, qtbot: QtBot) -> None:
    wizard = _add(qtbot, QWizard())
    wizard.addPage(QWizardPage())
    wizard.addPage(QWizardPage())
    assert "次へ" in wizard.buttonText(QWizard.WizardButton.NextButton)
    assert "キャンセル" in wizard.buttonText(QWizard.WizardButton.CancelButton)


def test_register_dates_and_dashboard_counts_follow_the_language(
    japanese: str, make_window: MakeWindow, admin: Actor, seeded: list[int], qtbot: QtBot
) -> None:
    from ui.dashboard import _StatusCard
    from ui.models.register_model import COLUMNS

    window = make_window(admin, language="ja")
    model = window.register.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    column = next(i for i, c in enumerate(COLUMNS) if c.key == "next_review")
    dates = [model.index(r, column, QModelIndex()).data() for r in range(model.rowCount())]
    shown = [d for d in dates if d]
    assert shown and all(re.search(r"\d{4}/\d{2}/\d{2}", d) for d in shown), shown
    card = _add(qtbot, _StatusCard("すべての移転"))
    card.set_count(12345)
    assert card.number.text() == "12,345"


# ---- one terminology for screens and report -----------------------------------------------------------------


LABELS: list[tuple[str, Callable[[], str]]] = [
    *[(f"status.{s.value}", lambda s=s: status_label(s)) for s in TransferStatus],
    *[(f"userrole.{r.value}", lambda r=r: role_label(r)) for r in Role],
    *[(f"adequacy.{a.value}", lambda a=a: adequacy_label(a)) for a in AdequacyStatus],
    *[(f"regime.{c.value}", lambda c=c: regime_short_name(c.value)) for c in RegimeCode],
    *[(f"role.{p.value}", lambda p=p: labels.party_role(p)) for p in PartyRole],
    *[(f"frequency.{f.value}", lambda f=f: labels.frequency(f)) for f in Frequency],
    *[(f"format.{f.value}", lambda f=f: labels.data_format(f)) for f in DataFormat],
    *[(f"keyholder.{k.value}", lambda k=k: labels.key_holder(k)) for k in KeyHolder],
    *[(f"law.conclusion.{c.value}", lambda c=c: labels.step_conclusion(c)) for c in StepConclusion],
    *[(f"measure.status.{m.value}", lambda m=m: labels.measure_status(m)) for m in MeasureStatus],
    *[(f"measure.kind.{m.value}", lambda m=m: labels.measure_kind(m)) for m in MeasureKind],
    *[(f"measure.effectiveness.{e.value}", lambda e=e: labels.effectiveness(e)) for e in Effectiveness],
    *[(f"conclusion.{c.value}", lambda c=c: labels.conclusion(c)) for c in Conclusion],
    *[(f"risk.mode.{m.value}", lambda m=m: labels.risk_mode(m)) for m in RiskInputMode],
    *[(f"route.{r.value}", lambda r=r: labels.route(r)) for r in Route],
]


def test_every_value_label_is_the_reports_japanese(japanese: str) -> None:
    terms = Terminology.load()
    for key, label in LABELS:
        assert terms.has(key), key
        assert label() == terms.get(key, "ja"), key


def test_screens_show_the_reports_words(
    japanese: str,
    qtbot: QtBot,
    make_wizard: MakeWizard,
    make_window: MakeWindow,
    db: Database,
    admin: Actor,
    legal: Actor,
    seeded: list[int],
    worker: DbWorker,
) -> None:
    """What a user reads on screen is the report's term: a status in the register, a regime in the country
    picker, a party role in the wizard."""
    from ui.models.register_model import COLUMNS
    from ui.widgets.country_picker import CountryPicker
    from ui.wizard.transfer import PartiesPage

    terms = Terminology.load()
    window = make_window(admin, language="ja")
    model = window.register.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    column = next(i for i, c in enumerate(COLUMNS) if c.key == "status")
    statuses = {model.index(r, column, QModelIndex()).data() for r in range(model.rowCount())}
    assert terms.get("status.approved", "ja") in statuses
    assert statuses <= {terms.get(f"status.{s.value}", "ja") for s in TransferStatus}

    picker = _add(qtbot, CountryPicker(store.names(), "ja", worker))
    headers = [
        picker.table.model().headerData(i, Qt.Orientation.Horizontal)
        for i in range(picker.table.model().columnCount())
    ]
    assert terms.get("regime.JP", "ja") in headers and terms.get("regime.EU", "ja") in headers

    wizard = make_wizard(legal, _japanese_transfer(db, legal), "ja")
    parties = wizard.page_for("transfer.parties")
    assert isinstance(parties, PartiesPage)
    roles = [parties.importer_role.itemText(i) for i in range(parties.importer_role.count())]
    assert terms.get("role.controller", "ja") in roles and terms.get("role.processor", "ja") in roles


# ---- the language switch ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "note"), [("en", "restart"), ("ja", "再起動")])
def test_language_menu_says_it_applies_after_a_restart_and_defaults_to_the_system(
    qapp: QApplication, make_window: MakeWindow, admin: Actor, settings: Settings, language: str, note: str
) -> None:
    translators = install_translators(qapp, language)
    try:
        window = make_window(admin, language=language)
        actions = window.language_menu.actions()
        texts = [a.text() for a in actions]
        restart = next(a for a in actions if a.objectName() == "languageRestartNote")
        assert note in restart.text() and not restart.isEnabled()
        checked = [a for a in actions if a.isCheckable() and a.isChecked()]
        assert [a.text() for a in checked] == [texts[0]]  # "System language" until the user picks one
        assert "English" in texts and "日本語" in texts
    finally:
        remove_translators(qapp, translators)


def test_user_settings_say_the_language_applies_after_a_restart(
    japanese: str, qtbot: QtBot, make_services: Callable[..., Services], legal: Actor
) -> None:
    from ui.user_settings import UserSettingsDialog

    dialog = _add(qtbot, UserSettingsDialog(make_services(legal, "ja")))
    assert dialog.language.currentData() == ""  # the system language by default
    assert "再起動" in dialog.language_note.text()


def test_report_dates_use_the_chosen_language() -> None:
    from transfer_tool.report.terms import format_date

    assert format_date(dt.date(2026, 11, 6), "ja") == "2026年11月6日"
    assert format_date(dt.date(2026, 11, 6), "en") == "2026-11-06"


@pytest.fixture(params=["en", "ja"])
def either_language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    register_bundled_fonts(qapp)
    translators = install_translators(qapp, request.param) if request.param == "ja" else []
    yield str(request.param)
    remove_translators(qapp, translators)


def test_the_law_editor_and_the_onward_table_fit_in_english_and_japanese(
    either_language: str,
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    legal: Actor,
    make_wizard: MakeWizard,
    make_services: Callable[..., Services],
    screens: Screens,
) -> None:
    """Issue 18: both were cut off at 1280×800 (law names elided, the law form scrolling sideways, the
    sub-recipient's name cut in the onward table)."""
    from ui.admin import AdminWindow
    from ui.wizard.state import PAGE_HANDLING

    lang = either_language
    window = _add(qtbot, AdminWindow(make_services(admin, lang)))
    window.show_page("countries")
    window.page("countries").select("US")
    editor = window.page("countries").editor
    editor.tabs.setCurrentIndex(1)
    assert editor.laws_tab.model.rowCount() >= 4
    for row in range(editor.laws_tab.model.rowCount()):
        editor.laws_tab.table.selectRow(row)
        screens.check(window, f"admin-law-editor-{lang}-{row}")
    wizard = make_wizard(legal, _japanese_transfer(db, legal), lang)
    wizard.go_to(PAGE_HANDLING)
    wizard.autosaver.flush()
    screens.check(wizard, f"wizard-handling-{lang}")
    handling = wizard.page_for(PAGE_HANDLING)
    assert isinstance(handling, HandlingPage)
    assert handling.onward_model.rowCount() == 1
    screens.assert_all_fit()
