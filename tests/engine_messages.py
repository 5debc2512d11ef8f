"""The English sentences the engine writes into values users read, as translation templates.

Each string literal or f-string in the listed core modules becomes a template: an f-string's replacement
fields turn into {0}, {1}... in order, which is the form `data/locale/<lang>/LC_MESSAGES/engine.po` uses. Docstrings,
dictionary keys, codes (no space) and strings passed to `ValidationError`/`ToolError` subclasses (error
messages, a separate catalogue) are left out.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The modules whose text reaches the wizard, the register and the report.
ENGINE_MODULES = (
    "transfer_tool/assessment/precheck.py",
    "transfer_tool/assessment/adequacy_conditions.py",
    "transfer_tool/assessment/safeguards.py",
    "transfer_tool/assessment/measures.py",
    "transfer_tool/assessment/risk.py",
    "transfer_tool/assessment/conclusion.py",
    "transfer_tool/assessment/completeness.py",
    "transfer_tool/assessment/derivation.py",
    "transfer_tool/assessment/public_powers.py",
    "transfer_tool/countries/impact.py",
    "transfer_tool/countries/seeding.py",
    "transfer_tool/countries/editing.py",
    "transfer_tool/countries/flags.py",
    "transfer_tool/countries/exchange.py",
    "transfer_tool/signing/verify.py",  # what the verify screen lists under its technical details
    "transfer_tool/signing/limits.py",  # why a file was refused, listed there too
)


@dataclass(frozen=True)
class Found:
    module: str
    line: int
    template: str


def _template(node: ast.expr) -> str | None:
    if (
        isinstance(node, ast.Call)
        and getattr(node.func, "id", "") in {"engine_text", "error_text"}
        and node.args
    ):
        return _template(node.args[0])  # the template itself, its values numbered {0}, {1}...
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        out: list[str] = []
        n = 0
        for part in node.values:
            if isinstance(part, ast.Constant):
                out.append(str(part.value))
            else:
                out.append(f"{{{n}}}")
                n += 1
        return "".join(out)
    return None


def _skipped(tree: ast.AST) -> set[int]:
    """ids of nodes that are not user text: docstrings, dict keys, subscripts, error arguments, comparisons."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skip.add(id(body[0].value))
        if isinstance(node, ast.Dict):
            skip.update(id(k) for k in node.keys if k is not None)
        if isinstance(node, ast.Subscript):
            skip.add(id(node.slice))
        if isinstance(node, ast.Compare):
            skip.update(id(c) for c in [node.left, *node.comparators])
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name.endswith(("Error", "Refused", "Denied", "NotFound")) or name in {
                "get",
                "startswith",
                "text",
            }:  # text(): SQL
                for a in ast.walk(node):
                    skip.add(id(a))
        if isinstance(node, ast.JoinedStr):  # the pieces of an f-string are not strings of their own
            skip.update(id(v) for v in node.values)
    return skip


def _is_sentence(text: str) -> bool:
    """Words with a space between them; field paths ("facts.{0}") and patterns have none."""
    return " " in text.strip() and any(c.isalpha() for c in text)


def engine_templates(modules: tuple[str, ...] = ENGINE_MODULES) -> list[Found]:
    found: list[Found] = []
    for rel in modules:
        tree = ast.parse((ROOT / rel).read_text(encoding="utf-8"))
        skip = _skipped(tree)
        for node in ast.walk(tree):
            if id(node) in skip or not isinstance(node, (ast.Constant, ast.JoinedStr)):
                continue
            text = _template(node)
            if text is not None and _is_sentence(text):
                found.append(Found(rel, node.lineno, text))
    return found


def sentences_without_id(modules: tuple[str, ...] = ENGINE_MODULES) -> list[Found]:
    """f-string sentences of the engine that are not made with `engine_text` (so they carry no catalogue
    id and are translated only by recovering their values from the English)."""
    found: list[Found] = []
    for rel in modules:
        tree = ast.parse((ROOT / rel).read_text(encoding="utf-8"))
        skip = _skipped(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {"engine_text", "error_text"}:
                skip.update(id(a) for a in ast.walk(node))
        for node in ast.walk(tree):
            if id(node) in skip or not isinstance(node, ast.JoinedStr):
                continue
            text = _template(node)
            if text is not None and "{0}" in text and _is_sentence(text):
                found.append(Found(rel, node.lineno, text))
    return found


# The error messages services raise (`ValidationError`, `ConflictError`... and each `Problem`): the text a user
# reads in an error box or beside a field. `data/locale/<lang>/LC_MESSAGES/errors.po` translates them.
_NOT_USER_TEXT = (
    "transfer_tool/cli/",
    "transfer_tool/storage/migrations/",
    "transfer_tool/i18n/",  # the catalogue's own faults are the shipped data's, for a developer
)
_NOT_USER_MODULES = ("testing.py", "sample.py", "demo.py")


# Raised for a programming error, never shown to a user as such (a module's missing attribute).
_PROGRAMMING_ERRORS = {"AttributeError"}


def _error_call(node: ast.Call) -> bool:
    name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
    if name in _PROGRAMMING_ERRORS:
        return False
    return name == "Problem" or name.endswith(("Error", "Refused", "Denied", "NotFound", "Failed"))


def error_templates() -> list[Found]:
    found: list[Found] = []
    for path in sorted((ROOT / "transfer_tool").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith(_NOT_USER_TEXT) or rel.endswith(_NOT_USER_MODULES):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _error_call(node)):
                continue
            for arg in [*node.args, *(k.value for k in node.keywords if k.arg in ("message", "msg"))]:
                text = _template(arg)
                if text is not None and _is_sentence(text):
                    found.append(Found(rel, arg.lineno, text))
    return found


def errors_without_id() -> list[Found]:
    """Error messages with values made by an f-string instead of `error_text` (no catalogue id)."""
    found: list[Found] = []
    for path in sorted((ROOT / "transfer_tool").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith(_NOT_USER_TEXT) or rel.endswith(_NOT_USER_MODULES):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and _error_call(node)):
                continue
            for arg in [*node.args, *(k.value for k in node.keywords if k.arg in ("message", "msg"))]:
                text = _template(arg) if isinstance(arg, ast.JoinedStr) else None
                if text is not None and "{0}" in text and _is_sentence(text):
                    found.append(Found(rel, arg.lineno, text))
    return found


if __name__ == "__main__":
    import sys

    for f in error_templates() if sys.argv[1:] == ["errors"] else engine_templates():
        print(f"{f.module}:{f.line}: {f.template!r}")
