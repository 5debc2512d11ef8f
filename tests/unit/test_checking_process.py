"""How the checking process starts (issue 21): forked where its parent has one thread (Linux: the child
starts with what the parent loaded, about 80 ms sooner), spawned where any other thread runs, Qt's native
threads included: a lock another thread holds at a fork stays held in the child."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import threading, time
from transfer_tool.signing.checking import Checker, _start_method
print(_start_method())
with Checker().start() as checker:  # a checker started either way does its work
    print(checker.inspect(b"%PDF-1.7 not a real file", [])[0].signed)
threading.Thread(target=time.sleep, args=(1,), daemon=True).start()
print(_start_method())
"""


def _probe() -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout.split()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks only where Linux counts the threads")
def test_a_single_threaded_caller_forks_and_a_threaded_one_spawns() -> None:
    assert _probe() == ["fork", "False", "spawn"]

