"""Country completion in the order people expect: exact code and exact name first, then names that start
with what was typed, then the rest (the shared search, `transfer_tool.countries.names.CountryNames.search`).

Qt's own completer filters a fixed list and keeps its alphabetical order: "India" offered British Indian
Ocean Territory first and "IN" listed Argentina before India. This one asks the search at each keystroke and
shows its answer as it comes (unfiltered popup).
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from transfer_tool.countries.names import CountryNames

LIMIT = 12


def completion_text(names: CountryNames, code: str, language: str) -> str:
    """What a completion reads, and what a chosen one puts in the field: "India (IN)"."""
    return f"{names.name(code, language)} ({code})"


class RankedCountryCompleter(QCompleter):
    """Attach with `attach(line_edit)`; the popup lists the best matches of the typed text, best first."""

    def __init__(self, names: CountryNames, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = names
        self._language = language
        self._list = QStringListModel(self)
        self.setModel(self._list)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setMaxVisibleItems(LIMIT)

    def attach(self, edit: QLineEdit) -> None:
        edit.setCompleter(self)
        edit.textEdited.connect(self.update_for)

    def suggestions(self) -> list[str]:
        return self._list.stringList()

    def update_for(self, text: str) -> None:
        """Fill the popup with the ranked matches of `text` (nothing for an empty or chosen text)."""
        query = text.strip()
        if not query or (query.endswith(")") and "(" in query):
            self._list.setStringList([])
            return
        hits = self._names.search(query, LIMIT)
        self._list.setStringList([completion_text(self._names, h.code, self._language) for h in hits])
        if hits:
            self.complete()
