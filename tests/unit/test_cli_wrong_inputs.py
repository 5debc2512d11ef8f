"""What a newcomer types wrong about where the database is (a file name for a URL, another database's URL,
a read-only folder, a mistyped path) is said in one line that says what to do: no traceback."""

from __future__ import annotations

import shutil
import socket
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.entry_point import run_script
from transfer_tool.cli import main
from transfer_tool.errors import StorageError
from transfer_tool.runtime.config import checked_url


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line_error(code: int, err: str) -> None:
    assert code == 2, err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err


def _writable(folder: Path) -> bool:
    probe = folder / f".probe-{uuid.uuid4().hex}"
    try:
        probe.touch()
    except OSError:
        return False
    probe.unlink()
    return True


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write to: by its mode, or for root (whom the mode does not stop) immutable."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    (folder / "existing.sqlite3").touch()  # replaced by a real database by the tests that need one
    folder.chmod(0o555)
    immutable = False
    if _writable(folder) and shutil.which("chattr"):
        immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
    try:
        if _writable(folder):
            pytest.skip("no way to make a folder read-only here (root without chattr)")
        yield folder
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def test_a_file_name_is_not_taken_for_a_url_and_the_url_to_write_is_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "tool.sqlite3"
    code, out, err = _run(capsys, "--database", str(path), "transfers", "list")
    _one_line_error(code, err)
    assert f"for a SQLite file write sqlite:///{path}" in err
    assert out == "" and not path.exists()


def test_another_databases_url_names_its_kind_never_its_password(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--database", "mysql://ada:s3cret@db.example/tia", "transfers", "list")
    _one_line_error(code, err)
    assert "not mysql://" in err and "postgresql+psycopg://" in err
    assert "s3cret" not in err


def test_a_url_without_its_scheme_never_shows_its_password(capsys: pytest.CaptureFixture[str]) -> None:
    """USER:PASSWORD@HOST/NAME with the postgresql:// left out was echoed whole as 'a file name', with the
    SQLite URL made of it: the password on the terminal, in the app's dialog and in its log (review)."""
    code, _, err = _run(capsys, "--database", "ada:s3cret@db.example:5432/tia", "transfers", "list")
    _one_line_error(code, err)
    assert "s3cret" not in err
    assert "postgresql+psycopg://USER:PASSWORD@db.example:5432/tia" in err and "sqlite:///FILE" in err


def test_the_usual_postgresql_spellings_use_the_shipped_driver() -> None:
    for url in ("postgresql://a@h/d", "postgres://a@h/d", "postgresql+psycopg://a@h/d"):
        assert checked_url(url) == "postgresql+psycopg://a@h/d"
    with pytest.raises(StorageError):
        checked_url("postgresql+psycopg2://a@h/d")  # a driver the tool does not ship


def test_a_new_database_at_a_mistyped_path_is_pointed_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "typo" / "tool.sqlite3"
    code, out, err = _run(capsys, "--database", f"sqlite:///{path}", "transfers", "list")
    assert code == 0
    assert out.endswith("0 transfer(s)\n")
    assert err == (
        f"note: there was no database at {path}; a new, empty one was made there "
        "(check --database or TRANSFER_TOOL_DATABASE_URL if you meant another)\n"
    )
    code, _, err = _run(capsys, "--database", f"sqlite:///{path}", "transfers", "list")
    assert code == 0 and err == ""  # said once: the second time it is the database


def test_a_database_cannot_be_made_in_a_read_only_folder(
    capsys: pytest.CaptureFixture[str], read_only_folder: Path
) -> None:
    path = read_only_folder / "new.sqlite3"
    code, _, err = _run(capsys, "--database", f"sqlite:///{path}", "transfers", "list")
    _one_line_error(code, err)
    assert f"Cannot create the database {path}" in err and "Choose a folder you may write to" in err


def test_a_database_in_a_read_only_folder_is_not_blamed_on_a_server(
    capsys: pytest.CaptureFixture[str], read_only_folder: Path, tmp_path: Path
) -> None:
    made = tmp_path / "made.sqlite3"
    code, _, err = _run(capsys, "--database", f"sqlite:///{made}", "init")
    assert code == 0, err
    path = read_only_folder / "existing.sqlite3"
    subprocess.run(["chattr", "-i", str(read_only_folder)], capture_output=True)
    read_only_folder.chmod(0o755)
    shutil.copyfile(made, path)
    read_only_folder.chmod(0o555)
    subprocess.run(["chattr", "+i", str(read_only_folder)], capture_output=True)
    assert not _writable(read_only_folder)
    code, _, err = _run(capsys, "--database", f"sqlite:///{path}", "transfers", "list")
    _one_line_error(code, err)
    assert f"Cannot open the database file {path}" in err
    assert "write to the file and to its folder" in err and "server" not in err


def test_a_data_folder_that_cannot_be_made_is_named_with_its_setting(
    capsys: pytest.CaptureFixture[str], read_only_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TRANSFER_TOOL_DATABASE_URL", raising=False)
    monkeypatch.setenv("TRANSFER_TOOL_DATA_DIR", str(read_only_folder / "data"))
    code, _, err = _run(capsys, "transfers", "list")
    _one_line_error(code, err)
    assert f"Cannot create the data folder {read_only_folder / 'data'}" in err
    assert "Set TRANSFER_TOOL_DATA_DIR to a folder you may write to" in err


def test_report_all_into_a_read_only_folder_is_one_line(
    capsys: pytest.CaptureFixture[str], read_only_folder: Path, tmp_path: Path
) -> None:
    from transfer_tool.demo import build_demo

    url = f"sqlite:///{build_demo(tmp_path / 'demo').directory / 'demo.sqlite3'}"
    out_dir = read_only_folder / "reports"
    code, _, err = _run(capsys, "--database", url, "report", "--all", "-o", str(out_dir))
    _one_line_error(code, err)
    assert f"Cannot create the folder {out_dir}" in err


# Runs the launcher as if psycopg were not installed (`pip install .` leaves the pg extra out).
_WITHOUT_PSYCOPG = """
import sys
sys.modules["psycopg"] = None  # `import psycopg` now fails as a missing module does
from ui.launcher import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("command", [["transfers", "list"], ["gui", "--screenshot", "shot.png"]])
def test_a_postgresql_url_without_its_driver_says_what_to_install(tmp_path: Path, command: list[str]) -> None:
    url = "postgresql://lena:secret-pw@127.0.0.1:5432/tia"
    done = run_script(tmp_path, _WITHOUT_PSYCOPG, "--database", url, *command, check=False)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "secret-pw" not in done.stderr
    assert "needs the psycopg driver" in done.stderr and "pip install 'psycopg[binary]'" in done.stderr
    assert len(done.stderr.splitlines()) == 1, done.stderr


def test_a_server_that_does_not_answer_is_one_line_without_the_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """psycopg's reason ends with a hint on a line of its own ("Is the server running ...?"): the error was
    two lines, the first ending "?." before the tool's own advice."""
    with socket.socket() as probe:  # a port nothing listens on: bound here, then freed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql://lena:secret-pw@127.0.0.1:{port}/tia"
    code, _, err = _run(capsys, "--database", url, "transfers", "list")
    _one_line_error(code, err)
    assert f"127.0.0.1:{port}/tia" in err and "Connection refused" in err and "Check that the server" in err
    assert "secret-pw" not in err and "?." not in err


def test_init_without_the_installers_password_says_where_to_give_it(
    pg_migrated: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """docs/team-setup.md had the installer's password in TRANSFER_TOOL_PASSWORD, which the connection
    never reads: `init` took the sign-in for a team client's, said "database ready" and set nothing up."""
    from sqlalchemy.engine import make_url

    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", "Ada's own password")
    given = make_url(pg_migrated)
    url = f"{given.drivername}://{given.username}@{given.host}:{given.port}/{given.database}"  # no password
    code, out, err = _run(capsys, "--database", url, "init", "--admin", "ada")
    _one_line_error(code, err)
    assert out == ""
    assert "asks for its password" in err and "PGPASSWORD, in ~/.pgpass or in the URL" in err
