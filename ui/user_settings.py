"""Every user's own settings: language, their signing identity, default folders.

The signing identity (a PKCS#12 file: certificate and encrypted private key) lives in the user's data
folder, `identities/<username>.p12`, never in the database; its certificate is kept beside it as
`<username>.pem` so the fingerprint can be shown and exported without the passphrase. An administrator
adds that certificate to the trusted list (Administration → Trusted certificates).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.accounts import users
from transfer_tool.errors import ValidationError
from transfer_tool.runtime.config import user_data_dir
from ui import settings as keys
from ui.accessibility import name_from_labels
from ui.errors import describe, is_bug, show_exception
from ui.i18n import format_date
from ui.services import USERS, Services
from ui.terms import ui_language

IDENTITY_FOLDER = "identities"
ERROR_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: #4a5360;"


# ---- where the identity lives ------------------------------------------------------------------------------


def identities_dir() -> Path:
    return user_data_dir() / IDENTITY_FOLDER


def _file_stem(username: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.@-]+", "_", username).strip(".") or "user"


def own_identity_path(username: str) -> Path:
    return identities_dir() / f"{_file_stem(username)}.p12"


def own_certificate_path(username: str) -> Path:
    return identities_dir() / f"{_file_stem(username)}.pem"


@dataclass(frozen=True)
class CertificateInfo:
    subject: str  # the common name, else the whole subject
    fingerprint_sha256: str  # AA:BB:... as certificate viewers show it
    not_after: dt.datetime
    pem: bytes


def certificate_info(pem: bytes) -> CertificateInfo:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.x509.oid import NameOID

    from transfer_tool.signing.names import readable_name

    cert = x509.load_pem_x509_certificate(pem)
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    subject = str(names[0].value) if names else readable_name(cert.subject)
    digest = hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest().upper()
    fingerprint = ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))
    return CertificateInfo(subject, fingerprint, cert.not_valid_after_utc, pem)


def own_certificate(username: str) -> CertificateInfo | None:
    """The certificate of the user's identity, or None when they have none (or it cannot be read)."""
    path = own_certificate_path(username)
    if not own_identity_path(username).is_file() or not path.is_file():
        return None
    try:
        return certificate_info(path.read_bytes())
    except (OSError, ValueError):
        return None


def _set_aside(path: Path) -> None:
    """Keep a replaced identity (renamed, never deleted: documents it signed still verify with its cert)."""
    if path.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        path.rename(path.with_name(f"{path.stem}.replaced-{stamp}{path.suffix}"))


def _install(username: str, p12: bytes, passphrase: str) -> CertificateInfo:
    from cryptography.hazmat.primitives import serialization

    from transfer_tool.signing import open_identity

    folder = identities_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    staging = folder / f".{_file_stem(username)}.incoming.p12"
    staging.unlink(missing_ok=True)
    fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(p12)
    try:
        opened = open_identity(staging, passphrase)  # refuses a wrong passphrase or a file without a key
    except Exception:
        staging.unlink(missing_ok=True)
        raise
    pem = opened.certificate.public_bytes(serialization.Encoding.PEM)
    target, cert_path = own_identity_path(username), own_certificate_path(username)
    _set_aside(target)
    _set_aside(cert_path)
    staging.rename(target)
    cert_path.write_bytes(pem)
    return certificate_info(pem)


def create_identity(username: str, name: str, email: str, passphrase: str) -> CertificateInfo:
    """A new self-signed identity for `username`, replacing (and keeping aside) any previous one."""
    from transfer_tool.signing import create_self_signed_identity

    folder = identities_dir()
    made = create_self_signed_identity(name, email, passphrase, folder)
    try:
        return _install(username, made.read_bytes(), passphrase)
    finally:
        made.unlink(missing_ok=True)


def import_identity(username: str, source: Path, passphrase: str) -> CertificateInfo:
    """Copy a PKCS#12 file (checked with its passphrase) into the user's data folder."""
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ValidationError(f"{source} cannot be read ({exc.strerror}). Choose another file.") from exc
    if len(data) > 1024 * 1024:
        raise ValidationError(
            "The file is too large for a signing identity (.p12/.pfx). Choose another file."
        )
    return _install(username, data, passphrase)


# ---- the dialog ------------------------------------------------------------------------------------------


class UserSettingsDialog(QDialog):
    """Language, signing identity and default folders of the signed-in user."""

    identity_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("userSettings")
        self.setWindowTitle(self.tr("My settings — Transfer tool"))
        self.resize(1000, 640)

        self.language = QComboBox(self)
        self.language.setObjectName("languageChoice")
        for code, label in (("", self.tr("System language")), ("en", "English"), ("ja", "日本語")):
            self.language.addItem(label, code)
        current = services.settings.get(keys.LANGUAGE)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language_note = QLabel(self.tr("The language applies after a restart of the tool."), self)
        self.language_note.setObjectName("languageNote")
        self.language_note.setStyleSheet(NOTE_STYLE)
        self.language_note.setWordWrap(True)
        language_box = QGroupBox(self.tr("Language"), self)
        lay = QFormLayout(language_box)
        lay.addRow(self.tr("Language of the tool:"), self.language)
        lay.addRow(self.language_note)

        self.export_folder = QLineEdit(services.settings.get(keys.LAST_EXPORT_FOLDER), self)
        self.export_folder.setObjectName("exportFolder")
        self.import_folder = QLineEdit(services.settings.get(keys.LAST_IMPORT_FOLDER), self)
        self.import_folder.setObjectName("importFolder")
        for edit in (self.export_folder, self.import_folder):
            edit.setPlaceholderText(self.tr("Your home folder"))
            edit.editingFinished.connect(self._save_folders)
        folders_box = QGroupBox(self.tr("Default folders"), self)
        folders = QFormLayout(folders_box)
        folders.addRow(self.tr("Save exports and reports in:"), self._with_browse(self.export_folder))
        folders.addRow(self.tr("Open files to import from:"), self._with_browse(self.import_folder))

        left = QVBoxLayout()
        left.addWidget(language_box)
        left.addWidget(folders_box)
        left.addStretch(1)

        right = QVBoxLayout()
        right.addWidget(self._identity_box())

        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        buttons.accepted.connect(self.close)
        root = QVBoxLayout(self)
        root.addLayout(columns, 1)
        root.addWidget(buttons)
        self.refresh_identity()
        name_from_labels(self)  # screen readers name each field after its label

    # ---- identity ------------------------------------------------------------------------------------

    def _identity_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("My signing identity"), self)
        intro = QLabel(
            self.tr(
                "Approving an assessment signs its PDF with your signing identity: a certificate and a "
                "private key protected by a passphrase. It is kept in your own data folder, never in the "
                "shared database. Give your certificate to an administrator so that your signatures "
                "count as trusted."
            ),
            box,
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(NOTE_STYLE)
        self.identity_status = QLabel(box)
        self.identity_status.setObjectName("identityStatus")
        self.identity_status.setWordWrap(True)
        self.identity_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("Export my certificate…"), box)
        self.export_button.setObjectName("exportCertificate")
        self.export_button.clicked.connect(self.export_certificate)

        self.create_name = QLineEdit(self.services.actor.display_name or self.services.actor.username, box)
        self.create_name.setObjectName("createName")
        self.create_email = QLineEdit(box)
        self.create_email.setObjectName("createEmail")
        self.create_email.setPlaceholderText(self.tr("name@example.com (optional)"))
        self.create_pass = QLineEdit(box)
        self.create_pass.setObjectName("createPassphrase")
        self.create_repeat = QLineEdit(box)
        self.create_repeat.setObjectName("createRepeat")
        for edit in (self.create_pass, self.create_repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.create_button = QPushButton(self.tr("Create my identity"), box)
        self.create_button.setObjectName("createIdentity")
        self.create_button.clicked.connect(self.make_identity)
        create_page = QWidget(box)
        create_form = QFormLayout(create_page)
        create_form.addRow(self.tr("Name on signatures:"), self.create_name)
        create_form.addRow(self.tr("E-mail:"), self.create_email)
        create_form.addRow(self.tr("Passphrase (8 or more characters):"), self.create_pass)
        create_form.addRow(self.tr("Passphrase again:"), self.create_repeat)
        create_form.addRow("", self.create_button)

        self.import_file = QLineEdit(box)
        self.import_file.setObjectName("importFile")
        self.import_file.setPlaceholderText(self.tr("A .p12 or .pfx file from your organisation"))
        browse = QPushButton(self.tr("Browse…"), box)
        browse.clicked.connect(self._browse_p12)
        file_row = QHBoxLayout()
        file_row.addWidget(self.import_file, 1)
        file_row.addWidget(browse)
        self.import_pass = QLineEdit(box)
        self.import_pass.setObjectName("importPassphrase")
        self.import_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self.import_button = QPushButton(self.tr("Import this identity"), box)
        self.import_button.setObjectName("importIdentity")
        self.import_button.clicked.connect(self.import_p12)
        import_page = QWidget(box)
        import_form = QFormLayout(import_page)
        import_form.addRow(self.tr("PKCS#12 file:"), file_row)
        import_form.addRow(self.tr("Its passphrase:"), self.import_pass)
        import_form.addRow("", self.import_button)

        self.identity_tabs = QTabWidget(box)
        self.identity_tabs.addTab(create_page, self.tr("Create a self-signed identity"))
        self.identity_tabs.addTab(import_page, self.tr("Import a PKCS#12 file"))
        self.identity_message = QLabel(box)
        self.identity_message.setObjectName("identityMessage")
        self.identity_message.setWordWrap(True)

        lay = QVBoxLayout(box)
        lay.addWidget(intro)
        lay.addWidget(self.identity_status)
        lay.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.identity_tabs)
        lay.addWidget(self.identity_message)
        lay.addStretch(1)
        return box

    def refresh_identity(self) -> None:
        info = own_certificate(self.services.actor.username)
        self.export_button.setEnabled(info is not None)
        if info is None:
            self.identity_status.setText(
                self.tr("You have no signing identity yet. Create one below, or import your organisation's.")
            )
            return
        self.identity_status.setText(
            self.tr("<b>Signer:</b> %1<br><b>SHA-256 fingerprint:</b> %2<br><b>Valid until:</b> %3")
            .replace("%1", _html(info.subject))
            .replace("%2", info.fingerprint_sha256[:47] + "<br>" + info.fingerprint_sha256[48:])
            .replace("%3", format_date(info.not_after.date(), ui_language()))
        )

    def _set_message(self, text: str, error: bool = False) -> None:
        self.identity_message.setStyleSheet(ERROR_STYLE if error else "color: #1e7d32;")
        self.identity_message.setText(text)

    def _confirm_replace(self) -> bool:
        if own_certificate(self.services.actor.username) is None:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Replace your signing identity?"),
            self.tr(
                "You already have a signing identity. The new one replaces it for future approvals (the "
                "old file is kept aside; reports it signed still verify). Continue?"
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def make_identity(self) -> None:
        name, email = self.create_name.text().strip(), self.create_email.text().strip()
        passphrase, repeat = self.create_pass.text(), self.create_repeat.text()
        if not name:
            self._set_message(self.tr("Enter the name to show on your signatures."), error=True)
            return
        if len(passphrase) < 8:
            self._set_message(self.tr("Choose a passphrase of at least 8 characters."), error=True)
            return
        if passphrase != repeat:
            self._set_message(
                self.tr("The two passphrases differ. Type the same passphrase twice."), error=True
            )
            return
        if not self._confirm_replace():
            return
        username = self.services.actor.username
        self._busy(True)
        self._set_message(self.tr("Creating your identity (this takes a moment)…"))
        self.services.worker.submit(
            lambda _db: create_identity(username, name, email, passphrase),
            self._identity_done,
            self._identity_failed,
            owner=self,
            label="create signing identity",
        )

    def import_p12(self) -> None:
        source = self.import_file.text().strip()
        if not source:
            self._set_message(self.tr("Choose the PKCS#12 file to import."), error=True)
            return
        if not self._confirm_replace():
            return
        username, passphrase = self.services.actor.username, self.import_pass.text()
        self._busy(True)
        self.services.worker.submit(
            lambda _db: import_identity(username, Path(source), passphrase),
            self._identity_done,
            self._identity_failed,
            owner=self,
            label="import signing identity",
        )

    def _identity_done(self, info: CertificateInfo) -> None:
        self._busy(False)
        for edit in (self.create_pass, self.create_repeat, self.import_pass):
            edit.clear()
        self.refresh_identity()
        self._set_message(
            self.tr("Your signing identity is ready. Export the certificate and give it to an administrator.")
        )
        self.identity_changed.emit()

    def _identity_failed(self, exc: BaseException) -> None:
        self._busy(False)
        if is_bug(exc):
            show_exception(self, exc)
        self._set_message(describe(exc), error=True)

    def _busy(self, busy: bool) -> None:
        for w in (self.create_button, self.import_button):
            w.setEnabled(not busy)

    def export_certificate(self) -> None:
        info = own_certificate(self.services.actor.username)
        if info is None:
            return
        folder = self.services.settings.get(keys.LAST_EXPORT_FOLDER) or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export my certificate"),
            str(Path(folder) / f"{_file_stem(self.services.actor.username)}-certificate.pem"),
            self.tr("Certificates (*.pem)"),
        )
        if not path:
            return
        try:
            Path(path).write_bytes(info.pem)
        except OSError as exc:
            self._set_message(
                self.tr("The certificate could not be written: %1").replace("%1", exc.strerror or str(exc)),
                error=True,
            )
            return
        self._set_message(self.tr("Certificate saved to %1.").replace("%1", path))

    def _browse_p12(self) -> None:
        folder = self.services.settings.get(keys.LAST_IMPORT_FOLDER) or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a signing identity"), folder, self.tr("PKCS#12 files (*.p12 *.pfx)")
        )
        if path:
            self.import_file.setText(path)

    # ---- language and folders --------------------------------------------------------------------------

    def _language_chosen(self, _index: int) -> None:
        code = str(self.language.currentData())
        self.services.settings.set(keys.LANGUAGE, code)
        actor = self.services.actor
        if actor.user_id is not None:
            self.services.worker.submit(
                lambda db: users.set_language(db, actor, code),
                lambda _r: self.services.changes.notify(USERS),
                self._language_failed,
                owner=self,
                label="set language",
            )
        self.language_note.setText(self.tr("Saved. The language applies after a restart of the tool."))

    def _language_failed(self, exc: BaseException) -> None:
        show_exception(self, exc)

    def _with_browse(self, edit: QLineEdit) -> QWidget:
        row = QWidget(self)
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(edit, 1)
        button = QPushButton(self.tr("Browse…"), row)
        button.clicked.connect(lambda: self._browse_folder(edit))
        lay.addWidget(button)
        return row

    def _browse_folder(self, edit: QLineEdit) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder"), edit.text() or str(Path.home())
        )
        if path:
            edit.setText(path)
            self._save_folders()

    def _save_folders(self) -> None:
        self.services.settings.set(keys.LAST_EXPORT_FOLDER, self.export_folder.text().strip())
        self.services.settings.set(keys.LAST_IMPORT_FOLDER, self.import_folder.text().strip())


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def open_user_settings(parent: QWidget, services: Services, *_args: Any) -> QWidget | None:
    """The user's settings window (one per main window)."""
    existing = parent.findChild(UserSettingsDialog) if parent is not None else None
    if existing is not None:
        existing.raise_()
        existing.activateWindow()
        return existing
    dialog = UserSettingsDialog(services, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
