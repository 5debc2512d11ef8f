"""The `transfer-tool` entry point: the core command line plus the `gui` command; no command starts the app.

Qt is imported only when the GUI is actually started, so headless commands stay light.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from transfer_tool import cli


def _register_gui(sub: Any) -> None:
    g = sub.add_parser("gui", help="start the desktop app")
    g.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE",
        help="check mode: open the main window, save a PNG of it to FILE and exit",
    )
    g.set_defaults(handler=lambda args, ctx: _run_gui(args))


def _run_gui(args: argparse.Namespace) -> int:
    from ui.app import run

    return run(database=getattr(args, "database", None), screenshot=getattr(args, "screenshot", None))


def main(argv: Sequence[str] | None = None) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # `report --all` workers in a frozen bundle re-enter here
    return cli.main(argv, extra=[_register_gui], default=_run_gui, light=frozenset({"gui"}))


if __name__ == "__main__":
    raise SystemExit(main())
