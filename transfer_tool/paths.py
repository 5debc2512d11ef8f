"""Where the shipped data/ and resources/ folders are, in a source checkout and in an installed copy."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def _root(name: str) -> Path:
    # An installed wheel carries the folders inside the package; a checkout has them beside it.
    for candidate in (_PACKAGE / "_shipped" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the shipped folder {name!r} is missing; reinstall the tool")


def data_dir() -> Path:
    return _root("data")


def resources_dir() -> Path:
    return _root("resources")


def data_file(name: str) -> Path:
    return data_dir() / name


def resource_file(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
