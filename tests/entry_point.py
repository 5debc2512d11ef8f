"""Runs a short script around the real entry point (`ui.launcher`) in a fresh Python process, with the
repository on the path and a data folder of the test's own: for what only a whole process shows (what
the collector does while modules load, what happens at exit)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_script(
    tmp_path: Path, script: str, *argv: str, check: bool = True
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TRANSFER_TOOL_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run(
        [sys.executable, "-c", script, *argv],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=check,
    )
