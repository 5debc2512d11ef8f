"""Command: assess — run the assessment engine over transfers described in JSON, print the evaluation as JSON.

Nothing is stored: the command reads a file (or standard input) and writes standard output (or --output,
written only once every transfer was read and evaluated).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from transfer_tool import clock
from transfer_tool.cli.context import CliContext
from transfer_tool.errors import ToolError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "assess",
        help="evaluate transfers described in JSON (pre-check, tools, use case, recommendation); stores nothing",
        description=(
            'Read one transfer (or {"transfers": [...]}) in the shape of data/schemas/assess-input.schema.json '
            "and print the engine's evaluation as JSON, every outcome with a stable code. Bad input: an error "
            "naming the field, exit status 2, nothing written."
        ),
    )
    p.add_argument("file", help="the input JSON file, or - for standard input")
    p.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write the result here (default: stdout)"
    )
    p.add_argument("--today", type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help="the assessment date")
    p.add_argument(
        "--lang", choices=("en", "ja"), default="en", help="language of the texts beside the codes"
    )
    p.add_argument(
        "--use-database",
        action="store_true",
        help="judge against the organisation's country data in the database (default: the shipped data)",
    )
    p.set_defaults(handler=cmd_assess)


def _read(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    try:
        return Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ToolError(f"Cannot read the input {name}: {exc}") from exc


def _write(path: Path, text: str) -> None:
    """Write whole or not at all (a temporary file renamed into place)."""
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cmd_assess(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.assessment.headless import assess_document
    from transfer_tool.assessment.measures import load_measure_catalog
    from transfer_tool.assessment.tool_catalog import load_tool_catalog

    text = _read(args.file)
    if args.use_database:
        from transfer_tool.countries import store

        dataset = store.dataset(ctx.db)
    else:
        from transfer_tool.countries.shipped import load_shipped_dataset

        dataset = load_shipped_dataset()
    translate: Callable[[str], str] = str
    if args.lang != "en":
        from transfer_tool.i18n.stored_text import catalogue

        translate = catalogue(args.lang).translate
    document = assess_document(
        text,
        dataset.destinations,
        tuple(dataset.regimes.values()),
        load_tool_catalog(),
        load_measure_catalog(),
        args.today or clock.today(),
        dataset_version=dataset.dataset_version,
        tr=translate,
    )
    out = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if args.output:
        _write(args.output, out)
    else:
        sys.stdout.write(out)
    return 0
