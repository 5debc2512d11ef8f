"""The compiled translations are committed (issue 21): `pip install .` builds the wheel with Hatch alone,
which runs no Qt tool, so the wheel ships the .qm files of the checkout. Each must be exactly its .ts
compiled by the pinned PySide6's lrelease, or the installed app would show stale or missing Japanese."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"
FIX = "run scripts/build-translations.sh and commit resources/translations/*.qm"


@pytest.mark.parametrize("ts", sorted(TRANSLATIONS.glob("*.ts")), ids=lambda p: p.name)
def test_each_committed_qm_is_its_ts_compiled(ts: Path, tmp_path: Path) -> None:
    committed = ts.with_suffix(".qm")
    assert committed.is_file(), f"{committed.name} is missing: {FIX}"
    fresh = tmp_path / committed.name
    subprocess.run([str(LRELEASE), "-silent", str(ts), "-qm", str(fresh)], check=True, timeout=60)
    assert fresh.read_bytes() == committed.read_bytes(), f"{committed.name} is not {ts.name} compiled: {FIX}"


def test_the_qm_files_are_tracked_by_git() -> None:
    if shutil.which("git") is None:  # .ci/run installs no git: a machine given the files another way
        pytest.skip("git is not installed")
    tracked = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "resources/translations"], capture_output=True, text=True
    )
    if tracked.returncode != 0:
        pytest.skip("not a git checkout (e.g. an unpacked sdist)")
    names = set(tracked.stdout.split())
    for ts in TRANSLATIONS.glob("*.ts"):
        assert f"resources/translations/{ts.stem}.qm" in names, f"{ts.stem}.qm is not committed: {FIX}"
