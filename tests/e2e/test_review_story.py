"""The review story end to end, through the real screens and a real database:

an assessor submits → a manager returns it with a comment (Review screen) → the assessor sees the comment,
fixes and resubmits → the manager approves with a PKCS#12 identity (Review screen) → the saved signed PDF
verifies in the Verify screen → tampered copies show "modified after signing" → an administrator marks
the destination not adequate (country editor) → the approved transfer shows "re-assessment needed" in the
register of the main window.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import (  # noqa: F401 - fixtures shared with the screen tests
    make_services,
    make_settings,
    make_window,
    settings,
    settings_path,
    worker,
)
from tests.ui.review_support import TODAY, submitted_assessment
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.domain import AdequacyStatus, AssessmentStatus, TransferStatus
from transfer_tool.register import transfers
from transfer_tool.signing import trust
from transfer_tool.signing.testing import make_test_pki
from transfer_tool.storage.database import Database
from ui.admin import AdminWindow
from ui.admin.countries import CountriesPage
from ui.app import screen_factories
from ui.main_window import MainWindow
from ui.models.register_model import IdRole, column_index
from ui.review import ReviewWindow
from ui.verify import VerifyWindow

pytestmark = [pytest.mark.slow, pytest.mark.both_databases]  # the whole story, on either database


def _one(window: MainWindow, kind: type[QWidget]) -> QWidget:
    found: list[QWidget] = [w for w in window.findChildren(kind) if w.isVisible()]
    assert len(found) == 1, found
    return found[0]


def test_submit_return_resubmit_approve_verify_tamper_and_flag(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    legal: Actor,
    manager: Actor,
    make_window: Callable[..., MainWindow],  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pki = make_test_pki(tmp_path / "pki")
    trust.add_trusted(db, admin, pki.ca_pem, "Organisation CA")

    # 1. The assessor fills and submits the assessment (services, as the wizard would).
    t, a = submitted_assessment(db, legal)
    assert transfers.get_transfer(db, t.id).status is TransferStatus.SUBMITTED

    # 2. The manager returns it with a comment through the Review screen.
    manager_main = make_window(manager, screens=screen_factories())
    manager_main.review_action.trigger()
    review = _one(manager_main, ReviewWindow)
    assert isinstance(review, ReviewWindow)
    assert review.model.rowCount() == 1 and review.pdf.page_count() >= 3
    panel = review.comments
    panel.section.setCurrentIndex(panel.section.findData("measures"))
    panel.text.setPlainText("Give the encryption measure an owner and a due date.")
    panel.add_button.click()
    panel.return_button.click()
    assert service.get_assessment(db, a.id).status is AssessmentStatus.RETURNED
    assert review.model.rowCount() == 0

    # 3. The assessor sees the comment, fixes the draft and resubmits: version 2 (version 1 stays as the
    # reviewer returned it).
    returned = a
    latest = service.latest_for_transfer(db, t.id)
    assert latest is not None and latest.version_no == 2 and latest.id != returned.id
    a = latest
    comments = service.comments_for(db, a.id)
    assert [(c.section, c.author_name) for c in comments] == [("measures", "Max Manager 山田")]
    current = service.get_assessment(db, a.id)
    fixed = dataclasses.replace(
        current.record,
        measures=tuple(
            dataclasses.replace(m, owner=f"{m.owner} (IT security, Kenji Sato)")
            for m in current.record.measures
        ),
    )
    saved = service.save_draft(db, legal, a.id, fixed, current.row_version)
    assert saved.row_version > current.row_version
    service.submit(db, legal, a.id, TODAY)
    assert service.comments_for(db, a.id) == []  # resubmitting answers them
    assert len(service.comments_for(db, a.id, open_only=False)) == 1

    # 4. The manager approves with the PKCS#12 identity through the Review screen (its certificate was
    # registered by an administrator as the manager's own).
    from tests import approval_support
    from transfer_tool import signing

    approval_support.register(db, manager, signing.export_certificate_pem(pki.signer_p12, pki.passphrase))
    review.refresh()
    assert review.model.rowCount() == 1
    # The reviewer sees what changed since the version returned.
    qtbot.waitUntil(lambda: review.changes.rows() != [], timeout=5000)
    assert [(r[0], r[1]) for r in review.changes.rows()] == [("Action plan", "Action owner")] * 2
    review.decisions.setCurrentIndex(1)
    approve = review.approve
    approve.use_file.setChecked(True)
    approve.file.setText(str(pki.signer_p12))
    approve.passphrase.setText(pki.passphrase)
    for box in approve.attestations.values():
        box.setChecked(True)
    assert approve.approve_button.isEnabled()
    approve.approve_button.click()
    assert service.get_assessment(db, a.id).status is AssessmentStatus.APPROVED
    assert transfers.get_transfer(db, t.id).status is TransferStatus.APPROVED
    signed_file = tmp_path / "signed.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(signed_file), ""))
    approve.save_button.click()
    assert signed_file.read_bytes() == service.signed_report(db, a.id)

    # 5. Anyone verifies the saved file in the Verify screen: valid, and the copy the database keeps.
    legal_main = make_window(legal, screens=screen_factories())
    legal_main.verify_action.trigger()
    verify = _one(legal_main, VerifyWindow)
    assert isinstance(verify, VerifyWindow)
    verify.verify_file(signed_file)
    assert verify.verdict_text().startswith("✔ VALID: signed by 山田 太郎 (DPO)")
    assert verify.fields["database"].text() == f"Yes: this is the signed copy stored with {t.reference} v2."

    # 6. Tampered copies: one byte flipped, and an incremental update appended.
    pdf = signed_file.read_bytes()
    at = pdf.index(b"stream\n") + 40
    flipped = tmp_path / "flipped.pdf"
    flipped.write_bytes(pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1 :])
    verify.verify_file(flipped)
    assert "modified after signing" in verify.verdict_text()
    assert verify.verdict_text().startswith("✖ INVALID")

    from pyhanko.pdf_utils.generic import pdf_string
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    info = writer.trailer["/Info"]
    info["/Title"] = pdf_string("Approved (edited)")
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]  # pyHanko leaves it unannotated
    updated = tmp_path / "updated.pdf"
    updated.write_bytes(out.getvalue())
    verify.verify_file(updated)
    assert "modified after signing" in verify.verdict_text()

    # 7. The administrator marks the destination not adequate in the country editor.
    admin_main = make_window(admin, screens=screen_factories())
    register = admin_main.register.model
    row = next(r for r in range(register.rowCount()) if register.index(r, 0).data(IdRole) == t.id)
    column = column_index("reassessment")
    assert register.index(row, column).data() == ""
    admin_main.admin_actions["countries"].trigger()
    admin_window = _one(admin_main, AdminWindow)
    assert isinstance(admin_window, AdminWindow)
    countries = admin_window.page("countries")
    assert isinstance(countries, CountriesPage)
    countries.select("US")
    countries.editor.select_regime("EU")
    countries.editor.regimes_tab.status.setCurrentIndex(
        countries.editor.regimes_tab.status.findData(AdequacyStatus.NOT_ADEQUATE)
    )
    assert countries.impact.text().startswith("Saving flags 1 transfer(s)")
    countries.reason.setText("CJEU annulled the EU-U.S. Data Privacy Framework")
    countries.save_button.click()
    assert countries.flag_model.rowCount() == 1 and countries.flag_model.text(0, 0) == t.reference

    # 8. The approved transfer now shows "re-assessment needed" in the register.
    flagged = transfers.get_transfer(db, t.id)
    assert flagged.status is TransferStatus.APPROVED and flagged.reassessment_needed
    row = next(r for r in range(register.rowCount()) if register.index(r, 0).data(IdRole) == t.id)
    assert register.index(row, column).data() == "Needed"
    qtbot.wait(10)
