"""Ctrl-C in the terminal that started the app: the app closes as File → Quit closes it, and ends with code
130 (the shell's code for Ctrl-C).

Python's own handler would raise KeyboardInterrupt inside whichever slot runs next: a traceback on the
terminal, and the app running on. Here SIGINT only asks the GUI thread to close the windows the normal way
(a wizard saves what was typed as it closes). When a window stays open because it asks something first,
the terminal is told so; a second Ctrl-C then ends the app at once (a new transfer not storable yet is
kept by the wizard's crash copy, `ui/wizard/recovery.py`).

Python runs a signal handler only between bytecodes, and in the event loop no Python runs until some event
calls it: the signal's wake-up byte (`signal.set_wakeup_fd`) is written to a socket a QSocketNotifier
watches, so a Python slot runs at once and the handler with it.
"""

from __future__ import annotations

import signal
import socket
import sys
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

EXIT_INTERRUPTED = 130


class CtrlC(QObject):
    """While it lives, SIGINT calls `close_all` on the GUI thread; `close_all` returns False while a window
    stays open. `end_now` is called on the second Ctrl-C."""

    def __init__(self, parent: QObject, close_all: Callable[[], bool], end_now: Callable[[], None]) -> None:
        super().__init__(parent)
        self._close_all = close_all
        self._end_now = end_now
        self._asked = False
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = signal.signal(signal.SIGINT, self._on_signal)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        try:
            while self._reader.recv(64):
                pass
        except BlockingIOError:
            pass

    def _on_signal(self, _signum: int, _frame: FrameType | None) -> None:
        # Inside whatever Python code was running: only schedule the work.
        QTimer.singleShot(0, self, self._act)

    def _act(self) -> None:
        if self._asked:
            print("transfer-tool: interrupted again: the app ends now", file=sys.stderr, flush=True)
            self._end_now()
            return
        self._asked = True
        print("transfer-tool: interrupted: closing the app as File > Quit does", file=sys.stderr, flush=True)
        if not self._close_all():
            print(
                "transfer-tool: a window asks something before it closes: answer it in the app, or press "
                "Ctrl-C again to end the app at once",
                file=sys.stderr,
                flush=True,
            )

    def uninstall(self) -> None:
        """Give SIGINT back to what handled it before (tests run the app more than once)."""
        signal.signal(signal.SIGINT, self._previous)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
