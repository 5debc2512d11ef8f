"""Resolving a conflict (someone else saved the same record first) field by field.

The three answers a person can give, and the merge itself: mine, except each field chosen as theirs. Every
screen that shows a conflict (the wizard's transfer and record, an admin's destination) merges through
`merge_fields`, so they all drop or keep a field the same way. Before any of that, a save made from what a
screen read takes only what that screen changed (`changed_since`): someone else's change to other fields
stays, and only the same field changed by both is a conflict.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

KEEP_MINE = "mine"
KEEP_THEIRS = "theirs"
USE_CHOICES = "choices"


def merge_fields(
    mine: Mapping[str, Any], theirs: Mapping[str, Any], choices: Mapping[str, str]
) -> dict[str, Any]:
    """Mine, except each field chosen as theirs; fields not mentioned stay mine."""
    merged = dict(mine)
    for key, which in choices.items():
        if which == KEEP_THEIRS:
            if key in theirs:
                merged[key] = theirs[key]
            else:
                # theirs has no such field: taking theirs means removing it
                merged.pop(key, None)
    return merged


def changed_since(
    stored: Mapping[str, Any], read: Mapping[str, Any], mine: Mapping[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """A save of `mine`, made on what a screen `read`, over what is `stored` now: each field as mine where
    the screen changed it, else as stored (someone else's change since stays); and the fields both changed
    to different values (a conflict: nothing should be saved)."""
    merged: dict[str, Any] = {}
    clashes: list[str] = []
    for name, wanted in mine.items():
        now, was = stored[name], read[name]
        merged[name] = now if wanted == was else wanted
        if wanted != was and now not in (was, wanted):
            clashes.append(name)
    return merged, clashes
