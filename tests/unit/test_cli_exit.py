"""A command's process ends without the interpreter's collector walking every object it made (issue 21):
`ui.launcher.main` freezes them at exit (`gc.freeze` in an exit handler), about 0.15 s of a `report`.
The app (`gui`) is left as it was: Qt tears down its own objects."""

from __future__ import annotations

from pathlib import Path

from tests.entry_point import run_script

# An exit handler registered before `main` runs after main's own (last in, first out): it sees whether
# the objects were frozen by then, and prints it as the process's last word.
_RUN = """
import atexit, gc, sys
atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count() > 0, flush=True))
from ui.launcher import main
for call in (1, 2):  # a second call in the same process registers nothing more
    try:
        main(sys.argv[1:])
    except SystemExit:  # --help
        pass
    print(f"handlers after call {call}:", atexit._ncallbacks(), flush=True)
"""


def _run(tmp_path: Path, *argv: str) -> list[str]:
    return run_script(tmp_path, _RUN, *argv).stdout.splitlines()


def _said(lines: list[str], prefix: str) -> str:
    return next(line for line in reversed(lines) if line.startswith(prefix))[len(prefix) :].strip()


def test_a_command_freezes_its_objects_at_exit_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tool.sqlite3'}"
    command = _run(tmp_path, "--database", url, "countries", "show", "JP")
    assert _said(command, "frozen at exit:") == "True"
    help_ = _run(tmp_path, "--help")
    assert _said(help_, "frozen at exit:") == "False"  # no command ran: nothing to gain
    # A second command in the same process adds no second handler.
    assert _said(command, "handlers after call 2:") == _said(command, "handlers after call 1:")
