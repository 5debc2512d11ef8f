"""Help > About: the app's name and version, the country data in use, and what the tool ships with
(the bundled fonts with their licence texts, the main libraries with their licences).

The font licences are read from resources/fonts (every *LICEN* and *README* file, grouped by the font
name before the first "-LICENSE"/"-README"), so a font added with its licence file shows up here
without code changes. Library versions come from the installed distributions' metadata (the
PyInstaller spec copies it into the bundle); nothing heavy (reportlab, pyHanko) is imported.
"""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from transfer_tool import __version__
from transfer_tool.countries import store
from transfer_tool.paths import resource_file
from ui.accessibility import name_from_labels
from ui.icon import app_icon
from ui.workers import DbWorker

# ---- what is shipped (plain values, no Qt) ------------------------------------------------------------


@dataclass(frozen=True)
class FontLicence:
    font: str  # "IPAexGothic", from the file names
    licence: str  # the first "License:" of a Debian copyright file, e.g. "IPA-1"; "" if none
    files: tuple[Path, ...]  # licence first, then read-me files


@dataclass(frozen=True)
class Library:
    name: str
    distribution: str  # for the version (importlib.metadata)
    licence: str


# The main libraries the app is built on (a bundle also carries their own dependencies).
LIBRARIES = (
    Library("Qt", "", "LGPL-3.0"),
    Library("PySide6 (Qt for Python)", "PySide6_Essentials", "LGPL-3.0"),
    Library("Qt PDF (PySide6-Pdf)", "PySide6_Pdf", "LGPL-3.0"),
    Library("SQLAlchemy", "SQLAlchemy", "MIT"),
    Library("Alembic", "alembic", "MIT"),
    Library("ReportLab", "reportlab", "BSD"),
    Library("pyHanko", "pyHanko", "MIT"),
    Library("pyhanko-certvalidator", "pyhanko-certvalidator", "MIT"),
    Library("cryptography", "cryptography", "Apache-2.0 or BSD-3-Clause"),
    Library("pycountry", "pycountry", "LGPL-2.1"),
    Library("pypdfium2 (PDFium)", "pypdfium2", "Apache-2.0 or BSD-3-Clause; PDFium BSD-3-Clause"),
    Library("fontTools", "fonttools", "MIT"),
    Library("uharfbuzz (HarfBuzz)", "uharfbuzz", "Apache-2.0; HarfBuzz MIT"),
    Library("Pillow", "pillow", "MIT-CMU"),
    Library("argon2-cffi", "argon2-cffi", "MIT"),
    Library("jsonschema", "jsonschema", "MIT"),
    Library("platformdirs", "platformdirs", "MIT"),
    Library("psycopg", "psycopg", "LGPL-3.0"),
    Library("openpyxl", "openpyxl", "MIT"),
    Library("python-docx", "python-docx", "MIT"),
    Library("lxml", "lxml", "BSD-3-Clause"),
    Library("icalendar", "icalendar", "BSD-2-Clause"),
    Library("Python", "", "PSF-2.0"),
)

_LICENCE_LINE = re.compile(r"^License:\s*(.+)$", re.MULTILINE)
_GROUP = re.compile(r"^(.+?)-(?:LICEN[CS]E|README)", re.IGNORECASE)


def read_text(path: Path) -> str:
    """A licence or read-me file as text; some old Japanese read-me files are EUC-JP or Shift_JIS."""
    raw = path.read_bytes()
    for encoding in ("utf-8", "euc_jp", "shift_jis"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def font_licences(fonts_dir: Path | None = None) -> list[FontLicence]:
    """The bundled fonts with their licence and read-me files, by font name."""
    folder = fonts_dir or resource_file("fonts")
    groups: dict[str, list[Path]] = {}
    for path in sorted(folder.iterdir()):
        upper = path.name.upper()
        if path.is_file() and ("LICEN" in upper or "README" in upper):
            m = _GROUP.match(path.name)
            groups.setdefault(m.group(1) if m else path.stem, []).append(path)
    out = []
    for font, files in sorted(groups.items(), key=lambda kv: kv[0].lower()):
        files.sort(key=lambda p: ("LICEN" not in p.name.upper(), p.name))
        m = _LICENCE_LINE.search(read_text(files[0])) if "LICEN" in files[0].name.upper() else None
        out.append(FontLicence(font, m.group(1).strip() if m else "", tuple(files)))
    return out


def library_version(library: Library) -> str:
    if library.name == "Qt":
        return qVersion()
    if library.name == "Python":
        return platform.python_version()
    try:
        return metadata.version(library.distribution)
    except metadata.PackageNotFoundError:
        return ""


# ---- the dialog -----------------------------------------------------------------------------------------


class AboutDialog(QDialog):
    """Modeless; the country-data version arrives from the worker after the dialog is shown."""

    def __init__(self, worker: DbWorker | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Transfer tool"))
        self.setWindowIcon(app_icon())

        icon = QLabel(self)
        icon.setPixmap(QPixmap(str(resource_file("icons", "transfer-tool-64.png"))))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        name = QLabel(self.tr("Transfer tool"), self)
        name.setObjectName("appName")
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        name.setFont(font)
        self.version_label = QLabel(self.tr("Version %1").replace("%1", __version__), self)
        self.version_label.setObjectName("version")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.country_data_label = QLabel(self._country_data_text("…"), self)
        self.country_data_label.setObjectName("countryDataVersion")
        self.country_data_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        purpose = QLabel(
            self.tr(
                "Records cross-border transfers of personal data, assesses them (Transfer Impact "
                "Assessments) and keeps them current."
            ),
            self,
        )
        purpose.setWordWrap(True)

        heading = QVBoxLayout()
        for w in (name, self.version_label, self.country_data_label, purpose):
            heading.addWidget(w)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(heading, 1)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("aboutTabs")
        self.tabs.addTab(self._fonts_page(), self.tr("Fonts"))
        self.tabs.addTab(self._libraries_page(), self.tr("Libraries"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(720, 560)

        if worker is not None:
            worker.submit(
                store.dataset_version,
                self._show_country_data,
                lambda _exc: self._show_country_data(""),
                owner=self,
                label="about: country data version",
            )
        name_from_labels(self)  # screen readers name each field after its label

    def _country_data_text(self, version: str) -> str:
        return self.tr("Country data: version %1").replace("%1", version or self.tr("unknown"))

    def _show_country_data(self, version: str) -> None:
        self.country_data_label.setText(self._country_data_text(version))

    # ---- fonts: each font with its licence; the selected file's text below ----------------------------

    def _fonts_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr("The app and its reports use these fonts, shipped under their licences:"), page
        )
        intro.setWordWrap(True)
        self.font_tree = QTreeWidget(page)
        self.font_tree.setObjectName("fontLicences")
        self.font_tree.setAccessibleName(self.tr("Fonts and their licences"))
        self.font_tree.setHeaderLabels([self.tr("Font"), self.tr("Licence")])
        self.font_tree.setRootIsDecorated(True)
        self.licence_text = QPlainTextEdit(page)
        self.licence_text.setObjectName("licenceText")
        self.licence_text.setAccessibleName(self.tr("Licence text"))
        self.licence_text.setReadOnly(True)
        self.licence_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

        # Kept here with their files: Qt's item lookups return Optional and lose the Path.
        self._font_items: list[tuple[QTreeWidgetItem, FontLicence]] = []
        self._file_items: dict[str, tuple[QTreeWidgetItem, Path]] = {}
        first: QTreeWidgetItem | None = None
        for entry in font_licences():
            item = QTreeWidgetItem(self.font_tree, [entry.font, entry.licence])
            self._font_items.append((item, entry))
            for path in entry.files:
                child = QTreeWidgetItem(item, [path.name, ""])
                self._file_items[path.name] = (child, path)
                first = first or child
            item.setExpanded(True)
        self.font_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.font_tree.currentItemChanged.connect(self._show_file)
        if first is not None:
            self.font_tree.setCurrentItem(first)

        split = QSplitter(Qt.Orientation.Vertical, page)
        split.addWidget(self.font_tree)
        split.addWidget(self.licence_text)
        split.setStretchFactor(1, 2)
        split.setSizes([150, 300])  # the list is short; the licence text is what people read
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        return page

    def _show_file(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        for font_item, entry in self._font_items:
            if item is font_item:  # a font: show its licence (the first file)
                self.licence_text.setPlainText(read_text(entry.files[0]))
                return
        for file_item, path in self._file_items.values():
            if item is file_item:
                self.licence_text.setPlainText(read_text(path))
                return

    def font_entries(self) -> list[tuple[str, str]]:
        """(font, licence) as listed (for tests and accessibility checks)."""
        return [(item.text(0), item.text(1)) for item, _entry in self._font_items]

    def select_font_file(self, name: str) -> None:
        """Select the licence or read-me file called `name`, as a click would."""
        self.font_tree.setCurrentItem(self._file_items[name][0])

    # ---- libraries ------------------------------------------------------------------------------------

    def _libraries_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Built with these libraries (each under its own licence; the LGPL ones can be replaced "
                "in the installed folder):"
            ),
            page,
        )
        intro.setWordWrap(True)
        self.library_table = QTableWidget(len(LIBRARIES), 3, page)
        self.library_table.setObjectName("libraries")
        self.library_table.setHorizontalHeaderLabels(
            [self.tr("Library"), self.tr("Version"), self.tr("Licence")]
        )
        self.library_table.verticalHeader().setVisible(False)
        self.library_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.library_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, lib in enumerate(LIBRARIES):
            for col, text in enumerate((lib.name, library_version(lib), lib.licence)):
                self.library_table.setItem(row, col, QTableWidgetItem(text))
        header = self.library_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.library_table, 1)
        return page


def open_about(parent: QWidget | None, worker: DbWorker | None) -> AboutDialog:
    """Show the About dialog (modeless, deleted on close) and return it."""
    dialog = AboutDialog(worker, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
