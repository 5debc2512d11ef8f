"""The interface's bridge to the shared terminology (the catalogue's terms.po, data/locale/*/LC_MESSAGES), which the PDF report
reads too: legal terms and the labels of shared values (statuses, roles, regimes, conclusions...) come from
there, so a screen and the report always use the same Japanese.

An entry may carry `en_ui`, a shorter or more explicit English wording for a table cell or a choice
("Partial" for "Partially adequate"); the Japanese is always the one the report prints.

The interface language is recorded on the application object when the translators are installed
(`ui.i18n.install_translators`), so label functions need no language argument, like `tr()`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from transfer_tool.i18n.terminology import LANGUAGES, Terminology

LANGUAGE_PROPERTY = "transferToolLanguage"


def set_ui_language(app: QCoreApplication, language: str) -> None:
    app.setProperty(LANGUAGE_PROPERTY, language if language in LANGUAGES else "en")


def ui_language() -> str:
    """The language the interface shows: "en" until translators for another one are installed."""
    app = QCoreApplication.instance()
    value = app.property(LANGUAGE_PROPERTY) if app is not None else None
    return value if isinstance(value, str) and value in LANGUAGES else "en"


@functools.cache
def shared_terminology() -> Terminology:
    """Read once: the file is shipped data and never changes while the app runs."""
    return Terminology.load()


def term(key: str, language: str | None = None, **fields: object) -> str:
    """The wording of `key` in `language` (default: the interface's); an unknown key shows as itself."""
    lang = language or ui_language()
    terms = shared_terminology()
    entry = terms.entries.get(key, {})
    if lang == "en" and entry.get("en_ui"):
        text = entry["en_ui"]
        return text.format(**fields) if fields else text
    return terms.get(key, lang, **fields)


def term_or(key: str, fallback: str, language: str | None = None) -> str:
    """The shared wording of `key` if the list has it, else `fallback` (text the core supplies)."""
    return term(key, language) if shared_terminology().has(key) else fallback


def value_key(prefix: str, value: object) -> str:
    """The key of a shared value: `value_key("status", TransferStatus.DRAFT)` -> "status.draft"."""
    raw = getattr(value, "value", value)
    return f"{prefix}.{raw}"


def reason_text(code: str, english: str, language: str | None = None, **fields: str) -> str:
    """A reason the engine gives (an English sentence with a stable code) in the interface language.

    The list's template for the code (key "reason.<code>") filled with `fields`; the engine's own English
    when the list has no template or a field the template needs was not given, so a sentence is never
    half translated or wrong."""
    lang = language or ui_language()
    key = f"reason.{code}"
    if lang == "en":
        return english
    if not shared_terminology().has(key):
        return core_text(english, lang)  # the core's catalogue (data/locale: engine.po)
    try:
        return term(key, lang, **fields)
    except (KeyError, IndexError):
        return core_text(english, lang)


def core_text(english: str, language: str | None = None) -> str:
    """A sentence the engine wrote or a piece of shipped country-data prose, in the interface language.

    Translated through the core's message catalogue (data/locale/<lang>/LC_MESSAGES/*.po); text it does not know (an
    admin's own edit) is shown as written."""
    from transfer_tool.i18n.stored_text import translate

    return translate(english, language or ui_language())


def core_texts(items: Iterable[str], language: str | None = None) -> list[str]:
    return [core_text(x, language) for x in items]


def localize_error(exc: BaseException, language: str | None = None) -> BaseException:
    """A service's user-correctable error with its message and problems in the interface language.

    Changed in place, once (the same exception travels on to whoever handles it and may pass here again);
    the worker logs a failure before it is localized, so logs keep the service's English. A record removed
    meanwhile is said in the app's words, without the row's database number (`ui.removed_meanwhile`)."""
    from transfer_tool.errors import NotFound, Problem, ToolError, ValidationError
    from transfer_tool.i18n.engine_text import EngineText
    from ui.removed_meanwhile import removed_meanwhile

    lang = language or ui_language()
    if not isinstance(exc, ToolError) or getattr(exc, "localized_to", None):
        return exc
    said = removed_meanwhile(exc.message) if isinstance(exc, NotFound) else None
    if said is not None:  # a record removed meanwhile: the app's sentence, not the row's database number
        exc.localized_to = lang  # type: ignore[attr-defined]
        exc.message = said
        exc.args = (said,)
        return exc
    if lang == "en":
        return exc
    exc.localized_to = lang  # type: ignore[attr-defined]
    exc.message = core_text(exc.message, language)
    exc.args = (exc.message,)
    if isinstance(exc, ValidationError):
        # A location the service wrote as a sentence ("line 3, column 5") is translated too; a field's
        # path ("destinations[US].regimes.EU.condition") is code that each screen names in its own way.
        exc.problems = [
            Problem(
                core_text(p.location, language) if isinstance(p.location, EngineText) else p.location,
                core_text(p.message, language),
            )
            for p in exc.problems
        ]
    return exc
