"""The report fonts' parsed character tables, kept on disk between processes.

Registering IPAexGothic (6 MB, 12,000 characters) and DejaVu Sans with ReportLab means parsing each
font's character map and metrics in pure Python: about 0.15 s of every process that renders a report, more
than the render itself. The result of that parse (which glyph draws each character, the widths, where
each glyph is) depends only on the font file and ReportLab's parser, so it is stored in the user's cache
folder (`config.user_cache_dir()/fonts`) under the SHA-256 of the font file and ReportLab's version, as
`marshal` data (plain dicts and lists; loading it runs no code). A missing, stale or damaged entry is
parsed again and rewritten; a cache folder that cannot be written costs only the time.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any

import reportlab

from transfer_tool.runtime.config import user_cache_dir

_log = logging.getLogger(__name__)

FORMAT = 1  # bump when what is stored changes
# What ReportLab's `TTFontFile.extractInfo` reads from the character map and metrics tables on top of the
# header fields (`extractInfo(charInfo=0)`), which stay cheap and are always read from the file.
CHAR_INFO = ("charToGlyph", "glyphToChar", "charWidths", "defaultWidth", "hmetrics", "glyphPos")


def cache_folder() -> Path:
    return user_cache_dir() / "fonts"


def cache_file(font_data: bytes, stem: str) -> Path:
    digest = hashlib.sha256(font_data).hexdigest()[:32]
    version = f"rl{reportlab.Version}-m{marshal.version}-f{FORMAT}"
    return cache_folder() / f"{stem}-{digest}-{version}.marshal"


def load_tables(path: Path) -> dict[str, Any] | None:
    try:
        info = marshal.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, EOFError, ValueError, TypeError) as exc:
        _log.debug("font cache %s unreadable (%s): parsing the font again", path, exc)
        return None
    if not isinstance(info, dict) or set(info) != set(CHAR_INFO):
        _log.debug("font cache %s holds something else: parsing the font again", path)
        return None
    return info


def store_tables(path: Path, info: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".font-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                marshal.dump(info, out)
            os.replace(tmp, path)  # whole or not at all, also with two processes writing at once
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        _log.debug("font cache %s not written (%s)", path, exc)
