"""A sentence the engine writes, as its catalogue id and arguments as well as its English.

`EngineText` is a `str`: its value is the English sentence exactly as the engine wrote it before (what is
stored, compared, hashed in the audit log and pinned by tests), so no caller has to change. It also keeps
the msgid (the English template of the `engine` or `errors` domain, `{0}`, `{1}`... for the values) and
the values, so a screen or the report translates it by id, each value translated in turn, instead of
recovering the values from the finished English (`transfer_tool.text_catalogue`, still the route for English
that lost its id: text joined from several sentences, or read back from storage).
"""

from __future__ import annotations


class EngineText(str):
    """English made from a catalogue template and values; `msgid` and `args` say how."""

    msgid: str
    args: tuple[object, ...]

    def __new__(cls, msgid: str, *args: object) -> EngineText:
        self = super().__new__(cls, msgid.format(*args) if args else msgid)
        self.msgid = msgid
        self.args = args
        return self

    def __getnewargs__(self) -> tuple[object, ...]:  # type: ignore[override]
        # A copy or a pickle (report workers run in other processes) is rebuilt from the id and the values.
        return (self.msgid, *self.args)


def engine_text(msgid: str, *args: object) -> EngineText:
    """The sentence `msgid` with `args` in its {0}, {1}... (f-string formats applied by the caller)."""
    return EngineText(msgid, *args)
