"""Work-arounds for bugs in the Qt binding that the app cannot avoid by itself.

PySide6 6.12.0 on CPython 3.11 drops one reference to `None` (and sometimes to `True`/`False`) on every
call of a method that returns nothing, e.g. `setChecked()` or `setText()`. After some thousands of calls
in one session CPython aborts with "none_dealloc" / "bool_dealloc", losing the user's session. From
Python 3.12 these objects are immortal and the bug is harmless. The project's environment is built with
python3 (3.11 on these machines; `PYTHON=python3.12 scripts/setup-venv.sh` builds it on 3.12, where the
whole suite passes, the bundle included). On 3.11 we give the three singletons a reference count so large
that no session can exhaust it.
"""

from __future__ import annotations

import ctypes
import sys

_DONE = False
_HEADROOM = 1 << 40  # far more calls than any session makes


def protect_singletons() -> None:
    global _DONE
    if _DONE or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object; id() is the object's address.
        ctypes.c_ssize_t.from_address(id(obj)).value += _HEADROOM
    _DONE = True
