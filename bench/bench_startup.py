"""Start-up to the main window over 1,000 transfers, against a bare PySide6 window running one query.

Both run as fresh subprocesses (offscreen), interleaved, several times. The figure is the median wall time
from spawn until the window is painted: the moment its picture has been grabbed, which each child reports
on the system's monotonic clock, before it encodes that picture as a PNG (the time until the PNG is on
disk, which the bench watches for, is printed too: encoding a full window takes the app about 25 ms more
than the floor's nearly empty one, and is not start-up). Time to process exit is printed for information:
it adds the interpreter's and Qt's teardown. The app runs its check mode (`transfer-tool gui
--screenshot`), which signs in from TRANSFER_TOOL_USER/PASSWORD (one argon2 verification, as a real
sign-in), opens the main window, waits for the register's first rows and the dashboard, and saves a PNG.
The floor does the least a Qt + SQLAlchemy app can: import both (SQLAlchemy first, see FLOOR), open the
engine, run one `SELECT count(*)`, show a window with the number and save a PNG of it. The app is started
both ways: `transfer-tool gui` (the launcher) and `transfer-tool-gui` (ui.desktop:main, the app alone).
Both sides run with bytecode caches, as an installed app does. A last line shows the app up to its sign-in
dialog (no password check, no main window). The main-window runs also report the time spent in argon2's
password check (a deliberate cost of signing in), and the figures are printed both with it and without
it. Target: app ≤ 2 × floor. Prints figures and ratios; asserts nothing.

    QT_QPA_PLATFORM=offscreen python bench/bench_startup.py [--runs 7] [--transfers 1000]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSWORD = "bench password 1234"

# SQLAlchemy before the binding: PySide6's import hook reads the source of every module imported after it
# (about 25 ms for SQLAlchemy's), so this order is the least such an app can do; the app loads in this
# order too. The floor as first written (the binding first) is timed beside it, for comparison.
FLOOR = """
import sys
import time
from sqlalchemy import create_engine, text
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv[:1])
engine = create_engine(sys.argv[1])
with engine.connect() as conn:
    count = conn.execute(text("SELECT count(*) FROM transfer")).scalar()
window = QMainWindow()
window.setCentralWidget(QLabel(f"{count} transfers"))
window.resize(1280, 800)
window.show()

def grab() -> None:
    picture = window.grab()
    print("PAINTED", time.monotonic(), file=sys.stderr)
    picture.save(sys.argv[2], "PNG")
    app.quit()

QTimer.singleShot(0, grab)
app.exec()
"""

FLOOR_QT_FIRST = FLOOR.replace("from sqlalchemy import create_engine, text\n", "").replace(
    "QMainWindow\n", "QMainWindow\nfrom sqlalchemy import create_engine, text\n", 1
)


# Runs a module as `python -m` would, timing argon2's password check (the sign-in's deliberate cost) so
# the main-window time can also be shown without it. The wrapper itself imports argon2 (~10 ms), which
# the app imports anyway before it signs in.
TIMED_SIGN_IN = """
import atexit, runpy, sys, time
import argon2

verify = argon2.PasswordHasher.verify
spent = [0.0]

def timed(self, *args, **kwargs):
    start = time.perf_counter()
    try:
        return verify(self, *args, **kwargs)
    finally:
        spent[0] += time.perf_counter() - start

argon2.PasswordHasher.verify = timed
atexit.register(lambda: print(f"ARGON2_SECONDS {spent[0]:.6f}", file=sys.stderr))

# When the window has been painted (grabbed), before its PNG is encoded: QWidget.grab is wrapped as soon as
# the app imports the binding's widgets (imported here, it would change the app's own loading order).
import importlib.util


def painted_after(grab):
    def painted(self, *args):
        picture = grab(self, *args)
        print("PAINTED", time.monotonic(), file=sys.stderr)
        return picture

    return painted


class WrapGrab:
    def find_spec(self, name, path=None, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            module.QWidget.grab = painted_after(module.QWidget.grab)

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, WrapGrab())
module = sys.argv[1]
sys.argv = [module, *sys.argv[2:]]
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""


def make_database(folder: Path, transfers: int) -> str:
    from tests.ui.seed import bulk_register
    from transfer_tool.accounts import users
    from transfer_tool.runtime.bootstrap import open_database
    from transfer_tool.runtime.config import resolve_config

    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    db = open_database(resolve_config(url))
    users.create_first_admin(db, "admin", "Bench Admin", PASSWORD)
    bulk_register(db, transfers)
    db.dispose()
    return url


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Run:
    painted: float  # spawn until the window was painted (grabbed; reported by the child), before its PNG
    window: float  # spawn until the window's PNG is on disk: it was shown, painted and grabbed
    exit: float  # spawn until the process has exited (adds the interpreter's and Qt's teardown)
    argon2: float  # seconds in argon2's password check (0 when not reported)


def timed(cmd: list[str], env: dict[str, str], png: Path, cpu: list[float] | None = None) -> Run:
    """One run; the process's CPU seconds (all threads) are appended to `cpu`."""
    png.unlink(missing_ok=True)
    cpu_start = _children_cpu()
    start = time.perf_counter()
    spawned = time.monotonic()  # the children report on this clock (system-wide on Linux)
    proc = subprocess.Popen(
        cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    window = 0.0
    while proc.poll() is None:
        if not window and png.exists() and png.stat().st_size > 0:
            window = time.perf_counter() - start
        time.sleep(0.001)
    ended = time.perf_counter() - start
    stderr = proc.stderr.read() if proc.stderr else ""
    if cpu is not None:
        cpu.append(_children_cpu() - cpu_start)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[:4]} failed ({proc.returncode}):\n{stderr}")
    argon2 = [float(line.split()[1]) for line in stderr.splitlines() if line.startswith("ARGON2_SECONDS")]
    marks = [float(line.split()[1]) for line in stderr.splitlines() if line.startswith("PAINTED")]
    window = window or ended
    return Run(marks[0] - spawned if marks else window, window, ended, sum(argon2))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--transfers", type=int, default=1000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        folder = Path(tmp)
        url = make_database(folder, args.transfers)
        # As installed: pip and the bundle ship bytecode, so the children may cache theirs (in the temporary
        # folder, not the checkout) even where the machine sets PYTHONDONTWRITEBYTECODE; the warm-up run
        # below writes it. Without caches each start would compile ~150 of the app's modules (~110 ms).
        inherited = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        base_env = {
            **inherited,
            "PYTHONPYCACHEPREFIX": str(folder / "pycache"),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(ROOT),
            "XDG_CONFIG_HOME": str(folder / "config"),
            "TRANSFER_TOOL_DATA_DIR": str(folder / "data"),
        }
        signed_in = {**base_env, "TRANSFER_TOOL_USER": "admin", "TRANSFER_TOOL_PASSWORD": PASSWORD}
        no_user = {
            k: v for k, v in base_env.items() if k not in ("TRANSFER_TOOL_USER", "TRANSFER_TOOL_PASSWORD")
        }
        py = sys.executable
        commands = {
            "floor: PySide6 window + one SQLAlchemy query": (
                [py, "-c", FLOOR, url, str(folder / "floor.png")],
                base_env,
            ),
            "floor as first written (Qt imported first)": (
                [py, "-c", FLOOR_QT_FIRST, url, str(folder / "floor-qt-first.png")],
                base_env,
            ),
            "app: main window (transfer-tool gui)": (
                [
                    py,
                    "-c",
                    TIMED_SIGN_IN,
                    "ui.launcher",
                    "--database",
                    url,
                    "gui",
                    "--screenshot",
                    str(folder / "app.png"),
                ],
                signed_in,
            ),
            "app: main window (transfer-tool-gui)": (
                [
                    py,
                    "-c",
                    TIMED_SIGN_IN,
                    "ui.desktop",
                    "--database",
                    url,
                    "--screenshot",
                    str(folder / "app2.png"),
                ],
                signed_in,
            ),
            "app: up to the sign-in dialog (transfer-tool gui)": (
                [
                    py,
                    "-m",
                    "ui.launcher",
                    "--database",
                    url,
                    "gui",
                    "--screenshot",
                    str(folder / "signin.png"),
                ],
                no_user,
            ),
        }
        pngs = {
            name: Path(next(a for a in cmd if a.endswith(".png"))) for name, (cmd, _env) in commands.items()
        }
        for name, (cmd, env) in commands.items():  # warm the file cache and the bytecode caches once
            timed(cmd, env, pngs[name])
        results: dict[str, list[float]] = {name: [] for name in commands}
        no_check: dict[str, list[float]] = {name: [] for name in commands}
        to_png: dict[str, list[float]] = {name: [] for name in commands}
        to_exit: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, (cmd, env) in commands.items():
                run = timed(cmd, env, pngs[name], cpu[name])
                results[name].append(run.painted)
                to_png[name].append(run.window)
                to_exit[name].append(run.exit)
                no_check[name].append(run.painted - run.argon2)

    floor_name = next(iter(commands))
    floor = statistics.median(results[floor_name])
    print(
        f"start-up over {args.transfers} transfers, median of {args.runs} runs "
        "(wall, spawn until the window is painted: grabbed, as the child reports it)"
    )
    for name, times in results.items():
        med = statistics.median(times)
        print(
            f"  {name:48s} {med * 1000:7.0f} ms  (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})"
            f"  ratio {med / floor:4.2f}×"
        )
    floor_png = statistics.median(to_png[floor_name])
    print("the same runs until the PNG of the window is on disk (adds encoding a picture of it):")
    for name, times in to_png.items():
        med = statistics.median(times)
        print(f"  {name:48s} {med * 1000:7.0f} ms  ratio {med / floor_png:4.2f}×")
    floor_exit = statistics.median(to_exit[floor_name])
    print("the same runs until the process has exited (teardown included; for information):")
    for name, times in to_exit.items():
        med = statistics.median(times)
        print(f"  {name:48s} {med * 1000:7.0f} ms  ratio {med / floor_exit:4.2f}×")
    floor_cpu = statistics.median(cpu[floor_name])
    print("CPU seconds of each process (all threads; steadier than wall time on a shared machine):")
    for name, times in cpu.items():
        med = statistics.median(times)
        print(f"  {name:48s} {med * 1000:7.0f} ms CPU  ratio {med / floor_cpu:4.2f}×")
    print("without the sign-in's argon2 password check (its time measured in each run and taken off):")
    for name in ("app: main window (transfer-tool gui)", "app: main window (transfer-tool-gui)"):
        med = statistics.median(no_check[name])
        check = statistics.median(a - b for a, b in zip(results[name], no_check[name], strict=True))
        print(f"  {name:48s} {med * 1000:7.0f} ms  (argon2 {check * 1000:.0f} ms)  ratio {med / floor:4.2f}×")
    for name in ("app: main window (transfer-tool gui)", "app: main window (transfer-tool-gui)"):
        app = statistics.median(results[name])
        bare = statistics.median(no_check[name])
        print(
            f"target: app ≤ 2.00 × floor; {name[5:]}: {app / floor:.2f}× with sign-in, "
            f"{bare / floor:.2f}× without the password check"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
