"""The bundled Japanese font, so that Japanese text renders on machines without a system CJK font."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase, QGuiApplication

from transfer_tool.paths import resource_file

log = logging.getLogger("ui.fonts")

JAPANESE_FONT = ("fonts", "ipaexg.ttf")  # IPAexGothic, IPA Font Licence (resources/fonts/)


def register_bundled_fonts(app: QGuiApplication) -> list[str]:
    """Register the bundled font and add it to the application font's fallback list; returns its families."""
    path = resource_file(*JAPANESE_FONT)
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("could not load the bundled font %s; Japanese may show as boxes", path)
        return []
    families = QFontDatabase.applicationFontFamilies(font_id)
    font = app.font()
    # Keep the platform's UI font first; Qt falls back to the next family for glyphs it lacks.
    fallback = [f for f in families if f not in font.families()]
    font.setFamilies([*font.families(), *fallback])
    app.setFont(font)
    return list(families)
