"""Python's cycle collector in a headless command: paused while the command's code loads, then on.

A command spends most of its life importing (SQLAlchemy, the models, ReportLab): some 300,000 objects that
live as long as the process. With the collector on, every 700 new objects start a collection and two full
ones walk them all again: about 0.1 s of a `report` and 0.05 s of a read-only command, a sixth of each,
for nothing found. So the launcher pauses the collector for a headless command (`pause`), and the first
database opened in the process (`Database.__init__`) settles it: what exists then is frozen out of the
collector's way (gc.freeze) and automatic collection is back on for the command's own work, so a long
command (an import of 10,000 rows, `report --all`) collects its cycles as usual. A command that never
opens a database (`--help`, `backup`, `assess` on the shipped data) runs to its end with the collector
paused: reference counting still frees everything that is not in a cycle (`assess` of 3,000 transfers:
the same peak memory either way). The desktop app has its own policy (ui/app.py, ui/collector.py).
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Automatic collection off until `settle` (the launcher, for a headless command)."""
    global _paused
    gc.disable()
    _paused = True


def settle() -> None:
    """The command's code is loaded: freeze what exists and collect from now on. Only after `pause`."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def resume() -> None:
    """The command has ended (in a longer process: the tests): undo `pause` and what `settle` froze."""
    global _paused
    _paused = False
    gc.unfreeze()
    gc.enable()
