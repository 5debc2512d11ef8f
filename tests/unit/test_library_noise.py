"""No third-party warning or traceback reaches the terminal in normal use (issue 21): they are logged at
debug level. Checked with pyHanko itself: verifying an untrusted signature makes it log a traceback, and
importing its signing package makes cryptography warn about DSA."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import signed_pdfs
from transfer_tool import library_noise
from transfer_tool.signing.verify import verify_pdf

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    """A root handler writing to what stands for the terminal (sys.stderr), as `basicConfig` sets one up."""
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    for name in ("pyhanko", "pyhanko_certvalidator"):  # `transfer-tool verify` run in-process quiets them
        monkeypatch.setattr(logging.getLogger(name), "level", logging.NOTSET)
    root = logging.getLogger()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


def test_an_untrusted_signature_logs_no_traceback_on_the_terminal(terminal: io.StringIO) -> None:
    pdf = signed_pdfs.signed_stand_in()
    restore = library_noise.quiet_libraries()
    try:
        result = verify_pdf(pdf, [])
    finally:
        restore()
    assert result.verdict.startswith("UNTRUSTED")  # the tool says what failed ...
    assert terminal.getvalue() == ""  # ... pyHanko's traceback of it stays off the terminal
    # Without the routing, pyHanko does write one: the check above can fail.
    verify_pdf(pdf, [])
    assert "Traceback" in terminal.getvalue()


def test_library_records_are_debug_records_shown_only_at_debug(
    terminal: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    restore = library_noise.quiet_libraries()
    try:
        logging.getLogger("pyhanko.sign.validation").error("a library's error")
        logging.getLogger("transfer_tool.signing").warning("the tool's own warning")
        logging.getLogger("ui.app").error("the app's own error")
    finally:
        restore()
    assert terminal.getvalue().splitlines() == [
        "WARNING transfer_tool.signing: the tool's own warning",
        "ERROR ui.app: the app's own error",
    ]
    monkeypatch.setenv(library_noise.ENV_DEBUG, "1")
    restore = library_noise.quiet_libraries()
    try:
        logging.getLogger("pyhanko.sign.validation").error("a library's error")
    finally:
        restore()
    assert terminal.getvalue().splitlines()[-1] == "DEBUG pyhanko.sign.validation: a library's error"
    assert logging.getLogger().level == logging.WARNING  # restored


def test_warnings_from_libraries_are_debug_and_the_tools_own_are_warnings(terminal: io.StringIO) -> None:
    library_file = str(Path(logging.__file__))  # any file outside the tool's packages
    own_file = str(ROOT / "transfer_tool" / "cli" / "__init__.py")
    before = warnings.showwarning
    restore = library_noise.quiet_libraries()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = library_noise.log_warning  # catch_warnings resets it on entry
            warnings.warn_explicit("DSA is deprecated", UserWarning, library_file, 20)
            warnings.warn_explicit("the tool's own", UserWarning, own_file, 7)
    finally:
        restore()
    assert warnings.showwarning is before
    assert terminal.getvalue().splitlines() == [
        f"WARNING py.warnings: {own_file}:7: UserWarning: the tool's own"
    ]


def test_the_command_line_shows_no_library_warning_or_traceback(tmp_path: Path) -> None:
    """A fresh process, as a user runs it: verifying an untrusted signed file loads pyHanko's signing
    package (cryptography's DSA warning) and makes pyHanko log a traceback; stderr has only the tool's
    own lines."""
    pdf = tmp_path / "untrusted.pdf"
    pdf.write_bytes(signed_pdfs.signed_stand_in())
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TRANSFER_TOOL_DATA_DIR": str(tmp_path / "home")}
    env.pop(library_noise.ENV_DEBUG, None)
    url = f"sqlite:///{tmp_path / 'tt.sqlite3'}"
    cmd = [sys.executable, "-m", "ui.launcher", "--database", url, "verify", str(pdf)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "verdict:          UNTRUSTED" in done.stderr
    for noise in ("Warning", "Traceback", "DSA", "pyhanko"):
        assert noise not in done.stderr
    debug = subprocess.run(
        cmd, env={**env, library_noise.ENV_DEBUG: "1"}, capture_output=True, text=True, timeout=120
    )
    assert "DEBUG py.warnings:" in debug.stderr and "CryptographyDeprecationWarning" in debug.stderr
