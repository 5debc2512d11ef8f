"""Frozen entry point of the `transfer-tool` executable (console): the command line and `gui`.

The same as the `transfer-tool` script of an installed wheel (ui.launcher:main); the launcher calls
multiprocessing.freeze_support(), which `report --all` workers need in a bundle.
"""

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
