#!/usr/bin/env python3
"""Rewrite f-string sentences into engine_text(...) / error_text(...) calls, so they carry a catalogue id.

    .venv/bin/python scripts/engine-text-codemod.py transfer_tool/register/transfers.py
    .venv/bin/python scripts/engine-text-codemod.py --engine transfer_tool/countries/store.py

An f-string passed to `Problem(...)` or an `...Error(...)` becomes `error_text("template with {0}", value)`;
with --engine (for the modules `tests/engine_messages.py` lists in ENGINE_MODULES), every other f-string
sentence too becomes `engine_text(...)`. The template is exactly the one the catalogue already has (data/locale/*/engine.po,
errors.po), so the English and its translation do not change. Values keep their f-string conversions
(`!r` becomes `repr(x)`, `:spec` becomes `format(x, "spec")`); an f-string with a nested format or a literal
brace is left for a person. Run `ruff check --fix` and `ruff format` on the files afterwards.

Kept until `NOT_YET_WITH_IDS` in tests/unit/test_text_catalogue.py is empty (modules changed on other
branches when the rest moved); delete it then.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.engine_messages import _error_call, _is_sentence, _skipped  # noqa: E402

IMPORT = "from transfer_tool.i18n.engine_text import {name}"


def _call(src: str, node: ast.JoinedStr) -> tuple[str, list[str]] | None:
    """The template and the values' source of an f-string, or None when it is not a plain one."""
    parts: list[str] = []
    values: list[str] = []
    for v in node.values:
        if isinstance(v, ast.Constant):
            if "{" in str(v.value) or "}" in str(v.value):
                return None
            parts.append(str(v.value))
            continue
        assert isinstance(v, ast.FormattedValue)
        expr = ast.get_source_segment(src, v.value) or ""
        if v.format_spec is not None:
            spec = v.format_spec
            if not (isinstance(spec, ast.JoinedStr) and len(spec.values) == 1):
                return None
            only = spec.values[0]
            if not isinstance(only, ast.Constant):
                return None
            expr = f"format({expr}, {only.value!r})"
        elif v.conversion == ord("r"):
            expr = f"repr({expr})"
        elif v.conversion == ord("s"):
            expr = f"str({expr})"
        if "\n" in expr:
            return None
        parts.append(f"{{{len(values)}}}")
        values.append(expr)
    text = "".join(parts)
    return (text, values) if values and _is_sentence(text) else None


def _literal(text: str) -> str:
    """Double-quoted pieces of about 80 characters, cut after a space (implicit concatenation)."""
    pieces, current = [], ""
    for word in text.split(" "):
        added = word if not current else " " + word
        if current and len(current) + len(added) > 80:
            pieces.append(current + " ")
            current = word
        else:
            current += added
    pieces.append(current)
    escaped = (p.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") for p in pieces)
    return " ".join(f'"{p}"' for p in escaped)


def _targets(src: str, engine: bool) -> list[tuple[ast.JoinedStr, str]]:
    tree = ast.parse(src)
    skip = _skipped(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {"engine_text", "error_text"}:
            skip.update(id(n) for n in ast.walk(node))
    errors = [
        a
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and _error_call(node)
        for a in [*node.args, *(k.value for k in node.keywords if k.arg in ("message", "msg"))]
        if isinstance(a, ast.JoinedStr)
    ]
    found = [(a, "error_text") for a in errors]
    if engine:  # an error's message (a Problem's too) is an error_text, never both
        taken = {id(a) for a in errors} | skip
        found += [
            (n, "engine_text") for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) and id(n) not in taken
        ]
    return found


def convert(path: Path, engine: bool) -> int:
    done = 0
    names: set[str] = set()
    while True:  # innermost first: an f-string inside another's value is rewritten in an earlier pass
        src = path.read_text(encoding="utf-8")
        lines = src.splitlines(keepends=True)

        def offset(line: int, col: int, lines: list[str] = lines) -> int:  # col counts UTF-8 bytes
            return sum(len(x) for x in lines[: line - 1]) + len(lines[line - 1].encode()[:col].decode())

        spans = []
        for node, name in _targets(src, engine):
            made = _call(src, node)
            if made is None or node.end_lineno is None or node.end_col_offset is None:
                continue
            start, end = offset(node.lineno, node.col_offset), offset(node.end_lineno, node.end_col_offset)
            spans.append((start, end, f"{name}({_literal(made[0])}, {', '.join(made[1])})", name))
        inner = [s for s in spans if not any(o is not s and s[0] <= o[0] and o[1] <= s[1] for o in spans)]
        if not inner:
            break
        for start, end, call, name in sorted(inner, reverse=True):
            src = src[:start] + call + src[end:]
            names.add(name)
            done += 1
        path.write_text(src, encoding="utf-8")
    src = path.read_text(encoding="utf-8")
    for name in sorted(names):
        if IMPORT.format(name=name) not in src:
            at = (
                src.index("\nfrom transfer_tool") if "\nfrom transfer_tool" in src else src.index("\nimport ")
            )
            src = src[:at] + "\n" + IMPORT.format(name=name) + src[at:]
    path.write_text(src, encoding="utf-8")
    return done


def main(argv: list[str]) -> int:
    engine = "--engine" in argv
    for name in (a for a in argv if a != "--engine"):
        print(f"{name}: {convert(Path(name), engine)} rewritten")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
