"""Text chosen in the reader's language when it is shown, not when it is built.

The report's value (`transfer_tool.report.data.ReportData`) is built once and rendered in any language, so
what it holds is either text shown as written (`str`: what a person typed, a code, a file name) or a
`Translatable`: a catalogue `Message` with its arguments, `Stored` English the core keeps (an engine
sentence, a piece of shipped country prose), or `Joined` pieces. Adding a language adds .po files, not code.
"""

from __future__ import annotations

from dataclasses import dataclass

from transfer_tool.i18n import catalogue


class Translatable:
    """A text with a reading per language."""

    def get(self, lang: str) -> str:
        raise NotImplementedError


Arg = str | int | float | Translatable


def read(value: Arg, lang: str) -> Arg:
    """An argument as it goes into a sentence in `lang`: text translated, numbers left for the format."""
    return value.get(lang) if isinstance(value, Translatable) else value


@dataclass(frozen=True)
class Message(Translatable):
    """A catalogue entry (msgid = the English) and its {name} arguments, themselves read in the language."""

    domain: str
    msgid: str
    args: tuple[tuple[str, Arg], ...] = ()
    context: str = ""
    plural: str = ""  # with `count`: the English plural; the language's plural rule picks the form
    count: int = 0

    def get(self, lang: str) -> str:
        values = {name: read(value, lang) for name, value in self.args}
        if self.plural:
            return catalogue.ngettext(self.domain, self.msgid, self.plural, self.count, lang, **values)
        if self.context:
            return catalogue.pgettext(self.domain, self.context, self.msgid, lang, **values)
        return catalogue.gettext(self.domain, self.msgid, lang, **values)


def message(domain: str, msgid: str, *, context: str = "", **args: Arg) -> Message:
    return Message(domain, msgid, tuple(args.items()), context)


@dataclass(frozen=True)
class Stored(Translatable):
    """English the core stored as written (an engine sentence, shipped country prose), read through the
    catalogue's entries for stored text; what it does not know is shown as written."""

    english: str

    def get(self, lang: str) -> str:
        from transfer_tool.i18n.stored_text import translate

        return translate(self.english, lang)


@dataclass(frozen=True)
class Joined(Translatable):
    """Pieces one after the other, with a separator that may itself differ by language ("; " and "、")."""

    parts: tuple[Arg, ...]
    separator: Arg = "\n"

    def get(self, lang: str) -> str:
        return str(read(self.separator, lang)).join(str(read(p, lang)) for p in self.parts)
