"""A sentence the engine writes, as its catalogue id and arguments as well as its English.

`EngineText` is a `str`: its value is the English sentence exactly as the engine wrote it before (what is
stored, compared, hashed in the audit log and pinned by tests), so no caller has to change. It also keeps
the msgid (the English template of the `engine` or `errors` domain, `{0}`, `{1}`... for the values) and
the values, so a screen or the report translates it by id, each value translated in turn
(`transfer_tool.i18n.stored_text`). Where the English is stored (a re-assessment flag's reason), the id and
values are stored beside it (`to_json`) and read back with it (`from_json`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class EngineText(str):
    """English made from a catalogue template and values; `msgid` and `args` say how."""

    msgid: str
    args: tuple[str, ...]  # each value as the English shows it; a nested EngineText keeps its own id

    def __new__(cls, msgid: str, *args: object) -> EngineText:
        # Each value as str.format writes it (an enum by its value, a date in ISO form); plain text as it is.
        values = tuple(a if type(a) is str or isinstance(a, EngineText) else format(a, "") for a in args)
        self = super().__new__(cls, msgid.format(*values) if values else msgid)
        self.msgid = msgid
        self.args = values
        return self

    def __getnewargs__(self) -> tuple[str, ...]:  # type: ignore[override]
        # A copy or a pickle (report workers run in other processes) is rebuilt from the id and the values.
        return (self.msgid, *self.args)


def engine_text(msgid: str, *args: object) -> EngineText:
    """The sentence `msgid` with `args` in its {0}, {1}... (f-string formats applied by the caller)."""
    return EngineText(msgid, *args)


def error_text(msgid: str, *args: object) -> EngineText:
    """An error message a service raises (the catalogue's `errors` domain), made the same way."""
    return EngineText(msgid, *args)


def engine_list(separator: str, items: Sequence[str]) -> str:
    """`items` joined by `separator` as the English does ("a, b, c"), made of the catalogue's "{0}, {1}"
    (or "{0}; {1}") so each item is translated by itself and the list by the language's separator."""
    if not items:
        return ""
    joined: str = items[0]
    for item in items[1:]:
        joined = EngineText("{0}" + separator + "{1}", joined, item)
    return joined


def to_json(text: str) -> dict[str, Any] | None:
    """The id and values of `text` as JSON ({"id": msgid, "args": [...]}, a nested EngineText as a nested
    object, a plain value as its string); None for text without an id (nothing to store beside it)."""
    if not isinstance(text, EngineText):
        return None
    return {"id": text.msgid, "args": [to_json(a) or str(a) for a in text.args]}


def from_json(english: str, message: object) -> str:
    """The stored English back as the EngineText its stored id and values make. The English as written when
    there is no message (a row stored before messages were) or when the message does not make that English
    (a row edited by hand): the English is what was stored and audited."""
    if message is None:
        return english
    try:
        rebuilt = _rebuilt(message)
    except (KeyError, TypeError, ValueError, IndexError):
        return english
    return rebuilt if rebuilt == english else english


def _rebuilt(message: object) -> EngineText:
    if not isinstance(message, dict) or not isinstance(message.get("id"), str):
        raise ValueError("not a stored message")
    args = message.get("args", [])
    if not isinstance(args, list):
        raise ValueError("stored values are not a list")
    values = [a if isinstance(a, str) else _rebuilt(a) for a in args]
    return EngineText(message["id"], *values)
