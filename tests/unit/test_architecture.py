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
            if isinstance(node, ast.Attribute) and node.attr in {
                "Thread",
                "QThread",
                "QThreadPool",
                "QRunnable",
            }:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} uses {node.attr}")
            elif isinstance(node, ast.ImportFrom) and node.module in {"threading", "PySide6.QtCore"}:
                names = {a.name for a in node.names} & {"Thread", "QThread", "QThreadPool", "QRunnable"}
                offenders += [f"{path.relative_to(ROOT)}:{node.lineno} imports {n}" for n in sorted(names)]
    assert offenders == []


# ---- import cycles (issue #20) ----------------------------------------------------------------------------
# A module depends on every module it imports anywhere in its body (a function's lazy import too: it runs
# the other module's body all the same, just later), except under `if TYPE_CHECKING:`. `from P import N`
# depends on P (it reads P's namespace, so P's `__init__` runs first) and on P.N when that is a module;
# `import P.N` and `from P.N import x` depend on P.N only, the way a package's own modules reach each other.


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(node: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _type_checking_only(child):
            for other in child.orelse:
                found += _runtime_imports(ast.Module(body=[other], type_ignores=[]))
            continue
        if isinstance(child, ast.Import | ast.ImportFrom):
            found.append(child)
        found += _runtime_imports(child)
    return found


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(root: Path, packages: tuple[str, ...]) -> dict[str, set[str]]:
    """Each module of `packages` (under `root`) and the modules of those packages it imports."""
    paths = {_module_name(root, p): p for top in packages for p in sorted((root / top).rglob("*.py"))}

    def known(name: str) -> str | None:
        while name and name not in paths:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: list[str] = []
        for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets += [alias.name for alias in node.names]
                continue
            base = node.module or ""
            if node.level:
                package = here.rsplit(".", node.level - 1)[0] if node.level > 1 else here
                base = f"{package}.{base}" if base else package
            targets.append(base)
            targets += [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in paths]
        graph[name] = {k for k in map(known, targets) if k is not None and k != name}
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round a loop (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = [stack.pop()]
            while group[-1] != v:
                group.append(stack.pop())
            if len(group) > 1:
                cycles.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return cycles


def test_no_import_cycle_in_the_core_or_the_front_end() -> None:
    """Issue #20: no module of `transfer_tool` or `ui` imports itself round a loop, lazily or not."""
    assert import_cycles(import_graph(ROOT, ("transfer_tool", "ui"))) == []


def test_the_cycle_check_would_catch_a_lazy_cycle_and_a_package_init_cycle(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "inner").mkdir(parents=True)
    files = {
        "__init__.py": "",
        "a.py": "from pkg import b\n",
        "b.py": "def later():\n    from pkg.a import x\n",  # a lazy import still closes the loop
        "inner/__init__.py": "from pkg.inner.page import Page\n",
        "inner/page.py": "from pkg.inner import names\n",  # through the package's half-run __init__
        "inner/names.py": "",
        "typed.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import c\n",
        "c.py": "from . import typed\n",  # only a type-checking import back: no cycle
    }
    for name, text in files.items():
        (pkg / name).write_text(text, encoding="utf-8")
    graph = import_graph(tmp_path, ("pkg",))
    assert graph["pkg.c"] == {"pkg", "pkg.typed"}
    assert sorted(import_cycles(graph)) == [["pkg.a", "pkg.b"], ["pkg.inner", "pkg.inner.page"]]
