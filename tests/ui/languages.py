"""The app's language in a GUI test, installed as the app installs it (the tool's catalogue and Qt's, the
bundled Japanese font) and removed after: `language` runs a test in English and in Japanese, `japanese` in
Japanese only. A test module takes them as `language = languages.language`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from ui.fonts import register_bundled_fonts
from ui.i18n import install_translators, remove_translators


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    lang = str(request.param)
    translators = install_translators(qapp, lang)
    register_bundled_fonts(qapp)
    yield lang
    remove_translators(qapp, translators)


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[str]:
    translators = install_translators(qapp, "ja")
    register_bundled_fonts(qapp)
    yield "ja"
    remove_translators(qapp, translators)
