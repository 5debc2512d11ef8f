"""The wheel that `pip install .` builds carries everything the app needs (issue 21): built from the files a
fresh clone has (git's tracked files), it holds the compiled translations, and installed into a fresh
virtual environment the app starts in Japanese (check mode) with no "no translation" warning."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

PASSWORD = "correct horse battery staple"
SHIPPED_QM = (
    "transfer_tool/_shipped/resources/translations/transfer_tool_ja.qm",
    "transfer_tool/_shipped/resources/translations/transfer_tool_en.qm",
)


def _clean_env(**extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONPATH", "LC_", "LANG"))
    }
    env.update(extra)
    return env


def _run(cmd: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        raise AssertionError(f"{cmd} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def _fresh_clone(target: Path) -> Path:
    """The tracked files only, as a clone has them (no .qm left over from a local build)."""
    if shutil.which("git") is None:  # no git to ask: build from the folder itself
        return ROOT
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True, check=False)
    if listed.returncode != 0:  # not a git checkout: build from the folder itself
        return ROOT
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = _fresh_clone(work / "clone")
    env = _clean_env()
    _run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(work / "dist"), str(source)],
        env,
        work,
    )
    (built,) = (work / "dist").glob("transfer_tool-*.whl")
    return built


def test_the_wheel_holds_the_compiled_translations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for qm in SHIPPED_QM:
        assert qm in names
    # The message catalogue as the tool reads it: each .po with its compiled .mo (issue 21).
    locale = ROOT / "data" / "locale"
    for po in locale.glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo").relative_to(locale).as_posix()
        assert f"transfer_tool/_shipped/data/locale/{mo}" in names, mo
    # Help → User guide (issue 18): the guide and its screenshots are shipped too.
    assert "transfer_tool/_shipped/docs/user-guide.md" in names
    assert "transfer_tool/_shipped/docs/screenshots/main-window.png" in names


def test_the_installed_app_starts_in_japanese(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    env = _clean_env()
    _run([sys.executable, "-m", "venv", str(venv)], env, tmp_path)
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], env, tmp_path)
    home = tmp_path / "home"
    env = _clean_env(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        TRANSFER_TOOL_DATA_DIR=str(home / "data"),
        TRANSFER_TOOL_USER="admin",
        TRANSFER_TOOL_PASSWORD=PASSWORD,
        QT_QPA_PLATFORM="offscreen",
        LANG="ja_JP.UTF-8",
        LC_ALL="ja_JP.UTF-8",
    )
    tool = str(venv / "bin" / "transfer-tool")
    _run([tool, "init", "--admin", "admin"], env, tmp_path)
    shot = tmp_path / "main-ja.png"
    started = _run([tool, "gui", "--screenshot", str(shot)], env, tmp_path)
    assert shot.stat().st_size > 10_000
    assert "no translation" not in started.stderr
    # The Japanese catalogue inside the installed package is the one loaded, and it translates.
    check = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from transfer_tool.domain import TransferStatus\n"
        "from ui.i18n import install_translators, status_label, translations_dir\n"
        "app = QCoreApplication([])\n"
        "assert install_translators(app, 'ja')\n"
        "print(translations_dir())\n"
        "print(status_label(TransferStatus.APPROVED))\n"
    )
    where, label = _run([str(venv / "bin" / "python"), "-c", check], env, tmp_path).stdout.split()
    assert where.startswith(str(venv)) and "_shipped" in where
    assert label == "承認済み"
