"""Source scan of ui/ for text a user sees that does not go through Qt's translation functions.

Two kinds of finding:
- a string literal (or f-string / concatenation with literal words) passed as text to a Qt setter or
  constructor (setText, QLabel("..."), addAction("..."), setHorizontalHeaderLabels([...]), QMessageBox...);
- a call of a module-level wrapper such as `tr("...")` or `_t("...")`: pyside6-lupdate files those under
  another context than the one the wrapper asks for at run time, so the translation is never found.
  Use `QCoreApplication.translate("Context", "...")` or `self.tr("...")` instead.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# method name -> positions of the arguments that are text a user reads
TEXT_METHODS: dict[str, tuple[int, ...]] = {
    "setText": (0,),
    "setWindowTitle": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setPlaceholderText": (0,),
    "setTitle": (0,),
    "setSubTitle": (0,),
    "setLabelText": (0,),
    "setButtonText": (1,),
    "setAccessibleName": (0,),
    "setAccessibleDescription": (0,),
    "setInformativeText": (0,),
    "setDetailedText": (0,),
    "setSpecialValueText": (0,),
    "setSuffix": (0,),
    "setPrefix": (0,),
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "setItemText": (1,),
    "addTab": (1,),
    "insertTab": (2,),
    "addItem": (0,),
    "addItems": (0,),
    "insertItem": (1,),
    "addAction": (0,),
    "addMenu": (0,),
    "addRow": (0,),
    "addSection": (0,),
    "setHorizontalHeaderLabels": (0,),
    "setVerticalHeaderLabels": (0,),
    "setHeaderLabels": (0,),
    "showMessage": (0,),
    "setNameFilter": (0,),
    "setNameFilters": (0,),
    "information": (1, 2),
    "warning": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
    "about": (1, 2),
    "getOpenFileName": (1,),
    "getSaveFileName": (1,),
    "getExistingDirectory": (1,),
    "getOpenFileNames": (1,),
    "getText": (1, 2),
    "getItem": (1, 2),
    "show_info": (1, 2),
    "boxed": (0,),
    "plain_label": (0,),
    "heading": (0,),
}
# Qt classes whose first argument is text a user reads
TEXT_CLASSES = {
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
    "QListWidgetItem",
    "QTableWidgetItem",
    "QStandardItem",
    "QMessageBox",
    "QCommandLinkButton",
}
WRAPPER_NAMES = {"tr", "_tr", "_t", "_", "translate"}
# Text that is the same in every language: the languages' own names (shown so anyone can find theirs),
# symbols and placeholders.
ALLOWED = {"English", "日本語"}
# Not words of any language: markup, addresses, digests and format patterns.
NOT_WORDS = re.compile(r"<[^>]*>|https?://\S*|SHA-256|YYYY-MM-DD")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    call: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.call}({self.text!r})"


def _has_words(text: str) -> bool:
    if text.strip() in ALLOWED:
        return False
    return any(ch.isalpha() for ch in NOT_WORDS.sub("", text))


def _literal_words(node: ast.AST) -> list[str]:
    """Literal text with letters in `node`, looking through f-strings, `+`, lists and conditionals but not
    into calls (a call such as self.tr("...") or a label function supplies translated text)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if _has_words(node.value) else []
    if isinstance(node, ast.JoinedStr):
        return [
            v.value
            for v in node.values
            if isinstance(v, ast.Constant) and isinstance(v.value, str) and _has_words(v.value)
        ]
    if isinstance(node, ast.BinOp):
        return _literal_words(node.left) + _literal_words(node.right)
    if isinstance(node, (ast.List, ast.Tuple)):
        return [w for e in node.elts for w in _literal_words(e)]
    if isinstance(node, ast.IfExp):
        return _literal_words(node.body) + _literal_words(node.orelse)
    return []


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _text_args(call: ast.Call) -> Iterator[ast.expr]:
    name = _name(call.func)
    if name in TEXT_CLASSES:
        if call.args:
            yield call.args[0]
        for kw in call.keywords:
            if kw.arg in ("text", "title"):
                yield kw.value
        return
    positions = TEXT_METHODS.get(name, ())
    for i in positions:
        if i < len(call.args):
            yield call.args[i]
    for kw in call.keywords:
        if kw.arg in ("text", "title", "caption", "toolTip", "placeholderText"):
            yield kw.value


def scan_file(path: Path, root: Path) -> list[Finding]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    rel = str(path.relative_to(root))
    found: list[Finding] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if isinstance(node.func, ast.Name) and name in WRAPPER_NAMES and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append(Finding(rel, node.lineno, f"wrapper {name}", first.value))
            continue
        for arg in _text_args(node):
            for text in _literal_words(arg):
                found.append(Finding(rel, node.lineno, name, text))
    return found


def scan(root: Path, package: str = "ui") -> list[Finding]:
    return [
        f
        for path in sorted((root / package).rglob("*.py"))
        if "__pycache__" not in path.parts
        for f in scan_file(path, root)
    ]
