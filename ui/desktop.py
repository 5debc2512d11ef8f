"""`transfer-tool-gui`: the desktop app alone (the `transfer-tool` command adds the headless commands).

Like `ui.launcher`, it pauses the cyclic garbage collector while the app's modules load and its first window
is built (ui.app.startup_finished turns it back on): start-up makes some 100,000 long-lived objects, and
collecting among them is ~90 ms of a start for nothing.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        import multiprocessing  # about 9 ms: only the bundle needs it here

        # The Verify screen checks a PDF in a child process (trust.verify_document): in a frozen bundle
        # that child re-enters here and must not start the app.
        multiprocessing.freeze_support()
    gc.disable()
    try:
        from ui.launcher import ctrl_c_deferred

        with ctrl_c_deferred():
            from ui.app import main as run_app

        return run_app(argv)
    except KeyboardInterrupt:  # Ctrl-C while the modules load, before the app handles it itself
        print("interrupted; nothing more was done", file=sys.stderr)
        return 130
    finally:
        gc.enable()


if __name__ == "__main__":
    sys.exit(main())
