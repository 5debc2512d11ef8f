"""The rooms stay apart: the core never imports Qt or the front end; the front end never touches the ORM."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module" and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                names.add(arg.value)
    return names


def test_core_imports_no_qt_and_no_ui() -> None:
    offenders = []
    for path in (ROOT / "transfer_tool").rglob("*.py"):
        for name in _imports(path):
            top = name.split(".")[0]
            if top in {"PySide6", "ui", "shiboken6"}:
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_ui_does_not_reach_into_storage() -> None:
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        for name in _imports(path):
            if name.startswith("transfer_tool.storage") or name.startswith("sqlalchemy"):
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_the_scan_would_catch_an_offender(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6.QtWidgets import QWidget\n", encoding="utf-8")
    assert "PySide6.QtWidgets" in _imports(bad)


def test_the_ui_types_the_database_it_hands_to_services() -> None:
    """Issue #20: the seam between screens and services is typed, so mypy checks every call."""
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in (ROOT / "ui").rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "db: Any" in line
    ]
    assert offenders == []


def test_background_work_in_the_ui_goes_through_the_one_task_runner() -> None:
    """Issue #20: threads are started by `ui/tasks.py` (and its database lane, `ui/workers.py`) only."""
    runner = {ROOT / "ui" / "tasks.py", ROOT / "ui" / "workers.py"}
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        if path in runner:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in {"Thread", "QThread", "QThreadPool", "QRunnable"}:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} uses {node.attr}")
            elif isinstance(node, ast.ImportFrom) and node.module in {"threading", "PySide6.QtCore"}:
                names = {a.name for a in node.names} & {"Thread", "QThread", "QThreadPool", "QRunnable"}
                offenders += [f"{path.relative_to(ROOT)}:{node.lineno} imports {n}" for n in sorted(names)]
    assert offenders == []
