"""The password of an account the command line makes (`init --admin`, `users add`): typed twice at a
terminal, or from its own variable; never the acting admin's TRANSFER_TOOL_PASSWORD. A real
pseudo-terminal plays the person at the keyboard."""

from __future__ import annotations

import os
import pty
import select
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PASSWORD
from tests.entry_point import ROOT
from transfer_tool.accounts import users
from transfer_tool.cli import main
from transfer_tool.errors import AuthenticationFailed
from transfer_tool.storage.database import Database


def _at_a_terminal(tmp_path: Path, argv: list[str], answers: list[str]) -> tuple[int, str]:
    """Run the command with a pseudo-terminal as its terminal; type each answer at the next prompt."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("TRANSFER_TOOL_")},
        "PYTHONPATH": str(ROOT),
        "TRANSFER_TOOL_DATA_DIR": str(tmp_path / "data"),
    }
    pid, terminal = pty.fork()
    if pid == 0:  # the child: the pseudo-terminal is its controlling terminal
        try:
            os.execve(sys.executable, [sys.executable, "-m", "ui.launcher", *argv], env)
        finally:
            os._exit(127)
    seen, status, answered = b"", None, 0
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                chunk = os.read(terminal, 1024) if select.select([terminal], [], [], 1)[0] else b""
            except OSError:  # the command ended: the terminal's other side is closed
                break
            seen += chunk
            if answers and seen.endswith(b": ") and seen.lower().count(b"password for") > answered:
                os.write(terminal, answers.pop(0).encode() + b"\r")  # nothing echoes it (getpass)
                answered += 1
        assert time.monotonic() < deadline, seen  # the finally ends it
        _, status = os.waitpid(pid, 0)
    finally:
        if status is None:  # only the process this test started
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(terminal)
    return os.waitstatus_to_exitcode(status), seen.decode().replace("\r\n", "\n")


def test_the_first_admins_password_is_typed_twice(tmp_path: Path) -> None:
    database = tmp_path / "t.sqlite3"
    argv = ["--database", f"sqlite:///{database}", "init", "--admin", "ada"]
    code, text = _at_a_terminal(tmp_path, argv, [PASSWORD, PASSWORD + "x"])
    assert code == 2, text
    assert "Password for ada: \nRepeat the password for ada: \n" in text
    assert text.endswith(
        "error: The two passwords typed for ada differ: the account was not made. Run the command again.\n"
    )
    db = Database(f"sqlite:///{database}")
    try:
        assert not users.has_users(db)
        code, text = _at_a_terminal(tmp_path, argv, [PASSWORD, PASSWORD])
        assert code == 0, text
        assert text.endswith("admin account created: ada\n")
        assert users.authenticate(db, "ada", PASSWORD).username == "ada"
    finally:
        db.dispose()


def test_users_add_never_gives_the_new_account_the_admins_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only TRANSFER_TOOL_PASSWORD set (the admin's, to act): the new account got that same password."""
    url = f"sqlite:///{tmp_path / 't.sqlite3'}"
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", PASSWORD)
    monkeypatch.delenv("TRANSFER_TOOL_NEW_PASSWORD", raising=False)
    assert main(["--database", url, "init", "--admin", "admin"]) == 0
    capsys.readouterr()
    add = ["--database", url, "--user", "admin", "users", "add", "bob", "--name", "Bob", "--role", "legal"]
    assert main(add) == 2
    err = capsys.readouterr().err
    assert err == (
        "error: No password for bob: set TRANSFER_TOOL_NEW_PASSWORD or run the command in a terminal.\n"
    )
    db = Database(url)
    try:
        with pytest.raises(AuthenticationFailed):
            users.authenticate(db, "bob", PASSWORD)
        monkeypatch.setenv("TRANSFER_TOOL_NEW_PASSWORD", "Bob's own password")
        assert main(add) == 0
        assert users.authenticate(db, "bob", "Bob's own password").username == "bob"
    finally:
        db.dispose()
