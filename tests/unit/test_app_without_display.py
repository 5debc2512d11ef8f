"""Where the app cannot show or save a window, one line says what to do. The README's first command on a
machine without a display (a server, an SSH session) got Qt's plugin list, "Reinstalling the application
may fix this problem" and an abort (code 134, a core dump). Real processes, as a terminal starts them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.entry_point import run_script

# Leaves the environment as a terminal without a display has it, then runs the launcher.
_WITHOUT_DISPLAY = """
import os, sys
for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
    os.environ.pop(name, None)
from ui.launcher import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland: Linux")
@pytest.mark.parametrize("argv", [[], ["gui"]])
def test_without_a_display_the_app_says_so_in_one_line(tmp_path: Path, argv: list[str]) -> None:
    url = f"sqlite:///{tmp_path / 'tool.sqlite3'}"
    done = run_script(tmp_path, _WITHOUT_DISPLAY, "--database", url, *argv, check=False)
    assert done.returncode == 5, done.stderr
    assert done.stderr.startswith("transfer-tool: no display to show the app on (neither DISPLAY nor ")
    assert "QT_QPA_PLATFORM=offscreen transfer-tool gui --screenshot app.png" in done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert not (tmp_path / "tool.sqlite3").exists()  # nothing was set up for an app that cannot show


def test_a_check_mode_picture_that_cannot_be_written_is_one_line_and_ends(tmp_path: Path) -> None:
    """A picture under a file (its folder cannot be made, by root either): a traceback in a Qt slot, and
    the check mode never ended."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    picture = blocker / "shots" / "app.png"
    script = (
        "import os, sys\nos.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from ui.launcher import main\nsys.exit(main(sys.argv[1:]))\n"
    )
    url = f"sqlite:///{tmp_path / 'tool.sqlite3'}"
    done = run_script(tmp_path, script, "--database", url, "gui", "--screenshot", str(picture), check=False)
    assert done.returncode == 1, done.stderr
    assert done.stderr == (
        f"transfer-tool: cannot write the picture {picture} (Not a directory): choose a folder you may write to\n"
    )
