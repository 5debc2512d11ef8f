"""Worker processes that never outlive the command that started them.

`report --all` renders in a pool of spawned processes (about 135 MB each), and `verify` parses a file
in a child process of its own. If the command is killed,
nobody would end them, so each worker, as it starts:

- asks Linux to send it SIGKILL when its parent dies (`prctl(PR_SET_PDEATHSIG)`, through ctypes);
- and, on every system, watches its parent from a daemon thread and exits once the parent is gone
  (its parent id changes), within `POLL_SECONDS`.

The pool is created from the command's main thread, so the "parent" the kernel watches is the
command itself (PR_SET_PDEATHSIG fires when the creating *thread* ends).

A terminal's Ctrl-C goes to every process of the command's group: a worker still loading its modules
would print a traceback for it. Workers started inside `deaf_to_ctrl_c()` ignore it; the command hears it
and stops them (`stop_workers`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

POLL_SECONDS = 1.0
_PR_SET_PDEATHSIG = 1


def _ask_kernel_to_kill_me_with(parent_pid: int) -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no libc to call: the watching thread still works
        return


def _watch(parent_pid: int) -> None:
    while True:
        if os.getppid() != parent_pid:
            os._exit(3)  # the parent is gone: nobody will collect our results
        time.sleep(POLL_SECONDS)


def die_with_parent(parent_pid: int) -> None:
    """Pool initializer: end this worker when the process `parent_pid` ends."""
    _ask_kernel_to_kill_me_with(parent_pid)
    if os.getppid() != parent_pid:  # the parent died before the request above took effect
        os._exit(3)
    threading.Thread(target=_watch, args=(parent_pid,), name="watch-parent", daemon=True).start()


@contextmanager
def deaf_to_ctrl_c() -> Iterator[None]:
    """Processes started inside ignore SIGINT (an ignored signal stays ignored across exec, and Python then
    installs no KeyboardInterrupt of its own). In the main thread only: elsewhere nothing changes. A Ctrl-C
    in the few milliseconds inside is lost: pressed again, it works."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def stop_workers(workers: set[BaseProcess]) -> None:
    """End `workers` now (the command was interrupted): they ignore Ctrl-C and would finish their work."""
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    for worker in workers:
        worker.join(timeout=5)


def started_children() -> set[BaseProcess]:
    """This process's live child processes started through multiprocessing."""
    import multiprocessing

    return set(multiprocessing.active_children())
