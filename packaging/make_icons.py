"""Render resources/icons/transfer-tool.svg to the icon files the packages need.

    .venv/bin/python packaging/make_icons.py

writes transfer-tool-{16,32,48,64,128,256,512}.png (Linux, the window icon), transfer-tool.ico (Windows,
16-256 in one file) and transfer-tool.icns (macOS) beside the SVG. Qt draws the SVG; Pillow (installed
with reportlab) packs the .ico and .icns. The outputs are committed, so a build does not need this.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "transfer-tool.svg"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    pngs = {}
    for size in SIZES:
        path = ICONS / f"transfer-tool-{size}.png"
        if not render(renderer, size).save(str(path), "PNG"):
            print(f"cannot write {path}", file=sys.stderr)
            return 1
        pngs[size] = path
    try:
        from PIL import Image
    except ImportError:
        print("Pillow is not installed: .ico and .icns not written (see packaging/README.md)")
        return 0
    # Each size from its own rendering (sharper than Pillow's downscaling of one big image).
    images = {size: Image.open(path).convert("RGBA") for size, path in pngs.items()}
    images[256].save(
        ICONS / "transfer-tool.ico",
        format="ICO",
        sizes=[(s, s) for s in SIZES if s <= 256],
        append_images=[images[s] for s in SIZES if s < 256],
    )
    images[512].save(
        ICONS / "transfer-tool.icns", format="ICNS", append_images=[images[s] for s in (16, 32, 64, 128, 256)]
    )
    print(f"wrote {len(pngs)} PNG, transfer-tool.ico and transfer-tool.icns in {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
