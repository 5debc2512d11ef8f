"""The verify screen: a signed report from this database, an untrusted signer, tampered copies (a flipped
byte, an incremental update) and garbage (not a PDF, encrypted, truncated, unreadable) — each a clear
verdict line, never a crash."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from tests.ui import languages
from tests.ui.review_support import approved_with_signature
from transfer_tool import signing
from transfer_tool.accounts.permissions import Actor
from transfer_tool.report import render_report
from transfer_tool.report.sample import sample_report_data
from transfer_tool.signing import trust
from transfer_tool.signing.limits import CHECK_DIED, TOO_COMPLEX
from transfer_tool.signing.testing import OfflinePki, make_test_pki
from transfer_tool.storage.database import Database
from ui.services import Services
from ui.terms import core_text
from ui.verify import BAD, GOOD, WARN, VerifyWindow, open_verify


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> OfflinePki:
    return make_test_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def verify(qtbot: QtBot, make_services: Callable[..., Services]) -> Callable[..., VerifyWindow]:
    def make(actor: Actor, language: str = "en") -> VerifyWindow:
        window = VerifyWindow(make_services(actor, language))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def signed(db: Database, legal: Actor, manager: Actor, pki: OfflinePki) -> tuple[str, bytes]:
    t, _a, pdf = approved_with_signature(db, legal, manager, pki.signer_p12, pki.passphrase)
    return t.reference, pdf


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _field(window: VerifyWindow, key: str) -> str:
    return window.fields[key].text()


def test_a_signed_report_from_this_database_is_valid_and_matches(
    db: Database,
    admin: Actor,
    legal: Actor,
    signed: tuple[str, bytes],
    pki: OfflinePki,
    verify: Callable[..., VerifyWindow],
    tmp_path: Path,
) -> None:
    reference, pdf = signed
    trust.add_trusted(db, admin, pki.ca_pem, "Test CA of the organisation")
    window = verify(legal)  # anyone may verify
    window.verify_file(_write(tmp_path, "report.pdf", pdf))
    assert window.verdict.property("level") == GOOD
    assert window.verdict_text() == (
        "✔ VALID: signed by 山田 太郎 (DPO), unchanged since signing, trusted by your organisation."
    )
    assert _field(window, "signer") == "山田 太郎 (DPO)"
    assert _field(window, "intact") == "Yes" and _field(window, "whole") == "Yes"
    assert _field(window, "trusted") == "Yes"
    assert _field(window, "assessment") == f"{reference} v1"
    assert _field(window, "database") == f"Yes: this is the signed copy stored with {reference} v1."
    assert _field(window, "time").endswith("UTC")
    assert window.pdf.page_count() >= 3


def test_a_signer_the_organisation_does_not_trust_is_flagged(
    db: Database,
    admin: Actor,
    legal: Actor,
    signed: tuple[str, bytes],
    verify: Callable[..., VerifyWindow],
    tmp_path: Path,
) -> None:
    _, pdf = signed
    for c in trust.list_trusted(db):  # the approver's certificate was trusted at approval; no longer
        trust.remove_trusted(db, admin, c.id)
    window = verify(legal)
    window.verify_file(_write(tmp_path, "report.pdf", pdf))
    assert window.verdict.property("level") == WARN
    assert window.verdict_text().startswith("⚠ UNTRUSTED: unchanged since signing")
    assert _field(window, "trusted") == "No" and _field(window, "intact") == "Yes"


def _flip_a_content_byte(pdf: bytes) -> bytes:
    # A byte inside the first content stream (covered by the signature), so the file still parses.
    at = pdf.index(b"stream\n") + 40
    return pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1 :]


def _incremental_update(pdf: bytes) -> bytes:
    from pyhanko.pdf_utils.generic import pdf_string
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    info = writer.trailer["/Info"]
    info["/Title"] = pdf_string("Edited after signing")
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]  # pyHanko leaves it unannotated
    return out.getvalue()


@pytest.mark.parametrize("tamper", [_flip_a_content_byte, _incremental_update], ids=["byte", "update"])
def test_a_tampered_copy_shows_modified_after_signing(
    db: Database,
    admin: Actor,
    legal: Actor,
    signed: tuple[str, bytes],
    pki: OfflinePki,
    verify: Callable[..., VerifyWindow],
    tmp_path: Path,
    tamper: Callable[[bytes], bytes],
) -> None:
    _reference, pdf = signed
    trust.add_trusted(db, admin, pki.ca_pem, "Test CA")
    changed = tamper(pdf)
    assert changed != pdf
    window = verify(legal)
    window.verify_file(_write(tmp_path, "tampered.pdf", changed))
    assert window.verdict.property("level") == BAD
    assert window.verdict_text().startswith("✖ INVALID")
    assert "modified after signing" in window.verdict_text()
    assert _field(window, "database").startswith("No")
    # The walk (session 12): a trusted signer's tampered copy said "Signer trusted: No" and "not from a
    # trusted source"; a broken signature's signer is not judged (an appended update leaves it intact).
    assert _field(window, "trusted") == (
        "Not checked: the signature does not match the document"
        if _field(window, "intact") == "No"
        else "Yes"
    )
    assert "trusted source" not in window.reasons.text()


japanese = languages.japanese


def test_the_technical_details_read_in_japanese(
    japanese: str,
    legal: Actor,
    pki: OfflinePki,
    signed: tuple[str, bytes],
    verify: Callable[..., VerifyWindow],
    tmp_path: Path,
) -> None:
    """The checker's own sentences under "Technical details" were English in the Japanese screen."""
    _reference, pdf = signed
    window = verify(legal, "ja")
    window.verify_file(_write(tmp_path, "tampered.pdf", _flip_a_content_byte(pdf)))
    details = window.reasons.text()
    assert details.startswith("技術的な詳細:")
    assert "の署名が文書と一致しません。署名後に改変されています。" in details
    assert not re.search(r"[A-Za-z]{4,} [a-z]{2,}", details), details  # no English sentence left
    assert _field(window, "trusted") == "未確認: 署名が文書と一致しません"
    untrusted = signing.sign_pdf(
        render_report(sample_report_data(), "ja"),
        pki.untrusted_p12,
        pki.passphrase,
        reason="r",
        location="",
        signer_display_name="x",
    )
    window.verify_file(_write(tmp_path, "untrusted.pdf", untrusted))
    details = window.reasons.text()
    assert "署名者の証明書（" in details and "）は信頼できる発行元のものではありません。" in details
    window.verify_file(_write(tmp_path, "notes.pdf", b"not a PDF at all"))
    assert window.reasons.text() == "技術的な詳細:\n• データがPDFのヘッダーで始まっていません。"


def test_why_a_file_was_refused_reads_in_japanese(
    japanese: str, legal: Actor, verify: Callable[..., VerifyWindow], tmp_path: Path
) -> None:
    """The PDF checker's own limits (transfer_tool/signing/limits.py) were English in the Japanese screen."""
    window = verify(legal, "ja")
    objects = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Size 99999999 >> endobj\n"
    window.verify_file(_write(tmp_path, "objects.pdf", objects))
    assert window.reasons.text() == (
        "技術的な詳細:\n• 拒否：このファイルは50,000個を超えるオブジェクトを宣言しており、"
        "どの署名済みレポートよりもはるかに多いため、PDFとして読み込んでいません。"
    )
    signature = b"%PDF-1.7\n1 0 obj << /Contents <" + b"0" * 600_000 + b"> >> endobj\n"
    window.verify_file(_write(tmp_path, "signature.pdf", signature))
    assert window.reasons.text() == (
        "技術的な詳細:\n• 拒否：ファイル内の署名値の長さは292 KiBで、実在するどの署名よりも長い"
        "（上限は256 KiB）ため、復号していません。"
    )
    with (tmp_path / "large.pdf").open("wb") as fh:  # sparse: 33 MiB without writing them
        fh.write(b"%PDF-1.7\n")
        fh.truncate(33 * 1024 * 1024)
    window.verify_file(tmp_path / "large.pdf")
    assert "large.pdfは33 MiBです。署名済みレポートの上限（32 MiB）を超えています。" in window.verdict.text()
    for text in (window.reasons.text(), window.verdict.text()):
        assert not re.search(r"[A-Za-z]{4,} [a-z]{2,}", text), text  # no English sentence left
    for unchecked in (CHECK_DIED, TOO_COMPLEX):  # what the checking process's end or memory cap shows
        assert not re.search(r"[A-Za-z]{4,} [a-z]{2,}", core_text(unchecked, "ja")), unchecked


def _encrypted(tmp_path: Path) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("notes.pdf", lambda _p: "not a PDF at all — 全く違う".encode(), "This file is not a PDF."),
        ("empty.pdf", lambda _p: b"", "This file is not a PDF."),
        ("locked.pdf", _encrypted, "The PDF is encrypted"),
        ("image.png", lambda _p: b"\x89PNG\r\n\x1a\n" + bytes(200), "This file is not a PDF."),
    ],
)
def test_garbage_gives_a_clear_message(
    legal: Actor,
    verify: Callable[..., VerifyWindow],
    tmp_path: Path,
    name: str,
    make: Callable[[Path], bytes],
    expected: str,
) -> None:
    window = verify(legal)
    window.verify_file(_write(tmp_path, name, make(tmp_path)))
    assert window.verdict.property("level") == BAD
    assert window.verdict_text().startswith("✖ CANNOT VERIFY:")
    assert expected in window.verdict_text()


def test_a_truncated_report_and_an_unsigned_one(
    legal: Actor, signed: tuple[str, bytes], verify: Callable[..., VerifyWindow], tmp_path: Path
) -> None:
    _, pdf = signed
    window = verify(legal)
    window.verify_file(_write(tmp_path, "half.pdf", pdf[: len(pdf) // 2]))
    assert window.verdict.property("level") == BAD
    assert "✖" in window.verdict_text()
    unsigned = pdf[: pdf.index(b"%%EOF") + 5]  # the report as rendered, before the signature was appended
    window.verify_file(_write(tmp_path, "unsigned.pdf", unsigned))
    assert window.verdict_text() == "✖ CANNOT VERIFY: The PDF is not signed."


def test_a_missing_file_is_explained(
    legal: Actor, verify: Callable[..., VerifyWindow], tmp_path: Path
) -> None:
    window = verify(legal)
    window.verify_file(tmp_path / "gone.pdf")
    assert window.verdict_text().startswith("✖ CANNOT VERIFY:")
    assert "gone.pdf cannot be read" in window.verdict_text()
    assert window.open_button.isEnabled()


def test_a_fault_in_the_tool_while_verifying_shows_the_details_its_verdict_points_to(
    legal: Actor, verify: Callable[..., VerifyWindow], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The verdict said "The details below help whoever maintains the tool." and no details were anywhere."""
    from PySide6.QtWidgets import QMessageBox

    import ui.verify

    def broken(_db: object, _path: Path) -> None:
        raise RuntimeError("checker fault")

    monkeypatch.setattr(ui.verify, "_check_file", broken)
    window = verify(legal)
    window.verify_file(_write(tmp_path, "any.pdf", b"%PDF-1.7"))
    assert "The details below help whoever maintains the tool." in window.verdict_text()
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    assert "RuntimeError: checker fault" in box.detailedText()
    box.close()


def test_dropping_a_file_on_the_window_verifies_it(
    legal: Actor, signed: tuple[str, bytes], verify: Callable[..., VerifyWindow], tmp_path: Path
) -> None:
    reference, pdf = signed
    path = _write(tmp_path, "dropped.pdf", pdf)
    window = verify(legal)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(
        QPointF(QPoint(200, 200)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    assert str(path) in window.file_label.text()
    assert _field(window, "assessment") == f"{reference} v1"


def test_open_uses_the_file_dialog_and_the_window_is_reused(
    qtbot: QtBot,
    legal: Actor,
    signed: tuple[str, bytes],
    make_services: Callable[..., Services],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from PySide6.QtWidgets import QFileDialog, QWidget

    _, pdf = signed
    path = _write(tmp_path, "chosen.pdf", pdf)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    parent = QWidget()
    qtbot.addWidget(parent)
    services = make_services(legal)
    window = open_verify(parent, services)
    assert isinstance(window, VerifyWindow)
    window.open_button.click()
    assert window.result is not None and window.result.signature.signed
    assert open_verify(parent, services) is window


language = languages.language


def test_a_version_a_later_approval_replaced_says_so_beside_its_valid_signature(
    language: str,
    db: Database,
    admin: Actor,
    legal: Actor,
    manager: Actor,
    pki: OfflinePki,
    verify: Callable[..., VerifyWindow],
    tmp_path: Path,
) -> None:
    """The walk (session 12): v1's signed PDF verified VALID with no word that v2 had been approved since."""
    from tests.approval_support import approve
    from tests.ui.review_support import TODAY
    from transfer_tool.assessment import service
    from ui.i18n import format_date

    t, v1, pdf = approved_with_signature(db, legal, manager, pki.signer_p12, pki.passphrase)
    trust.add_trusted(db, admin, pki.ca_pem, "Test CA")
    window = verify(legal, language)
    path = _write(tmp_path, "v1.pdf", pdf)
    window.verify_file(path)
    assert window.verdict.property("level") == GOOD and window.superseded.isHidden()

    draft = service.new_version(db, legal, v1.id)
    v2 = approve(db, manager, service.submit(db, legal, draft.id, TODAY).id, TODAY)
    assert v2.approved_at is not None
    window.verify_file(path)
    assert window.verdict.property("level") == GOOD  # the signature itself is still sound
    assert window.superseded.isVisible()
    when = format_date(v2.approved_at.astimezone(dt.UTC).date(), language)
    expected = {
        "en": f"Replaced by a later version: {t.reference} v2 was approved on {when}. This file is not the "
        "assessment in force; ask for the signed PDF of v2.",
        "ja": f"より新しい版に置き換えられています: {t.reference} 第2版が{when}に承認されました。このファイルは"
        "現在有効な評価ではありません。第2版の署名済みPDFを入手してください。",
    }[language]
    assert window.superseded.text() == expected


def test_a_signed_draft_or_another_copy_is_not_shown_as_the_approved_record(
    language: str,
    db: Database,
    admin: Actor,
    legal: Actor,
    manager: Actor,
    pki: OfflinePki,
    verify: Callable[..., VerifyWindow],
    tmp_path: Path,
) -> None:
    """A draft signed with the approver's key (`transfer-tool sign` signs any PDF) showed only the green
    verdict: the line "No: ... not approved here" was the sole hint that it approves nothing."""
    from tests.ui.review_support import TODAY
    from transfer_tool.assessment import service
    from ui.review.approval import render_preview

    t, v1, _pdf = approved_with_signature(db, legal, manager, pki.signer_p12, pki.passphrase)
    trust.add_trusted(db, admin, pki.ca_pem, "Test CA")
    v2 = service.submit(db, legal, service.new_version(db, legal, v1.id).id, TODAY)

    def signed(version_id: int) -> bytes:
        return signing.sign_pdf(
            render_preview(db, version_id, "en", TODAY)[0],
            pki.signer_p12,
            pki.passphrase,
            reason="r",
            location="",
            signer_display_name="x",
        )

    window = verify(legal, language)
    window.verify_file(_write(tmp_path, "draft.pdf", signed(v2.id)))
    assert window.verdict.property("level") == GOOD and window.superseded.isVisible()
    assert (
        window.superseded.text()
        == {
            "en": f"Not an approved assessment: {t.reference} v2 was not approved in this database. A signature "
            "alone does not approve it.",
            "ja": f"承認済みの評価ではありません: {t.reference} 第2版 はこのデータベースで承認されていません。署名だけでは"
            "承認になりません。",
        }[language]
    )

    window.verify_file(_write(tmp_path, "again.pdf", signed(v1.id)))  # v1 signed again: not the kept copy
    assert window.superseded.isVisible()
    assert (
        window.superseded.text()
        == {
            "en": f"Not the approved copy: this file is not the signed copy of {t.reference} v1 kept at its "
            "approval; ask for that copy.",
            "ja": f"承認時の版ではありません: このファイルは承認時に保存された {t.reference} 第1版 の署名済みの版ではあり"
            "ません。その版を入手してください。",
        }[language]
    )


def test_a_copy_in_the_other_language_is_said_to_be_one(
    language: str,
    db: Database,
    legal: Actor,
    manager: Actor,
    pki: OfflinePki,
    verify: Callable[..., VerifyWindow],
    tmp_path: Path,
) -> None:
    """The walk (session 12): the demo's signed Japanese copy read "No: the database keeps a different signed
    copy" on the screen, like a changed file; the command line said it is the other language's report."""
    from tests.ui.review_support import TODAY
    from ui.review.approval import render_preview

    t, v1, _pdf = approved_with_signature(db, legal, manager, pki.signer_p12, pki.passphrase)  # English
    japanese_copy = signing.sign_pdf(
        render_preview(db, v1.id, "ja", TODAY)[0],
        pki.signer_p12,
        pki.passphrase,
        reason="r",
        location="",
        signer_display_name="x",
        lang="ja",
    )
    window = verify(legal, language)
    window.verify_file(_write(tmp_path, "ja.pdf", japanese_copy))
    assert (
        _field(window, "database")
        == {
            "en": f"No: the database keeps the English signed copy of {t.reference} v1; this file is the Japanese "
            "report.",
            "ja": f"いいえ: データベースには {t.reference} 第1版 の英語の署名済みの版が保存されています。このファイルは日本語の"
            "レポートです。",
        }[language]
    )
    assert window.superseded.isHidden()  # the same version's content, in the other language
