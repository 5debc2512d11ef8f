"""A sentence the engine writes, as its catalogue id and arguments as well as its English.

`EngineText` is a `str`: its value is the English sentence exactly as the engine wrote it before (what is
stored, compared, hashed in the audit log and pinned by tests), so no caller has to change. It also keeps
the msgid (the English template of the `engine` or `errors` domain, `{0}`, `{1}`... for the values) and
the values, so a screen or the report translates it by id, each value translated in turn, instead of
recovering the values from the finished English (`transfer_tool.i18n.text_catalogue`, still the route for English
that lost its id: text joined from several sentences, or read back from storage).
"""

from __future__ import annotations


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
