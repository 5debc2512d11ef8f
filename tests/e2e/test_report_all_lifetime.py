"""`report --all` workers die with their parent, and a dead worker gives a clear error (issue 17,
point 6). Real processes: the command runs as `transfer-tool report --all`, is killed with SIGKILL (or
one of its workers is), and the test looks for the worker processes in /proc."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from transfer_tool.accounts import users
from transfer_tool.assessment import service
from transfer_tool.demo import DEMO_PASSWORD, DemoParties, build_demo, create_demo_transfer
from transfer_tool.register import entities
from transfer_tool.storage.database import Database

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(600),  # building the demo and rendering on a loaded machine
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table in /proc"),
]

EXTRA_ASSESSMENTS = 60  # with both languages, two workers need several seconds


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TRANSFER_TOOL_DATA_DIR", str(tmp_path_factory.mktemp("home")))
        folder = build_demo(tmp_path_factory.mktemp("demo") / "out").directory
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    db = Database(url)
    try:
        actor = users.authenticate(db, "hanako.sato", DEMO_PASSWORD).actor()

        def one(name: str) -> entities.EntityView:
            return entities.list_entities(db, name)[0]

        parties = DemoParties(
            one("Net Japan Co"), one("Net Japan Europe"), one("Pacific Contact"), one("PCS Manila")
        )
        for i in range(EXTRA_ASSESSMENTS):
            t, _ = create_demo_transfer(db, actor, parties, title=f"Support line {i}")
            service.start_assessment(db, actor, t.id)
    finally:
        db.dispose()
    yield url


def _children(pid: int) -> set[int]:
    """The pool's worker processes among `pid`'s children: not multiprocessing's resource tracker,
    which the spawn context also starts and which ends by itself once its pipe from the parent closes
    (a moment after the parent, so it is not counted as a worker)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid != pid:
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in cmdline:
            found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start(url: str, out: Path, tmp_path: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "TRANSFER_TOOL_DATA_DIR": str(tmp_path / "home")}
    code = "import sys; from transfer_tool.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            code,
            "--database",
            url,
            "report",
            "--all",
            "--lang",
            "both",
            "--jobs",
            "2",
            "-o",
            str(out),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )


def _wait_for_workers(proc: subprocess.Popen[str], out: Path) -> set[int]:
    """The command's worker processes, once both run and the first report was written."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        workers = _children(proc.pid)
        if len(workers) >= 2 and out.is_dir() and any(out.glob("*.pdf")):
            return workers
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    raise AssertionError("the workers did not start rendering within a minute")


def _cleanup(proc: subprocess.Popen[str], pids: set[int]) -> None:
    for pid in pids:  # only the processes this test started
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
    if proc.poll() is None:
        proc.kill()
    proc.communicate()


def test_killing_report_all_leaves_no_worker_running(demo_url: str, tmp_path: Path) -> None:
    out = tmp_path / "all"
    proc = _start(demo_url, out, tmp_path)
    workers: set[int] = set()
    try:
        workers = _wait_for_workers(proc, out)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [p for p in workers if _alive(p)]
        assert not left, f"worker processes {left} outlived the killed command"
        assert len(list(out.glob("*.pdf"))) < 2 * (EXTRA_ASSESSMENTS + 2)  # it was killed mid-way
    finally:
        _cleanup(proc, workers)


def test_a_killed_worker_gives_a_clear_error_and_stops_the_others(demo_url: str, tmp_path: Path) -> None:
    out = tmp_path / "all"
    proc = _start(demo_url, out, tmp_path)
    workers: set[int] = set()
    try:
        workers = _wait_for_workers(proc, out)
        victim = max(workers)
        os.kill(victim, signal.SIGKILL)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 2
        assert "A report worker process ended unexpectedly" in err and str(out) in err
        assert "Traceback" not in err
        assert not [p for p in workers if _alive(p)]
    finally:
        _cleanup(proc, workers)


def _wait_for_spawned(proc: subprocess.Popen[str]) -> set[int]:
    """The command's two worker processes, as soon as both exist (still loading their modules)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        workers = _children(proc.pid)
        if len(workers) >= 2:
            return workers
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.01)
    raise AssertionError("the workers did not start within a minute")


@pytest.mark.parametrize("moment", ["loading", "rendering"])
def test_ctrl_c_stops_report_all_with_one_line_and_no_worker_left(
    demo_url: str, tmp_path: Path, moment: str
) -> None:
    """A terminal's Ctrl-C reaches the whole process group: the workers ignore it (a worker still loading
    its modules printed a traceback for it: seen 3 times in 3 at 0.3 to 2 s after the workers started) and
    the command stops them, saying so in one line."""
    out = tmp_path / "all"
    proc = _start(demo_url, out, tmp_path)  # its own session: the process group is the command's
    workers: set[int] = set()
    try:
        if moment == "loading":
            workers = _wait_for_spawned(proc)
            time.sleep(0.5)  # inside their imports: loading the renderer takes seconds
        else:
            workers = _wait_for_workers(proc, out)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 130, err
        assert "interrupted; nothing more was done" in err
        assert "Traceback" not in err and "KeyboardInterrupt" not in err
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [p for p in workers if _alive(p)]
    finally:
        _cleanup(proc, workers)
