"""Resolving a conflict (someone else saved the same record first) field by field.

The three answers a person can give, and the merge itself: mine, except each field chosen as theirs. Every
screen that shows a conflict (the wizard's transfer and record, an admin's destination) merges through
`merge_fields`, so they all drop or keep a field the same way.
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
