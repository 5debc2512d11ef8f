"""Whether the app has a display to open its windows on, asked before Qt is: without one Qt prints its
plugin list, says "Reinstalling the application may fix this problem" and aborts the process (code 134,
a core dump), which is what a newcomer on a server saw from the README's first command."""

from __future__ import annotations

import os
import sys


def missing_display() -> str | None:
    """What to tell the person when there is surely no display, else None (Qt then decides). Only on
    Linux and the BSDs with no platform chosen: Qt then opens an X11 connection, or a Wayland one in a
    Wayland session."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    env = os.environ
    if env.get("QT_QPA_PLATFORM") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    if env.get("XDG_SESSION_TYPE") == "wayland":  # the Wayland client library finds its default socket
        return None
    return (
        "no display to show the app on (neither DISPLAY nor WAYLAND_DISPLAY is set): start it in a desktop "
        "session. Without one, `QT_QPA_PLATFORM=offscreen transfer-tool gui --screenshot app.png` checks "
        "the installation, and the command line works as it is (`transfer-tool --help`)."
    )
