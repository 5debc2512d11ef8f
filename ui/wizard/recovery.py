"""A new transfer typed but not storable yet survives a crash (issue 18): its fields are kept in the user's
settings file until the transfer is stored or the user discards it, and the next "New transfer" restores
them.

The register refuses a transfer without its required fields (exporter, importer, destination, categories,
retention...), so until those are filled nothing can go to the database; this copy is what a killed
process leaves behind. It is per person (the tool's user name) on this computer, written within the
autosave pause (`autosave.DELAY_MS`) of the last keystroke.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from enum import Enum
from typing import Any

from transfer_tool.register.transfers import TransferInput
from ui import settings as keys
from ui.settings import Settings

log = logging.getLogger("ui.wizard.recovery")


def encode(data: TransferInput) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in dataclasses.fields(data):
        value = getattr(data, f.name)
        out[f.name] = (
            value.value if isinstance(value, Enum) else list(value) if isinstance(value, tuple) else value
        )
    return out


def decode(raw: dict[str, Any]) -> TransferInput:
    """The input back, each field checked against its type; a field that does not fit keeps its default."""
    blank = TransferInput(exporter_id=0, importer_id=0, destination="")
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(blank):
        if f.name not in raw:
            continue
        default, value = getattr(blank, f.name), raw[f.name]
        try:
            if isinstance(default, Enum):
                changes[f.name] = type(default)(value)
            elif isinstance(default, tuple) and isinstance(value, list):
                changes[f.name] = tuple(str(v) for v in value)
            elif (
                (isinstance(default, bool) and isinstance(value, bool))
                or (f.name == "volume" and (value is None or isinstance(value, int)))
                or (isinstance(default, int) and isinstance(value, int) and not isinstance(value, bool))
                or (isinstance(default, str) and isinstance(value, str))
            ):
                changes[f.name] = value
        except ValueError:
            continue
    return dataclasses.replace(blank, **changes)


class NewTransferRecovery:
    """The kept copy of one user's unstored new transfer."""

    def __init__(self, settings: Settings, username: str) -> None:
        self.settings = settings
        self.username = username

    def keep(self, data: TransferInput) -> None:
        self.settings.set(
            keys.UNSTORED_NEW_TRANSFER, json.dumps({"user": self.username, "input": encode(data)})
        )
        self.settings.sync()  # on disk now: a crash a moment later must find it

    def take(self) -> TransferInput | None:
        """The kept copy for this user, if any (it stays kept until stored or discarded)."""
        text = self.settings.get(keys.UNSTORED_NEW_TRANSFER)
        if not text:
            return None
        try:
            kept = json.loads(text)
            if kept.get("user") != self.username or not isinstance(kept.get("input"), dict):
                return None
            return decode(kept["input"])
        except (ValueError, AttributeError):
            log.warning("the kept copy of an unsaved new transfer could not be read; it is dropped")
            self.settings.reset(keys.UNSTORED_NEW_TRANSFER)
            return None

    def clear(self) -> None:
        """Drop this user's kept copy (another user's, on the same computer, stays)."""
        text = self.settings.get(keys.UNSTORED_NEW_TRANSFER)
        if not text:
            return
        try:
            owner = json.loads(text).get("user")
        except (ValueError, AttributeError):
            owner = self.username  # unreadable: nobody can use it
        if owner == self.username:
            self.settings.reset(keys.UNSTORED_NEW_TRANSFER)
            self.settings.sync()
