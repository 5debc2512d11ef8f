"""Each command imports only what it uses (issue 21): a fresh `transfer-tool` process runs one command and
reports which modules it loaded.

Importing is most of a short command's time: pyHanko's signing package pulls in aiohttp (about half a
second on the shared machine), the ORM and argon2 another 0.4 s. So `--help` loads no database layer,
a draft report no signing stack, and read-only commands neither signing nor rendering.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import factories
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.report import render_report
from transfer_tool.storage.database import Database

ROOT = Path(__file__).resolve().parents[2]

# Runs the real entry point (`transfer-tool` = ui.launcher:main) and writes what it loaded to argv[1].
_RUN = """
import json, sys
from ui.launcher import main
try:
    code = main(sys.argv[2:])
except SystemExit as exc:
    code = exc.code
with open(sys.argv[1], "w") as out:
    json.dump({"code": code, "modules": sorted(sys.modules)}, out)
"""

DATABASE_LAYER = {"sqlalchemy", "transfer_tool.storage.database", "transfer_tool.storage.models"}
PASSWORDS = {"argon2", "transfer_tool.accounts.users"}
RENDERING = {"reportlab", "transfer_tool.report.renderer", "PIL"}
SIGNING = {"pyhanko", "pyhanko.sign", "pyhanko_certvalidator", "aiohttp", "transfer_tool.signing.sign"}
OFFICE_FILES = {"openpyxl", "docx", "icalendar"}
# The register file's columns: only an export, an import or a save (its text limits) reads them.
REGISTER_FILES = {"transfer_tool.register.register_columns"}
QT = {"PySide6", "ui.app"}
COUNTRY_EDITING = {
    "transfer_tool.countries.editing",
    "transfer_tool.countries.flags",
    "transfer_tool.countries.exchange",
    "transfer_tool.assessment.record",
}


def _loaded(tmp_path: Path, *argv: str) -> tuple[int, set[str]]:
    out = tmp_path / "modules.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("TRANSFER_TOOL_USER", None)
    subprocess.run(
        [sys.executable, "-c", _RUN, str(out), *argv],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=120,
        check=True,
    )
    result = json.loads(out.read_text())
    return int(result["code"] or 0), set(result["modules"])


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["transfers", "--help"], ["report", "--help"]])
def test_help_and_version_load_no_database_password_report_or_signing_code(
    tmp_path: Path, argv: list[str]
) -> None:
    code, loaded = _loaded(tmp_path, *argv)
    assert code == 0
    assert not (DATABASE_LAYER | PASSWORDS | RENDERING | SIGNING | OFFICE_FILES | QT) & loaded
    assert {"argparse", "transfer_tool.cli"} <= loaded  # the check itself saw the command line run


@pytest.fixture
def draft(db: Database, legal: Actor) -> service.AssessmentView:
    t = factories.transfer(db, legal)
    return service.start_assessment(db, legal, t.id)


def test_a_draft_report_loads_no_signing_stack(
    db_url: str, draft: service.AssessmentView, tmp_path: Path
) -> None:
    pdf = tmp_path / "draft.pdf"
    code, loaded = _loaded(tmp_path, "--database", db_url, "report", draft.reference, "-o", str(pdf))
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF-")
    assert "reportlab" in loaded  # it did render
    assert not (SIGNING | PASSWORDS | OFFICE_FILES | QT) & loaded
    # a known command builds only its own module's parsers (cli.COMMANDS)
    assert "transfer_tool.cli.reports" in loaded
    assert not {"transfer_tool.cli.core", "transfer_tool.cli.countries", "transfer_tool.cli.notice"} & loaded


def test_each_command_word_names_the_module_that_registers_it() -> None:
    from transfer_tool import cli

    registered: dict[str, str] = {}
    for name in cli.COMMAND_MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(name).register(sub)
        registered.update(dict.fromkeys(sub.choices, name))
    assert registered == cli.COMMANDS


def test_verify_loads_no_renderer_and_no_password_hasher(
    db_url: str, draft: service.AssessmentView, db: Database, tmp_path: Path
) -> None:
    pdf = tmp_path / "unsigned.pdf"
    pdf.write_bytes(render_report(service.build_report_data(db, draft.id, dt.date(2026, 12, 1)), "en"))
    code, loaded = _loaded(tmp_path, "--database", db_url, "verify", str(pdf))
    assert code == 1  # not signed: reported, not raised
    assert "transfer_tool.signing.checking" in loaded  # the file went to the checking process...
    # ...which alone loads pyHanko: the command reads the result without it, and loads the database layer
    # while the checking process loads pyHanko on the other core. Certificates are read there too: the
    # command's own process does not load cryptography (40 ms on the path the user waits on).
    assert not (SIGNING | RENDERING | PASSWORDS | OFFICE_FILES | QT | {"cryptography"}) & loaded


@pytest.mark.parametrize(
    "argv",
    [
        ["countries", "show", "US"],
        ["countries", "list"],
        ["transfers", "list"],
        ["transfers", "show", "TR-000001"],
        ["audit", "verify"],
        ["trust", "list"],
        ["due"],
    ],
    ids=lambda argv: " ".join(argv),
)
def test_read_only_commands_load_neither_signing_nor_rendering(
    db_url: str, draft: service.AssessmentView, tmp_path: Path, argv: list[str]
) -> None:
    code, loaded = _loaded(tmp_path, "--database", db_url, *argv)
    assert code == 0
    assert "sqlalchemy" in loaded  # it did read the database
    assert not (SIGNING | RENDERING | PASSWORDS | OFFICE_FILES | REGISTER_FILES | QT) & loaded
    if argv[0] == "countries":  # reading country data loads none of the editing and flagging code
        assert not COUNTRY_EDITING & loaded
