"""Files the tool writes (whole or not at all) and reads (size checked first), for the command line and the app."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from transfer_tool.errors import ToolError
from transfer_tool.i18n.engine_text import error_text


def write_file(path: Path, content: bytes) -> None:
    """Write whole or not at all (a temporary file renamed into place)."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ToolError(
            error_text("The folder {0} does not exist; create it or choose another output file.", folder)
        )
    if path.is_dir():
        raise ToolError(error_text("{0} is a folder; give a file name.", path))
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ToolError(error_text("Cannot write {0}: {1}.", path, exc.strerror)) from exc


def make_folder(path: Path) -> None:
    """Create the folder `path` (and its parents) unless it exists."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ToolError(error_text("Cannot create the folder {0}: {1}.", path, exc.strerror or exc)) from exc


def read_limited(path: Path, limit: int) -> bytes:
    """A file's bytes, refused by its size before it is read."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ToolError(error_text("{0} is a folder; give a file.", path))
        if size > limit:
            raise ToolError(
                error_text(
                    "{0} is {1} MB; the limit is {2} MB. Split it and import the parts.",
                    path,
                    size // (1024 * 1024),
                    limit // (1024 * 1024),
                )
            )
        return path.read_bytes()
    except OSError as exc:
        raise ToolError(error_text("Cannot read {0}: {1}.", path, exc.strerror)) from exc
