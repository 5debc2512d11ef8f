"""A long session must not crash: PySide6 6.12 on Python 3.11 leaks references to None on every call."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SESSION = """
import sys
sys.path.insert(0, {root!r})
{prelude}
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit
app = QApplication([])
box, line = QCheckBox(), QLineEdit()
for _ in range(120_000):  # a long day of clicking and typing
    box.setChecked(True)
    line.setText("x")
print("alive")
"""


def _run(prelude: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    code = SESSION.format(root=str(ROOT), prelude=prelude)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)


def test_a_long_session_survives_with_the_app_imported() -> None:
    result = _run("import ui")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "alive" in result.stdout


def test_without_the_workaround_python_311_would_abort() -> None:
    """Shows the test above can fail: the bare binding on 3.11 dies (on 3.12+ it survives, as it should)."""
    result = _run("")
    if sys.version_info >= (3, 12):
        assert result.returncode == 0
    else:
        assert result.returncode != 0 and "dealloc" in result.stderr
