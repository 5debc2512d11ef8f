"""Compile the message catalogue: each data/locale/<lang>/LC_MESSAGES/<domain>.po to the .mo beside it.

The tool reads the .mo (the standard library's gettext, about 1 ms a domain) instead of parsing the .po
with Babel in every process. The .mo files are committed, like the Qt .qm files, so that `pip install .`
ships them; tests/unit/test_catalogues_compiled.py fails when one is not its .po compiled.
scripts/build-translations.sh runs this.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from transfer_tool.i18n import catalogue


def main() -> int:
    written = 0
    for po in sorted(catalogue.locale_dir().glob("*/LC_MESSAGES/*.po")):
        domain, lang = po.stem, po.parent.parent.name
        mo = catalogue.mo_file(domain, lang)
        compiled = catalogue.compile_po(domain, lang)
        # Rewritten only when a translation changed: the header's creation date is the time of compiling.
        if not mo.is_file() or not catalogue.same_entries(mo.read_bytes(), compiled):
            mo.write_bytes(compiled)
            written += 1
    print(f"compile-catalogues: {written} .mo file(s) written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
