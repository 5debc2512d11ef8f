"""Frozen entry point of the `transfer-tool-gui` executable (no console on Windows): the desktop app."""

import sys

from ui.desktop import main

if __name__ == "__main__":
    sys.exit(main())
