"""The application icon (resources/icons), apart from the About dialog so start-up need not load that."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from transfer_tool.paths import resource_file

ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """The application icon in every shipped size."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = resource_file("icons", f"transfer-tool-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon
