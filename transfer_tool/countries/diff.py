"""Field-level differences between two versions of a destination (history view, import preview)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, NamedTuple

from transfer_tool.countries.model import Destination
from transfer_tool.countries.serialize import destination_to_dict


class FieldChange(NamedTuple):
    path: str  # e.g. "regimes.EU.status", "access_laws[fisa702].reason", "appi.cbpr"
    before: Any  # JSON-compatible value, None when the field did not exist
    after: Any  # JSON-compatible value, None when the field was removed


def _flatten(value: Any, prefix: str, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(item, f"{prefix}.{key}" if prefix else str(key), out)
    elif isinstance(value, list) and value and all(isinstance(v, dict) and "key" in v for v in value):
        # Access laws are identified by their key, so reordering is not a change.
        for item in value:
            _flatten({k: v for k, v in item.items() if k != "key"}, f"{prefix}[{item['key']}]", out)
    else:
        out[prefix] = value


def diff_destinations(
    before: Destination | None, after: Destination | None, ignore: Collection[str] = ("version",)
) -> list[FieldChange]:
    """Every changed leaf field, sorted by path; `None` on one side means the destination is new/removed."""
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    if before is not None:
        _flatten(destination_to_dict(before), "", old)
    if after is not None:
        _flatten(destination_to_dict(after), "", new)
    changes = [
        FieldChange(path, old.get(path), new.get(path))
        for path in sorted(old.keys() | new.keys())
        if path not in ignore and old.get(path) != new.get(path)
    ]
    return changes
