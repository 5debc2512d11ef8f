"""Where the shipped data/ and resources/ folders are: in a source checkout, in an installed copy and in
a frozen (PyInstaller) bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from transfer_tool.i18n.engine_text import error_text

_PACKAGE = Path(__file__).resolve().parent


def _candidates(name: str) -> tuple[Path, ...]:
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        # A PyInstaller bundle keeps them in its own folder (packaging/transfer-tool.spec); never look
        # anywhere else, so a bundle cannot pick up a checkout's files by accident.
        return (Path(bundle) / name,)
    # An installed wheel carries the folders inside the package; a checkout has them beside it.
    return (_PACKAGE / "_shipped" / name, _PACKAGE.parent / name)


@cache
def _root(name: str) -> Path:
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(error_text("the shipped folder {0} is missing; reinstall the tool", repr(name)))


def data_dir() -> Path:
    return _root("data")


def resources_dir() -> Path:
    return _root("resources")


def docs_dir() -> Path:
    """The user guide and its screenshots (Help → User guide)."""
    return _root("docs")


def user_guide() -> Path:
    return docs_dir() / "user-guide.md"


def data_file(name: str) -> Path:
    return data_dir() / name


def resource_file(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
