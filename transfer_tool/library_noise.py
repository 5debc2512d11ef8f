"""Third-party warnings and log records go to the log at debug level, not to the user's terminal.

In normal use a library's own chatter is noise to the person running a command: pyHanko warns on import
that cryptography deprecates DSA, and logs a traceback for each check that fails while a signature is
verified, although the tool's result already says, in its own words, what failed. `quiet_libraries()`
turns every record of a logger that is not the tool's (`transfer_tool`, `ui`, Qt's messages routed by
the app as `qt`) into a DEBUG record on the terminal handlers, and every warning raised outside the
tool's packages into a DEBUG record of `py.warnings`. They are shown when the root logger is at DEBUG
(`TRANSFER_TOOL_DEBUG=1`); the tool's own warnings and errors are shown as before.
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

ENV_DEBUG = "TRANSFER_TOOL_DEBUG"
OWN_LOGGERS = frozenset({"transfer_tool", "ui", "qt", "py.warnings", "root", "__main__"})
_OWN_PACKAGES = tuple(str(Path(__file__).resolve().parents[1] / name) for name in ("transfer_tool", "ui"))
WARNINGS_LOGGER = "py.warnings"


def debug_requested() -> bool:
    return os.environ.get(ENV_DEBUG, "") not in ("", "0")


def is_own_logger(name: str) -> bool:
    return name in OWN_LOGGERS or name.split(".", 1)[0] in OWN_LOGGERS


class LibraryRecordsAsDebug(logging.Filter):
    """On a handler: a third-party record becomes DEBUG, and passes only when the root logger shows DEBUG."""

    def filter(self, record: logging.LogRecord) -> bool:
        if is_own_logger(record.name):
            return True
        record.levelno = logging.DEBUG
        record.levelname = logging.getLevelName(logging.DEBUG)
        return logging.getLogger().isEnabledFor(logging.DEBUG)


def _is_own_file(filename: str) -> bool:
    try:
        resolved = str(Path(filename).resolve())
    except (OSError, ValueError):
        return False
    return resolved.startswith(_OWN_PACKAGES)


def log_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """A `warnings.showwarning` that logs: the tool's own warnings at WARNING, a library's at DEBUG."""
    level = logging.WARNING if _is_own_file(filename) else logging.DEBUG
    logging.getLogger(WARNINGS_LOGGER).log(
        level, "%s:%s: %s: %s", filename, lineno, category.__name__, message
    )


def _terminal_handlers() -> list[logging.Handler]:
    """The root's plain stream handlers: what `logging.basicConfig` sets up for the terminal (a file
    handler or a test's capture handler is a subclass and is left alone)."""
    return [h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler]


def quiet_libraries() -> Callable[[], None]:
    """Route library warnings and records as above, until the returned function is called."""
    previous_show = warnings.showwarning
    warnings.showwarning = log_warning
    root = logging.getLogger()
    previous_level = root.level
    if debug_requested():
        root.setLevel(logging.DEBUG)
    noise = LibraryRecordsAsDebug()
    handlers = _terminal_handlers()
    for h in handlers:
        h.addFilter(noise)

    def undo() -> None:
        for h in handlers:
            h.removeFilter(noise)
        root.setLevel(previous_level)
        if warnings.showwarning is log_warning:
            warnings.showwarning = previous_show

    return undo
