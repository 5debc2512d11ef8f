"""How the checking process starts (issue 21). `verify` on the command line forks it where that is safe
(Linux: the child starts with what the parent loaded, about 80 ms sooner): a caller with a single thread
(a lock another thread holds at a fork stays held in the child; Qt's native threads count too) and a small
heap (the child's memory cap counts what it inherits). Anything else spawns, and so does every `Checker`
not asked to fork (the app)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Each checker checks a file (not a PDF: refused as unsigned, in the child) and says how it was started
# and whether the collector runs in its process (the launcher starts with it off; a forked child inherits).
_PROBE = """
import gc, threading, time
from transfer_tool.signing.checking import Checker, inspect_pdf

def started(checker):
    with checker.start() as c:
        signed = c.inspect(b"%PDF-1.7 not a real file", [])[0].signed
        collecting = c._pool.submit(gc.isenabled).result()
        return f"{c.start_method}:{signed}:{collecting}"

gc.disable()
print(started(Checker(fork_if_safe=True)))
print(started(Checker()))
ballast = bytearray(80 * 1024 * 1024)  # a big caller
print(started(Checker(fork_if_safe=True)))
del ballast
threading.Thread(target=time.sleep, args=(2,), daemon=True).start()  # a caller with another thread
print(started(Checker(fork_if_safe=True)))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks only where Linux counts the threads")
def test_only_a_small_single_threaded_caller_forks_and_the_child_collects() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == [
        "fork:False:True",
        "spawn:False:True",
        "spawn:False:True",
        "spawn:False:True",
    ]
