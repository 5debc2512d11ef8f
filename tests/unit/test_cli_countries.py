"""`transfer-tool countries ...` run in-process against a real SQLite file, as a user would type it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests import factories
from tests.conftest import PASSWORD
from transfer_tool.accounts.permissions import Actor
from transfer_tool.cli import main
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database


class Cli:
    """Runs commands against one database and returns (exit code, stdout, stderr)."""

    def __init__(self, url: str, capsys: pytest.CaptureFixture[str]) -> None:
        self.url = url
        self.capsys = capsys

    def __call__(self, *args: str, user: str | None = None) -> tuple[int, str, str]:
        self.capsys.readouterr()
        argv = ["--database", self.url, *(["--user", user] if user else []), *args]
        code = main(argv)
        out, err = self.capsys.readouterr()
        return code, out, err

    def export(self, path: Path) -> bytes:
        code, _, err = self("countries", "export", str(path))
        assert code == 0, err
        return path.read_bytes()


@pytest.fixture
def cli(
    tmp_path: Path, sqlite_template: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Cli:
    path = tmp_path / "cli.sqlite3"
    shutil.copyfile(sqlite_template, path)
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", PASSWORD)
    monkeypatch.delenv("TRANSFER_TOOL_USER", raising=False)
    runner = Cli(f"sqlite:///{path}", capsys)
    code, _, err = runner("init", "--admin", "admin")
    assert code == 0, err
    return runner


def _regime_blocks(show_output: str) -> dict[str, str]:
    """The 'Status by regime' section of `countries show`, one text block per regime code."""
    section = show_output.split("Status by regime\n", 1)[1].split("\n\n", 1)[0]
    blocks: dict[str, list[str]] = {}
    current = ""
    for line in section.splitlines():
        if not line.startswith("      "):
            current = line.split()[0]
            blocks[current] = []
        blocks[current].append(line.strip())
    return {code: "\n".join(lines) for code, lines in blocks.items()}


def _spoil(exported: bytes, code: str, regime: str, **changes: Any) -> bytes:
    doc = json.loads(exported)
    entry = next(d for d in doc["destinations"] if d["code"] == code)
    entry["regimes"][regime].update(changes)
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def test_show_us_partial_with_conditions_and_not_recognised_under_appi(cli: Cli) -> None:
    code, out, _ = cli("countries", "show", "us")
    assert code == 0
    assert out.startswith("US  United States\n")
    assert "米国" in out
    blocks = _regime_blocks(out)
    for regime, condition in [
        ("EU", "EU-U.S. Data Privacy Framework"),
        ("UK", "UK Extension"),
        ("CH", "Swiss-U.S. Data Privacy Framework"),
    ]:
        assert blocks[regime].startswith(f"{regime}  partial (recognised for some recipients only)")
        assert "condition:  Only organisations" in blocks[regime]
        assert condition in blocks[regime]
    assert blocks["JP"].startswith("JP  not_adequate (not recognised)")
    assert "instrument: (EU) 2023/1795" in blocks["EU"]
    assert "adopted: 2023-07-10" in blocks["EU"]
    assert "source:     https://" in blocks["EU"]
    assert "FISA Section 702 (50 U.S.C. 1881a): PROBLEMATIC" in out
    assert "CLOUD Act (18 U.S.C. 2713): not problematic" in out
    assert "OECD principles covered: 3/8" in out
    assert "CBPR:                    Global CBPR member" in out


def test_show_ch_adequate_under_eu_without_appi_recognition(cli: Cli) -> None:
    code, out, _ = cli("countries", "show", "CH")
    assert code == 0
    blocks = _regime_blocks(out)
    assert blocks["EU"].startswith("EU  adequate (recognised as adequate)")
    assert "instrument: 2000/518/EC" in blocks["EU"]
    assert blocks["CH"].startswith("CH  inside")
    assert blocks["JP"].startswith("JP  not_adequate (not recognised)")
    assert "Government access laws\n  none recorded" in out
    appi = out.split("APPI information", 1)[1]
    assert appi.splitlines()[0].endswith(
        "UNVERIFIED: check against the PPC's information before giving it to data subjects]"
    )


def test_an_unverified_entry_is_marked(cli: Cli, tmp_path: Path) -> None:
    edited = _spoil(cli.export(tmp_path / "before.json"), "KR", "JP", verified=False)
    (tmp_path / "edit.json").write_bytes(edited)
    code, _, err = cli("countries", "import", str(tmp_path / "edit.json"), user="admin")
    assert code == 0, err
    blocks = _regime_blocks(cli("countries", "show", "KR")[1])
    assert "UNVERIFIED" in blocks["JP"]
    assert "UNVERIFIED" not in blocks["EU"]


def test_search_in_japanese_finds_korea(cli: Cli) -> None:
    code, out, _ = cli("countries", "search", "韓国")
    assert code == 0
    assert out.splitlines()[0].startswith("KR ")


def test_list_shows_every_destination_with_its_statuses(cli: Cli) -> None:
    code, out, _ = cli("countries", "list")
    assert code == 0
    lines = out.splitlines()
    header = lines[0].split()
    us = next(line for line in lines if line.startswith("US ")).split()
    assert us[-1] == "v1"
    statuses = dict(zip(header[2:-1], us[-1 - len(header[2:-1]) : -1], strict=True))
    assert statuses == {
        "BR": "not_adequate",
        "CH": "partial",
        "EU": "partial",
        "JP": "not_adequate",
        "UK": "partial",
    }
    assert lines[-1].startswith("251 destination(s)")


def test_import_dry_run_prints_the_changes_and_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    before = cli.export(tmp_path / "before.json")
    (tmp_path / "edit.json").write_bytes(_spoil(before, "US", "EU", status="not_adequate", condition=""))
    code, out, err = cli("countries", "import", str(tmp_path / "edit.json"), "--dry-run", user="admin")
    assert code == 0, err
    assert "US: 2 change(s)" in out
    assert "regimes.EU.status: 'partial' -> 'not_adequate'" in out
    assert "re-assessment needed: EU GDPR: status changed from Partial to Not adequate" in out
    assert "dry run: 1 destination(s) would change; nothing was written" in out
    assert cli.export(tmp_path / "after.json") == before
    assert cli("countries", "history", "US")[1].count("\n") == 1


def test_import_applies_flags_transfers_and_keeps_history(cli: Cli, tmp_path: Path) -> None:
    db = Database(cli.url)
    try:
        actor = Actor.system()
        de_us = factories.transfer_input(
            factories.entity(db, actor, "Net Europe GmbH", "DE").id,
            factories.entity(db, actor, "Acme", "US").id,
        )
        reference = transfers.create_transfer(db, actor, de_us).reference
    finally:
        db.dispose()
    before = cli.export(tmp_path / "before.json")
    (tmp_path / "edit.json").write_bytes(_spoil(before, "US", "EU", status="not_adequate", condition=""))
    code, out, err = cli(
        "countries", "import", str(tmp_path / "edit.json"), "--reason", "Schrems III", user="admin"
    )
    assert code == 0, err
    assert "imported: 1 destination(s) changed, 1 transfer(s) flagged for re-assessment" in out

    history = cli("countries", "history", "US")[1].splitlines()
    assert [line.split()[0] for line in history] == ["v1", "v2"]
    assert history[1].split("UTC", 1)[1].split() == ["admin", "Schrems", "III"]
    diff = cli("countries", "history", "US", "--diff", "1", "2")[1]
    assert "US: version 1 -> 2: 2 change(s)" in diff
    assert "regimes.EU.status: 'partial' -> 'not_adequate'" in diff

    impact = cli("countries", "impact")[1].splitlines()
    assert impact[0].split()[:4] == [reference, "US", "EU", "withdrawn"]
    assert "Schrems III" in impact[0]
    assert impact[-1] == "1 open re-assessment flag(s)"


def test_impact_checks_expiries_on_a_given_day(cli: Cli) -> None:
    db = Database(cli.url)
    try:
        actor = Actor.system()
        exp = factories.entity(db, actor, "Net Europe GmbH", "DE").id
        transfers.create_transfer(
            db, actor, factories.transfer_input(exp, factories.entity(db, actor, "UK Ltd", "GB").id, "GB")
        )
    finally:
        db.dispose()
    assert cli("countries", "impact")[1] == "no transfers await re-assessment because of country data\n"
    code, out, err = cli("countries", "impact", "--check-expiries", "--on", "2032-01-01", user="admin")
    assert code == 0, err
    assert out.splitlines()[0] == "expiry check on 2032-01-01: 1 transfer(s) newly flagged"
    assert "GB   EU   expired" in out
    again = cli("countries", "impact", "--check-expiries", "--on", "2032-01-01", user="admin")[1]
    assert again.splitlines()[0] == "expiry check on 2032-01-01: 0 transfer(s) newly flagged"


@pytest.mark.parametrize(
    ("changes", "location"),
    [
        ({"adopted": "10/07/2023"}, "destinations[US].regimes.EU.adopted: expected a date YYYY-MM-DD"),
        ({"verified": "yes"}, "destinations[US].regimes.EU.verified: expected boolean"),
    ],
)
def test_a_malformed_import_exits_non_zero_naming_entry_and_field(
    cli: Cli, tmp_path: Path, changes: dict[str, Any], location: str
) -> None:
    before = cli.export(tmp_path / "before.json")
    (tmp_path / "bad.json").write_bytes(_spoil(before, "US", "EU", **changes))
    code, out, err = cli("countries", "import", str(tmp_path / "bad.json"), user="admin")
    assert code != 0
    assert out == ""
    assert err.startswith("error: The country data file was refused (1 problem); nothing was imported.")
    assert f"  - {location}" in err
    assert "Traceback" not in err
    assert cli.export(tmp_path / "after.json") == before


def test_changing_country_data_needs_an_admin(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRANSFER_TOOL_NEW_PASSWORD", PASSWORD)  # lena's, the same as the admin's here
    before = cli.export(tmp_path / "before.json")
    code, _, err = cli("countries", "import", str(tmp_path / "before.json"), "--dry-run")
    assert code != 0
    assert err.count("\n") == 1 and "--user NAME" in err
    code, _, err = cli("users", "add", "lena", "--name", "Lena Legal", "--role", "legal", user="admin")
    assert code == 0, err
    code, _, err = cli("countries", "import", str(tmp_path / "before.json"), user="lena")
    assert code != 0
    assert (
        err == "error: Your role (legal) may not change country data. Ask an administrator if you need to.\n"
    )
    assert cli.export(tmp_path / "after.json") == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("countries", "show", "QQ"), "'QQ' is not a known destination"),
        (("countries", "search", "Atlantis"), "No destination matches 'Atlantis'"),
        (("countries", "history", "US", "--diff", "1", "7"), "US has no version 7"),
        (("countries", "import", "/nonexistent/file.json"), "Cannot read /nonexistent/file.json"),
    ],
)
def test_user_errors_are_one_line_and_exit_non_zero(cli: Cli, args: tuple[str, ...], words: str) -> None:
    code, out, err = cli(*args, user="admin")
    assert code != 0
    assert out == ""
    assert err.startswith("error: ") and words in err
    assert err.count("\n") == 1
