"""The core commands (init, transfers, audit, --version, --help) run in-process against a real SQLite file."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import PASSWORD
from transfer_tool import __version__
from transfer_tool.cli import main

HEADER = "reference,title,exporter,exporter_country,importer,importer_country,destination,data_categories,purposes,retention,volume\n"
DESTINATIONS = ("US", "IN", "CN", "GB")  # one row in four goes to the US


def _rows(n: int) -> str:
    return "".join(
        f"REF-{i:05d},Support line {i},Net Japan Co.,JP,Importer {i % 7},{DESTINATIONS[i % 4]},"
        f"{DESTINATIONS[i % 4]},contact;financial,respond_requests,1 year,{100 + i}\n"
        for i in range(n)
    )


class Cli:
    def __init__(self, path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.path = path
        self.capsys = capsys

    def __call__(self, *args: str, user: str | None = None) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--database", f"sqlite:///{self.path}", *(["--user", user] if user else []), *args])
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", PASSWORD)
    monkeypatch.delenv("TRANSFER_TOOL_USER", raising=False)
    return Cli(tmp_path / "register.sqlite3", capsys)


@pytest.fixture
def initialised(cli: Cli) -> Cli:
    code, _, err = cli("init", "--admin", "admin", "--name", "Ada Admin")
    assert code == 0, err
    return cli


@pytest.fixture
def register(initialised: Cli, tmp_path: Path) -> Cli:
    """A database holding 1,000 transfers imported from CSV (250 of them to the US)."""
    path = tmp_path / "transfers.csv"
    path.write_text(HEADER + _rows(1000), encoding="utf-8")
    code, out, err = initialised("transfers", "import-csv", str(path), user="admin")
    assert code == 0, err
    assert out == f"imported 1000 transfer(s) from {path}\n"
    return initialised


def test_init_creates_the_database_and_the_first_admin(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = cli("init", "--admin", "admin", "--name", "Ada Admin")
    assert code == 0, err
    assert out.splitlines() == [f"database ready: {cli.path}", "admin account created: admin"]
    assert cli.path.exists()
    code, out, _ = cli("users", "list", user="admin")
    assert code == 0
    assert out.split() == ["admin", "admin", "active", "Ada", "Admin"]
    code, _, err = cli("users", "list", user="admin-typo")
    assert code != 0 and err.startswith("error: ")
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", "not the password")  # the admin's password came from it
    code, _, err = cli("users", "list", user="admin")
    assert code != 0 and err.startswith("error: ")


def test_a_second_admin_cannot_be_created_by_init(initialised: Cli) -> None:
    code, _, err = initialised("init", "--admin", "mallory")
    assert code != 0
    assert err.startswith("error: ") and err.count("\n") == 1


def test_import_csv_then_list_by_country(register: Cli) -> None:
    code, out, _ = register("transfers", "list", "--country", "us")
    assert code == 0
    lines = out.splitlines()
    assert lines[-1] == "250 transfer(s)"
    rows = lines[1:-1]
    assert len(rows) == 250
    assert {row.split()[1] for row in rows} == {"US"}
    assert [row.split()[0] for row in rows] == [f"REF-{i:05d}" for i in range(0, 1000, 4)]


@pytest.mark.parametrize("country", ["ZZ", "Japan"])
def test_listing_by_a_country_that_is_not_one_says_so(initialised: Cli, country: str) -> None:
    """It listed "0 transfer(s)", as if none went there."""
    code, out, err = initialised("transfers", "list", "--country", country)
    assert (code, out) == (2, "")
    assert (
        err
        == f"error: '{country}' is not a known destination. Try `transfer-tool countries search {country}`.\n"
    )


def test_show_one_transfer(register: Cli) -> None:
    code, out, _ = register("transfers", "show", "REF-00001")
    assert code == 0
    assert out.startswith("REF-00001  Support line 1\n")
    assert "exporter:      Net Japan Co. (JP), controller" in out
    assert "importer:      Importer 1 (IN), processor" in out
    assert "destination:   IN" in out
    assert "data:          contact, financial" in out
    assert "101 data subjects" in out


def test_export_csv_to_standard_output_round_trips_the_register(register: Cli) -> None:
    code, out, _ = register("transfers", "export-csv", "-")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1000
    by_ref = {r["reference"]: r for r in rows}
    assert by_ref["REF-00002"]["destination"] == "CN"
    assert by_ref["REF-00002"]["data_categories"] == "contact;financial"
    assert by_ref["REF-00002"]["volume"] == "102"
    assert by_ref["REF-00002"]["status"] == "new"


def test_a_bad_csv_is_refused_whole_with_line_numbers(initialised: Cli, tmp_path: Path) -> None:
    bad = (
        "R1,Fine,Net Japan,JP,Acme,US,US,contact,respond_requests,1 year,10\n"
        "R2,Unknown destination,Net Japan,JP,Acme,US,ZZ,contact,respond_requests,1 year,10\n"
        "R3,Bad volume,Net Japan,JP,Acme,US,US,contact,respond_requests,1 year,many\n"
    )
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + bad, encoding="utf-8")
    code, out, err = initialised("transfers", "import-csv", str(path), user="admin")
    assert code != 0
    assert out == ""
    assert "Nothing was imported" in err
    assert "  - line 3, column destination: 'ZZ' is not a known country code" in err
    assert "  - line 4, column volume: 'many' is not a whole number" in err
    assert "line 2" not in err
    assert "Traceback" not in err
    assert initialised("transfers", "list")[1].splitlines()[-1] == "0 transfer(s)"


def test_audit_verify_passes_then_names_the_tampered_event(register: Cli) -> None:
    code, out, _ = register("audit", "verify")
    assert code == 0
    assert out.startswith("Audit log intact: ") and "events verified" in out
    # The head, as `check` prints it, to keep outside the tool (SECURITY.md): the last event and its hash.
    with sqlite3.connect(register.path) as conn:
        last, last_hash = conn.execute(
            "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1"
        ).fetchone()
    assert f"Head: {last}:{last_hash}\n" in out
    assert "check --expect-head" in out
    with sqlite3.connect(register.path) as conn:
        seq, record = conn.execute(
            "SELECT seq, record_id FROM audit_event WHERE action = 'create' AND table_name = 'transfer' "
            "ORDER BY seq LIMIT 1 OFFSET 9"
        ).fetchone()
        conn.execute(
            "UPDATE audit_event SET after = json_set(after, '$.title', 'nothing to see') WHERE seq = ?",
            (seq,),
        )
    code, out, err = register("audit", "verify")
    assert code == 1
    assert out == ""
    assert err == (
        f"Audit log BROKEN at event {seq}: its content was changed after it was written "
        f"(create on transfer {record})\n"
    )


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"transfer-tool {__version__}\n"
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: transfer-tool")
    for command in ("init", "transfers", "audit", "countries"):
        assert command in out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("transfers", "show", "TR-999999"), "No transfer with reference 'TR-999999'."),
        (("transfers", "show", "999999"), "Transfer 999999 does not exist."),
        (("transfers", "import-csv", "/nonexistent/t.csv"), "Cannot read /nonexistent/t.csv"),
        (("users", "add", "bob", "--name", "Bob", "--role", "legal"), "say who you are with --user NAME"),
    ],
    ids=["unknown-reference", "unknown-id", "missing-file", "no-user"],
)
def test_a_user_error_is_one_line_without_a_traceback(
    initialised: Cli, args: tuple[str, ...], words: str
) -> None:
    code, out, err = initialised(*args)
    assert code == 2
    assert out == ""
    assert err.startswith("error: ") and words in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_a_mistyped_command_shows_usage_not_a_traceback(initialised: Cli) -> None:
    with pytest.raises(SystemExit) as exit_:
        initialised("transfers", "lsit")
    assert exit_.value.code == 2
    err = initialised.capsys.readouterr().err
    assert "invalid choice: 'lsit'" in err
    assert "Traceback" not in err


def test_an_unreachable_server_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    from transfer_tool.cli import main

    url = "postgresql+psycopg://nobody:secret@127.0.0.1:9/none"  # port 9: nothing listens there
    code = main(["--database", url, "transfers", "list"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: Cannot open the database at 127.0.0.1:9/none")
    assert "Traceback" not in err and "secret" not in err


@pytest.mark.parametrize("argv", [["-h"], ["--help"], ["-vh"], ["--hel"]])
def test_help_lists_every_command_however_it_is_asked(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The launcher's quick path (no core commands loaded) is only taken when nothing asks for help."""
    from transfer_tool import cli

    with pytest.raises(SystemExit):
        cli.main(argv, default=lambda _args: 0, light=frozenset({"gui"}))
    out = capsys.readouterr().out
    assert all(word in out for word in ("countries", "report", "backup")), out
