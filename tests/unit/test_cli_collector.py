"""A headless command loads its code with Python's cycle collector paused, and collects once its database
is open (issue 21; transfer_tool/runtime/collector.py): about 0.1 s of a `report` and 0.05 s of a
read-only command were collections walking freshly imported modules and finding nothing."""

from __future__ import annotations

from pathlib import Path

from tests.entry_point import run_script

# Runs the real entry point in a fresh process and prints what the collector did around the database's
# opening. What this harness imports itself (the storage layer) loads before `main`, with the collector on.
_RUN = """
import gc, sys
events = []
gc.callbacks.append(lambda phase, info: events.append("collect") if phase == "start" else None)
from transfer_tool.storage import database
opened = database.Database.__init__
def observed(self, *args, **kwargs):
    events.append("open")
    opened(self, *args, **kwargs)
    events.append(f"opened: collector {gc.isenabled()}, frozen {gc.get_freeze_count() > 0}")
database.Database.__init__ = observed
from transfer_tool.runtime import collector
resume = collector.resume
collector.resume = lambda: (events.append("end"), resume())
from ui.launcher import main
events.clear()
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
events = events[: events.index("end")]  # what happened before main resumed the collector
upto = events.index("open") if "open" in events else len(events)
print("collections before the database:", events[:upto].count("collect"))
print("collections after it:", events[upto:].count("collect"))
print(next((e for e in events if e.startswith("opened")), "opened: never"))
print(f"after main: collector {gc.isenabled()}, frozen {gc.get_freeze_count() > 0}, exit {code}")
"""


def _run(tmp_path: Path, *argv: str) -> dict[str, str]:
    done = run_script(tmp_path, _RUN, *argv)
    said = {}
    for line in done.stdout.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            said[key] = value.strip()
    return said


def test_a_command_loads_with_the_collector_paused_and_collects_once_its_database_is_open(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'tool.sqlite3'}"
    said = _run(tmp_path, "--database", url, "countries", "show", "JP")
    # The command's modules (country data, the models, the ORM's mapper set-up) loaded with no collection.
    assert said["collections before the database"] == "0"
    # From the opening on, the collector runs (a long command collects its cycles), over the new objects
    # only: what existed then is frozen.
    assert said["opened"] == "collector True, frozen True"
    assert int(said["collections after it"]) > 0  # migrating and seeding a new file made garbage to collect
    # `main` leaves the process as it found it (the tests call it in theirs).
    assert said["after main"] == "collector True, frozen False, exit 0"


def test_a_command_without_a_database_keeps_the_collector_paused_to_its_end(tmp_path: Path) -> None:
    said = _run(tmp_path, "countries", "--help")
    assert said["opened"] == "never"
    assert said["collections before the database"] == "0"
    assert said["after main"] == "collector True, frozen False, exit 0"


# The desktop app's start with its database named by an abbreviated option (argparse accepts `--data URL`
# for `--database URL`): what the collector does when the app opens its database.
_GUI = """
import gc, sys
import ui.launcher
from transfer_tool.storage.database import Database
def app(args):
    Database(args.database).dispose()
    print(f"app opened its database: collector {gc.isenabled()}, frozen {gc.get_freeze_count() > 0}")
    return 0
ui.launcher._run_gui = app
sys.exit(ui.launcher.main(sys.argv[1:]))
"""


def test_the_app_started_with_an_abbreviated_option_keeps_its_own_collector_policy(tmp_path: Path) -> None:
    """Starting the app is not a headless command, whichever spelling names its database: the collector
    stays off when it opens the database (the app turns on its GUI-thread collector itself, ui/collector.py:
    a collection on a worker thread destroys widgets there)."""
    url = f"sqlite:///{tmp_path / 'tool.sqlite3'}"
    for argv in (["--database", url], ["--data", url], ["--d", url], ["-v", "--datab", url]):
        done = run_script(tmp_path, _GUI, *argv, check=False)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "app opened its database: collector False, frozen False", argv
