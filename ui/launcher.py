"""The `transfer-tool` entry point: the core command line plus the `gui` command; no command starts the app.

Qt is imported only when the GUI is actually started, so headless commands stay light.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any


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


_freezing_at_exit = False


def _freeze_at_exit() -> None:
    """At exit, every object a command made dies with its process, yet the interpreter's tear-down runs
    the cyclic collector over them all: about 0.15 s of a `report` (a fifth of the command). Frozen first
    (an exit handler: it runs before the tear-down), the collector skips them. Registered once, so calling
    `main` in a longer process (tests) freezes nothing until that process ends. What a command opens it
    closes itself (the database in `CliContext.close`, files in `with` blocks; logging flushes in its own
    exit handler): nothing relies on a cycle's finaliser running at exit."""
    global _freezing_at_exit
    if not _freezing_at_exit:
        atexit.register(gc.freeze)
        _freezing_at_exit = True


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()  # `report --all` workers in a frozen bundle re-enter here
    # Start-up builds some 100,000 objects that live as long as the app: the cyclic collector would walk
    # them again and again (~90 ms of a start). The app turns it back on once its first window is up
    # (ui.app.startup_finished); a headless command once its code is loaded and its database open
    # (transfer_tool.runtime.collector).
    gc.disable()
    from transfer_tool import cli
    from transfer_tool.runtime import collector

    words = list(sys.argv[1:] if argv is None else argv)
    command = cli.command_in(words)
    headless = command not in (None, "gui")
    if headless:
        collector.pause()
        _freeze_at_exit()
    try:
        return cli.main(words, extra=[_register_gui], default=_run_gui, light=frozenset({"gui"}))
    finally:
        if headless:
            collector.resume()
        gc.enable()


if __name__ == "__main__":
    raise SystemExit(main())
