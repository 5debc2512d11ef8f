"""The review screen driven as a manager would: the queue, the report, return with comments, approve with
a PKCS#12 identity, and the errors a reviewer can meet (wrong passphrase, four eyes, wrong role)."""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests import approval_support
from tests.ui import languages
from tests.ui.review_support import TODAY, submitted_assessment
from tests.ui.settle import settle
from transfer_tool import signing
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.domain import AssessmentStatus, TransferStatus
from transfer_tool.register import transfers
from transfer_tool.signing.testing import OfflinePki, make_test_pki
from transfer_tool.storage.database import Database
from ui.review import ReviewWindow, open_review
from ui.review.approve_panel import attestation_label
from ui.review.window import CHANGES_TAB
from ui.services import Services
from ui.settings import Settings


def _shot(widget: QWidget, name: str) -> None:
    """With REVIEW_SCREENSHOTS=<folder>, the grab is saved there for a person to look at (docs/screenshots)."""
    folder = os.environ.get("REVIEW_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(Path(folder) / name))


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> OfflinePki:
    return make_test_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def review(qtbot: QtBot, make_services: Callable[..., Services]) -> Callable[..., ReviewWindow]:
    def make(actor: Actor, language: str = "en") -> ReviewWindow:
        window = ReviewWindow(make_services(actor, language))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def _tick_all(window: ReviewWindow) -> None:
    for box in window.approve.attestations.values():
        box.setChecked(True)


def _register(db: Database, manager: Actor, pki: OfflinePki) -> None:
    """An administrator registers the PKI's signer certificate as the manager's own."""
    approval_support.register(db, manager, signing.export_certificate_pem(pki.signer_p12, pki.passphrase))


def _choose_file(window: ReviewWindow, path: Path, passphrase: str) -> None:
    window.decisions.setCurrentIndex(1)
    window.approve.use_file.setChecked(True)
    window.approve.file.setText(str(path))
    window.approve.passphrase.setText(passphrase)


def test_the_queue_shows_submitted_assessments_and_the_report(
    db: Database, legal: Actor, manager: Actor, review: Callable[..., ReviewWindow]
) -> None:
    t, a = submitted_assessment(db, legal)
    window = review(manager)
    assert window.model.rowCount() == 1
    assert window.heading.text() == "1 assessment(s) awaiting review"
    row = [window.model.index(0, c).data() for c in range(window.model.columnCount())]
    assert row[0] == t.reference and row[2] == "v1" and row[3] == "United States"
    assert row[5] == "Lena Legal"
    # The first item is opened: its report is shown page by page.
    assert window._current is not None and window._current.assessment_id == a.id
    assert window.pdf.page_count() >= 3
    assert t.reference in window.doc_title.text()


def test_return_with_comments_reaches_the_assessor(
    db: Database, legal: Actor, manager: Actor, review: Callable[..., ReviewWindow]
) -> None:
    t, a = submitted_assessment(db, legal)
    window = review(manager)
    panel = window.comments
    window.decisions.setCurrentIndex(0)
    assert not panel.return_button.isEnabled()
    panel.section.setCurrentIndex(panel.section.findData("law_practice"))
    panel.text.setPlainText("Explain why FISA 702 applies to a support desk.")
    panel.add_button.click()
    panel.section.setCurrentIndex(panel.section.findData("measures"))
    panel.text.setPlainText("Name the owner of the encryption measure — 暗号化の担当者")
    assert panel.model.rowCount() == 1  # typed but not added yet: Return still sends it
    panel.return_button.click()

    assert service.get_assessment(db, a.id).status is AssessmentStatus.RETURNED
    assert transfers.get_transfer(db, t.id).status is TransferStatus.RETURNED
    comments = [(c.section, c.comment, c.author_name) for c in service.comments_for(db, a.id)]
    assert comments == [
        ("law_practice", "Explain why FISA 702 applies to a support desk.", "Max Manager 山田"),
        ("measures", "Name the owner of the encryption measure — 暗号化の担当者", "Max Manager 山田"),
    ]
    assert window.model.rowCount() == 0
    assert "returned to the assessor" in panel.message.text()


def test_approve_is_enabled_only_with_all_four_attestations_and_an_identity(
    db: Database, legal: Actor, manager: Actor, review: Callable[..., ReviewWindow], pki: OfflinePki
) -> None:
    submitted_assessment(db, legal)
    window = review(manager)
    panel = window.approve
    window.decisions.setCurrentIndex(1)
    settle(window)
    for key, box in panel.attestations.items():  # each one unwrapped line, read whole (was cut at 420 px)
        assert box.width() >= box.sizeHint().width(), key
    # No identity of the manager's own in the data folder: the file choice is preselected, empty.
    assert not panel.use_own.isEnabled() and panel.use_file.isChecked()
    _tick_all(window)
    assert not panel.approve_button.isEnabled()  # no identity chosen
    _choose_file(window, pki.signer_p12, pki.passphrase)
    assert panel.approve_button.isEnabled()
    for key, box in panel.attestations.items():
        box.setChecked(False)
        assert not panel.approve_button.isEnabled(), key
        box.setChecked(True)
    panel.file.setText(str(pki.signer_p12) + ".missing")
    assert not panel.approve_button.isEnabled()


def test_the_attestations_are_worded_as_the_service_requires() -> None:
    assert {k: attestation_label(k) for k in service.REQUIRED_ATTESTATIONS} == service.REQUIRED_ATTESTATIONS


def test_approve_signs_the_report_and_shows_the_signed_pages(
    db: Database, legal: Actor, manager: Actor, review: Callable[..., ReviewWindow], pki: OfflinePki
) -> None:
    t, a = submitted_assessment(db, legal)
    _register(db, manager, pki)
    window = review(manager)
    _choose_file(window, pki.signer_p12, pki.passphrase)
    _tick_all(window)
    stages: list[str] = []
    window._stages.stage.connect(stages.append)
    window.approve.approve_button.click()

    view = service.get_assessment(db, a.id)
    assert view.status is AssessmentStatus.APPROVED and view.frozen
    assert transfers.get_transfer(db, t.id).status is TransferStatus.APPROVED
    signed = service.signed_report(db, a.id)
    assert signed is not None
    result = signing.verify_pdf(signed, [pki.ca_pem])
    assert result.ok and result.signer_name == "山田 太郎 (DPO)"
    assert stages == ["open", "render", "sign", "save"]
    assert "is approved" in window.approve.banner.text()
    assert window.approve.save_button.isVisible()
    assert window.pdf.page_count() >= 3  # the signed copy, stamp drawn by pypdfium2
    assert window.model.rowCount() == 0


def test_a_wrong_passphrase_is_shown_and_nothing_is_approved(
    db: Database, legal: Actor, manager: Actor, review: Callable[..., ReviewWindow], pki: OfflinePki
) -> None:
    _, a = submitted_assessment(db, legal)
    window = review(manager)
    _choose_file(window, pki.signer_p12, "not the passphrase")
    _tick_all(window)
    window.approve.approve_button.click()
    assert window.approve.banner.isVisible()
    assert "passphrase does not open this signing identity" in window.approve.banner.text()
    assert service.get_assessment(db, a.id).status is AssessmentStatus.SUBMITTED
    assert window.approve.approve_button.isEnabled()  # correct it and try again


def test_a_report_changed_after_it_was_read_is_not_approved_and_is_shown_again(
    db: Database, legal: Actor, manager: Actor, review: Callable[..., ReviewWindow], pki: OfflinePki
) -> None:
    """The reviewer approves what they read: the title is the register's own and stays editable while the
    version awaits review, so a colleague can change it between the reading and the approval."""
    t, a = submitted_assessment(db, legal)
    _register(db, manager, pki)
    window = review(manager)
    _choose_file(window, pki.signer_p12, pki.passphrase)
    _tick_all(window)
    t = transfers.get_transfer(db, t.id)
    transfers.update_transfer(
        db, legal, t.id, transfers.with_changes(t, title="Helpdesk (renamed)"), t.row_version
    )
    first_read = window._read
    approved: list[int] = []
    window.approved.connect(approved.append)
    window.approve.approve_button.click()
    assert approved == []
    text = window.approve.banner.text()
    assert "changed after you opened it" in text and "nothing was approved" in text, text
    _shot(window, "review-report-changed.png")
    assert service.get_assessment(db, a.id).status is AssessmentStatus.SUBMITTED
    # The report as it is now is on screen again (read again from the database), to read before approving.
    assert window._read is not None and first_read is not None and window._read != first_read
    assert "Helpdesk (renamed)" in window.doc_title.text()
    assert window.model.item(0).title == "Helpdesk (renamed)"
    assert window.pdf.page_count() >= 3
    assert window.approve.approve_button.isEnabled()
    window.approve.approve_button.click()
    assert approved == [a.id]
    assert service.get_assessment(db, a.id).status is AssessmentStatus.APPROVED
    signed = service.signed_report(db, a.id)
    assert signed is not None and "Helpdesk (renamed)" in _words(signed)


def test_a_report_that_cannot_be_prepared_cannot_be_approved(
    db: Database, legal: Actor, manager: Actor, review: Callable[..., ReviewWindow], pki: OfflinePki
) -> None:
    """An evidence file whose stored content no longer has its SHA-256: the report refuses to print it, so
    there is nothing to read, and nothing to approve (the panel says why, not "being prepared")."""
    from sqlalchemy import update

    from tests.ui.review_support import fr_to_us
    from tests.unit.test_assessment_service import _filled
    from transfer_tool.domain import Conclusion
    from transfer_tool.storage.models.core import Blob

    t = fr_to_us(db, legal)
    a = service.start_assessment(db, legal, t.id)
    e = service.add_evidence(db, legal, a.id, "scc.pdf", b"%PDF-1.4 signed clauses", "Signed SCC")
    a = service.get_assessment(db, a.id)
    a = service.save_draft(
        db, legal, a.id, _filled(a.record, conclusion=Conclusion.PROCEED_WITH_MEASURES), a.row_version
    )
    service.submit(db, legal, a.id, TODAY)
    with db.unit_of_work() as s:
        s.execute(update(Blob).where(Blob.sha256 == e.sha256).values(content=b"changed behind the tool"))
    _register(db, manager, pki)
    window = review(manager)
    _choose_file(window, pki.signer_p12, pki.passphrase)
    _tick_all(window)
    assert not window.approve.approve_button.isEnabled()
    assert "could not be prepared" in window.approve.hint.text()
    assert service.get_assessment(db, a.id).status is AssessmentStatus.SUBMITTED


def _words(pdf: bytes) -> str:
    import pypdfium2

    return " ".join(" ".join(p.get_textpage().get_text_range() for p in pypdfium2.PdfDocument(pdf)).split())


def test_four_eyes_refusal_is_explained(
    db: Database, manager: Actor, review: Callable[..., ReviewWindow], pki: OfflinePki
) -> None:
    _, a = submitted_assessment(db, manager)  # the manager assessed it themselves
    window = review(manager)
    assert window.approve.four_eyes.isVisibleTo(window.approve)
    assert "(you)" in window.model.index(0, 5).data()
    _choose_file(window, pki.signer_p12, pki.passphrase)
    _tick_all(window)
    window.approve.approve_button.click()
    text = window.approve.banner.text()
    assert text.startswith("Not approved:") and "four-eyes" in text
    assert service.get_assessment(db, a.id).status is AssessmentStatus.SUBMITTED


def test_the_managers_own_identity_made_in_the_tool_is_offered_and_used(
    db: Database, legal: Actor, manager: Actor, review: Callable[..., ReviewWindow]
) -> None:
    from ui.user_settings import create_identity, own_identity_path

    create_identity(manager.username, "Max Manager 山田", "max@example.com", "manager-pass")
    assert own_identity_path(manager.username).is_file()
    pem = signing.export_certificate_pem(own_identity_path(manager.username), "manager-pass")
    approval_support.register(db, manager, pem)
    _, a = submitted_assessment(db, legal)
    window = review(manager)
    assert window.approve.use_own.isChecked() and "Max Manager 山田" in window.approve.own_status.text()
    window.approve.passphrase.setText("manager-pass")
    _tick_all(window)
    window.approve.approve_button.click()
    assert service.get_assessment(db, a.id).status is AssessmentStatus.APPROVED


def test_a_legal_user_cannot_open_review(
    db: Database,
    legal: Actor,
    make_services: Callable[..., Services],
    review: Callable[..., ReviewWindow],
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[str] = []
    monkeypatch.setattr("ui.review.window.show_info", lambda _p, _t, text: shown.append(text))
    assert open_review(parent, make_services(legal)) is None
    assert shown and "may not approve or return assessments" in shown[0]
    # Built directly anyway, the service refuses and the window says why.
    window = review(legal)
    assert window.banner.isVisible()
    assert "may not approve or return assessments" in window.banner.text()
    assert not window.decisions.isEnabled()
    _ = QMessageBox  # dialogs are never opened modally here


def test_with_the_real_worker_thread_the_report_and_the_approval_arrive_by_signal(
    qtbot: QtBot,
    db: Database,
    legal: Actor,
    manager: Actor,
    settings: Settings,
    pki: OfflinePki,
) -> None:
    """The app's own set-up: DB calls on the worker thread, pages rendered on another, results by signal."""
    from transfer_tool.countries import store
    from ui.workers import DbWorker

    _, a = submitted_assessment(db, legal)
    _register(db, manager, pki)
    worker = DbWorker(db)  # threaded, as in the app
    services = Services(
        worker=worker,
        settings=settings,
        actor=manager,
        language="en",
        country_names=store.names(),
    )
    try:
        with qtbot.waitSignal(worker.busy_changed, check_params_cb=lambda busy: not busy, timeout=20000):
            window = ReviewWindow(services)
            qtbot.addWidget(window)
            window.show()
        if window.pdf.page_count() == 0:
            with qtbot.waitSignal(window.pdf.rendered, timeout=20000):
                pass
        assert window.model.rowCount() == 1 and window.pdf.page_count() >= 3
        _choose_file(window, pki.signer_p12, pki.passphrase)
        _tick_all(window)
        assert window.approve.approve_button.isEnabled()
        # While the report is being prepared again (another language), nothing can be approved: the
        # approval signs what the reviewer read. The worker is held so the report cannot arrive meanwhile.
        held = threading.Event()
        worker.submit(lambda _db: held.wait(20), owner=window, label="held")
        with qtbot.waitSignal(window.preview_loaded, timeout=20000):
            window.lang.setCurrentIndex(window.lang.findData("ja"))
            assert not window.approve.approve_button.isEnabled()
            assert "being prepared" in window.approve.hint.text()
            held.set()
        assert window.approve.approve_button.isEnabled()
        stages: list[str] = []
        window._stages.stage.connect(stages.append)
        with qtbot.waitSignal(window.approved, timeout=30000):
            window.approve.approve_button.click()
            assert window.approve.progress.isVisibleTo(window.approve)  # busy while the worker signs
            assert not window.approve.approve_button.isEnabled()
        assert stages == ["open", "render", "sign", "save"]
        assert service.get_assessment(db, a.id).status is AssessmentStatus.APPROVED
        assert not window.approve.progress.isVisibleTo(window.approve)
    finally:
        worker.shutdown()


def test_a_resubmission_is_compared_with_the_version_returned(
    qtbot: QtBot, db: Database, legal: Actor, manager: Actor, review: Callable[..., ReviewWindow]
) -> None:
    t, _ = submitted_assessment(db, legal)
    window = review(manager)
    assert window.decisions.tabText(CHANGES_TAB) == "What changed"
    assert (
        window.changes.summary.text() == "A first submission: there is no returned version to compare with."
    )
    panel = window.comments
    sections = [panel.section.itemData(i) for i in range(panel.section.count())]
    assert {"parties", "personal_data", "handling"} <= set(sections) and "facts" not in sections
    panel.section.setCurrentIndex(panel.section.findData("law_practice"))
    panel.text.setPlainText("Explain the step 3 conclusion further.")
    panel.return_button.click()
    window.close()

    # The assessor answers in version 2 and resubmits.
    v2 = service.latest_for_transfer(db, t.id)
    assert v2 is not None and v2.version_no == 2
    lp = dataclasses.replace(
        v2.record.law_practice,
        conclusion_reasoning="FISA 702 reaches Cloud Desk as a remote computing service.",
    )
    v2 = service.save_draft(db, legal, v2.id, dataclasses.replace(v2.record, law_practice=lp), v2.row_version)
    service.submit(db, legal, v2.id, TODAY)

    window = review(manager)
    qtbot.waitUntil(lambda: window.changes.table.isVisible() or window.changes.rows() != [], timeout=3000)
    assert window.model.index(0, 2).data() == "v2"
    assert window.decisions.tabText(CHANGES_TAB) == "What changed since v1 (1)"
    assert window.changes.summary.text() == "1 field(s) changed since version 1, which you returned."
    assert window.changes.rows() == [
        (
            "Law and practice (step 3)",
            "Step 3 reasoning",
            "",
            "FISA 702 reaches the importer as a cloud provider.",
            "FISA 702 reaches Cloud Desk as a remote computing service.",
        )
    ]
    window.decisions.setCurrentIndex(CHANGES_TAB)
    _shot(window, "review-what-changed.png")


def test_a_transfer_flagged_after_submission_is_said_before_approving(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    legal: Actor,
    manager: Actor,
    review: Callable[..., ReviewWindow],
) -> None:
    """The version was judged against the country data before the change: the reviewer reads that, and that
    approving it leaves the transfer flagged (the core keeps the flag, tests/unit/test_assessment_service)."""
    from transfer_tool.countries import store
    from transfer_tool.countries.model import RegimeEntry
    from transfer_tool.domain import AdequacyStatus

    t, _a = submitted_assessment(db, legal)
    window = review(manager)
    notice = window.flag_notice
    assert not notice.isVisibleTo(window)
    window.close()
    us = store.get_destination(db, "US")
    annulled = dataclasses.replace(
        us, regimes={**us.regimes, "EU": RegimeEntry("EU", AdequacyStatus.NOT_ADEQUATE, notes="annulled")}
    )
    store.update_destination(
        db, admin, annulled, reason="CJEU annulled the DPF decision", expected_version=us.version
    )

    window = review(manager)
    notice = window.flag_notice
    qtbot.waitUntil(lambda: notice.isVisibleTo(window))
    text = notice.text()
    assert text.startswith("The country data changed after this version was submitted: ")
    assert (
        "“CJEU annulled the DPF decision”" in text
        and "Country data: version 1 → version 2. Approving" in text
    )
    assert text.endswith(
        f"Approving it leaves {t.reference} flagged for re-assessment. To have it re-assessed now, return it "
        "with comments."
    )
    _shot(window, "review-flagged-since-submitted.png")


def _discard_question(qtbot: QtBot, window: ReviewWindow) -> QMessageBox:
    qtbot.waitUntil(lambda: window.discard_question is not None and window.discard_question.isVisible())
    assert window.discard_question is not None
    return window.discard_question


def test_closing_with_comments_not_sent_asks_and_escape_keeps_them(
    qtbot: QtBot, db: Database, legal: Actor, manager: Actor, review: Callable[..., ReviewWindow]
) -> None:
    """Comments written for the assessor are not dropped silently when the window closes."""
    t, a = submitted_assessment(db, legal)
    window = review(manager)
    panel = window.comments
    panel.text.setPlainText("Explain why FISA 702 applies to a support desk.")
    panel.add_button.click()
    panel.text.setPlainText("Name the owner of the encryption measure.")  # typed, not added yet

    window.close()
    box = _discard_question(qtbot, window)
    assert window.isVisible()
    assert box.text() == f"2 comment(s) for {t.reference} are not sent to the assessor yet."
    assert "Return to the assessor" in box.informativeText()
    Button = QMessageBox.StandardButton
    assert {box.standardButton(b) for b in box.buttons()} == {Button.Discard, Button.Cancel}
    assert box.button(Button.Cancel).text() == "Keep editing"
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Escape on the question keeps editing, never discards
    qtbot.waitUntil(lambda: window.discard_question is None)
    assert window.isVisible() and panel.model.rowCount() == 1
    assert panel.text.toPlainText() == "Name the owner of the encryption measure."

    window.close()
    _discard_question(qtbot, window).button(Button.Discard).click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert service.get_assessment(db, a.id).status is AssessmentStatus.SUBMITTED
    assert service.comments_for(db, a.id) == []


def test_choosing_another_assessment_with_comments_not_sent_asks_first(
    qtbot: QtBot, db: Database, legal: Actor, manager: Actor, review: Callable[..., ReviewWindow]
) -> None:
    first, _ = submitted_assessment(db, legal, title="Support desk")
    second, _ = submitted_assessment(db, legal, title="Payroll")
    window = review(manager)
    assert window._current is not None
    shown = window._current.reference
    other = 1 if window.model.index(0, 0).data() == shown else 0
    window.comments.text.setPlainText("Explain the step 3 conclusion further.")

    window.table.selectRow(other)
    box = _discard_question(qtbot, window)
    assert box.text() == f"1 comment(s) for {shown} are not sent to the assessor yet."
    box.button(QMessageBox.StandardButton.Cancel).click()  # keep editing: back on the first
    qtbot.waitUntil(lambda: window.discard_question is None)
    assert window._current.reference == shown
    assert window.table.selectionModel().selectedRows()[0].row() != other
    assert window.comments.text.toPlainText() == "Explain the step 3 conclusion further."

    window.table.selectRow(other)
    _discard_question(qtbot, window).button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: window._current is not None and window._current.reference != shown)
    assert {first.reference, second.reference} == {shown, window._current.reference}
    assert window.comments.unsent() == 0


japanese = languages.japanese


def test_what_changed_reads_in_japanese(
    qtbot: QtBot,
    japanese: str,
    db: Database,
    legal: Actor,
    manager: Actor,
    review: Callable[..., ReviewWindow],
) -> None:
    """Issue 18: the reviewer's comparison with the version returned as a Japanese manager sees it (the user
    guide's Japanese screenshot)."""
    t, a = submitted_assessment(db, legal)
    service.return_with_comments(
        db, manager, a.id, [("law_practice", "第3段階の結論の理由を補足してください。")]
    )
    v2 = service.latest_for_transfer(db, t.id)
    assert v2 is not None and v2.version_no == 2
    lp = dataclasses.replace(
        v2.record.law_practice,
        conclusion_reasoning="FISA 702 は遠隔コンピューティングサービス提供者である Cloud Desk に及ぶ。",
    )
    v2 = service.save_draft(db, legal, v2.id, dataclasses.replace(v2.record, law_practice=lp), v2.row_version)
    service.submit(db, legal, v2.id, TODAY)

    window = review(manager, japanese)
    qtbot.waitUntil(lambda: window.changes.rows() != [], timeout=3000)
    tab = window.decisions.tabText(CHANGES_TAB)
    assert tab == "第1版からの変更点（1）"
    [(section, field, _where, before, after)] = window.changes.rows()
    assert not section.isascii() and not field.isascii()
    assert (before, after) == (
        "FISA 702 reaches the importer as a cloud provider.",
        "FISA 702 は遠隔コンピューティングサービス提供者である Cloud Desk に及ぶ。",
    )
    assert not window.changes.summary.text().isascii()
    window.decisions.setCurrentIndex(CHANGES_TAB)
    _shot(window, "review-what-changed-ja.png")
