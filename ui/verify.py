"""Verify any PDF: open it (button, menu, or drop it on the window) and read the verdict.

The check is `trust.verify_document` on the database worker: the signature (intact, covering the whole
file, by a signer the organisation trusts, timestamp), which assessment version the file is, and whether
it is byte for byte the copy stored at approval. The verdict line uses colour *and* words, so it reads
the same in grey. Garbage (not a PDF, encrypted, truncated) gives a message, never an exception.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.runtime.bootstrap import DatabaseHandle
from transfer_tool.signing.trust import DatabaseMatch, DocumentVerification, verify_document
from ui import settings as keys
from ui.errors import describe, is_bug, show_exception
from ui.i18n import format_date, format_datetime
from ui.services import Services
from ui.terms import core_text, ui_language
from ui.widgets.pdf_view import PdfPagesView

WINDOW_SIZE = (1280, 800)

GOOD, WARN, BAD = "good", "warn", "bad"
VERDICT_STYLES = {
    GOOD: "background: #e3f1e4; color: #1b5e20; border: 2px solid #4c9a52;",
    WARN: "background: #fff4d6; color: #5c4400; border: 2px solid #d4a72c;",
    BAD: "background: #fbe3e1; color: #8c1d18; border: 2px solid #c8463d;",
}
VERDICT_MARKS = {GOOD: "✔", WARN: "⚠", BAD: "✖"}


@dataclass(frozen=True)
class Verdict:
    level: str  # GOOD | WARN | BAD
    text: str  # one line, starting with VALID / UNTRUSTED / INVALID / CANNOT VERIFY (translated)


def _not_verifiable(core_verdict: str) -> str:
    """The reason a file could not be checked at all, from the core's (English) verdict."""
    known = {
        "Not a PDF file.": QCoreApplication.translate("VerifyWindow", "This file is not a PDF."),
        "The PDF is encrypted; its signatures cannot be verified.": QCoreApplication.translate(
            "VerifyWindow", "The PDF is encrypted: its signatures cannot be verified."
        ),
        "The PDF is damaged or truncated and cannot be verified.": QCoreApplication.translate(
            "VerifyWindow", "The PDF is damaged or truncated and cannot be verified."
        ),
        "The PDF is not signed.": QCoreApplication.translate("VerifyWindow", "The PDF is not signed."),
    }
    return known.get(core_verdict, core_verdict)


def verdict_for(result: DocumentVerification) -> Verdict:
    sig = result.signature
    if not sig.signed:
        return Verdict(
            BAD,
            QCoreApplication.translate("VerifyWindow", "CANNOT VERIFY: %1").replace(
                "%1", _not_verifiable(sig.verdict)
            ),
        )
    if not sig.intact:
        return Verdict(
            BAD,
            QCoreApplication.translate("VerifyWindow", "INVALID: the document was modified after signing."),
        )
    if not sig.covers_whole_file:
        return Verdict(
            BAD,
            QCoreApplication.translate(
                "VerifyWindow",
                "INVALID: the document was modified after signing (content was added after the signature).",
            ),
        )
    if sig.timestamp_present and not sig.timestamp_valid:
        return Verdict(
            BAD, QCoreApplication.translate("VerifyWindow", "INVALID: the timestamp could not be verified.")
        )
    if not sig.trusted:
        return Verdict(
            WARN,
            QCoreApplication.translate(
                "VerifyWindow",
                "UNTRUSTED: unchanged since signing, but the signer %1 is not trusted by your organisation.",
            ).replace("%1", sig.signer_name or "?"),
        )
    return Verdict(
        GOOD,
        QCoreApplication.translate(
            "VerifyWindow", "VALID: signed by %1, unchanged since signing, trusted by your organisation."
        ).replace("%1", sig.signer_name),
    )


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("VerifyWindow", "Yes")
        if value
        else QCoreApplication.translate("VerifyWindow", "No")
    )


def _language_name(code: str) -> str:
    names = {
        "en": QCoreApplication.translate("VerifyWindow", "English"),
        "ja": QCoreApplication.translate("VerifyWindow", "Japanese"),
    }
    return names.get(code, code)


def _which(result: DocumentVerification) -> str:
    """The version the file names ("TR-000001 v2"; "" when it names none)."""
    if not result.reference:
        return ""
    return (
        QCoreApplication.translate("VerifyWindow", "%1 v%2")
        .replace("%1", result.reference)
        .replace("%2", str(result.version_no))
    )


def database_line(result: DocumentVerification) -> str:
    which = _which(result)
    if result.match is DatabaseMatch.EXACT:
        return QCoreApplication.translate(
            "VerifyWindow", "Yes: this is the signed copy stored with %1."
        ).replace("%1", which)
    if result.match is DatabaseMatch.DIFFERS and result.file_lang and result.stored_lang != result.file_lang:
        # A copy in another language (the demo's courtesy Japanese copy): not a changed file. The command
        # line said so; the screen said only "a different signed copy".
        return (
            QCoreApplication.translate(
                "VerifyWindow", "No: the database keeps the %1 signed copy of %2; this file is the %3 report."
            )
            .replace("%1", _language_name(result.stored_lang))
            .replace("%2", which)
            .replace("%3", _language_name(result.file_lang))
        )
    if result.match is DatabaseMatch.DIFFERS:
        return QCoreApplication.translate(
            "VerifyWindow", "No: the database keeps a different signed copy of %1."
        ).replace("%1", which)
    if result.match is DatabaseMatch.NO_STORED_COPY:
        return QCoreApplication.translate(
            "VerifyWindow", "No: %1 has no signed copy in the database (it was not approved here)."
        ).replace("%1", which)
    if which:
        return QCoreApplication.translate(
            "VerifyWindow", "No: %1 is not an assessment of this database."
        ).replace("%1", which)
    return QCoreApplication.translate("VerifyWindow", "No: the file names no assessment of this database.")


def superseded_line(result: DocumentVerification) -> str:
    """Why a file of this database is not its approved record in force ("" when it is, or names none): a
    later approved version, no approval here, or another file than the approved copy. A sound signature
    showed only the green verdict for a draft signed with the approver's key."""
    if result.later_approved_version is None:
        if not (result.ok and result.not_the_record_in_force):
            return ""
        which = _which(result)
        if result.match is DatabaseMatch.NO_STORED_COPY:
            return QCoreApplication.translate(
                "VerifyWindow",
                "Not an approved assessment: %1 was not approved in this database. A signature alone does "
                "not approve it.",
            ).replace("%1", which)
        return QCoreApplication.translate(
            "VerifyWindow",
            "Not the approved copy: this file is not the signed copy of %1 kept at its approval; ask for "
            "that copy.",
        ).replace("%1", which)
    when = (
        format_date(result.later_approved_at.astimezone(dt.UTC).date(), ui_language())
        if result.later_approved_at is not None
        else "—"
    )
    return (
        QCoreApplication.translate(
            "VerifyWindow",
            "Replaced by a later version: %1 v%2 was approved on %3. This file is not the assessment in "
            "force; ask for the signed PDF of v%2.",
        )
        .replace("%1", result.reference)
        .replace("%2", str(result.later_approved_version))
        .replace("%3", when)
    )


def _when(value: dt.datetime | None) -> str:
    if value is None:
        return "—"
    return format_datetime(value.astimezone(dt.UTC), ui_language()) + " UTC"


@dataclass(frozen=True)
class _Checked:
    path: Path
    pdf: bytes
    result: DocumentVerification


def _check_file(db: DatabaseHandle, path: Path) -> _Checked:
    from transfer_tool.signing.limits import read_pdf_file

    data = read_pdf_file(path)  # a regular file within the documented limit, never read past it
    return _Checked(path, data, verify_document(db, data))


class VerifyWindow(QWidget):
    verified = Signal(object)  # DocumentVerification
    failed = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.services = services
        self.setObjectName("verifyWindow")
        self.setWindowTitle(self.tr("Verify a signed PDF — Transfer tool"))
        self.resize(*WINDOW_SIZE)
        self.setAcceptDrops(True)
        self.result: DocumentVerification | None = None

        self.open_button = QPushButton(self.tr("&Open a PDF…"), self)
        self.open_button.setObjectName("openPdf")
        self.open_button.clicked.connect(self.choose_file)
        hint = QLabel(self.tr("…or drop a PDF file anywhere on this window."), self)
        hint.setStyleSheet("color: #4a5360;")
        self.file_label = QLabel(self)
        self.file_label.setObjectName("verifiedFile")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setMinimumHeight(64)
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        details = QGroupBox(self.tr("Details"), self)
        form = QFormLayout(details)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("signer", self.tr("Signed by:")),
            ("time", self.tr("Signed at:")),
            ("intact", self.tr("Unchanged since signing:")),
            ("whole", self.tr("Signature covers the whole file:")),
            ("trusted", self.tr("Signer trusted by your organisation:")),
            ("timestamp", self.tr("Timestamp:")),
            ("assessment", self.tr("Assessment and version:")),
            ("database", self.tr("Same as the copy in the database:")),
            ("sha256", self.tr("SHA-256 of the file:")),
        ):
            value = QLabel("—", details)
            value.setObjectName(f"field_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.fields[key] = value
        # A later approved version replaces the file's: the signature may be valid, the content is not in force.
        self.superseded = QLabel(self)
        self.superseded.setObjectName("supersededNotice")
        self.superseded.setWordWrap(True)
        self.superseded.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.superseded.setStyleSheet(f"QLabel#supersededNotice {{ {VERDICT_STYLES[WARN]} padding: 8px; }}")
        self.superseded.hide()
        self.reasons = QLabel(self)
        self.reasons.setObjectName("verifyReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setStyleSheet("color: #4a5360;")
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pdf = PdfPagesView(self, synchronous=services.worker.synchronous)
        self.pdf.set_message(self.tr("The document appears here once you open or drop it."))

        left = QWidget(self)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.verdict)
        left_lay.addWidget(self.superseded)
        left_lay.addWidget(details)
        left_lay.addWidget(self.reasons)
        left_lay.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.pdf)
        split.setSizes([560, 700])

        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(hint)
        top.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.file_label)
        lay.addWidget(split, 1)
        self._show_waiting()

    # ---- opening -------------------------------------------------------------------------------------

    def choose_file(self) -> None:
        folder = self.services.settings.get(keys.LAST_IMPORT_FOLDER) or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the PDF to verify"), folder, self.tr("PDF files (*.pdf);;All files (*)")
        )
        if path:
            self.services.settings.set(keys.LAST_IMPORT_FOLDER, str(Path(path).parent))
            self.verify_file(Path(path))

    def verify_file(self, path: Path) -> None:
        self.file_label.setText(self.tr("File: %1").replace("%1", str(path)))
        self._set_verdict(Verdict(WARN, self.tr("Checking…")))
        self.open_button.setEnabled(False)
        self.services.worker.submit(
            lambda db: _check_file(db, path),
            self._checked,
            self._failed,
            owner=self,
            label="verify pdf",
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = _local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.verify_file(files[0])

    # ---- results -----------------------------------------------------------------------------------

    def _checked(self, checked: _Checked) -> None:
        self.open_button.setEnabled(True)
        result = checked.result
        self.result = result
        sig = result.signature
        self._set_verdict(verdict_for(result))
        f = self.fields
        f["signer"].setText(sig.signer_name or "—")
        f["time"].setText(_when(sig.signing_time) if sig.signed else "—")
        f["intact"].setText(yes_no(sig.intact) if sig.signed else "—")
        f["whole"].setText(yes_no(sig.covers_whole_file) if sig.signed else "—")
        if sig.signed and not sig.intact:  # a broken signature's signer is not judged: neither yes nor no
            f["trusted"].setText(self.tr("Not checked: the signature does not match the document"))
        else:
            f["trusted"].setText(yes_no(sig.trusted) if sig.signed else "—")
        if not sig.timestamp_present:
            f["timestamp"].setText(
                self.tr("None (the time is the signer's own clock)") if sig.signed else "—"
            )
        else:
            f["timestamp"].setText(
                self.tr("Valid") if sig.timestamp_valid else self.tr("Not valid or not trusted")
            )
        f["assessment"].setText(
            self.tr("%1 v%2").replace("%1", result.reference).replace("%2", str(result.version_no))
            if result.reference
            else self.tr("Not named in the file")
        )
        f["database"].setText(database_line(result))
        f["sha256"].setText(result.sha256)
        later = superseded_line(result)
        self.superseded.setText(later)
        self.superseded.setVisible(bool(later))
        reasons = [core_text(r) for r in sig.reasons if r]  # the checker's own sentences by their id
        self.reasons.setText(
            (self.tr("Technical details:") + "\n" + "\n".join(f"• {r}" for r in reasons)) if reasons else ""
        )
        if checked.pdf.startswith(b"%PDF-") or b"%PDF-" in checked.pdf[:1024]:
            self.pdf.set_pdf(checked.pdf)
        else:
            self.pdf.set_message(self.tr("This file is not a PDF, so there is nothing to show."))
        self.verified.emit(result)

    def _failed(self, exc: BaseException) -> None:
        if is_bug(exc):
            show_exception(self, exc)  # the verdict's text points to these details
        self.open_button.setEnabled(True)
        self.result = None
        text = describe(exc)
        self._set_verdict(Verdict(BAD, self.tr("CANNOT VERIFY: %1").replace("%1", text)))
        for value in self.fields.values():
            value.setText("—")
        self.reasons.clear()
        self.superseded.hide()
        self.pdf.set_message(self.tr("Nothing to show."))
        self.failed.emit(text)

    def _set_verdict(self, verdict: Verdict) -> None:
        self.verdict.setStyleSheet(
            f"QLabel#verdict {{ {VERDICT_STYLES[verdict.level]} font-size: 15px; font-weight: 600; padding: 10px; }}"
        )
        self.verdict.setText(f"{VERDICT_MARKS[verdict.level]} {verdict.text}")
        self.verdict.setProperty("level", verdict.level)

    def _show_waiting(self) -> None:
        self.verdict.setStyleSheet(
            "QLabel#verdict { background: #eef1f5; color: #2b3440; border: 2px dashed #9aa5b4;"
            " font-size: 15px; padding: 10px; }"
        )
        self.verdict.setText(
            self.tr("Open or drop a signed PDF to check who signed it and whether it changed.")
        )
        self.verdict.setProperty("level", "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.close()  # as a dialog does: the window holds nothing to lose
            return
        super().keyPressEvent(event)

    def verdict_text(self) -> str:
        return self.verdict.text()


def _local_files(mime: Any) -> list[Path]:
    if mime is None or not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


def open_verify(parent: QWidget, services: Services, *_args: Any) -> QWidget | None:
    """The verify window (one per main window); every role may verify."""
    existing = parent.findChild(VerifyWindow) if parent is not None else None
    if existing is not None:
        existing.raise_()
        existing.activateWindow()
        return existing
    window = VerifyWindow(services, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
