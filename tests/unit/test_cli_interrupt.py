"""Ctrl-C at any moment of a command ends it with one line and the code 130, never a traceback (a real
SIGINT, raised in the process while a module loads: the moment a terminal's Ctrl-C lands most often)."""

from __future__ import annotations

from pathlib import Path

from tests.entry_point import run_script

# Sends this process SIGINT as the module named on the command line starts to load, then runs the launcher
# with the rest; an exit handler says whether the Qt front end had finished loading by the end.
_INTERRUPT_WHILE_LOADING = """
import atexit, signal, sys
atexit.register(lambda: print("app code loaded:", "ui.app" in sys.modules, flush=True))
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == sys.argv[1]:
            sys.meta_path.remove(self)
            signal.raise_signal(signal.SIGINT)
        return None
sys.meta_path.insert(0, Interrupt())
from ui.launcher import main
sys.exit(main(sys.argv[2:]))
"""


def test_ctrl_c_while_a_command_loads_is_one_line_and_code_130(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tool.sqlite3'}"
    done = run_script(
        tmp_path,
        _INTERRUPT_WHILE_LOADING,
        "transfer_tool.cli.core",  # the command's module, loaded before the command can catch anything
        "--database",
        url,
        "transfers",
        "list",
        check=False,
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr == "interrupted; nothing more was done\n"


def test_ctrl_c_while_the_qt_binding_loads_waits_for_it(tmp_path: Path) -> None:
    """A KeyboardInterrupt inside shiboken's start-up aborts the process (SIGABRT, a fatal-error dump):
    the launcher holds the Ctrl-C until the app's code has loaded, then ends."""
    done = run_script(
        tmp_path,
        _INTERRUPT_WHILE_LOADING,
        "PySide6.QtWidgets",
        "--database",
        f"sqlite:///{tmp_path / 'tool.sqlite3'}",
        "gui",
        check=False,
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr == "interrupted; nothing more was done\n"
    assert done.stdout.splitlines()[-1] == "app code loaded: True"
