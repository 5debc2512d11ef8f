"""Ctrl-C at any moment of a command ends it with one line and the code 130, never a traceback (a real
SIGINT, raised in the process while a module loads: the moment a terminal's Ctrl-C lands most often)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.conftest import PASSWORD
from tests.entry_point import ROOT, run_script
from transfer_tool.accounts.permissions import Actor
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database

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


# Raises SIGINT just after SQLAlchemy closes a flush's own transaction (inside the import's), on the third:
# the moment a terminal's Ctrl-C hit during `transfers import` of 5,000 rows (the interrupt left the session
# between states; its clean-up raised "This transaction is closed" with a traceback, code 1).
_INTERRUPT_IN_A_FLUSH = """
import os, signal, sys
from sqlalchemy.orm.session import SessionTransaction
original = SessionTransaction.close
closed = []
def close(self, *args, **kwargs):
    original(self, *args, **kwargs)
    if self._parent is not None:
        closed.append(self)
        if len(closed) == 3:
            signal.raise_signal(signal.SIGINT)
SessionTransaction.close = close
os.environ["TRANSFER_TOOL_PASSWORD"] = sys.argv[1]
from ui.launcher import main
sys.exit(main(sys.argv[2:]))
"""

_ROW = (
    ",Support line {n},Net Japan Europe GmbH,DE,controller,Pacific Contact Services Inc.,US,processor,"
    "subcontractor,US,contact,customers,respond_requests,contract,continuous,800,encrypted,encrypted,importer,"
    "US,,12 months,new,\n"
)


def test_ctrl_c_inside_a_database_write_is_one_line_and_nothing_stored(
    tmp_path: Path, db_url: str, db: Database, legal: Actor
) -> None:
    header = (
        "reference,title,exporter,exporter_country,exporter_role,importer,importer_country,importer_role,"
        "recipient_type,destination,data_categories,data_subjects,purposes,legal_bases,frequency,volume,"
        "format_in_transit,format_at_rest,key_holder,storage_countries,remote_access_countries,retention,"
        "status,next_review\n"
    )
    table = tmp_path / "transfers.csv"
    table.write_text(header + "".join(_ROW.format(n=n) for n in range(10)), encoding="utf-8")
    db.dispose()
    done = run_script(
        tmp_path,
        _INTERRUPT_IN_A_FLUSH,
        PASSWORD,
        "--database",
        db_url,
        "--user",
        legal.username,
        "transfers",
        "import",
        str(table),
        check=False,
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr == "interrupted; nothing more was done\n"
    assert transfers.find_by_reference(db, "TR-000001") is None  # all rows or none


def test_ctrl_c_at_the_password_prompt_ends_the_prompts_line(tmp_path: Path) -> None:
    """A real terminal (a pseudo-terminal the command has as its own): its Ctrl-C at the password prompt.
    getpass echoes nothing, not even ^C: "interrupted" was printed on the prompt's line."""
    import pty
    import select
    import signal
    import time

    env = {
        **{k: v for k, v in os.environ.items() if k != "TRANSFER_TOOL_PASSWORD"},
        "PYTHONPATH": str(ROOT),
        "TRANSFER_TOOL_DATA_DIR": str(tmp_path / "data"),
    }
    argv = [sys.executable, "-m", "ui.launcher", "--database", f"sqlite:///{tmp_path / 't.sqlite3'}"]
    table = tmp_path / "t.csv"
    table.write_text("title\n", encoding="utf-8")  # read before the password is asked for
    pid, terminal = pty.fork()
    if pid == 0:  # the child: the pseudo-terminal is its controlling terminal
        try:
            os.execve(sys.executable, [*argv, "--user", "lena", "transfers", "import", str(table)], env)
        finally:
            os._exit(127)

    def read() -> bytes:
        try:
            return os.read(terminal, 1024) if select.select([terminal], [], [], 1)[0] else b""
        except OSError:  # the command ended: the terminal's other side is closed
            return b"END"

    seen = b""
    status: int | None = None
    try:
        deadline = time.monotonic() + 60
        while not seen.endswith((b"Password: ", b"END")) and time.monotonic() < deadline:
            seen += read()
        assert seen.endswith(b"Password: "), seen
        os.write(terminal, b"\x03")  # the terminal's own Ctrl-C: SIGINT to its foreground group
        while not seen.endswith(b"END") and time.monotonic() < deadline:
            seen += read()
        _, status = os.waitpid(pid, 0)
    finally:
        if status is None:  # only the process this test started
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(terminal)
    assert os.waitstatus_to_exitcode(status) == 130
    assert seen.endswith(b"Password: \r\ninterrupted; nothing more was done\r\nEND"), seen
