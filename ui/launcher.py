"""The `transfer-tool` entry point: the core command line plus the `gui` command; no command starts the app.

Qt is imported only when the GUI is actually started, so headless commands stay light.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
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
    with ctrl_c_deferred():
        from ui.app import run

    return run(database=getattr(args, "database", None), screenshot=getattr(args, "screenshot", None))


@contextmanager
def ctrl_c_deferred() -> Iterator[None]:
    """Ctrl-C while the Qt binding loads is held until it has loaded, then raised: a KeyboardInterrupt
    inside shiboken's start-up aborts the whole process (SIGABRT and a fatal-error dump, seen on a Ctrl-C
    0.4 s after the start)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


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


INTERRUPTED = 130  # the shell's code for a command ended by Ctrl-C (128 + SIGINT)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command of `argv`; Ctrl-C at any moment (even while the modules load, before a command can
    catch it) ends it with one line and the code 130, not a traceback."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("interrupted; nothing more was done", file=sys.stderr)
        return INTERRUPTED


def _main(argv: Sequence[str] | None) -> int:
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
