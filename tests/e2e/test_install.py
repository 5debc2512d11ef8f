"""A non-editable install into a fresh virtual environment gives a working command line with its data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _run(
    cmd: list[str], env: dict[str, str], cwd: Path, check: bool = True
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=900)
    if check and proc.returncode != 0:
        raise AssertionError(f"{cmd} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("install")
    venv = work / "venv"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONPATH"))}
    _run([sys.executable, "-m", "venv", str(venv)], env, work)
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(ROOT)], env, work)
    return venv


def test_installed_command_line_works_from_another_folder(installed: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONPATH"))}
    env.update(
        TRANSFER_TOOL_DATA_DIR=str(tmp_path / "data"),
        TRANSFER_TOOL_PASSWORD="correct horse battery",
        TRANSFER_TOOL_USER="admin",
        QT_QPA_PLATFORM="offscreen",
    )
    tool = str(installed / "bin" / "transfer-tool")
    assert "transfer-tool" in _run([tool, "--version"], env, tmp_path).stdout
    _run([tool, "init", "--admin", "admin"], env, tmp_path)
    header = (
        "exporter,exporter_country,importer,importer_country,destination,data_categories,purposes,retention\n"
    )
    rows = "".join(
        f"Net Japan,JP,Importer {i % 9},US,{'US' if i % 2 else 'IN'},contact,respond_requests,1 year\n"
        for i in range(1000)
    )
    (tmp_path / "t.csv").write_text(header + rows, encoding="utf-8")
    assert "imported 1000" in _run([tool, "transfers", "import-csv", "t.csv"], env, tmp_path).stdout
    listing = _run([tool, "transfers", "list", "--country", "US"], env, tmp_path).stdout
    assert "500 transfer(s)" in listing
    shown = _run([tool, "countries", "show", "US"], env, tmp_path, check=False)
    if shown.returncode == 0:  # the countries command family is registered
        assert "EU" in shown.stdout
    # the shipped data came from inside the installed package, not from this checkout
    where = _run(
        [
            str(installed / "bin" / "python"),
            "-c",
            "from transfer_tool.paths import data_dir, resources_dir; print(data_dir()); print(resources_dir())",
        ],
        env,
        tmp_path,
    ).stdout
    assert str(installed) in where and str(ROOT) not in where
