"""Every review, verify, administration and settings screen grabbed at 1280×800 in English and Japanese,
with realistic content. Each grab must succeed at that size; with REVIEW_SCREENSHOTS=<folder> the PNGs are
also saved there (docs/screenshots holds the ones the user guide shows)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui import languages
from tests.ui.review_support import approved_with_signature, submitted_assessment
from tests.ui.seed import realistic_register
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.countries import store
from transfer_tool.domain import AdequacyStatus, Role
from transfer_tool.signing import trust
from transfer_tool.signing.testing import OfflinePki, make_test_pki
from transfer_tool.storage.database import Database
from ui.admin import AdminWindow
from ui.admin.countries import CountriesPage
from ui.admin.country_import import ImportPreviewDialog
from ui.review import ReviewWindow
from ui.services import Services
from ui.user_settings import UserSettingsDialog, create_identity
from ui.verify import VerifyWindow

SIZE = (1280, 800)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> OfflinePki:
    return make_test_pki(tmp_path_factory.mktemp("pki"))


language = languages.language


@pytest.fixture
def grab(qtbot: QtBot, language: str, tmp_path: Path) -> Callable[[QWidget, str], Path]:
    out = Path(os.environ["REVIEW_SCREENSHOTS"]) if os.environ.get("REVIEW_SCREENSHOTS") else None

    def shot(widget: QWidget, name: str) -> Path:
        widget.resize(*SIZE)
        if not widget.isVisible():
            widget.show()
            qtbot.waitExposed(widget)
        qtbot.wait(30)
        image = widget.grab().toImage()
        assert (image.width(), image.height()) == SIZE, name
        assert not image.isNull()
        path = tmp_path / f"{name}{'' if language == 'en' else '-ja'}.png"
        assert image.save(str(path))
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            image.save(str(out / path.name))
        return path

    return shot


def _add(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(*SIZE)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_review_and_verify_screens(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    legal: Actor,
    manager: Actor,
    pki: OfflinePki,
    make_services: Callable[..., Services],
    grab: Callable[[QWidget, str], Path],
    language: str,
    tmp_path: Path,
) -> None:
    realistic_register(db, admin, 24)
    trust.add_trusted(db, admin, pki.ca_pem, "Net Japan CA")
    t_signed, _a, signed = approved_with_signature(
        db, legal, manager, pki.signer_p12, pki.passphrase, language
    )
    submitted_assessment(db, legal, title="Customer support desk (Zendesk)")
    kenji = users.create_user(db, admin, "kenji", "佐藤 健二", "a long enough password", Role.LEGAL).actor()
    submitted_assessment(db, kenji, title="Payroll processing for US staff")

    review = ReviewWindow(make_services(manager, language))
    _add(qtbot, review)
    assert review.model.rowCount() == 2 and review.pdf.page_count() >= 3
    panel = review.comments
    panel.section.setCurrentIndex(panel.section.findData("law_practice"))
    panel.text.setPlainText(
        "FISA 702: say why the support desk provider is an electronic communication service provider."
        if language == "en"
        else "FISA 702: サポート窓口の委託先が電気通信サービス提供者に当たる理由を記載してください。"
    )
    panel.add_button.click()
    panel.section.setCurrentIndex(panel.section.findData("measures"))
    panel.text.setPlainText(
        "Name the owner of the key-management measure."
        if language == "en"
        else "鍵管理の措置の担当者を記載してください。"
    )
    panel.add_button.click()
    grab(review, "review-queue")

    review.decisions.setCurrentIndex(1)
    review.approve.use_file.setChecked(True)
    identity = tmp_path / "yamada-taro.p12"
    identity.write_bytes(pki.signer_p12.read_bytes())
    review.approve.file.setText(str(identity))
    review.approve.passphrase.setText(pki.passphrase)
    for box in review.approve.attestations.values():
        box.setChecked(True)
    grab(review, "review-approve")
    review.approve.approve_button.click()
    assert "✔" not in review.approve.banner.text()  # the banner is words, the colour only underlines them
    assert review.approve.save_button.isVisible()
    review.pdf.show_page(-1)  # the sign-off page with the stamp
    grab(review, "review-signed")

    verify = VerifyWindow(make_services(legal, language))
    _add(qtbot, verify)
    good = tmp_path / f"{t_signed.reference}-v1-signed.pdf"
    good.write_bytes(signed)
    verify.verify_file(good)
    assert verify.verdict.property("level") == "good"
    grab(verify, "verify-valid")
    at = signed.index(b"stream\n") + 40
    bad = tmp_path / f"{t_signed.reference}-v1-edited.pdf"
    bad.write_bytes(signed[:at] + bytes([signed[at] ^ 0x01]) + signed[at + 1 :])
    verify.verify_file(bad)
    assert verify.verdict.property("level") == "bad"
    grab(verify, "verify-tampered")
    junk = tmp_path / "minutes.pdf"
    junk.write_bytes(b"Meeting minutes, not a PDF at all")
    verify.verify_file(junk)
    grab(verify, "verify-not-a-pdf")


def test_administration_and_settings_screens(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    legal: Actor,
    manager: Actor,
    pki: OfflinePki,
    make_services: Callable[..., Services],
    grab: Callable[[QWidget, str], Path],
    language: str,
    tmp_path: Path,
) -> None:
    realistic_register(db, admin, 24)
    submitted_assessment(db, legal)
    users.create_user(
        db, admin, "kenji", "佐藤 健二", "a long enough password", Role.LEGAL, "kenji@example.jp"
    )
    trust.add_trusted(db, admin, pki.ca_pem, "Net Japan CA")
    info = create_identity(manager.username, "Max Manager 山田", "max@example.com", "manager passphrase")
    trust.add_trusted(db, admin, info.pem, "Max Manager 山田 (self-signed)")
    service.set_org_settings(
        db,
        admin,
        service.OrgSettings(
            risk_threshold=0.05, reevaluation_months=12, organisation_name="Net Japan Co., Ltd."
        ),
    )
    services = make_services(admin, language)
    window = AdminWindow(services)
    _add(qtbot, window)
    countries = window.show_page("countries")
    assert isinstance(countries, CountriesPage)
    countries.select("US")
    countries.editor.select_regime("EU")
    countries.editor.regimes_tab.status.setCurrentIndex(
        countries.editor.regimes_tab.status.findData(AdequacyStatus.NOT_ADEQUATE)
    )
    countries.editor.regimes_tab.notes.setPlainText(
        "CJEU judgment annulling Decision (EU) 2023/1795 (test data)"
    )
    countries.reason.setText(
        "CJEU annulled the EU-U.S. Data Privacy Framework"
        if language == "en"
        else "欧州司法裁判所がDPFを無効と判断"
    )
    assert countries.impact.isVisibleTo(countries)
    grab(window, "admin-countries")
    countries.save_button.click()
    grab(window, "admin-countries-flagged")
    countries.editor.tabs.setCurrentIndex(3)
    grab(window, "admin-countries-history")

    doc = json.loads(store.export_document(db))
    changed = tmp_path / "countries-2026-q4.json"
    kr = next(d for d in doc["destinations"] if d["code"] == "KR")
    kr["regimes"]["CH"] = {"status": "adequate", "instrument": "DPO Annex 1 (amended 2026)", "verified": True}
    br = next(d for d in doc["destinations"] if d["code"] == "BR")
    br["regimes"]["EU"] = {
        "status": "adequate",
        "instrument": "Adequacy decision for Brazil (2026)",
        "adopted": "2026-09-01",
        "verified": True,
    }
    doc["dataset_version"] = "2026-Q4"
    changed.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    countries.import_file(changed)
    dialog = countries._import_dialog
    assert isinstance(dialog, ImportPreviewDialog)
    dialog.reason.setText("Quarterly update 2026-Q4")
    dialog.resize(*SIZE)
    grab(dialog, "admin-import-preview")
    dialog.close()

    window.show_page("users")
    users_page = window.page("users")
    users_page.select_user("kenji")
    grab(window, "admin-users")
    window.show_page("trust")
    grab(window, "admin-trust")
    window.show_page("catalogues")
    grab(window, "admin-catalogues")
    window.show_page("organisation")
    grab(window, "admin-organisation")

    settings_dialog = UserSettingsDialog(make_services(manager, language))
    _add(qtbot, settings_dialog)
    grab(settings_dialog, "settings-user")
